import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { flattenValidationErrors } from '../../http/validation-pipe';
import { PlaceForAdoptionDto } from './adoption.dto';

const errorsFor = (placementType: string) =>
  flattenValidationErrors(
    validateSync(
      plainToInstance(PlaceForAdoptionDto, {
        effectiveDate: '2024-05-07',
        placement: { placementType, provider: 'PR1', postcode: 'CB4 1AA', urn: 'SC123456', inArea: true },
        sameCarer: false,
      }),
      { whitelist: true, forbidNonWhitelisted: true },
    ),
  );

describe('PlaceForAdoptionDto: placed for adoption is A3–A6', () => {
  it.each(['A3', 'A4', 'A5', 'A6'])('accepts %s', (type) => expect(errorsFor(type)).toEqual([]));

  it.each(['U5', 'U2'])(
    'refuses fostering for adoption (%s), naming placement.placementType and the placement-change route',
    (type) => {
      const errors = errorsFor(type);
      expect(errors).toHaveLength(1);
      expect(errors[0].field).toBe('placement.placementType');
      expect(errors[0].message).toContain('A3, A4, A5, A6');
      expect(errors[0].message).toContain('placement-changes');
    },
  );
});
