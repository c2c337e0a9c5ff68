import { correctedJourney } from '../testing/corrected-journey';
import { diffHistory } from './diff-history';
import { replayHistory } from './replay-history';

describe('diffHistory', () => {
  const events = correctedJourney();
  const at = (asAt: string | undefined, knownAt: string | undefined) =>
    replayHistory(events, { ...(asAt && { asAt }), ...(knownAt && { knownAt }) });

  it('Given knownAt moves past the late entry, Then the placement change is named as added, by whom and when', () => {
    const diff = diffHistory(
      at('2024-03-31', '2024-03-15T00:00:00Z'),
      at('2024-03-31', '2024-03-21T00:00:00Z'),
    );
    const entries = diff.changes.filter((c) => c.kind !== 'state-changed');
    expect(entries).toEqual([
      expect.objectContaining({
        kind: 'entry-added',
        eventId: 'e4',
        text: 'placement change of 2024-03-01 (e4) added: recorded by sw-2 at 2024-03-20T15:00:00.000Z',
      }),
    ]);
    expect(diff.changes).toContainEqual(
      expect.objectContaining({
        kind: 'state-changed',
        text: 'currentPlacement.placementType changed from U4 to U6',
      }),
    );
  });

  it('Given knownAt moves across both corrections, Then each correction is named with what it changed, who and when', () => {
    const diff = diffHistory(at(undefined, '2024-03-21T00:00:00Z'), at(undefined, '2024-06-01T00:00:00Z'));
    const corrected = diff.changes.find((c) => c.kind === 'entry-corrected');
    expect(corrected?.text).toBe(
      'placement change of 2024-03-01 (e4): placement type corrected from U6 to U5 by tm-1 at 2024-04-02T09:30:00.000Z (reason: wrong placement type)' +
        '; then date corrected from 2024-03-01 to 2024-03-05 by tm-2 at 2024-05-01T14:00:00.000Z (reason: moved on the 5th, not the 1st)',
    );
    expect(corrected?.corrections?.map((c) => c.eventId)).toEqual(['e6', 'e7']);
    expect(corrected?.fields).toEqual([
      { path: 'effectiveDate', from: '2024-03-01', to: '2024-03-05' },
      { path: 'placement.placementType', from: 'U6', to: 'U5' },
    ]);
  });

  it('Given an entry recorded and corrected in the same window (review s16-ofsted F5), Then it is named as added and each correction is listed too, from the value first recorded', () => {
    const diff = diffHistory(at(undefined, '2024-03-15T00:00:00Z'), at(undefined, '2024-06-01T00:00:00Z'));
    const e4 = diff.changes.filter((c) => c.eventId === 'e4');
    expect(e4.map((c) => c.kind)).toEqual(['entry-added', 'entry-corrected']);
    expect(e4[1].text).toBe(
      'placement change of 2024-03-05 (e4), recorded in between: placement type corrected from U6 to U5 by tm-1 at 2024-04-02T09:30:00.000Z (reason: wrong placement type)' +
        '; then date corrected from 2024-03-01 to 2024-03-05 by tm-2 at 2024-05-01T14:00:00.000Z (reason: moved on the 5th, not the 1st)',
    );
    expect(e4[1].corrections?.map((c) => c.eventId)).toEqual(['e6', 'e7']);
    expect(e4[1].fields).toEqual([
      { path: 'effectiveDate', from: '2024-03-01', to: '2024-03-05' },
      { path: 'placement.placementType', from: 'U6', to: 'U5' },
    ]);
  });

  it('Given the second correction moves the entry past asAt, Then the diff says it now takes effect later', () => {
    const diff = diffHistory(
      at('2024-03-03', '2024-04-10T00:00:00Z'),
      at('2024-03-03', '2024-06-01T00:00:00Z'),
    );
    expect(diff.changes[0]).toMatchObject({
      kind: 'entry-removed',
      eventId: 'e4',
      text: 'placement change of 2024-03-01 (e4) removed: it takes effect after 2024-03-03',
    });
    expect(diff.changes).toContainEqual(
      expect.objectContaining({ text: 'currentPlacement.placementType changed from U5 to U4' }),
    );
  });

  it('Given the asAt axis moves, Then entries taking effect in between are added', () => {
    const diff = diffHistory(at('2024-02-01', undefined), at('2024-03-31', undefined));
    expect(diff.changes.filter((c) => c.kind === 'entry-added').map((c) => c.eventId)).toEqual([
      'e3',
      'e4',
      'e5',
    ]);
  });

  it('Given knownAt moves backwards, Then corrections not yet recorded are named as undone', () => {
    const diff = diffHistory(at(undefined, '2024-06-01T00:00:00Z'), at(undefined, '2024-04-10T00:00:00Z'));
    const corrected = diff.changes.find((c) => c.kind === 'entry-corrected');
    expect(corrected?.text).toContain('date corrected from 2024-03-05 to 2024-03-01');
    expect(corrected?.text).toContain('not yet recorded');
    expect(corrected?.corrections?.map((c) => c.eventId)).toEqual(['e7']);
  });

  it('Given a retraction in between, Then the entry is named as retracted by whom and why', () => {
    const withRetraction = [
      ...events,
      {
        type: 'EntryRetracted',
        id: 'e8',
        recordedAt: '2024-06-10T09:00:00.000Z',
        recordedBy: 'tm-1',
        data: { childId: 'c1', effectiveDate: '2024-03-10', retractedEventId: 'e5', reason: 'duplicate' },
      },
    ] as typeof events;
    const diff = diffHistory(replayHistory(withRetraction, {}), replayHistory(withRetraction, {}));
    expect(diff.changes).toEqual([]);
    const across = diffHistory(
      replayHistory(withRetraction, { knownAt: '2024-06-01T00:00:00Z' }),
      replayHistory(withRetraction, {}),
    );
    expect(across.changes[0]).toMatchObject({
      kind: 'entry-removed',
      eventId: 'e5',
      text: 'statutory review of 2024-03-10 (e5) retracted by tm-1 at 2024-06-10T09:00:00.000Z (reason: duplicate)',
    });
  });

  it('Given the asAt axis moves past a due date, Then the flag open on the later date is named, and closed the other way round', () => {
    // The next review is due on 2024-09-10 and is never held (DR03).
    const before = at('2024-09-01', undefined);
    const after = at('2025-01-01', undefined);
    const newFlags = (after.drift?.flags ?? []).filter(
      (f) => !(before.drift?.flags ?? []).some((b) => b.ruleId === f.ruleId && b.key === f.key),
    );
    expect(newFlags.length).toBeGreaterThan(0);
    const opened = diffHistory(before, after).changes.filter((c) => c.kind === 'flag-opened');
    expect(opened.map((c) => c.flag)).toEqual(
      newFlags.map((f) => ({ ruleId: f.ruleId, key: f.key, dueDate: f.dueDate })),
    );
    expect(opened[0].text).toContain('open on 2025-01-01, not on 2024-09-01');
    const closed = diffHistory(after, before).changes.filter((c) => c.kind === 'flag-closed');
    expect(closed.map((c) => c.flag)).toEqual(opened.map((c) => c.flag));
  });

  it('Given a side with no drift date, Then no flag changes are named', () => {
    const withDate = at('2024-06-01', undefined);
    const withoutDate = replayHistory(events, {});
    expect(withoutDate.drift).toBeUndefined();
    expect(diffHistory(withoutDate, withDate).changes.some((c) => c.kind.startsWith('flag-'))).toBe(false);
  });
});
