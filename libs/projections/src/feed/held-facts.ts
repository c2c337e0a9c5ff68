/**
 * What a consumer of the feed holds of one child beside the child's view. A new entry that makes an
 * open flag go from the view makes the feed close it (`flag.closed`) rather than withdraw it, so the
 * consumer keeps the flag's opening and that closing while the view holds neither: the view's
 * `held`. diffViews compares its records against the view before together with those, so that
 * what a line says is always news to the consumer: a correction that brings such a flag back as it
 * was sends nothing for it, and one that changes it sends the update.
 */
import type { ChangeRecord, ChildFact, ChildView } from './change-record';
import { sameJson } from './same-fact';

const idOf = (kind: string, key: string): string => `${kind}|${key}`;

/**
 * A closing the feed sent itself (held beside the view) for the breach the view now shows open
 * again: the same opening and due date, and no closing in the view (a correction undid the entry
 * that made the flag go). Another deadline under the same key is a later breach: the closing stands.
 */
function reopened(closing: ChildFact, opening: ChildFact | undefined): boolean {
  return (
    opening !== undefined &&
    opening.data.dueDate === closing.data.dueDate &&
    opening.data.openedOn === closing.data.openedOn
  );
}

/**
 * Applies `changes` (the records between the views `before` and `after`, in order) to what the
 * consumer held after `before` (its facts and `held`), as a consumer does: a record that would set a
 * fact to the data already held is dropped (never sent twice), and a closing held beside the view
 * for a flag the view shows open again is withdrawn (appended). Sets `after.held`: what the
 * consumer then holds that `after` does not.
 */
export function againstHeld(
  childId: string,
  before: ChildView | undefined,
  after: ChildView,
  changes: ChangeRecord[],
): void {
  const holds = new Map<string, ChildFact>();
  for (const fact of before?.held ?? []) holds.set(idOf(fact.kind, fact.key), fact);
  for (const fact of before?.facts ?? []) holds.set(idOf(fact.kind, fact.key), fact);
  let kept = 0;
  for (const change of changes) {
    if (change.kind === 'change.withdrawn') {
      holds.delete(idOf(change.withdrawn ?? '', change.key));
    } else if (change.kind !== 'stability.changed') {
      const id = idOf(change.kind, change.key);
      const held = holds.get(id);
      if (held !== undefined && sameJson(held.data, change.data)) continue;
      holds.set(id, { kind: change.kind, key: change.key, data: change.data });
    }
    changes[kept++] = change;
  }
  changes.length = kept;
  const inView = new Map<string, ChildFact>();
  for (const fact of after.facts) inView.set(idOf(fact.kind, fact.key), fact);
  const beside: ChildFact[] = [];
  for (const [id, fact] of holds) {
    if (inView.has(id)) continue;
    if (fact.kind === 'flag.closed' && reopened(fact, inView.get(idOf('flag.opened', fact.key)))) {
      changes.push({
        kind: 'change.withdrawn',
        key: fact.key,
        withdrawn: fact.kind,
        data: fact.data,
        childId,
        childRef: after.childRef,
        asAt: after.asAt,
      });
      continue;
    }
    beside.push(fact);
  }
  after.held = beside.length > 0 ? beside : undefined;
}

/** The view's held facts as stored with the child (null: none). */
export const heldToJson = (view: ChildView | undefined): string | null =>
  view?.held === undefined || view.held.length === 0 ? null : JSON.stringify(view.held);

/** A view made again from the stored child (its facts), given back what the consumer held beside it. */
export function withHeld(
  view: ChildView | undefined,
  json: string | null | undefined,
): ChildView | undefined {
  if (view !== undefined && json != null) view.held = JSON.parse(json) as ChildFact[];
  return view;
}
