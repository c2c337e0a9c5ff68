import { rawBatchInserter, openRaw } from '../support/raw-sqlite';
import { TempDb } from '../support/temp-db';
import { progress } from '../support/timing';
import { cloneChild } from './clone-child';
import { makeTemplates, type Template } from './templates';

/** The synthetic cohort, written once to a seed file every read figure uses. */
export interface Cohort {
  file: string;
  children: number;
  events: number;
  templates: Template[];
  streams: string[];
  remove(): void;
}

type CohortChild = ReturnType<typeof cloneChild>;

/** Distinct generated children; the rest of the cohort are copies of them with their own ids. */
export const templateCount = (events: number): number =>
  Math.min(5_000, Math.max(200, Math.round(events / 11)));

/** Child i of a cohort built on `templates`: template i mod T, copy i div T. */
export function* cohortChildren(templates: readonly Template[], events: number): Generator<CohortChild> {
  let written = 0;
  for (let i = 0; written < events; i++) {
    const child = cloneChild(templates[i % templates.length], Math.floor(i / templates.length));
    written += child.events.length;
    yield child;
  }
}

/**
 * The first `children` children of a cohort, `times` over: each round the same templates in the same
 * order, with copy numbers no earlier round used. So `times`× the events and children, with exactly
 * the same events per child (a larger cohort cut by events would take a different mix of templates).
 */
export function* repeatedChildren(
  templates: readonly Template[],
  children: number,
  times: number,
): Generator<CohortChild> {
  const copiesPerRound = Math.ceil(children / templates.length);
  for (let round = 0; round < times; round++)
    for (let i = 0; i < children; i++)
      yield cloneChild(
        templates[i % templates.length],
        Math.floor(i / templates.length) + round * copiesPerRound,
      );
}

export function buildCohort(events: number, templates: Template[] = makeCohortTemplates(events)): Cohort {
  return writeCohort(cohortChildren(templates, events), templates);
}

/** `cohort`'s children `times` over, in a seed file of its own (for the scaling figure). */
export function scaledCohort(cohort: Cohort, times: number): Cohort {
  return writeCohort(repeatedChildren(cohort.templates, cohort.children, times), cohort.templates);
}

function writeCohort(children: Iterable<CohortChild>, templates: Template[]): Cohort {
  const temp = new TempDb();
  // Not timed: written at synchronous=OFF in large transactions.
  const db = openRaw(temp.file, 'OFF');
  const insert = rawBatchInserter(db);
  const streams: string[] = [];
  let total = 0;
  const pending: CohortChild[] = [];
  const flush = db.transaction(() => {
    for (const child of pending) insert(child.stream, 0, child.events);
  });
  for (const child of children) {
    streams.push(child.stream);
    pending.push(child);
    total += child.events.length;
    if (pending.length >= 500) {
      flush();
      pending.length = 0;
      if (streams.length % 10_000 === 0)
        progress(
          `cohort: ${streams.length.toLocaleString('en-GB')} children, ${total.toLocaleString('en-GB')} events`,
        );
    }
  }
  flush();
  db.close();
  return {
    file: temp.file,
    children: streams.length,
    events: total,
    templates,
    streams,
    remove: () => temp.remove(),
  };
}

export function makeCohortTemplates(events: number): Template[] {
  const count = templateCount(events);
  progress(`generating ${count.toLocaleString('en-GB')} distinct children through the decider…`);
  return makeTemplates(count, (done) => progress(`generated ${done.toLocaleString('en-GB')} children`));
}
