import { IsIn, Matches } from 'class-validator';
import { CHILD_ID_PATTERN } from '../../children/dto/child-id.param';
import { FORM_SLUGS } from './correction-forms';

/** `/panel/children/:id/record/:form` */
export class RecordFormParams {
  @Matches(CHILD_ID_PATTERN, { message: '$property must be 1–64 letters, digits, "-" or "_"' })
  id!: string;

  @IsIn(FORM_SLUGS, { message: `$property must be one of: ${FORM_SLUGS.join(', ')}` })
  form!: string;
}
