import { DateField } from './fields';

/** Every recorded fact happened on a date in the child's life. */
export class EffectiveDateDto {
  @DateField({
    description: 'The date it happened (not the date it is recorded), YYYY-MM-DD',
    example: '2024-03-04',
  })
  effectiveDate!: string;
}
