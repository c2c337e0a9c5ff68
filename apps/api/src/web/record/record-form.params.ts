import { IsIn, Matches } from 'class-validator';
import { CHILD_ID_PATTERN } from '../../children/dto/child-id.param';
import { RECORD_FORMS } from './form-definitions';

/** `/panel/children/:id/record/:form` */
export class RecordFormParams {
  @Matches(CHILD_ID_PATTERN, { message: '$property must be 1–64 letters, digits, "-" or "_"' })
  id!: string;

  @IsIn(RECORD_FORMS.map((f) => f.slug), {
    message: `$property must be one of: ${RECORD_FORMS.map((f) => f.slug).join(', ')}`,
  })
  form!: string;
}
