import type { AccessLogEntry, CaseHistoryView } from '@care-journey/audit';

/** What each kind of read was, in words for the trail page (docs/audit.md lists them). */
export const VIEW_WORDS: Record<CaseHistoryView, string> = {
  history: 'Case history',
  diff: 'What changed between two points',
  chronology: 'Chronology',
  verify: 'Hash chain check',
  bundle: 'Signed case-history bundle',
  sar: 'Subject access export',
  events: 'Stored events',
  log: 'The whole event log',
  feed: 'Projection change feed',
  search: 'Search results',
  drift: 'Drift report',
  measures: 'Children behind a measure',
  export: 'Child summaries export',
  export903: 'SSDA903 return',
  careLeavers: 'Care leaver contacts due',
  summary: 'The child now',
  form: 'A record form',
  flags: 'Flags and flag history',
  refused: "Refused: not one of the reader's teams' children",
};

const ROLE_WORDS: Record<string, string> = {
  social_worker: 'social worker',
  panel_member: 'panel member',
  auditor: 'auditor',
  admin: 'administrator',
  reporting_job: 'reporting job',
  operator: 'operator (command line)',
};

/** An entry's view in words; a view this page does not know is shown as recorded. */
export const viewWords = (view: string): string => VIEW_WORDS[view as CaseHistoryView] ?? view;

export const roleWords = (role: string): string => ROLE_WORDS[role] ?? role;

/** The entry's query without its route (shown on its own), as `name: value` pairs. */
export function queryWords(entry: Pick<AccessLogEntry, 'query'>): string[] {
  return Object.entries(entry.query ?? {})
    .filter(([name]) => name !== 'route')
    .map(([name, value]) => `${name}: ${value}`);
}

/**
 * For a drift report read, the auditor's replay of the report at the date it was read for, as
 * known at the moment of the read: what the reader could have been shown ("what did the panel see").
 */
export function driftReplayUrl(entry: Pick<AccessLogEntry, 'view' | 'query' | 'readAt'>): string | undefined {
  const asAt = entry.query?.asAt;
  if (entry.view !== 'drift' || !asAt || !/^\d{4}-\d{2}-\d{2}$/.test(asAt)) return undefined;
  const params = new URLSearchParams({ asAt, knownAt: entry.readAt });
  // The replay takes one rule; a read of several (or none) replays them all.
  const rule = entry.query?.rule;
  if (rule && /^DR\d{2}$/.test(rule)) params.set('rule', rule);
  return `/panel/audit/drift?${params.toString()}`;
}
