/** What a synthetic authority is made of. Defaults: Cambridgeshire, three years to 31 March 2025. */
import type { CalendarDate } from '@care-journey/journey';
import { isOnsCode } from '@care-journey/projections';
import { SYNTHETIC_TEAMS } from './teams';

export interface AuthorityOptions {
  /** How many children (each has one period of care, some a second). */
  children: number;
  /** Any string: the same seed always gives the same authority. */
  seed: string;
  /** Years of history up to `yearEnding`: periods of care start in that window. */
  years: number;
  /** Last day of the generated history (a 31 March), also the latest effective date. */
  yearEnding: CalendarDate;
  /** ONS code of the responsible authority (upper tier), e.g. E10000003. */
  la: string;
  /**
   * Optional ISO-8601 instant by which everything is written up (a demo's seeding moment): a late
   * write-up (reviews, plans, audits: up to 90 days after the fact) that would come later is
   * recorded at this instant instead, so no event is stamped in the future. At least 11 days after
   * `yearEnding`, as entries that build the journey (care, placements) are recorded within 10 days.
   */
  recordedUntil?: string;
  /**
   * Optional: the social worker each team's children are allocated to (who also records their
   * entries), by team name (SYNTHETIC_TEAMS). A team not named here draws one of 120 synthetic names,
   * `sw-001`…`sw-120`, as without it; those are no users. The demo names its social workers, so the
   * forms know who each child is allocated to (apps/cli demo-social-workers.ts).
   */
  socialWorkerOfTeam?: Readonly<Record<string, string>>;
}

export const CAMBRIDGESHIRE = 'E10000003';

export const DEFAULT_AUTHORITY_OPTIONS: AuthorityOptions = {
  children: 200,
  seed: 'care-journey',
  years: 3,
  yearEnding: '2025-03-31',
  la: CAMBRIDGESHIRE,
};

export function authorityOptions(partial: Partial<AuthorityOptions> = {}): AuthorityOptions {
  const options = { ...DEFAULT_AUTHORITY_OPTIONS, ...partial };
  if (!Number.isInteger(options.children) || options.children < 0) {
    throw new RangeError(`children must be a whole number ≥ 0, got ${options.children}`);
  }
  if (!Number.isInteger(options.years) || options.years < 1 || options.years > 15) {
    throw new RangeError(`years must be a whole number from 1 to 15, got ${options.years}`);
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.yearEnding)) {
    throw new RangeError(`yearEnding must be a date YYYY-MM-DD, got ${options.yearEnding}`);
  }
  if (!isOnsCode(options.la))
    throw new RangeError(`la must be an ONS code like E10000003, got ${options.la}`);
  if (options.recordedUntil !== undefined) {
    const until = Date.parse(options.recordedUntil);
    if (Number.isNaN(until) || !/^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:\d{2})$/.test(options.recordedUntil))
      throw new RangeError(
        `recordedUntil must be an ISO-8601 instant with a zone, got ${options.recordedUntil}`,
      );
    if (until < Date.parse(`${options.yearEnding}T00:00:00Z`) + 11 * 86_400_000)
      throw new RangeError(
        `recordedUntil must be at least 11 days after yearEnding (${options.yearEnding}), got ${options.recordedUntil}`,
      );
  }
  for (const [team, socialWorker] of Object.entries(options.socialWorkerOfTeam ?? {})) {
    if (!SYNTHETIC_TEAMS.includes(team))
      throw new RangeError(
        `socialWorkerOfTeam: ${JSON.stringify(team)} is not a team of the synthetic authority (${SYNTHETIC_TEAMS.join(', ')})`,
      );
    if (typeof socialWorker !== 'string' || socialWorker.trim() === '')
      throw new RangeError(`socialWorkerOfTeam[${JSON.stringify(team)}] must be a user name`);
  }
  return options;
}
