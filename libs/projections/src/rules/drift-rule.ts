/**
 * A drift rule is data: an id, a title, the thresholds it uses, and a pure function listing
 * the child's obligations under it (each with a due date and, when known, the date the step
 * was taken). Open flags, early warnings and flag history all derive from obligations.
 */
import type { CalendarDate } from '@care-journey/journey';
import type { JourneySummary } from '../summary/journey-summary';
import type { SummaryFacet } from '../summary/summary-facets';
import type { DriftConfig } from './drift-config';

export const DRIFT_RULE_IDS = [
  'DR01',
  'DR02',
  'DR03',
  'DR04',
  'DR05',
  'DR06',
  'DR07',
  'DR08',
  'DR09',
  'DR10',
  'DR11',
  'DR12',
  'DR13',
  'DR14',
  'DR15',
] as const;
export type DriftRuleId = (typeof DRIFT_RULE_IDS)[number];

/**
 * The evidence of an obligation made without it (`obligations(…, false)`): one shared empty list,
 * frozen so that nothing can write into it (the feed derives obligations after most events, and a
 * list per obligation was garbage it never read).
 */
export const NO_EVIDENCE: string[] = Object.freeze([]) as unknown as string[];

export type ThresholdValues = Record<string, number | string | null>;

/** One thing that had to happen by a date. */
export interface Obligation {
  /** Tells apart several obligations of one rule for one child (e.g. each review in a chain). */
  key: string;
  /** When the obligation came into being (e.g. the adoption decision); never open before it. */
  from: CalendarDate;
  dueDate: CalendarDate;
  /** The step was taken on this date (on or before the due date = in time). */
  metOn?: CalendarDate;
  /** The obligation stopped applying (left care, plan changed) without the step. */
  lapsedOn?: CalendarDate;
  /** The event that closed it (step or lapse). */
  closingEventId?: string;
  /** Ids of the events the due date derives from (NO_EVIDENCE when not asked for). */
  evidence: string[];
  /** Threshold used, when it differs by obligation (DR11's route limits). */
  threshold?: ThresholdValues;
}

export interface DriftRule {
  id: DriftRuleId;
  title: string;
  /**
   * The title of a warning before the due date, when `title` says "overdue": a worker reads
   * "overdue" as a breach (review F9). Rules without one are named by `title` either way.
   */
  dueTitle?: string;
  /** The rule in a sentence, with the thresholds in use. */
  describe(config: DriftConfig): string;
  thresholds(config: DriftConfig): ThresholdValues;
  /**
   * Obligations as at `asAt`. `summary` is already trimmed to `asAt` (summaryAsAt), so a
   * rule never sees anything dated after it; short-break periods are the rule's to skip.
   * With `evidence` false (the feed's flag tracker, which never shows it), each obligation's
   * evidence is NO_EVIDENCE instead of a list made for it; everything else is the same.
   */
  obligations(
    summary: JourneySummary,
    asAt: CalendarDate,
    config: DriftConfig,
    evidence?: boolean,
  ): Obligation[];
  /**
   * The parts of the summary `obligations` reads (see summary-facets.ts). Declaring them lets the
   * feed keep a child's obligations until one of them changes; a rule without them is re-derived
   * every time. With `reads`, the rule also promises it ignores `asAt`, or, with `changePoints`,
   * that the obligations as at D depend on D only through which of its change points are on or
   * before D: the summary's own fact dates and the dates `changePoints` lists (those worked out from
   * facts, e.g. a birthday, which can lie after D; fact dates cannot when nothing is dated after D).
   */
  reads?: readonly SummaryFacet[];
  changePoints?(summary: JourneySummary, config: DriftConfig): readonly CalendarDate[];
  /**
   * Present for a rule about a standing condition (DR05), not a step: nobody has a step to take, so
   * its due date is only the eve of the day the condition began (the flag opens on that day) and its
   * obligations close as no longer applying (`lapsedOn`), never as met. Pages word such a flag as
   * "Open <days overdue>, from <opening>" and its closing with `ended`, the condition that stopped
   * holding, in words, for the flag's threshold (e.g. "fewer than 3 placements in the 12 months").
   */
  condition?: { ended(threshold: ThresholdValues): string };
}
