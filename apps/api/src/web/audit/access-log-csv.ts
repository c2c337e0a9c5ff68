import { stringify } from 'csv-stringify/sync';
import { csvCell as cell } from '@care-journey/projections';
import type { PositionedAccessLogEntry } from '../../audit/access-log.service';
import { queryWords } from './access-log-words';

/**
 * One line per trail entry, as recorded (ids, never names); a list read's ids space-separated; a
 * command-line read's OS account and host (empty for the API's reads).
 */
export function accessLogCsv(entries: readonly PositionedAccessLogEntry[]): string {
  const header = [
    'position',
    'read_at',
    'read_by',
    'role',
    'view',
    'child_id',
    'route',
    'query',
    'reason',
    'children_named',
    'child_ids',
    // Last, so the earlier columns keep their places: a command-line read's OS account and host.
    'os_user',
    'host',
  ];
  const lines = entries.map((e) =>
    [
      e.position,
      e.readAt,
      e.readBy,
      e.role,
      e.view,
      e.childId,
      e.query?.route,
      queryWords(e).join('; '),
      e.reason,
      e.childIds?.length,
      e.childIds?.join(' '),
      e.operator?.osUser,
      e.operator?.host,
    ].map(cell),
  );
  return stringify([header, ...lines]);
}
