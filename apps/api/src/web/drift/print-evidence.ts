/**
 * The printed panel pack ("every child on one page") shows under each flag what its due date rests
 * on and the threshold used, as the CSV does: a member can check a due date from the pack alone.
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
      return html`<span class="cj-flag__basis govuk-body-s">Rests on: ${evidence}. Threshold: ${thresholdText(flag.threshold) || 'none'}.</span>`;
    };
  };
}
