import type { CorrectionLink } from './correction-links';
import { leafChanges, type LeafChange } from './leaf-changes';
import { fieldLabel, labelOf, show } from './plain-terms';
import type { CaseHistory, ReplayedEntry } from './replay-history';
import type { ReplayPoint } from './replay-point';

export type HistoryChangeKind =
  'entry-added' | 'entry-removed' | 'entry-corrected' | 'state-changed' | 'flag-opened' | 'flag-closed';

export interface HistoryChange {
  kind: HistoryChangeKind;
  /** The change in plain words. */
  text: string;
  eventId?: string;
  entryType?: string;
  /** For entry changes: the correction(s) responsible, with who and when. */
  corrections?: CorrectionLink[];
  /** For corrected entries: the entry's fields that differ; for state changes, the one field. */
  fields?: LeafChange[];
  /** For flag changes: the drift rule and the flag's key (several flags of one rule differ by key). */
  flag?: { ruleId: string; key: string; dueDate: string };
}

export interface HistoryDiff {
  from: ReplayPoint;
  to: ReplayPoint;
  changes: HistoryChange[];
}

/**
 * What changed between two replays of one child: entries added, removed, corrected, then state
 * fields, then drift flags open at one point and not the other (each side judged on its own date).
 */
export function diffHistory(from: CaseHistory, to: CaseHistory): HistoryDiff {
  const before = new Map(from.entries.map((entry) => [entry.eventId, entry]));
  const after = new Map(to.entries.map((entry) => [entry.eventId, entry]));
  const changes: HistoryChange[] = [];
  for (const entry of from.entries) {
    const later = after.get(entry.eventId);
    if (!later) changes.push(removed(entry, from, to));
    else {
      const corrected = correctedEntry(entry, later);
      if (corrected) changes.push(corrected);
    }
  }
  for (const entry of to.entries)
    if (!before.has(entry.eventId)) {
      changes.push(added(entry, from, to));
      const corrected = correctedSinceRecorded(entry, from);
      if (corrected) changes.push(corrected);
    }
  for (const field of leafChanges(from.state, to.state)) {
    changes.push({
      kind: 'state-changed',
      text: `${field.path} changed from ${show(field.from)} to ${show(field.to)}`,
      fields: [field],
    });
  }
  changes.push(...flagChanges(from, to));
  return { from: from.point, to: to.point, changes };
}

type OpenFlag = NonNullable<CaseHistory['drift']>['flags'][number];

const flagKey = (flag: OpenFlag): string => `${flag.ruleId}/${flag.key}`;

/** Flags open on one side only; nothing when either side has no drift date. */
function flagChanges(from: CaseHistory, to: CaseHistory): HistoryChange[] {
  if (!from.drift || !to.drift) return [];
  const before = new Map(from.drift.flags.map((flag) => [flagKey(flag), flag]));
  const after = new Map(to.drift.flags.map((flag) => [flagKey(flag), flag]));
  const change = (kind: 'flag-opened' | 'flag-closed', flag: OpenFlag, text: string): HistoryChange => ({
    kind,
    text,
    flag: { ruleId: flag.ruleId, key: flag.key, dueDate: flag.dueDate },
  });
  const changes: HistoryChange[] = [];
  for (const [key, flag] of before)
    if (!after.has(key))
      changes.push(
        change(
          'flag-closed',
          flag,
          `${flag.ruleId} ${flag.title} (due ${flag.dueDate}) open on ${from.drift.driftDate}, not on ${to.drift.driftDate}`,
        ),
      );
  for (const [key, flag] of after)
    if (!before.has(key))
      changes.push(
        change(
          'flag-opened',
          flag,
          `${flag.ruleId} ${flag.title} (due ${flag.dueDate}) open on ${to.drift.driftDate}, not on ${from.drift.driftDate}`,
        ),
      );
  return changes;
}

const entryName = (entry: ReplayedEntry): string =>
  `${labelOf(entry.type)} of ${entry.effectiveDate} (${entry.eventId})`;
const who = (link: CorrectionLink): string =>
  `by ${link.recordedBy} at ${link.recordedAt} (reason: ${link.reason})`;
const isNew = (link: CorrectionLink, old: CorrectionLink[] | undefined): boolean =>
  !(old ?? []).some((o) => o.eventId === link.eventId);

function added(entry: ReplayedEntry, from: CaseHistory, to: CaseHistory): HistoryChange {
  const base = { kind: 'entry-added' as const, eventId: entry.eventId, entryType: entry.type };
  if (!from.knownEventIds.includes(entry.eventId)) {
    return {
      ...base,
      text: `${entryName(entry)} added: recorded by ${entry.recordedBy} at ${entry.recordedAt}`,
    };
  }
  const undone = (from.corrections[entry.eventId] ?? []).filter(
    (l) => l.kind === 'retracted' && isNew(l, to.corrections[entry.eventId]),
  );
  if (undone.length > 0) {
    return {
      ...base,
      corrections: undone,
      text: `${entryName(entry)} stands again: its retraction ${who(undone[0])} was not yet recorded`,
    };
  }
  return {
    ...base,
    text: `${entryName(entry)} added: it takes effect by ${to.point.asAt ?? 'the later date'}`,
  };
}

/**
 * An entry first recorded inside the window and corrected inside it too (review s16-ofsted F5): its
 * corrections are listed as well, so the first-recorded value (a review keyed as held in time, then
 * moved to a late date) and who changed it are not hidden behind the entry as it now stands.
 */
function correctedSinceRecorded(entry: ReplayedEntry, from: CaseHistory): HistoryChange | undefined {
  if (from.knownEventIds.includes(entry.eventId) || entry.amendedBy.length === 0) return undefined;
  const fields = entry.originalData ? leafChanges(entry.originalData, entry.data) : [];
  const text = entry.amendedBy
    .map((link) => `${describeFields(link.changes ?? [])} ${who(link)}`)
    .join('; then ');
  return {
    kind: 'entry-corrected',
    eventId: entry.eventId,
    entryType: entry.type,
    fields,
    corrections: entry.amendedBy,
    text: `${entryName(entry)}, recorded in between: ${text}`,
  };
}

function removed(entry: ReplayedEntry, from: CaseHistory, to: CaseHistory): HistoryChange {
  const base = { kind: 'entry-removed' as const, eventId: entry.eventId, entryType: entry.type };
  const retraction = (to.corrections[entry.eventId] ?? []).find(
    (l) => l.kind === 'retracted' && isNew(l, from.corrections[entry.eventId]),
  );
  if (retraction)
    return { ...base, corrections: [retraction], text: `${entryName(entry)} retracted ${who(retraction)}` };
  if (!to.knownEventIds.includes(entry.eventId)) {
    return {
      ...base,
      text: `${entryName(entry)} removed: it was not yet recorded at ${to.point.knownAt ?? 'that time'} (recorded by ${entry.recordedBy} at ${entry.recordedAt})`,
    };
  }
  return {
    ...base,
    text: `${entryName(entry)} removed: it takes effect after ${to.point.asAt ?? 'that date'}`,
  };
}

function correctedEntry(entry: ReplayedEntry, later: ReplayedEntry): HistoryChange | undefined {
  const fields = leafChanges(entry.data, later.data);
  if (fields.length === 0) return undefined;
  const base = { kind: 'entry-corrected' as const, eventId: entry.eventId, entryType: entry.type, fields };
  const forwards = later.amendedBy.filter((link) => isNew(link, entry.amendedBy));
  if (forwards.length > 0) {
    const text = forwards.map((link) => `${describeFields(link.changes ?? [])} ${who(link)}`).join('; then ');
    return { ...base, corrections: forwards, text: `${entryName(entry)}: ${text}` };
  }
  // Going back in recording time: corrections known at `from` are not yet recorded at `to`.
  const undone = entry.amendedBy.filter((link) => isNew(link, later.amendedBy));
  return {
    ...base,
    corrections: undone,
    text: `${entryName(entry)}: ${describeFields(fields)}, because the correction(s) ${undone.map(who).join(' and ')} were not yet recorded`,
  };
}

function describeFields(fields: LeafChange[]): string {
  return fields
    .map((f) => `${fieldLabel(f.path)} corrected from ${show(f.from)} to ${show(f.to)}`)
    .join(', ');
}
