/**
 * import903: an authority's 903 CSV returns (one folder per year, or one flat folder) → journeys in
 * the event store, child by child. File-level problems stop the whole run before anything is
 * written; a child with any bad row, inconsistent episodes or a rule the domain refuses is reported
 * and skipped; every other child is appended atomically and idempotently (see append-child.ts).
 */
import type { EventStore } from '@care-journey/event-store';
import { journeyStream } from '@care-journey/journey';
import { ChildRefRegistry, ChildRefReleaseRefused, UpnRegistry } from '@care-journey/registrations';
import { appendChild } from './append-child';
import { collectChildren } from './collect-children';
import type { ChildFacts } from './facts';
import { issueAt, type ImportIssue } from './issues';
import { mergeYears } from './merge-years';
import { planJourney } from './plan-journey';
import { checkRowDobs } from './check-row-dobs';
import { readReturns } from './read-returns';
import { IMPORT_RECORDED_BY, importedChildId, runChild } from './run-child';
import { inOrder } from './in-order';
import { checkUpns, upnTakenMeanwhile } from './upn-claims';

/**
 * Children imported at once. Each child's appends stay in order (one async run per child), and
 * different children write different streams; appends that meet in one event-loop turn share one
 * group commit (one fsync) instead of one each. 256 (was 32): a few hundred events per commit, so a
 * quick import's ~500 children take ~2 fsyncs, not ~16; memory held is only the in-flight envelopes.
 */
const IN_FLIGHT = 256;

export interface ImportProgress {
  phase: 'read' | 'import';
  rows: number;
  totalRows: number;
  children: number;
  totalChildren: number;
  events: number;
}

export interface Import903Options {
  /** Recording instant of every imported event (default: now). */
  now?: string;
  onProgress?: (progress: ImportProgress) => void;
}

export interface ImportResult {
  years: string[];
  rows: number;
  children: { total: number; written: number; unchanged: number; rejected: number };
  events: number;
  issues: ImportIssue[];
  /** True when file-level errors stopped the run before anything was written. */
  aborted: boolean;
  elapsedMs: number;
}

const rowsOf = (f: ChildFacts): number =>
  f.headers.length +
  f.episodes.length +
  f.reviews.length +
  f.missing.length +
  f.decisions.length +
  f.adoptions.length +
  f.prevPerm.length +
  f.uasc.length +
  f.health.length +
  f.contacts.length +
  f.ignored;

/**
 * The store to import into, or how to open it: opened only once the files pass the file-level
 * checks, so a refused run creates nothing (opening a SQLite file creates it, and an empty store at
 * a mistyped path would then pass the read-only commands' "no event store at …" check).
 */
export type ImportTarget = EventStore | (() => Promise<EventStore>);

export async function import903(
  target: ImportTarget,
  dir: string,
  options: Import903Options = {},
): Promise<ImportResult> {
  const started = Date.now();
  const now = options.now ?? new Date().toISOString();
  const onProgress = options.onProgress ?? (() => undefined);
  const read = await readReturns(dir);
  const issues = [...read.fileIssues, ...read.issues];
  const result: ImportResult = {
    years: read.returns.map((r) => r.yearEnding),
    rows: read.rows,
    children: { total: 0, written: 0, unchanged: 0, rejected: 0 },
    events: 0,
    issues,
    aborted: false,
    elapsedMs: 0,
  };
  if (read.fileIssues.length > 0) {
    result.aborted = true;
    result.elapsedMs = Date.now() - started;
    return result;
  }
  const store = typeof target === 'function' ? await target() : target;
  let rowsRead = 0;
  const children = collectChildren(read.returns, issues, () => {
    rowsRead++;
    if (rowsRead % 5000 === 0)
      onProgress({
        phase: 'read',
        rows: rowsRead,
        totalRows: read.rows,
        children: 0,
        totalChildren: 0,
        events: 0,
      });
  });
  const firstYearStart = `${Number(read.returns[0].yearEnding.slice(0, 4)) - 1}-04-01`;
  const refs = [...children.keys()].sort();
  const headAtStart = await store.headPosition();
  const childRefs = new ChildRefRegistry(store);
  const upns = new UpnRegistry(store);
  // Every child's UPN against these returns and the store at once, before anything is written.
  const upnVerdicts = await checkUpns(children, upns);
  result.children.total = refs.length;
  const badRows = new Set(issues.filter((i) => i.severity === 'error' && i.child !== '').map((i) => i.child));

  let rows = 0;
  let done = 0;
  const outcomes = inOrder(refs, IN_FLIGHT, (ref) =>
    importChild(store, children.get(ref) as ChildFacts, {
      now,
      firstYearStart,
      rejectedEarlier: badRows.has(ref),
      headAtStart,
      childRefs,
      upns,
      upnRefusal: upnVerdicts.refused.get(ref),
      reservesUpn: upnVerdicts.toReserve.has(ref),
    }),
  );
  for await (const { item: ref, outcome } of outcomes) {
    rows += rowsOf(children.get(ref) as ChildFacts);
    issues.push(...outcome.issues);
    if (outcome.kind === 'written') {
      result.children.written++;
      result.events += outcome.events;
    } else if (outcome.kind === 'unchanged') result.children.unchanged++;
    else result.children.rejected++;
    done++;
    onProgress({
      phase: 'import',
      rows,
      totalRows: read.rows,
      children: done,
      totalChildren: refs.length,
      events: result.events,
    });
  }
  // The report reads file by file, line by line; the per-child verdicts come last.
  issues.sort((a, b) =>
    (a.line === 0) === (b.line === 0)
      ? a.file.localeCompare(b.file) || a.line - b.line
      : a.line === 0
        ? 1
        : -1,
  );
  result.elapsedMs = Date.now() - started;
  return result;
}

interface ChildOutcome {
  kind: 'written' | 'unchanged' | 'rejected';
  events: number;
  issues: ImportIssue[];
}

async function importChild(
  store: EventStore,
  facts: ChildFacts,
  ctx: {
    now: string;
    firstYearStart: string;
    rejectedEarlier: boolean;
    headAtStart: bigint | undefined;
    childRefs: ChildRefRegistry;
    upns: UpnRegistry;
    /** Why the child's UPN is refused (checkUpns), when it is. */
    upnRefusal: ImportIssue | undefined;
    /** Whether its UPN is reserved before its registration is written (checkUpns). */
    reservesUpn: boolean;
  },
): Promise<ChildOutcome> {
  const issues: ImportIssue[] = [];
  const rejected = (reason: string): ChildOutcome => {
    issues.push({ severity: 'error', file: '', line: 0, child: facts.child, field: '(child)', reason });
    return { kind: 'rejected', events: 0, issues };
  };
  // Named once: its sha1 is asked for by the plan and the reference reservation.
  const childId = importedChildId(facts.child);
  checkRowDobs(facts, issues);
  if (ctx.upnRefusal) issues.push(ctx.upnRefusal);
  const merged = mergeYears(facts, issues);
  const planned =
    issues.some((i) => i.severity === 'error') || ctx.rejectedEarlier
      ? []
      : planJourney(merged, childId, ctx.firstYearStart, issues);
  if (ctx.rejectedEarlier || issues.some((i) => i.severity === 'error'))
    return rejected('not imported: see the rows reported for this child');
  if (planned.length === 0) {
    // Only rows the journey cannot stand on yet (a care leaver's OC3 without their care): a warning.
    issues.push({
      severity: 'warning',
      file: '',
      line: 0,
      child: facts.child,
      field: '(child)',
      reason: 'not imported: nothing to record without a period of care (see above)',
    });
    return { kind: 'rejected', events: 0, issues };
  }
  const run = runChild(facts.child, planned, ctx.now);
  if (!run.ok) {
    issues.push(run.issue);
    return rejected('not imported: the journey broke a rule of the domain (reported above)');
  }
  // One CHILD, one child: a reference held by a child recorded otherwise (the API, the seeder, or
  // the same reference in another case) is not imported under a second child.
  const recording = { recordedAt: ctx.now, recordedBy: IMPORT_RECORDED_BY };
  if (!(await ctx.childRefs.reserve(facts.child, childId, recording)))
    return rejected(
      `not imported: CHILD ${facts.child} is already used by another child in this store (rule child-ref-in-use: a 903 reference belongs to one child, compared ignoring case)`,
    );
  // Then its UPN, as the API does: lost to a registration since the check, the reference just
  // reserved is released again (this child never became one) and nothing of the child is written.
  const [header] = merged.headers;
  if (ctx.reservesUpn && header && !(await ctx.upns.hold(header.upn, childId, recording))) {
    await releaseChildRef(ctx.childRefs, facts.child, childId, recording);
    issues.push(upnTakenMeanwhile(facts.child, header));
    return rejected('not imported: see the rows reported for this child');
  }
  const outcome = await appendChild(store, journeyStream(childId), run.envelopes, ctx.headAtStart);
  if (outcome.kind === 'too-large') return rejected(outcome.reason);
  if (outcome.kind === 'conflict') {
    // Name the row (file, line, field) that no longer gives what the store holds.
    const origin = outcome.at === undefined ? undefined : run.origins[outcome.at];
    if (!origin) return rejected(outcome.reason);
    const fields = outcome.fields?.length ? ` (${outcome.fields.join(', ')})` : '';
    issues.push(issueAt(origin.src, facts.child, `${origin.column}${fields}`, outcome.reason));
    return rejected(
      'not imported: the store already holds a different journey for this child (reported above)',
    );
  }
  return outcome.kind === 'written'
    ? { kind: 'written', events: outcome.events, issues }
    : { kind: 'unchanged', events: 0, issues };
}

/** Frees a reference reserved for a child refused after all; one since registered or released is left. */
async function releaseChildRef(
  childRefs: ChildRefRegistry,
  childRef: string,
  childId: string,
  recording: { recordedAt: string; recordedBy: string },
): Promise<void> {
  try {
    await childRefs.release(childRef, 'import refused: upn-in-use (903 rule 444)', recording, {
      byHolder: childId,
    });
  } catch (error) {
    if (!(error instanceof ChildRefReleaseRefused)) throw error;
  }
}
