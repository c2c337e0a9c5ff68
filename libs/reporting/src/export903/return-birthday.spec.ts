import { birthdayAt, eighteenthBirthday } from '@care-journey/journey';
import { birthdayInLaw, birthdayInReturn, leapDayNote } from './return-birthday';

describe('birthdays in the 903 return (one rule for the export and the self-check)', () => {
  it('Given a child born on 29 February, Then the return has the 18th birthday on 28 February in a common year and 29 February in a leap year, as the validator does', () => {
    expect(birthdayInReturn('2008-02-29', 18)).toBe('2026-02-28');
    expect(birthdayInReturn('2004-02-29', 20)).toBe('2024-02-29');
  });

  it("Given the same child, Then the law has the 18th birthday on 1 March in a common year, the journey's own eighteenthBirthday", () => {
    expect(birthdayInLaw('2008-02-29', 18)).toBe('2026-03-01');
    expect(birthdayInLaw('2008-02-29', 18)).toBe(eighteenthBirthday('2008-02-29'));
    expect(birthdayInLaw('2004-02-29', 20)).toBe('2024-02-29');
    expect(birthdayInLaw('2008-03-15', 18)).toBe('2026-03-15');
  });

  it("Given the OC3 cohort (the journey's birthdayAt), Then it reckons the 17th–21st birthdays as the return does", () => {
    for (const age of [17, 18, 19, 20, 21])
      expect(birthdayAt('2008-02-29', age)).toBe(birthdayInReturn('2008-02-29', age));
  });

  it('Given a date on 28 February of a common year, When a failure rests on it, Then the note names both birthdays; any other date gives none', () => {
    expect(leapDayNote('2008-02-29', 18, '2026-02-28')).toContain('the child is 17 on 28/02/2026');
    expect(leapDayNote('2008-02-29', 18, '2026-03-01')).toBe('');
    expect(leapDayNote('2008-02-29', 18, '2026-02-27')).toBe('');
    expect(leapDayNote('2008-03-01', 18, '2026-03-01')).toBe('');
  });
});
