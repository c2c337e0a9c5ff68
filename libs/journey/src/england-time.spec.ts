import { dateInEngland, dateOfInstant, endOfDateInEngland } from './england-time';

describe('dateInEngland: the calendar date in England of an instant', () => {
  it('is the UTC date in winter (GMT)', () => {
    expect(dateInEngland('2026-01-15T00:30:00Z')).toBe('2026-01-15');
    expect(dateInEngland('2026-01-15T23:59:59.999Z')).toBe('2026-01-15');
  });
  it('is the next day from 23:00 UTC in summer (BST): 00:30 BST is already tomorrow', () => {
    expect(dateInEngland('2026-07-01T22:59:59.999Z')).toBe('2026-07-01');
    expect(dateInEngland('2026-07-01T23:30:00Z')).toBe('2026-07-02');
  });
  it('reads offsets other than Z', () => {
    expect(dateInEngland('2024-05-11T00:30:00+01:00')).toBe('2024-05-11');
    expect(dateInEngland('2025-03-30T23:30:00-01:00')).toBe('2025-03-31');
  });

  describe('around the clocks going forward (Sunday 29 March 2026, 01:00 GMT → 02:00 BST)', () => {
    it('given the last evening in GMT, when it is 23:30 UTC, then it is still that day', () =>
      expect(dateInEngland('2026-03-28T23:30:00Z')).toBe('2026-03-28'));
    it('given the change night, when it is 00:59 UTC (00:59 GMT), then it is the 29th', () =>
      expect(dateInEngland('2026-03-29T00:59:00Z')).toBe('2026-03-29'));
    it('given the first evening in BST, when it is 23:30 UTC, then it is already the 30th', () =>
      expect(dateInEngland('2026-03-29T23:30:00Z')).toBe('2026-03-30'));
  });

  describe('around the clocks going back (Sunday 25 October 2026, 02:00 BST → 01:00 GMT)', () => {
    it('given the last evening in BST, when it is 23:30 UTC, then it is already the 25th', () =>
      expect(dateInEngland('2026-10-24T23:30:00Z')).toBe('2026-10-25'));
    it('given the change night, when it is 00:30 UTC (01:30 BST) and 01:30 UTC (01:30 GMT), then it is the 25th', () => {
      expect(dateInEngland('2026-10-25T00:30:00Z')).toBe('2026-10-25');
      expect(dateInEngland('2026-10-25T01:30:00Z')).toBe('2026-10-25');
    });
    it('given the first evening in GMT, when it is 23:30 UTC, then it is still the 25th', () =>
      expect(dateInEngland('2026-10-25T23:30:00Z')).toBe('2026-10-25'));
  });

  it('refuses what is not an instant with a zone', () => {
    expect(() => dateInEngland('yesterday')).toThrow(RangeError);
    expect(() => dateInEngland('2026-07-01T23:30:00')).toThrow(RangeError);
    expect(() => dateInEngland('2025-02-30T09:30:00Z')).toThrow(RangeError);
  });
  it('answers each instant for itself when the same one is asked again and again (it remembers the last)', () => {
    const asked = ['2026-07-01T23:30:00Z', '2026-07-01T23:30:00Z', '2026-01-01T23:30:00Z'];
    expect(asked.map(dateInEngland)).toEqual(['2026-07-02', '2026-07-02', '2026-01-01']);
    expect(() => dateInEngland('2025-02-30T09:30:00Z')).toThrow(RangeError);
    expect(dateInEngland('2026-07-01T23:30:00Z')).toBe('2026-07-02');
  });
  it('is what the old name dateOfInstant now answers', () =>
    expect(dateOfInstant('2026-07-01T23:30:00Z')).toBe('2026-07-02'));
});

describe('endOfDateInEngland: the last millisecond of a date in England', () => {
  it('is 23:59:59.999Z in winter', () =>
    expect(endOfDateInEngland('2026-01-15')).toBe('2026-01-15T23:59:59.999Z'));
  it('is 22:59:59.999Z in summer (23:59:59.999 BST)', () =>
    expect(endOfDateInEngland('2023-07-01')).toBe('2023-07-01T22:59:59.999Z'));
  it('given the day the clocks go forward (23 hours), then it ends at 22:59:59.999Z', () =>
    expect(endOfDateInEngland('2026-03-29')).toBe('2026-03-29T22:59:59.999Z'));
  it('given the day before, then it ends at 23:59:59.999Z (still GMT at midnight)', () =>
    expect(endOfDateInEngland('2026-03-28')).toBe('2026-03-28T23:59:59.999Z'));
  it('given the day the clocks go back (25 hours), then it ends at 23:59:59.999Z', () =>
    expect(endOfDateInEngland('2026-10-25')).toBe('2026-10-25T23:59:59.999Z'));
  it('given the day before, then it ends at 22:59:59.999Z (BST at midnight)', () =>
    expect(endOfDateInEngland('2026-10-24')).toBe('2026-10-24T22:59:59.999Z'));
  it('is on that date in England, and a millisecond later is the next date', () => {
    for (const date of ['2026-03-29', '2026-07-01', '2026-10-25', '2026-12-31']) {
      const end = endOfDateInEngland(date);
      expect(dateInEngland(end)).toBe(date);
      expect(dateInEngland(new Date(Date.parse(end) + 1).toISOString())).not.toBe(date);
    }
  });
  it('refuses what is not a calendar date', () => {
    expect(() => endOfDateInEngland('2025-02-30')).toThrow(RangeError);
    expect(() => endOfDateInEngland('1 July')).toThrow(RangeError);
  });
});

describe('dateInEngland asked instant after instant (the kept day)', () => {
  // Intl straight, with no kept answer: the reference the kept day must agree with.
  const reference = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' });

  it.each([
    ['the spring clock change', '2026-03-27T20:00:00Z'],
    ['the autumn clock change', '2026-10-23T20:00:00Z'],
    ['a GMT new year', '2025-12-30T20:00:00Z'],
  ])(
    'given instants every 7 minutes across %s, when asked in order and back again, then every date is England’s',
    (_, start) => {
      const instants: string[] = [];
      for (let ms = Date.parse(start); ms < Date.parse(start) + 4 * 86_400_000; ms += 7 * 60_000)
        instants.push(new Date(ms).toISOString());
      for (const instant of [...instants, ...instants.reverse()])
        expect([instant, dateInEngland(instant)]).toEqual([instant, reference.format(Date.parse(instant))]);
    },
  );

  it('given an instant just before and just after English midnight in summer, then they fall on different dates', () => {
    expect(dateInEngland('2026-07-01T22:59:59.999Z')).toBe('2026-07-01');
    expect(dateInEngland('2026-07-01T23:00:00.000Z')).toBe('2026-07-02');
    expect(dateInEngland('2026-07-01T22:59:59.999Z')).toBe('2026-07-01');
  });
});

describe('dateInEngland over many instants in any order (kept day starts)', () => {
  // The reference: Intl's own date in Europe/London (en-CA formats it as YYYY-MM-DD).
  const reference = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });

  it('Given every quarter hour around both clock changes of 2023 and a winter week, shuffled, When each is dated, Then each agrees with Intl', () => {
    const spans: [string, string][] = [
      ['2023-03-24T00:00:00Z', '2023-03-28T00:00:00Z'],
      ['2023-10-27T00:00:00Z', '2023-10-31T00:00:00Z'],
      ['2024-01-01T00:00:00Z', '2024-01-08T00:00:00Z'],
    ];
    const instants: number[] = [];
    for (const [from, to] of spans)
      for (let t = Date.parse(from); t < Date.parse(to); t += 15 * 60_000) instants.push(t);
    // A fixed shuffle (a stride coprime with the count), so consecutive calls jump between days.
    const stride = 7919;
    const mismatches: string[] = [];
    for (let i = 0; i < instants.length; i++) {
      const iso = new Date(instants[(i * stride) % instants.length]).toISOString();
      const expected = reference.format(new Date(iso));
      if (dateInEngland(iso) !== expected) mismatches.push(`${iso}: ${dateInEngland(iso)} ≠ ${expected}`);
    }
    expect(instants.length).toBeGreaterThan(1000);
    expect(mismatches).toEqual([]);
  });
});
