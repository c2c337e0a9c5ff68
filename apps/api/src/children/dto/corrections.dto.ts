import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsObject, IsUUID, ValidateBy } from 'class-validator';
import { TextField } from './fields';

/** Corrections never edit history: they point at the event they correct and say why. */
export class AmendEntryDto {
  @ApiProperty({
    description: 'Id of the event being corrected',
    example: '0b8e2c1a-7c55-4b7e-a0a4-0f3a5d2b9c11',
  })
  @IsUUID('all')
  correctedEventId!: string;

  @TextField({ description: 'Why it is being corrected', example: 'Wrong date keyed' }, 500, 'multi')
  reason!: string;

  @ApiProperty({
    description:
      'The corrected fields of the original entry, laid over it (only those that change are needed; ' +
      'at least one, and an amendment that changes nothing is refused: 422 amendment-changes-nothing). ' +
      'Each must be a field of that entry and keep the rules of the route that records it ' +
      '(400 naming amendedData.<field> otherwise); a childRef is reserved for this child first ' +
      '(409 child-ref-in-use if another child holds it).',
    example: { effectiveDate: '2024-03-05', participation: 'PN1' },
  })
  @IsObject()
  @ValidateBy({
    // Not class-validator's IsNotEmptyObject: it calls value.hasOwnProperty, which a sent field may shadow.
    name: 'isNotEmptyObject',
    validator: {
      validate: (value) => typeof value === 'object' && value !== null && Object.keys(value).length > 0,
      defaultMessage: () =>
        'amendedData must give at least one corrected field of the entry: an amendment changes something',
    },
  })
  // As sent: class-transformer would drop a field named like an inherited member (toString), and
  // the entry's own rules must see it to refuse it (corrections.amended-data.ts).
  @Transform(({ obj }: { obj: Record<string, unknown> }) => obj['amendedData'], { toClassOnly: true })
  amendedData!: Record<string, unknown>;
}

export class RetractEntryDto {
  @ApiProperty({
    description: 'Id of the event recorded in error',
    example: '0b8e2c1a-7c55-4b7e-a0a4-0f3a5d2b9c11',
  })
  @IsUUID('all')
  retractedEventId!: string;

  @TextField(
    { description: 'Why it is being withdrawn', example: 'Recorded on the wrong child' },
    500,
    'multi',
  )
  reason!: string;
}

/** A registration made in error (a child registered twice), withdrawn by an admin. */
export class RetractRegistrationDto {
  @TextField(
    {
      description: 'Why the registration was made in error',
      example: 'Registered twice: the same child as CJW001',
    },
    500,
    'multi',
  )
  reason!: string;
}
