/**
 * The field rules of a correction's `amendedData`: those of the entry it corrects, as the route
 * that records that entry checks them (its DTO, reused, not restated). An amendment may give only
 * the fields it changes (they are laid over the entry), so a field it leaves out is not required;
 * every field it gives must be one of the entry's own and pass that field's rules.
 */
import { OmitType } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import {
  ADOPTION_PLACEMENTS,
  ENTRY_WORDS,
  FOSTERING_FOR_ADOPTION,
  type JourneyEventType,
} from '@care-journey/journey';
import { IsIn } from 'class-validator';
import { classAtPath, declaredFields } from '../../http/declared-fields';
import type { FieldError } from '../../http/field-errors';
import { inheritedFieldNameErrors } from '../../http/inherited-field-names';
import { flattenValidationErrors } from '../../http/validation-pipe';
import {
  GrantAdoptionOrderDto,
  GrantPlacementOrderDto,
  PlaceForAdoptionDto,
  RecordAdoptionConsentDto,
  RecordAdoptionDecisionDto,
  RecordMatchDto,
  ReverseAdoptionDecisionDto,
} from './adoption.dto';
import { ChangeAllocationDto } from './allocation.dto';
import { EndMissingEpisodeDto, StartMissingEpisodeDto } from './missing-episode.dto';
import { RecordAnnualHealthOutcomesDto, RecordCareLeaverContactDto } from './outcomes.dto';
import { ChangeLegalStatusDto, EndPeriodOfCareDto, StartPeriodOfCareDto } from './period-of-care.dto';
import { ChangePlacementDto, EndTemporaryPlacementDto, StartTemporaryPlacementDto } from './placement.dto';
import { RegisterChildDto } from './register-child.dto';
import { NestedField } from './fields';
import { PlacementDetailsDto } from './placement-details.dto';
import { CompleteGoingHomeAuditDto, RecordReviewDto, SetPermanencePlanDto } from './review-and-plan.dto';
import { RecordStatutoryVisitDto } from './statutory-visit.dto';

/**
 * A stored "placed for adoption" may be amended keeping the U2/U5 type it was recorded with before
 * such entries were refused: the DTO lets U2/U5 through beside A3–A6 and the domain accepts it only
 * as the entry's stored type (rule fostering-for-adoption-is-a-placement-change otherwise).
 */
const AMENDABLE_ADOPTION_TYPES = [...ADOPTION_PLACEMENTS, ...FOSTERING_FOR_ADOPTION];
class AmendedAdoptivePlacementDetailsDto extends PlacementDetailsDto {
  @IsIn(AMENDABLE_ADOPTION_TYPES, {
    message: `$property must be a placement for adoption (${ADOPTION_PLACEMENTS.join(', ')}), or the U2/U5 a stored entry was recorded with`,
  })
  declare placementType: string;
}
class PlacedForAdoptionDataDto extends OmitType(PlaceForAdoptionDto, ['placement'] as const) {
  @NestedField(() => AmendedAdoptivePlacementDetailsDto, {
    description: 'The placement for adoption (A3–A6, or the stored U2/U5 kept)',
  })
  placement!: AmendedAdoptivePlacementDetailsDto;
}

/** The adoption order's entry holds what its route takes but `application`, which became the end of care's reason. */
class AdoptionOrderDataDto extends OmitType(GrantAdoptionOrderDto, ['application'] as const) {}

type AmendableEntryType = Exclude<
  JourneyEventType,
  'EntryAmended' | 'EntryRetracted' | 'RegistrationRetracted'
>;

/** Each entry type and the DTO of the route that records it. */
const RULES_OF: Record<AmendableEntryType, new () => object> = {
  ChildRegistered: RegisterChildDto,
  AllocationChanged: ChangeAllocationDto,
  PeriodOfCareStarted: StartPeriodOfCareDto,
  LegalStatusChanged: ChangeLegalStatusDto,
  PlacementChanged: ChangePlacementDto,
  TemporaryPlacementStarted: StartTemporaryPlacementDto,
  TemporaryPlacementEnded: EndTemporaryPlacementDto,
  StatutoryReviewHeld: RecordReviewDto,
  PermanencePlanSet: SetPermanencePlanDto,
  GoingHomeAuditCompleted: CompleteGoingHomeAuditDto,
  StatutoryVisitRecorded: RecordStatutoryVisitDto,
  AdoptionDecisionMade: RecordAdoptionDecisionDto,
  PlacementOrderGranted: GrantPlacementOrderDto,
  AdoptionConsentGiven: RecordAdoptionConsentDto,
  AdoptionDecisionReversed: ReverseAdoptionDecisionDto,
  MatchedWithAdopters: RecordMatchDto,
  PlacedForAdoption: PlacedForAdoptionDataDto,
  AdoptionOrderGranted: AdoptionOrderDataDto,
  MissingEpisodeStarted: StartMissingEpisodeDto,
  MissingEpisodeEnded: EndMissingEpisodeDto,
  PeriodOfCareEnded: EndPeriodOfCareDto,
  AnnualHealthOutcomesRecorded: RecordAnnualHealthOutcomesDto,
  CareLeaverContactRecorded: RecordCareLeaverContactDto,
};

/**
 * Every rule `amendedData` breaks for an entry of `entryType`, each named `amendedData.<field>`
 * (nested fields by their dotted path); empty when it keeps them all. `childId` is left to the
 * domain, which refuses any other child's (422 correction-cannot-change-child-id).
 */
export function amendedDataErrors(entryType: JourneyEventType, amendedData: object): FieldError[] {
  const rules = RULES_OF[entryType as AmendableEntryType] as (new () => object) | undefined;
  if (!rules) return []; // a correction: the decider refuses to amend it
  const fields: Record<string, unknown> = { ...amendedData };
  delete fields['childId'];
  const errors = validateSync(plainToInstance(rules, fields), {
    whitelist: true,
    forbidNonWhitelisted: true,
    validationError: { target: false, value: false },
  });
  // A field the amendment leaves out keeps the entry's value: only the fields it gives are checked.
  const given = new Set(Object.keys(fields));
  const inherited = inheritedFieldNameErrors(fields, rules, 'amendedData');
  return explainUnknownEntryFields(
    [
      ...flattenValidationErrors(
        errors.filter((error) => given.has(error.property)),
        'amendedData',
      ),
      ...inherited,
    ],
    entryType,
    rules,
  );
}

/**
 * An unknown field of `amendedData` in the words of every other unknown field (body-errors.ts):
 * where it was found and what is taken there (`amendedData.notes is not a field of the statutory
 * review; it takes effectiveDate, participation`), not class-validator's "should not exist".
 */
function explainUnknownEntryFields(
  errors: readonly FieldError[],
  entryType: JourneyEventType,
  rules: new () => object,
): FieldError[] {
  return errors.map((error) => {
    if (error.rule !== 'whitelistValidation') return error;
    const parent = error.field.split('.').slice(1, -1); // below amendedData
    const type = classAtPath(rules, parent);
    const takes = type ? `; it takes ${declaredFields(type).join(', ')}` : '';
    const where = parent.length > 0 ? `amendedData.${parent.join('.')}` : `the ${ENTRY_WORDS[entryType]}`;
    return { ...error, message: `${error.field} is not a field of ${where}${takes}` };
  });
}
