/** AD1 adopter fields agree with each other: one adopter is M1/F1 and L0, two are MM/FF/MF and a couple. */
import { violation } from '../errors';
import { requireCode } from './codes';

export function checkAdopters(
  numberOfAdopters: unknown,
  adopterSex: unknown,
  adopterLegalStatus: unknown,
  date: string,
): void {
  if (numberOfAdopters !== 1 && numberOfAdopters !== 2)
    violation('adopters-inconsistent', 'numberOfAdopters must be 1 or 2.', 'numberOfAdopters');
  const sex = requireCode('SEX_ADOPTR', adopterSex, date, 'adopterSex', 'invalid-adopter-sex');
  const status = requireCode(
    'LS_ADOPTR',
    adopterLegalStatus,
    date,
    'adopterLegalStatus',
    'invalid-adopter-legal-status',
  );
  const single = numberOfAdopters === 1;
  if (single !== (sex === 'M1' || sex === 'F1')) {
    violation(
      'adopters-inconsistent',
      `adopterSex ${sex} does not fit ${numberOfAdopters} adopter(s).`,
      'adopterSex',
    );
  }
  if (single !== (status === 'L0')) {
    violation(
      'adopters-inconsistent',
      `adopterLegalStatus ${status} does not fit ${numberOfAdopters} adopter(s).`,
      'adopterLegalStatus',
    );
  }
}
