/**
 * A correction refused because it would break another entry (not the one corrected): that entry
 * and its broken rule told in words, so the person correcting sees which entry and what would go
 * wrong with it. The rule's own message names the other entry's field (`effectiveDate …`); a form
 * showing the refusal would read that name as one of its own fields, so it is put in words here.
 */
import { dateInWords } from '../date-in-words';
import type { DomainRuleViolation } from '../errors';
import type { JourneyEventType, StoredJourneyEvent } from '../events';

/** Entry types as the people recording them say them (the audit's replay uses the same words). */
export const ENTRY_WORDS: Record<JourneyEventType, string> = {
  ChildRegistered: 'registration',
  AllocationChanged: 'allocation change',
  PeriodOfCareStarted: 'start of care',
  LegalStatusChanged: 'legal status change',
  PlacementChanged: 'placement change',
  TemporaryPlacementStarted: 'temporary placement',
  TemporaryPlacementEnded: 'return from a temporary placement',
  StatutoryReviewHeld: 'statutory review',
  PermanencePlanSet: 'permanence plan',
  GoingHomeAuditCompleted: 'going-home audit',
  StatutoryVisitRecorded: 'statutory visit',
  AdoptionDecisionMade: 'adoption decision',
  PlacementOrderGranted: 'placement order',
  AdoptionConsentGiven: 'adoption consent',
  AdoptionDecisionReversed: 'reversal of the adoption decision',
  MatchedWithAdopters: 'match with adopters',
  PlacedForAdoption: 'placement for adoption',
  AdoptionOrderGranted: 'adoption order',
  MissingEpisodeStarted: 'missing episode',
  MissingEpisodeEnded: 'end of the missing episode',
  PeriodOfCareEnded: 'end of care',
  AnnualHealthOutcomesRecorded: 'annual health outcomes',
  CareLeaverContactRecorded: 'care leaver contact',
  EntryAmended: 'correction',
  EntryRetracted: 'retraction',
  RegistrationRetracted: 'retraction of the registration (registered in error)',
};

/** What an entry is named by in words: its type and date. */
export interface NamedEntry {
  type: JourneyEventType;
  data: { effectiveDate: string };
}

/** "the start of care on 10 January 2025". */
export const entryInWords = (entry: NamedEntry): string =>
  `the ${ENTRY_WORDS[entry.type]} on ${dateInWords(entry.data.effectiveDate)}`;

/** "the permanence plan on 20 January 2026 and the statutory review on 1 June 2026". */
export function entriesInWords(entries: readonly NamedEntry[]): string {
  const words = entries.map(entryInWords);
  return words.length < 2
    ? (words[0] ?? '')
    : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** A sentence starting with an entry in words: "The start of care on …". */
export const capitalised = (text: string): string => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

/**
 * `previousPermanence.date` → "previous permanence date"; `placement.placementType` → "placement
 * type" (not "placement placement type"); an entry's `effectiveDate` is its "date".
 */
function fieldInWords(path: string): string {
  if (path === 'effectiveDate') return 'date';
  const parts = path.split('.');
  const named = parts.length > 1 && parts[parts.length - 1].startsWith(parts[0]) ? parts.slice(1) : parts;
  return named
    .join(' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
}

/**
 * What the other entry's failure means, starting from the entry. The rules write
 * `<field> <value> is <what is wrong>`, which becomes "the start of care on 10 January 2025 would then
 * be on or after the child's 18th birthday …" (another field: "the previous permanence date
 * 2010-01-01 of the start of care on 10 January 2025 would then be before …"). Other messages starting
 * with the field keep their rule after its name in words ("… would then be refused: its date must
 * be …"); any other message is kept whole after the entry's words.
 */
export function otherEntryFailureInWords(
  entry: Pick<StoredJourneyEvent, 'type' | 'data'>,
  failure: DomainRuleViolation,
): string {
  // The form showing it labels `effectiveDate` as its own entry's date ("Date the child was registered").
  return inWords(entry, failure).replace(/(?<![\w.])effectiveDate(?![\w.])/g, 'date');
}

function inWords(entry: Pick<StoredJourneyEvent, 'type' | 'data'>, failure: DomainRuleViolation): string {
  const words = entryInWords(entry);
  const field = failure.field;
  if (field === undefined || !failure.message.startsWith(`${field} `))
    return `${words} would then be refused: ${failure.message}`;
  const after = failure.message.slice(field.length + 1);
  const valueIs = /^(\S+) is (.*)$/s.exec(after);
  if (!valueIs) return `${words} would then be refused: its ${fieldInWords(field)} ${after}`;
  const [, value, wrong] = valueIs;
  const subject =
    field === 'effectiveDate' && value === entry.data.effectiveDate
      ? words
      : `the ${fieldInWords(field)} ${value} of ${words}`;
  return `${subject} would then be ${wrong}`;
}
