import { journey } from '../testing/journey-builder';
import { dueSoonOf, flagsOf } from '../testing/drift-expectations';

/** Review F9: a warning before the due date is not called "overdue"; an open flag after it is. */
describe('the titles of warnings and flags', () => {
  // Mon 2 June 2025 + 20 working days = Mon 30 June (DR01); reviewed 30 June: DR02 due 30 September.
  const started = () => journey('c').registered('2015-01-01').startCare('2025-06-02');

  it('Given the first review due in 10 days, When warned, Then the warning reads "First review due"; once past, the flag reads "First review overdue"', () => {
    const s = started().summary();
    expect(dueSoonOf(s, '2025-06-20', 'DR01')[0]).toMatchObject({
      title: 'First review due',
      daysUntilDue: 10,
    });
    expect(flagsOf(s, '2025-07-01', 'DR01')[0]).toMatchObject({ title: 'First review overdue' });
  });

  it('Given the second and later reviews coming up, When warned, Then they read "Second review due" and "Review due"', () => {
    const first = started().review('2025-06-30');
    expect(dueSoonOf(first.summary(), '2025-09-20', 'DR02')[0]).toMatchObject({ title: 'Second review due' });
    const second = first.review('2025-09-30').summary();
    expect(dueSoonOf(second, '2026-03-20', 'DR03')[0]).toMatchObject({ title: 'Review due' });
    expect(flagsOf(second, '2026-04-20', 'DR03')[0]).toMatchObject({ title: 'Review overdue' });
  });
});
