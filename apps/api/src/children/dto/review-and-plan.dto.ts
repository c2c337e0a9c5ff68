import type { PermanenceRoute } from '@care-journey/journey';
import { EffectiveDateDto } from './effective-date.dto';
import { CodeField, OneOfField, TextField } from './fields';

export const PERMANENCE_ROUTES: readonly PermanenceRoute[] = [
  'return_home',
  'special_guardianship',
  'child_arrangements_order',
  'long_term_fostering',
  'adoption',
];

export class RecordReviewDto extends EffectiveDateDto {
  @CodeField('REVIEW_CODE', { description: "903 REVIEW_CODE, the child's participation", example: 'PN1' })
  participation!: string;
}

export class SetPermanencePlanDto extends EffectiveDateDto {
  @OneOfField(PERMANENCE_ROUTES, { description: 'The permanence route planned', example: 'adoption' })
  route!: PermanenceRoute;
}

export class CompleteGoingHomeAuditDto extends EffectiveDateDto {
  @TextField({ description: 'What the audit found', example: 'Return home not yet safe' }, 500, 'multi')
  outcome!: string;

  @TextField({ description: 'What happens next', example: 'Review at next LAC review' }, 500, 'multi')
  nextAction!: string;
}
