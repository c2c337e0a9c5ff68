import { recordCaseHistoryRead } from '@care-journey/audit';
import type { EventStore } from '@care-journey/event-store';

/**
 * The read-access trail entry `care-journey audit export --child … --by dpo.review --reason …` appends
 * (apps/cli audit.command.ts): the reader as typed, role operator, the bundle view, and the OS account
 * and host that ran it (review s15 F10), here fixed so a spec can look for them on the page and in the CSV.
 */
export const CLI_EXPORT_READ = {
  readBy: 'dpo.review',
  role: 'operator',
  view: 'bundle',
  reason: 'SAR 2026-014',
  operator: { osUser: 'jsmith', host: 'ops-1' },
} as const;

/** Appends that entry for `childId`, read now, as the CLI does (it passes no query for an export). */
export async function appendCliExportRead(store: EventStore, childId: string): Promise<void> {
  await recordCaseHistoryRead(store, {
    ...CLI_EXPORT_READ,
    operator: { ...CLI_EXPORT_READ.operator },
    childId,
    query: {},
    readAt: new Date().toISOString(),
  });
}
