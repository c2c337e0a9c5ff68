import type { CodeListName, StoredJourneyEvent } from '@care-journey/journey';
import { codeText } from '../html/format';
import { healthOutcomeDetails } from './health-outcome-details';

/** The code list of an entry's `reason`, which differs by event type. */
const REASON_LIST: Partial<Record<StoredJourneyEvent['type'], CodeListName>> = {
  PeriodOfCareEnded: 'REC',
  AdoptionDecisionReversed: 'REASON_PLACED_CEASED',
};

/**
 * The details column of the panel's list of entries: each 903 code with its meaning, so a panel
 * member need not know that U4 is long-term fostering or PN5 an absent child briefing an advocate.
 * A going-home audit shows what it found and what happens next as recorded (free text: the page
 * withholds it from roles without personal data before it gets here), health outcomes in words.
 */
export function entryDetails(e: StoredJourneyEvent): string {
  const d = e.data as unknown as Record<string, unknown>;
  if (e.type === 'GoingHomeAuditCompleted')
    return `found: ${String(d.outcome ?? '')}; next: ${String(d.nextAction ?? '')}`;
  if (e.type === 'StatutoryVisitRecorded')
    return [
      `seen alone: ${d.seenAlone === true ? 'yes' : 'no'}`,
      d.visitNote !== undefined && `note: ${String(d.visitNote)}`,
    ]
      .filter(Boolean)
      .join('; ');
  if (e.type === 'AnnualHealthOutcomesRecorded') return healthOutcomeDetails(d).join(', ');
  const placement = d.placement as Record<string, unknown> | undefined;
  const code = (list: CodeListName, value: unknown) => codeText(list, String(value));
  const reasonList = REASON_LIST[e.type];
  const bits = [
    d.legalStatus && `legal status ${code('LS', d.legalStatus)}`,
    placement?.placementType && `placement ${code('PLACE', placement.placementType)}`,
    d.placementType && `placement ${code('PLACE', d.placementType)}`,
    d.reasonForChange && `reason ${code('REASON_PLACE_CHANGE', d.reasonForChange)}`,
    d.route && `route ${String(d.route).replace(/_/g, ' ')}`,
    d.participation && `participation ${code('REVIEW_CODE', d.participation)}`,
    d.reason && `reason ${reasonList ? code(reasonList, d.reason) : String(d.reason)}`,
    d.kind && `kind ${code('MISSING', d.kind)}`,
    d.inTouch && `in touch ${code('IN_TOUCH', d.inTouch)}`,
    d.activity && `activity ${code('ACTIV', d.activity)}`,
    d.accommodation && `accommodation ${code('ACCOM', d.accommodation)}`,
    d.team && `team ${String(d.team)}`,
    d.socialWorker && `social worker ${String(d.socialWorker)}`,
  ].filter(Boolean);
  return bits.join(', ');
}
