import { BadRequestException } from '@nestjs/common';
import { AmendEntryDto } from '../children/dto/corrections.dto';
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

async function errorsFor(body: unknown, metatype: new () => object = ChangePlacementDto) {
  try {
    await pipe.transform(body, { type: 'body', metatype });
    return [];
  } catch (error) {
    if (!(error instanceof BadRequestException)) throw error;
    return (error.getResponse() as BadRequestBody).errors!.map(({ field, rule }) => `${field} ${rule}`);
  }
}

describe('a field named like an inherited member (toString, hasOwnProperty) is refused, not dropped', () => {
  it('Given one at the top of a body or inside a nested object, Then each is refused by its path', async () =>
    expect(
      await errorsFor({
        ...validMove,
        hasOwnProperty: 'y',
        placement: { ...validMove.placement, toString: 'z' },
      }).then((errors) => errors.sort()),
    ).toEqual(['hasOwnProperty whitelistValidation', 'placement.toString whitelistValidation']));

  it('Given one beside another broken rule, Then both are named in one answer', async () =>
    expect(await errorsFor({ ...validMove, sameCarer: 'no', valueOf: 1 })).toEqual([
      'sameCarer isBoolean',
      'valueOf whitelistValidation',
    ]));

  it('Given an amendment, Then amendedData keeps the fields as sent (the entry’s rules judge them later)', async () => {
    const dto = (await pipe.transform(
      {
        correctedEventId: '0b8e2c1a-7c55-4b7e-a0a4-0f3a5d2b9c11',
        reason: 'x',
        amendedData: { hasOwnProperty: 'y', toString: 'z' },
      },
      { type: 'body', metatype: AmendEntryDto },
    )) as AmendEntryDto;
    expect(Object.keys(dto.amendedData)).toEqual(['hasOwnProperty', 'toString']);
  });

  it('Given an amendment with no fields, Then amendedData is refused: it must change something', async () =>
    expect(
      await errorsFor(
        { correctedEventId: '0b8e2c1a-7c55-4b7e-a0a4-0f3a5d2b9c11', reason: 'x', amendedData: {} },
        AmendEntryDto,
      ),
    ).toEqual(['amendedData isNotEmptyObject']));
});
