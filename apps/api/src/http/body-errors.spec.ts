import { BadRequestException } from '@nestjs/common';
import { StartPeriodOfCareDto } from '../children/dto/period-of-care.dto';
import { ChangePlacementDto } from '../children/dto/placement.dto';
import type { BadRequestBody } from './field-errors';
import { createValidationPipe } from './validation-pipe';

const pipe = createValidationPipe();
const validMove = {
  effectiveDate: '2024-03-15',
  placement: { placementType: 'U6', provider: 'PR4', postcode: 'LS2 7AB', inArea: true },
  reasonForChange: 'CARPL',
  sameCarer: false,
};

/** The 400's errors for a body, or [] when the pipe accepts it. */
async function errorsFor(body: unknown, metatype: new () => object = ChangePlacementDto) {
  try {
    await pipe.transform(body, { type: 'body', metatype });
    return [];
  } catch (error) {
    if (!(error instanceof BadRequestException)) throw error;
    return (error.getResponse() as BadRequestBody).errors;
  }
}

describe('a bad command body: each error names the field (its whole path) and the rule', () => {
  it('Given a nested field broken, then the message names it by its path, as the field does', async () => {
    const errors = await errorsFor({
      ...validMove,
      placement: { ...validMove.placement, placementType: 'XX', postcode: 'nope' },
    });
    expect(errors).toEqual([
      {
        field: 'placement.placementType',
        rule: 'isIn',
        message: expect.stringMatching(/^placement\.placementType must be a 903 PLACE code: A3, /),
      },
      {
        field: 'placement.postcode',
        rule: 'matches',
        message: 'placement.postcode must be a UK postcode or its district',
      },
    ]);
  });

  it.each([
    ['an array', []],
    ['a string', 'U6'],
    ['an array of placements', [validMove.placement]],
  ])(
    'Given %s where one nested object belongs, then it is refused as not an object',
    async (_what, placement) => {
      expect(await errorsFor({ ...validMove, placement })).toEqual([
        { field: 'placement', rule: 'isObject', message: 'placement must be an object' },
      ]);
    },
  );

  it('Given unknown fields, then each names where it was found and the fields taken there', async () => {
    expect(
      await errorsFor({ ...validMove, colour: 'blue', placement: { ...validMove.placement, size: 1 } }),
    ).toEqual([
      {
        field: 'colour',
        rule: 'whitelistValidation',
        message:
          'colour is not a field of this request; it takes effectiveDate, placement, reasonForChange, sameCarer',
      },
      {
        field: 'placement.size',
        rule: 'whitelistValidation',
        message:
          'placement.size is not a field of placement; it takes inArea, placementType, postcode, provider, urn',
      },
    ]);
  });

  it('Given an unknown field in an optional nested object, then its own fields are listed', async () => {
    const errors = await errorsFor(
      {
        effectiveDate: '2024-03-04',
        legalStatus: 'C1',
        categoryOfNeed: 'N1',
        placement: validMove.placement,
        previousPermanence: { code: 'Z1', year: 2016 },
      },
      StartPeriodOfCareDto,
    );
    expect(errors).toEqual([
      {
        field: 'previousPermanence.year',
        rule: 'whitelistValidation',
        message: 'previousPermanence.year is not a field of previousPermanence; it takes code, date, la',
      },
    ]);
  });

  it('Given an earlier order with an authority name and an impossible date, then each field names its rule', async () => {
    const errors = await errorsFor(
      {
        effectiveDate: '2024-03-04',
        legalStatus: 'C1',
        categoryOfNeed: 'N1',
        placement: validMove.placement,
        previousPermanence: { code: 'P2', la: 'Leed', date: '2016-02-30' },
      },
      StartPeriodOfCareDto,
    );
    expect(errors.map(({ field, rule }) => ({ field, rule }))).toEqual([
      { field: 'previousPermanence.la', rule: 'isLaPermCode' },
      { field: 'previousPermanence.date', rule: 'isOrderDateAsKnown' },
    ]);
  });

  it.each([
    ['an array', [], 'an array'],
    ['null', null, 'null'],
    ['a string', 'effectiveDate', 'a string'],
  ])(
    'Given a body that is %s, then it is refused as a whole, not field by field',
    async (_what, body, got) => {
      expect(await errorsFor(body)).toEqual([
        {
          field: '(body)',
          rule: 'isObject',
          message: `the body must be a JSON object of fields, got ${got}`,
        },
      ]);
    },
  );

  it('Given a good body, then it passes', async () => {
    expect(await errorsFor(validMove)).toEqual([]);
  });
});
