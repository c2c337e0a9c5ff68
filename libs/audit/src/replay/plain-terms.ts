/** Event types in the words a reviewing officer would use. */
const LABELS: Record<string, string> = {
  ChildRegistered: 'registration',
  AllocationChanged: 'allocation change',
  PeriodOfCareStarted: 'start of care',
  LegalStatusChanged: 'legal status change',
  PlacementChanged: 'placement change',
  TemporaryPlacementStarted: 'temporary placement',
  TemporaryPlacementEnded: 'return from temporary placement',
  StatutoryReviewHeld: 'statutory review',
  PermanencePlanSet: 'permanence plan',
  GoingHomeAuditCompleted: 'going-home audit',
  AdoptionDecisionMade: 'adoption decision',
  PlacementOrderGranted: 'placement order',
  AdoptionConsentGiven: 'adoption consent',
  AdoptionDecisionReversed: 'adoption decision reversal',
  MatchedWithAdopters: 'match with adopters',
  PlacedForAdoption: 'placement for adoption',
  AdoptionOrderGranted: 'adoption order',
  MissingEpisodeStarted: 'missing episode',
  MissingEpisodeEnded: 'end of missing episode',
  PeriodOfCareEnded: 'end of care',
  EntryAmended: 'correction',
  EntryRetracted: 'retraction',
};

export const labelOf = (type: string): string => LABELS[type] ?? type;

/** A value as it reads in a sentence: strings bare, everything else as compact JSON. */
export const show = (value: unknown): string =>
  value === undefined
    ? '(none)'
    : typeof value === 'string'
      ? value
      : JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));

/** Field names in words: "effectiveDate" → "effective date", "placement.placementType" → "placement type". */
export function fieldLabel(path: string): string {
  const last = path.split('.').pop() ?? path;
  const named = last === 'effectiveDate' ? 'date' : last;
  return named
    .replace(/\[(\d+)\]/g, ' $1')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
}
