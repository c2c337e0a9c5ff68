/**
 * The feed when a late step makes an open flag no longer apply: the flag is closed
 * (`no_longer_applies`), never withdrawn (change.withdrawn is for corrections only).
 * Each event goes through what the engine does (read-model-store applyToChild).
 */
import { isCorrection, type StoredJourneyEvent } from '@care-journey/journey';
import { PerEventFold } from '../engine/per-event-fold';
import { DEFAULT_DRIFT_CONFIG } from '../rules/drift-config';
import { emptySummary } from '../summary/journey-summary';
import { journey, type JourneyBuilder } from '../testing/journey-builder';
import type { ChangeRecord, ChildView } from './change-record';
import { childView, ViewParts } from './child-view';
import { diffViews } from './diff-views';
import { clockAfter } from './feed-clock';
import { FlagTracker } from './flag-tracker';

/** The feed's records for each event, as the engine writes them. */
function feedOf(events: readonly StoredJourneyEvent[], childId: string): ChangeRecord[][] {
  const fold = new PerEventFold(childId, [], emptySummary(childId));
  const flags = new FlagTracker(DEFAULT_DRIFT_CONFIG);
  const parts = new ViewParts();
  let clock: string | undefined;
  let view: ChildView | undefined;
  return events.map((event) => {
    clock = clockAfter(clock, event);
    const summary = fold.next(event);
    flags.changed(fold.changed, summary, fold.latestDate, fold.changedFrom);
    parts.changed(fold.changed);
    const next = childView(summary, clock, DEFAULT_DRIFT_CONFIG, flags, parts);
    const cause = {
      correction: isCorrection(event),
      effectiveDate: event.data.effectiveDate,
      summary,
      config: DEFAULT_DRIFT_CONFIG,
    };
    const changes = diffViews(childId, view, next, cause);
    view = next;
    return changes;
  });
}

/** The last event written, recorded on another day than its effective date. */
function recordedOn(b: JourneyBuilder, date: string): JourneyBuilder {
  (b.events.at(-1) as { recordedAt: string }).recordedAt = `${date}T12:00:00Z`;
  return b;
}

const flagLines = (changes: ChangeRecord[]) =>
  changes
    .filter((c) => c.kind.startsWith('flag.') || c.kind === 'change.withdrawn')
    .map((c): Record<string, unknown> => ({ kind: c.kind, key: c.key, withdrawn: c.withdrawn, ...c.data }));

describe('feed: a late step that makes an open flag no longer apply', () => {
  // Child G: in care from 5 January, recorded on 31 August with no review yet.
  const childG = () =>
    recordedOn(journey('g').registered('2026-01-05').startCare('2026-01-05', 'C2', 'U4'), '2026-08-31');

  it('Given DR01 and DR04 (due 2 May) reported open, When the first review is held late on 1 September, Then DR04 is closed as no longer applying, not withdrawn', () => {
    const b = childG().review('2026-09-01');
    const [, started, reviewed] = feedOf(b.events, 'g');
    expect(flagLines(started).map((l) => `${String(l.kind)} ${String(l.key)}`)).toEqual([
      'flag.opened DR01/2026-01-05',
      'flag.opened DR04/2026-01-05',
    ]);
    expect(flagLines(reviewed)).toEqual([
      {
        kind: 'flag.closed',
        key: 'DR01/2026-01-05',
        withdrawn: undefined,
        ruleId: 'DR01',
        title: expect.any(String),
        dueDate: '2026-02-02',
        openedOn: '2026-02-03',
        closedOn: '2026-09-01',
        reason: 'step',
      },
      {
        kind: 'flag.closed',
        key: 'DR04/2026-01-05',
        withdrawn: undefined,
        ruleId: 'DR04',
        title: expect.any(String),
        dueDate: '2026-05-02',
        openedOn: '2026-05-03',
        closedOn: '2026-09-01',
        reason: 'no_longer_applies',
      },
    ]);
  });

  it('Given the re-dated DR04 (due 1 December) missed too, When the next event comes, Then it opens under a key of its own (DR02, never open before, keeps its key)', () => {
    const b = childG().review('2026-09-01');
    b.move('2026-12-10', 'U4');
    const moved = feedOf(b.events, 'g')[3];
    expect(flagLines(moved).map((l) => `${String(l.kind)} ${String(l.key)} ${String(l.dueDate)}`)).toEqual([
      'flag.opened DR02/2026-01-05 2026-12-01',
      'flag.opened DR04/2026-01-05~2026-12-01 2026-12-01',
    ]);
  });

  it('Given DR04 (due 2 May) reported open, When a first review dated 1 April (before it opened) is recorded on 1 September, Then the old DR04 is closed (on its opening day, not before) and the re-dated DR02 and DR04 open', () => {
    const b = recordedOn(childG().review('2026-04-01'), '2026-09-01');
    const reviewed = feedOf(b.events, 'g')[2];
    expect(
      flagLines(reviewed).map(
        (l) =>
          `${String(l.kind)} ${String(l.key)} ${String(l.dueDate)} ${String(l.closedOn ?? '')} ${String(l.reason ?? '')}`,
      ),
    ).toEqual([
      'flag.closed DR04/2026-01-05 2026-05-02 2026-05-03 no_longer_applies',
      'flag.closed DR01/2026-01-05 2026-02-02 2026-04-01 step',
      'flag.opened DR02/2026-01-05 2026-07-01  ',
      'flag.opened DR04/2026-01-05 2026-07-01  ',
    ]);
  });

  it('Given the late review, When it is retracted (a correction), Then the flags it closed are withdrawn as before', () => {
    const b = childG().review('2026-09-01');
    const reviewId = b.lastId;
    b.add('EntryRetracted', {
      effectiveDate: '2026-09-01',
      retractedEventId: reviewId,
      reason: 'wrong child',
    });
    const retracted = feedOf(b.events, 'g')[3];
    expect(
      flagLines(retracted).map((l) => `${String(l.kind)} ${String(l.withdrawn ?? '')} ${String(l.key)}`),
    ).toEqual(
      expect.arrayContaining([
        'change.withdrawn flag.closed DR01/2026-01-05',
        'change.withdrawn flag.closed DR04/2026-01-05',
      ]),
    );
    expect(flagLines(retracted).some((l) => l.kind === 'flag.closed')).toBe(false);
  });
});

describe('feed flags after a correction that moves a step: the tracker gives flagHistory', () => {
  it('Given a review on 1 March (a day with a move too), When it is amended to 1 September, Then DR04 due 2 May is kept closed on 1 September, as flagHistory says', () => {
    const b = journey('m').registered('2026-01-05').startCare('2026-01-05', 'C2', 'U4');
    b.move('2026-03-01', 'U4').review('2026-03-01');
    const review = b.events.at(-1) as StoredJourneyEvent;
    b.add('EntryAmended', {
      effectiveDate: '2026-09-01',
      correctedEventId: review.id,
      reason: 'wrong date',
      amendedData: { ...review.data, effectiveDate: '2026-09-01' },
    });
    recordedOn(b, '2026-09-20');
    const fold = new PerEventFold('m', [], emptySummary('m'));
    const flags = new FlagTracker(DEFAULT_DRIFT_CONFIG);
    let clock: string | undefined;
    let facts: ReturnType<FlagTracker['facts']> = [];
    for (const event of b.events) {
      clock = clockAfter(clock, event);
      const summary = fold.next(event);
      flags.changed(fold.changed, summary, fold.latestDate, fold.changedFrom);
      facts = flags.facts(summary, clock);
      const expected = childView(summary, clock, DEFAULT_DRIFT_CONFIG).facts.filter((f) =>
        f.kind.startsWith('flag.'),
      );
      expect(facts).toEqual(expected);
    }
    expect(facts).toContainEqual(
      expect.objectContaining({
        kind: 'flag.closed',
        key: 'DR04/2026-01-05',
        data: expect.objectContaining({
          dueDate: '2026-05-02',
          closedOn: '2026-09-01',
          reason: 'no_longer_applies',
        }),
      }),
    );
  });
});
