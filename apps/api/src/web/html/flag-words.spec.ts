import {
  driftConfig,
  ENGLAND_CALENDAR,
  workingCalendar,
  type DriftFlag,
  type FlagHistoryEntry,
} from '@care-journey/projections';
import { closedDayWords, closedWords, dueWords, flagDate, isCondition, openFlagStatus } from './flag-words';

const flag = (over: Partial<DriftFlag>): DriftFlag => ({
  ruleId: 'DR01',
  title: 'First review overdue',
  childId: 'c',
  key: 'k',
  dueDate: '2026-11-19',
  openedOn: '2026-11-20',
  daysOverdue: 8,
  evidence: [],
  threshold: { placements: 3, months: 12 },
  ...over,
});

const history = (over: Partial<FlagHistoryEntry>): FlagHistoryEntry => ({
  ...flag({}),
  closedOn: '2025-06-15',
  closedBy: 'no_longer_applies',
  ...over,
});

describe('flag words: a step due by a date, or a standing condition (DR05)', () => {
  it('Given DR05, Then it is a condition; DR01 and DR13 are steps', () => {
    expect(isCondition('DR05')).toBe(true);
    expect(isCondition('DR01')).toBe(false);
    expect(isCondition('DR13')).toBe(false);
  });

  it('Given a DR05 flag whose third placement began on 20 November 2026, When read on 27 November (daysOverdue 8), Then it is "Open 8 days, from 20 November 2026": the same figure as the API, with no due date, placed on the day it began', () => {
    const f = flag({ ruleId: 'DR05', title: 'Placement instability' });
    expect(openFlagStatus(f)).toBe('Open 8 days, from 20 November 2026');
    expect(dueWords(f)).toBe('');
    expect(flagDate(f)).toBe('2026-11-20');
  });

  it('Given a DR05 flag on the day its third placement began (daysOverdue 1), Then it is "Open 1 day", as a step flag the day after its due date is "Overdue 1 day"', () => {
    expect(
      openFlagStatus(flag({ ruleId: 'DR05', dueDate: '2026-11-26', openedOn: '2026-11-27', daysOverdue: 1 })),
    ).toBe('Open 1 day, from 27 November 2026');
    expect(openFlagStatus(flag({ daysOverdue: 1 }))).toBe('Overdue 1 day');
  });

  it('Given a step flag, Then it keeps "Overdue 8 days" and its due date', () => {
    const f = flag({});
    expect(openFlagStatus(f)).toBe('Overdue 8 days');
    expect(dueWords(f)).toBe(', due 19 November 2026');
    expect(flagDate(f)).toBe('2026-11-19');
  });

  it('Given a DR05 flag closed by the window moving on, Then "condition ended: fewer than 3 placements in the 12 months", never "step taken" or "overdue"', () => {
    expect(closedWords(history({ ruleId: 'DR05', daysOverdue: 207 }))).toBe(
      'condition ended: fewer than 3 placements in the 12 months',
    );
    // Even from a history written before DR05 closed as no longer applying.
    expect(closedWords(history({ ruleId: 'DR05', closedBy: 'step' }))).not.toMatch(/step|overdue/);
  });

  it('Given a DR05 flag closed by the care-ending entry, Then it says the child left care', () => {
    expect(closedWords(history({ ruleId: 'DR05', closingEventId: 'end-1' }))).toBe(
      'no longer applied: the child left care',
    );
  });

  it('Given step flags, Then "step taken" or "no longer applied", with the days overdue', () => {
    expect(closedWords(history({ closedBy: 'step', daysOverdue: 12 }))).toBe('step taken (12 days overdue)');
    expect(closedWords(history({ daysOverdue: 1 }))).toBe('no longer applied (1 day overdue)');
  });

  it('Given a DR04 breach re-dated by a first review held late (replacedBy), Then it says re-dated and where the deadline went, not "no longer applied" (review s15-iro F4)', () => {
    const redated = history({
      ruleId: 'DR04',
      daysOverdue: 122,
      replacedBy: { key: '2026-01-05~2026-12-01', dueDate: '2026-12-01' },
    });
    expect(closedWords(redated)).toBe(
      're-dated (122 days overdue by then): an entry that day moved the deadline to 1 December 2026',
    );
  });
});

describe('a due date on a day offices are shut (review s15-iro F7)', () => {
  it('Given Christmas Day 2026 (a Friday), the substitute Boxing Day (Monday 28 December), a Saturday and a Sunday, Then each is named; a working day gets nothing', () => {
    expect(closedDayWords('2026-12-25', ENGLAND_CALENDAR)).toBe(' (a bank holiday)');
    expect(closedDayWords('2026-12-28', ENGLAND_CALENDAR)).toBe(' (a bank holiday)');
    expect(closedDayWords('2026-12-26', ENGLAND_CALENDAR)).toBe(' (a Saturday)');
    expect(closedDayWords('2026-12-27', ENGLAND_CALENDAR)).toBe(' (a Sunday)');
    expect(closedDayWords('2026-12-29', ENGLAND_CALENDAR)).toBe('');
  });

  it("Given a council's extra bank holiday on Tuesday 29 December 2026, Then a due date that day is marked as a bank holiday; with England's calendar alone it is not", () => {
    const council = workingCalendar(driftConfig({ extraBankHolidays: ['2026-12-29'] }).extraBankHolidays);
    expect(closedDayWords('2026-12-29', council)).toBe(' (a bank holiday)');
    expect(closedDayWords('2026-12-29', ENGLAND_CALENDAR)).toBe('');
    expect(closedDayWords('2026-12-30', council)).toBe('');
  });
});
