/**
 * The worklist's "Left care" and "Last contact" come from the record already read: the last end of
 * care and the latest OC3 contact, each by the list's day. Born 01/06/2006, looked after from
 * 10/01/2023.
 */
import { lastContactBy, leftCareBy } from './left-care-and-contact';
import { careLeaverRecord } from './testing/care-leaver-record';

describe('when care ended and the latest contact, by the list’s day', () => {
  const stayedOn = careLeaverRecord('SP1', '2006-06-01', {
    leftOn: '2024-06-01',
    leftBecause: 'E17',
    contacts: ['2024-06-10', { on: '2025-05-20', inTouch: 'REFU' }],
  });

  it('Given care ended on the 18th birthday (E17), When read on 15/07/2025, Then that day and E17', () =>
    expect(leftCareBy(stayedOn, '2025-07-15')).toEqual({ on: '2024-06-01', reason: 'E17' }));

  it('Given the same, When read on 31/05/2024, before care ended, Then none', () =>
    expect(leftCareBy(stayedOn, '2024-05-31')).toBeUndefined());

  it('Given care ended on 01/06/2024 and began again on 01/03/2025, When read on 15/07/2025, Then none (looked after again), and read on 01/02/2025 the first end', () => {
    const again = careLeaverRecord('RE1', '2006-06-01', { leftOn: '2024-06-01', leftBecause: 'E17' });
    again.periods.push({ start: '2025-03-01' });
    expect(leftCareBy(again, '2025-07-15')).toBeUndefined();
    expect(leftCareBy(again, '2025-02-01')).toEqual({ on: '2024-06-01', reason: 'E17' });
  });

  it('Given contacts on 10/06/2024 (YES) and 20/05/2025 (REFU), When read on 15/07/2025, Then the latest: REFU', () =>
    expect(lastContactBy(stayedOn, '2025-07-15')).toEqual({ on: '2025-05-20', inTouch: 'REFU' }));

  it('Given the same, When read on 01/01/2025, Then the contact of 10/06/2024 (a later one is not shown)', () =>
    expect(lastContactBy(stayedOn, '2025-01-01')).toEqual({ on: '2024-06-10', inTouch: 'YES' }));

  it('Given no contact, Then none', () =>
    expect(
      lastContactBy(careLeaverRecord('N1', '2006-06-01', { leftOn: '2024-06-01' }), '2025-07-15'),
    ).toBeUndefined());
});
