import { userInfo } from 'node:os';
import { operatorIdentity } from '../support/operator-identity';
import type { Command } from 'commander';
import {
  AS_KNOWN_WORKER_NAMES,
  authorityDriftAsKnown,
  type AuthorityDriftAsKnown,
  type KnownJourneysProgress,
  listReadEntries,
  parseAsKnownPoint,
  readKnownJourneys,
  recordCaseHistoryRead,
  withSocialWorkerName,
} from '@care-journey/audit';
import { codesOf, dateInEngland } from '@care-journey/journey';
import {
  AGE_BANDS,
  DRIFT_RULE_IDS,
  driftConfigFromEnv,
  type AgeBand,
  type DriftReportFilter,
  type DriftRuleId,
} from '@care-journey/projections';
import { openExistingStore } from '../support/open-existing-store';
import { usersFileNames } from '../support/users-file-names';

/** The CLI's role in the read-access trail (as the other `audit` commands record their reads). */
const CLI_ROLE = 'operator';
export const AUDIT_DRIFT_ROUTE = 'care-journey audit drift';

export interface AuditDriftOptions {
  asAt?: string;
  knownAt?: string;
  rule?: string;
  team?: string;
  socialWorker?: string;
  legalStatus?: string;
  ageBand?: string;
  dueWithinDays?: string;
  by?: string;
  reason?: string;
}

const LEGAL_STATUSES = codesOf('LS');

/** The options as a report's filter; anything wrong names its option and rule. */
export function filterOfOptions(options: AuditDriftOptions): DriftReportFilter {
  const errors: string[] = [];
  const rules = options.rule?.split(',').map((id) => id.trim());
  const badRule = rules?.find((id) => !(DRIFT_RULE_IDS as readonly string[]).includes(id));
  if (badRule !== undefined)
    errors.push(`--rule must be drift rule ids: ${DRIFT_RULE_IDS.join(', ')} (got ${badRule})`);
  if (options.legalStatus !== undefined && !LEGAL_STATUSES.includes(options.legalStatus))
    errors.push(`--legal-status must be a 903 LS code: ${LEGAL_STATUSES.join(', ')}`);
  if (options.ageBand !== undefined && !(AGE_BANDS as readonly string[]).includes(options.ageBand))
    errors.push(`--age-band must be one of: ${AGE_BANDS.join(', ')}`);
  const days = options.dueWithinDays === undefined ? undefined : Number(options.dueWithinDays);
  if (days !== undefined && !(/^\d{1,3}$/.test(options.dueWithinDays ?? '') && days <= 366))
    errors.push('--due-within-days must be a whole number from 0 to 366');
  if (errors.length > 0) throw new Error(errors.join('; '));
  return {
    rules: rules as DriftRuleId[] | undefined,
    team: options.team,
    socialWorker: options.socialWorker,
    legalStatus: options.legalStatus,
    ageBand: options.ageBand as AgeBand | undefined,
    dueWithinDays: days,
  };
}

/**
 * With a users file (CARE_JOURNEY_USERS), each child's social worker named as the API names them:
 * `socialWorkerName`, today's display name for the username allocated as known then, and
 * `socialWorkerNameIs` saying so. Without one, the report as replayed (usernames only).
 */
function withWorkerNames(
  report: AuthorityDriftAsKnown,
  nameOf: ((username: string) => string | undefined) | undefined,
): AuthorityDriftAsKnown & { socialWorkerNameIs?: string } {
  if (nameOf === undefined) return report;
  const children = report.children.map((row) => withSocialWorkerName(row, nameOf));
  return { ...report, children, socialWorkerNameIs: AS_KNOWN_WORKER_NAMES };
}

const percent = (progress: KnownJourneysProgress): string =>
  progress.head === 0n ? '100' : ((Number(progress.position) / Number(progress.head)) * 100).toFixed(0);

/**
 * `care-journey audit drift`: the authority's drift report as it stood on --as-at, replayed from
 * the configured store keeping only the events recorded by --known-at (default: the end of that
 * day in England), with the thresholds the panel uses. Progress goes to standard error, the report
 * (every child, not paged) to standard output as JSON; the read is recorded in the trail first.
 */
export function registerAuditDriftCommand(audit: Command): void {
  audit
    .command('drift')
    .description(
      "The authority's drift report as at a date, as known at an instant: every child replayed from the log (recorded in the read-access trail)",
    )
    .option('--as-at <date>', 'the date the report stands on, YYYY-MM-DD (default: today in England)')
    .option(
      '--known-at <instant>',
      'only events recorded by then: ISO-8601 with a zone, or YYYY-MM-DD for the end of that day in England (default: the end of --as-at)',
    )
    .option('--rule <ids>', 'drift rule ids, comma-separated (e.g. DR01,DR05)')
    .option('--team <team>', 'allocated team as at the date')
    .option('--social-worker <id>', 'allocated social worker as at the date')
    .option('--legal-status <code>', '903 legal status as at the date')
    .option('--age-band <band>', `DfE age band as at the date: ${AGE_BANDS.join(', ')}`)
    .option(
      '--due-within-days <days>',
      'early warnings for steps due within this many days (default: configured)',
    )
    .option('--by <user>', 'who is reading, for the access log (default: the OS user)')
    .option('--reason <text>', 'why, for the access log')
    .action(async (options: AuditDriftOptions) => {
      const parsed = parseAsKnownPoint(options, dateInEngland(new Date().toISOString()), {
        asAt: '--as-at',
        knownAt: '--known-at',
      });
      if ('errors' in parsed) throw new Error(parsed.errors.map((e) => `${e.field} ${e.rule}`).join('; '));
      const { point } = parsed;
      const filter = filterOfOptions(options);
      const config = driftConfigFromEnv();
      // Read before the log: a users file that cannot be read stops the command before anything is recorded.
      const nameOf = usersFileNames();
      const started = Date.now();
      const store = await openExistingStore();
      try {
        const known = await readKnownJourneys(store, point.knownAt, (progress) =>
          process.stderr.write(
            `reading the log: ${progress.eventsRead.toLocaleString('en-GB')} journey events (${percent(progress)}%)\n`,
          ),
        );
        const report = authorityDriftAsKnown(known, point.asAt, config, filter);
        const listRead = {
          view: 'drift' as const,
          route: AUDIT_DRIFT_ROUTE,
          query: {
            asAt: point.asAt,
            knownAt: point.knownAt,
            rule: filter.rules,
            team: filter.team,
            socialWorker: filter.socialWorker,
            legalStatus: filter.legalStatus,
            ageBand: filter.ageBand,
            dueWithinDays: filter.dueWithinDays,
            reason: options.reason,
          },
          childIds: report.children.map((row) => row.childId),
        };
        // The report names every child in it: in the trail before it is printed.
        const readBy = options.by ?? userInfo().username;
        const readAt = new Date().toISOString();
        for (const entry of listReadEntries(listRead))
          await recordCaseHistoryRead(store, {
            ...entry,
            role: CLI_ROLE,
            readBy,
            operator: operatorIdentity(),
            readAt,
          });
        process.stderr.write(
          `replayed ${report.childrenKnown.toLocaleString('en-GB')} children from ${report.eventsKnown.toLocaleString('en-GB')} of ${report.eventsRead.toLocaleString('en-GB')} journey events (recorded by ${point.knownAt}) in ${((Date.now() - started) / 1000).toFixed(1)} s: ${report.openFlags} open flags as at ${point.asAt}\n`,
        );
        process.stdout.write(`${JSON.stringify(withWorkerNames(report, nameOf), null, 2)}\n`);
      } finally {
        await store.close();
      }
    });
}
