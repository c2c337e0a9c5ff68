/**
 * The printed panel pack ("every child on one page") shows under each flag what its due date rests
 * on and the threshold used, as the CSV does: a member can check a due date from the pack alone.
 * The paged screen view shows what it rests on too, without the threshold (the rules table above
 * gives it): a member escalating a flag sees "Review held 18 March 2026" without opening the child
 * (review s15-iro F6).
 */
import type { DriftReportRow, JourneySummary, ThresholdValues } from '@care-journey/projections';
import { formatDate } from '../html/format';
import { html, type SafeHtml } from '../html/html';
import { evidenceEntries, flagEvidenceText, thresholdText } from './flag-evidence';

/** What one flag or warning of the row rests on, as a line to print under it. */
export type FlagBasis = (flag: { evidence: string[]; threshold: ThresholdValues }) => SafeHtml;

/** Per row, the line under each of its flags; summaries are looked up once per page. */
export function printBasis(
  summaries: readonly JourneySummary[],
  rows: readonly DriftReportRow[],
  showBirthDate: boolean,
  withThreshold = true,
): (row: DriftReportRow) => FlagBasis {
  const wanted = new Set(rows.map((row) => row.childId));
  const byChild = new Map(summaries.filter((s) => wanted.has(s.childId)).map((s) => [s.childId, s]));
  return (row) => {
    const summary = byChild.get(row.childId);
    const entries = summary && evidenceEntries(summary);
    return (flag) => {
      const evidence =
        flag.evidence.length > 0
          ? flagEvidenceText(flag.evidence, flag.threshold, entries, showBirthDate, formatDate)
          : 'no entry (the rule itself)';
      return withThreshold
        ? html`<span class="cj-flag__basis govuk-body-s">Rests on: ${evidence}. Threshold: ${thresholdText(flag.threshold) || 'none'}.</span>`
        : html`<span class="cj-flag__basis govuk-body-s">Rests on: ${evidence}.</span>`;
    };
  };
}
