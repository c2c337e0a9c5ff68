import { journey } from '../../../../../libs/projections/src/testing/journey-builder';
import { driftPageFor } from './testing/drift-page-for';

const TODAY = '2025-07-05';
// In care from 2 June 2025 with no review: DR01 (20 working days) overdue on 5 July.
const summaries = [journey('a').registered('2015-01-01').startCare('2025-06-02').summary()];

const pageFor = (params: Record<string, string>): string => driftPageFor({ summaries, today: TODAY, params });

describe('the printed panel pack (every child on one page)', () => {
  it('Given a DR01 flag, When every child is shown on one page, Then the flag says what it rests on and the threshold used', () => {
    const page = pageFor({ all: '1', rule: 'DR01' });
    expect(page).toContain('Rests on: Became looked after 2 June 2025. Threshold: workingDays 20.');
  });

  // Until session 15 the screen view left these lines to the pack and the child page; the IRO review
  // (s15-iro F6) asked for the evidence on screen, so a member escalating need not open the child.
  it('Given the paged screen view, When it is shown, Then each flag says what it rests on, without the threshold (the rules table gives it)', () => {
    const page = pageFor({ rule: 'DR01' });
    expect(page).toContain('Rests on: Became looked after 2 June 2025.</span>');
    expect(page).not.toContain('Threshold: workingDays 20.');
  });
});
