/**
 * DR10 under 'resumes_clock' (docs/drift-rules.md): leaving a permanent placement resumes the clock
 * from the later of the last named entry and the last audit held on or before the day the child is
 * back in the cohort; an audit on the entry's own day is not later than it.
 */
import { journey } from '../testing/journey-builder';
import { driftConfig } from './drift-config';
import { DR10 } from './dr10-going-home-audit';

describe('DR10 resumes_clock with an audit on the same day as an entry', () => {
  const resumes = driftConfig({ DR10: { afterPermanentPlacement: 'resumes_clock' } });
  // Turns 16 on 1 January 2023 in long-term fostering confirmed as the plan (a permanent placement).
  const leavesPermanence = () =>
    journey('p')
      .registered('2007-01-01', { dateOfBirth: '2007-01-01' })
      .startCare('2022-01-01', 'C2', 'U4')
      .plan('2022-02-01', 'long_term_fostering');

  it('Given an audit held on 28 April 2024, the day the child leaves the permanent placement, When the obligations are read, Then the clock runs from that audit: one obligation, due 28 October 2024, resting on it', () => {
    const s = leavesPermanence().move('2024-04-28', 'U6').audit('2024-04-28').summary();
    expect(DR10.obligations(s, '2024-06-01', resumes)).toEqual([
      expect.objectContaining({ key: '2024-04-28@2024-04-28', dueDate: '2024-10-28', evidence: ['p-5'] }),
    ]);
  });

  it('Given an audit held on the 16th birthday (1 January 2023) during the permanent placement, When the child leaves it on 28 April 2024, Then the clock runs from the birthday and rests on the registration, not on the audit of the same day', () => {
    const s = leavesPermanence().audit('2023-01-01').move('2024-04-28', 'U6').summary();
    expect(DR10.obligations(s, '2024-06-01', resumes)).toEqual([
      expect.objectContaining({ key: '2024-04-28@2023-01-01', dueDate: '2023-07-01', evidence: ['p-1'] }),
    ]);
  });
});
