/** OC2 and OC3 rows → facts. A row with every item blank says "not recorded": no fact, no issue. */
import type { ContactFact, HealthFact } from './facts';
import type { FieldReader } from './field-reader';
import { withFields } from './with-fields';

type Base = Pick<HealthFact, 'child' | 'src' | 'yearEnding'>;

export const allBlank = (r: FieldReader, fields: readonly string[]): boolean =>
  fields.every((f) => r.value(f) === '');

const flag = (r: FieldReader, field: string, required: boolean): boolean | undefined => {
  const v = r.oneOf(field, ['0', '1'], required);
  return v === undefined ? undefined : v === '1';
};

/** Which items a child's age calls for is the decider's rule: here only the shapes are read. */
export function readHealth(r: FieldReader, base: Base): HealthFact | undefined {
  const score = r.value('SDQ_SCORE');
  const sdqScore =
    score === ''
      ? undefined
      : /^\d{1,2}$/.test(score) && Number(score) <= 40
        ? Number(score)
        : r.problem('SDQ_SCORE', `${JSON.stringify(score)} is not a whole number from 0 to 40`);
  const sdqReason = r.code('SDQ_REASON', 'SDQ_REASON', false);
  const convicted = flag(r, 'CONVICTED', false);
  const healthCheck = flag(r, 'HEALTH_CHECK', false);
  const interventionReceived = flag(r, 'INTERVENTION_RECEIVED', false);
  const interventionOffered = flag(r, 'INTERVENTION_OFFERED', false);
  const immunisations = flag(r, 'IMMUNISATIONS', true);
  const teethCheck = flag(r, 'TEETH_CHECK', true);
  const healthAssessment = flag(r, 'HEALTH_ASSESSMENT', true);
  const substanceMisuse = flag(r, 'SUBSTANCE_MISUSE', true);
  if (
    immunisations === undefined ||
    teethCheck === undefined ||
    healthAssessment === undefined ||
    substanceMisuse === undefined
  )
    return undefined;
  // Field by field, optional ones last in this order (the order the stored outcomes keep): not an
  // Object.assign of a computed-key literal each, which costs ~10× more.
  const outcomes: HealthFact['outcomes'] = { immunisations, teethCheck, healthAssessment, substanceMisuse };
  if (sdqScore !== undefined) outcomes.sdqScore = sdqScore;
  if (sdqReason !== undefined) outcomes.sdqReason = sdqReason;
  if (convicted !== undefined) outcomes.convicted = convicted;
  if (healthCheck !== undefined) outcomes.healthCheck = healthCheck;
  if (interventionReceived !== undefined) outcomes.interventionReceived = interventionReceived;
  if (interventionOffered !== undefined) outcomes.interventionOffered = interventionOffered;
  return withFields(base, { outcomes });
}

export function readContact(r: FieldReader, base: Base): ContactFact | undefined {
  // All three or none (903 rule 153): a partly blank row is an error, not a guess.
  const inTouch = r.code('IN_TOUCH', 'IN_TOUCH', true);
  const activity = r.code('ACTIV', 'ACTIV', true);
  const accommodation = r.code('ACCOM', 'ACCOM', true);
  if (inTouch === undefined || activity === undefined || accommodation === undefined) return undefined;
  return withFields(base, { inTouch, activity, accommodation });
}
