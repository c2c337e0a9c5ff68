import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { flattenValidationErrors } from '../../http/validation-pipe';
import { PlacementDetailsDto } from './placement-details.dto';

const errorsFor = (urn: string) =>
  flattenValidationErrors(
    validateSync(plainToInstance(PlacementDetailsDto, { placementType: 'U6', provider: 'PR1', urn }), {
      whitelist: true,
      forbidNonWhitelisted: true,
    }),
  );

describe('PlacementDetailsDto.urn: the Ofsted URN as the 903 returns it', () => {
  it.each(['SC123456', 'sc123456', 'EY654321', '123456', '2771234', 'XXXXXXX'])('accepts %s', (urn) =>
    expect(errorsFor(urn)).toEqual([]),
  );

  it.each(['abc', 'SC12345', 'SC1234567', '12345', '12345678', 'XXXXXX', 'S1234567', 'SC12345X'])(
    'refuses %s, naming the field and the format',
    (urn) => {
      const errors = errorsFor(urn);
      expect(errors.map((e) => e.field)).toEqual(errors.map(() => 'urn'));
      const format = errors.find((e) => e.rule === 'matches');
      expect(format?.message).toContain('Ofsted URN');
      expect(format?.message).toContain('SC123456');
      expect(format?.message).toContain('XXXXXXX');
    },
  );
});
