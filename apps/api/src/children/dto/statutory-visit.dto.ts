import { EffectiveDateDto } from './effective-date.dto';
import { BooleanField, TextField } from './fields';

/** A statutory visit (reg 28): its date is `effectiveDate`; drift rule DR14 says when the next is due. */
export class RecordStatutoryVisitDto extends EffectiveDateDto {
  @BooleanField({ description: 'The child was seen alone during the visit', example: true })
  seenAlone!: boolean;

  @TextField(
    {
      description:
        'What the visit found, if anything is worth noting. Free text about the child and family: withheld from the panel and reporting jobs',
      example: 'Settled; asked to see her brother more often',
      optional: true,
    },
    1000,
    'multi',
  )
  visitNote?: string;
}
