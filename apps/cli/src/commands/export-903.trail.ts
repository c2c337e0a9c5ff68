import { listReadEntries, recordCaseHistoryRead } from '@care-journey/audit';
import type { EventStore } from '@care-journey/event-store';
import { return903ListRead } from '@care-journey/reporting';
import { operatorIdentity } from '../support/operator-identity';

/** The CLI's role in the read-access trail (as `care-journey audit` records its reads). */
const CLI_ROLE = 'operator';

/**
 * A 903 return written by the CLI carries every child's UPN, date of birth and postcodes: one
 * list read in the trail (view export903, childId `*`, the children in the return), as the API
 * records `GET /exports/903`, with role `operator` and the reader `--by` or the OS user, the OS
 * account and host beside it (metadata `operator`).
 */
export async function record903Export(
  store: EventStore,
  read: { readBy: string; yearEnding: string; out: string; codesOf?: string; childIds: readonly string[] },
): Promise<void> {
  const readAt = new Date().toISOString();
  const listRead = return903ListRead(
    'care-journey export-903',
    { yearEnding: read.yearEnding, out: read.out, codesOf: read.codesOf },
    read.childIds,
  );
  for (const entry of listReadEntries(listRead))
    await recordCaseHistoryRead(store, {
      ...entry,
      role: CLI_ROLE,
      readBy: read.readBy,
      operator: operatorIdentity(),
      readAt,
    });
}
