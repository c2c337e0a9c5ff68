import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { flattenValidationErrors } from '../../http/validation-pipe';
import { RegisterChildDto } from './register-child.dto';

const body = (overrides: Record<string, unknown> = {}) => ({
  effectiveDate: '2024-05-01',
  childRef: 'LA-000123',
  name: 'Sam Taylor',
  dateOfBirth: '2019-06-14',
  sex: '2',
  ethnicity: 'WBRI',
  upn: 'A123456789012',
  homePostcode: 'LS6 2AB',
  uasc: false,
  relinquishedAtBirth: false,
  team: 'North',
  socialWorker: 'alice',
  ...overrides,
});

const errorsFor = (overrides: Record<string, unknown>) =>
  flattenValidationErrors(
    validateSync(plainToInstance(RegisterChildDto, body(overrides)), {
      whitelist: true,
      forbidNonWhitelisted: true,
    }),
  ).map(({ field, rule }) => ({ field, rule }));

describe('RegisterChildDto', () => {
  it('accepts a well-formed registration', () => expect(errorsFor({})).toEqual([]));

  describe('homePostcode: the same rule as a placement postcode', () => {
    it.each(['LS6 2AB', 'LS62AB', 'ls6 2ab', 'LS6', 'CB1', 'EC1A 1BB'])('accepts %j', (homePostcode) =>
      expect(errorsFor({ homePostcode })).toEqual([]),
    );
    it.each(['12345', 'hello', 'LS6 2AB!', 'L'])(
      'refuses %j, naming the field and the rule',
      (homePostcode) =>
        expect(errorsFor({ homePostcode })).toEqual([{ field: 'homePostcode', rule: 'matches' }]),
    );
    it('may be left out', () => expect(errorsFor({ homePostcode: undefined })).toEqual([]));
  });

  describe('childRef: the 903 CHILD reference', () => {
    it.each(['LA-000123', 'C100529', 'la_ref-1', 'X'])('accepts %j', (childRef) =>
      expect(errorsFor({ childRef })).toEqual([]),
    );
    it.each(['AC 9!', 'AC 9', ' AC9', 'AC9!', '-AC9', 'AC/9'])(
      'refuses %j (no spaces or other characters)',
      (childRef) => expect(errorsFor({ childRef })).toEqual([{ field: 'childRef', rule: 'matches' }]),
    );
    it('refuses more than 10 characters', () =>
      expect(errorsFor({ childRef: 'LA-2024-0117' })).toEqual([{ field: 'childRef', rule: 'maxLength' }]));
  });
});
