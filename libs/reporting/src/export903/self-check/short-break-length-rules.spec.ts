import type { Row } from '../tables';
import { checkShortBreakLengths } from './short-break-length-rules';

// Session 15: in a year still running, an open V3 break is open today, not on 31 March; the
// validator measures it to the year's end (rule_365.py, rule_367.py fill a blank DEC with it).
const running = { yearStart: '2026-04-01', yearEnding: '2027-03-31', runningOn: '2026-11-28' };
const finished = { yearStart: '2026-04-01', yearEnding: '2027-03-31' };
const v3 = (DECOM: string, DEC = '', CHILD = 'SB1'): Row => ({ CHILD, DECOM, LS: 'V3', PLACE: 'R1', DEC });
const closedBreaks = (months: string[]) => months.map((m) => v3(`01/${m}/2026`, `16/${m}/2026`));

describe('self-check 365/367 on an open short break in a year still running (today 28 November 2026)', () => {
  const rulesOf = (rows: Row[], ctx: typeof finished & { runningOn?: string }) =>
    checkShortBreakLengths(rows, ctx).map((f) => [f.rule, f.severity ?? 'failure']);

  it('Given a V3 break open since 20 November (8 days), When checked in the running year, Then 365 and 367 are warnings naming the year end and the days so far', () => {
    const found = checkShortBreakLengths([v3('20/11/2026')], running);
    expect(found.map((f) => [f.rule, f.field, f.severity])).toEqual([
      ['365', 'DEC', 'warning'],
      ['367', 'DEC', 'warning'],
    ]);
    expect(found[0].message).toMatch(
      /will fail 365 if still open on 31\/03\/2027: .* 17 days \(8 so far, to 28\/11\/2026\)/,
    );
    expect(found[1].message).toMatch(/will fail 367 .* 8 days in the year so far, 131 to 31\/03\/2027/);
  });

  it('Given the same break when the year is over (no running date), Then both are failures as the validator raises them', () =>
    expect(rulesOf([v3('20/11/2026')], finished)).toEqual([
      ['365', 'failure'],
      ['367', 'failure'],
    ]));

  it('Given a V3 break open since 20 October (39 days today), When checked in the running year, Then 365 is a failure now (already longer than 17 days) and 367 a warning (39 days so far)', () => {
    const found = checkShortBreakLengths([v3('20/10/2026')], running);
    expect(found.map((f) => [f.rule, f.severity ?? 'failure'])).toEqual([
      ['365', 'failure'],
      ['367', 'warning'],
    ]);
    expect(found[0].message).toMatch(/at most 17 days \(39 so far, to 28\/11\/2026\)/);
  });

  it('Given five 15-day breaks (75 days) and one open for 8 days, When checked in the running year, Then 367 is a failure on every counted break (83 days so far) and 365 a warning', () => {
    const found = checkShortBreakLengths(
      [...closedBreaks(['04', '05', '06', '07', '08']), v3('20/11/2026')],
      running,
    );
    expect(found.filter((f) => f.rule === '367').map((f) => f.severity ?? 'failure')).toEqual(
      Array(6).fill('failure'),
    );
    expect(found.find((f) => f.rule === '367')?.message).toMatch(
      /83 days in the year so far \(to 28\/11\/2026\), more than 75/,
    );
    expect(found.filter((f) => f.rule === '365').map((f) => f.severity)).toEqual(['warning']);
  });

  it('Given four 15-day breaks (60 days) and one open for 10 days, When checked in the running year, Then 367 is a warning on every counted break (70 so far)', () =>
    expect(
      rulesOf([...closedBreaks(['04', '05', '06', '07']), v3('18/11/2026')], running).filter(
        ([r]) => r === '367',
      ),
    ).toEqual(Array(5).fill(['367', 'warning'])));

  it('Given a closed 18-day break, When checked in the running year, Then 365 is a failure (a closed break is no prediction)', () =>
    expect(rulesOf([v3('01/10/2026', '19/10/2026')], running)).toEqual([['365', 'failure']]));
});
