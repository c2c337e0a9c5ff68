/** The 18th birthday: the first day a child is no longer a child who can be looked after. */
import { ageInYearsOn } from './calendar-date';
import { eighteenthBirthday, isAdultOn } from './looked-after-age';

describe('eighteenthBirthday', () => {
  it('is the birthday 18 years on, or 1 March for a 29 February birthday (18 years on is a common year)', () => {
    expect(eighteenthBirthday('2008-07-14')).toBe('2026-07-14');
    expect(eighteenthBirthday('2008-02-29')).toBe('2026-03-01');
    expect(eighteenthBirthday('2007-12-31')).toBe('2025-12-31');
  });

  it('Given each day of four years of births asked in turn, twice, When asked, Then each answer is the first day ageInYearsOn says 18, both times', () => {
    // Answers are kept per date of birth: the second pass reads them back, interleaved with others.
    const births: string[] = [];
    for (let day = Date.UTC(2004, 0, 1); day < Date.UTC(2008, 0, 1); day += 86_400_000)
      births.push(new Date(day).toISOString().slice(0, 10));
    for (const pass of [1, 2]) {
      for (const dob of births) {
        const adultFrom = eighteenthBirthday(dob);
        const dayBefore = new Date(Date.parse(adultFrom) - 86_400_000).toISOString().slice(0, 10);
        expect([pass, dob, ageInYearsOn(dob, adultFrom), ageInYearsOn(dob, dayBefore)]).toEqual([
          pass,
          dob,
          18,
          17,
        ]);
        expect(isAdultOn(dob, adultFrom) && !isAdultOn(dob, dayBefore)).toBe(true);
      }
    }
  });

  it('Given more dates of birth than are kept (8,192), When the earliest is asked again after them, Then the answer is still right (the memo emptied and refilled; review s16-diff F7)', () => {
    const births: string[] = [];
    for (let day = Date.UTC(1990, 0, 1); births.length < 9_000; day += 86_400_000)
      births.push(new Date(day).toISOString().slice(0, 10));
    const first = births.map((dob) => eighteenthBirthday(dob));
    expect(eighteenthBirthday(births[0])).toBe('2008-01-01');
    expect(births.map((dob) => eighteenthBirthday(dob))).toEqual(first);
    expect(eighteenthBirthday('1992-02-29')).toBe('2010-03-01');
  });

  it('refuses a date that is not a calendar date, every time it is asked', () => {
    for (let i = 0; i < 2; i++) expect(() => eighteenthBirthday('2008-02-30')).toThrow(RangeError);
  });
});
