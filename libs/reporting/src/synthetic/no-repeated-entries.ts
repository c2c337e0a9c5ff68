import type { DraftCommand } from './draft';

/**
 * The same plan or going-home audit drawn twice for one day (a 16-year-old's audits come both from
 * the return-home plan's steps and from the audits due at 16) is one entry: the journey refuses the
 * second as `entry-already-recorded`, as it would a form sent twice. The first is kept.
 */
export function withoutRepeatedEntries(drafts: readonly DraftCommand[]): DraftCommand[] {
  const seen = new Set<string>();
  return drafts.filter((draft) => {
    const key = repeatKey(draft);
    if (key === undefined) return true;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function repeatKey(draft: DraftCommand): string | undefined {
  if (draft.type === 'SetPermanencePlan') return `plan\n${draft.effectiveDate}\n${draft.route}`;
  if (draft.type === 'CompleteGoingHomeAudit')
    return `audit\n${draft.effectiveDate}\n${draft.outcome.trim()}\n${draft.nextAction.trim()}`;
  return undefined;
}
