/** OC2 and OC3 rows → facts. A row with every item blank says "not recorded": no fact, no issue. */
import type { ContactFact, HealthFact } from './facts';
import type { FieldReader } from './field-reader';

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
  const optional = {
    sdqScore,
    sdqReason,
    convicted: flag(r, 'CONVICTED', false),
    healthCheck: flag(r, 'HEALTH_CHECK', false),
    interventionReceived: flag(r, 'INTERVENTION_RECEIVED', false),
    interventionOffered: flag(r, 'INTERVENTION_OFFERED', false),
  };
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
  const outcomes: HealthFact['outcomes'] = { immunisations, teethCheck, healthAssessment, substanceMisuse };
  for (const [key, value] of Object.entries(optional))
    if (value !== undefined) Object.assign(outcomes, { [key]: value });
  return { ...base, outcomes };
}

export function readContact(r: FieldReader, base: Base): ContactFact | undefined {
  // All three or none (903 rule 153): a partly blank row is an error, not a guess.
  const inTouch = r.code('IN_TOUCH', 'IN_TOUCH', true);
  const activity = r.code('ACTIV', 'ACTIV', true);
  const accommodation = r.code('ACCOM', 'ACCOM', true);
  if (inTouch === undefined || activity === undefined || accommodation === undefined) return undefined;
  return { ...base, inTouch, activity, accommodation };
}
