import { ApiProperty } from '@nestjs/swagger';
import { IsObject, IsUUID } from 'class-validator';
import { TextField } from './fields';

/** Corrections never edit history: they point at the event they correct and say why. */
export class AmendEntryDto {
  @ApiProperty({
    description: 'Id of the event being corrected',
    example: '0b8e2c1a-7c55-4b7e-a0a4-0f3a5d2b9c11',
  })
  @IsUUID('all')
  correctedEventId!: string;

  @TextField({ description: 'Why it is being corrected', example: 'Wrong date keyed' }, 500)
  reason!: string;

  @ApiProperty({
    description:
      'The corrected fields of the original entry, laid over it (only those that change are needed). ' +
      'Each must be a field of that entry and keep the rules of the route that records it ' +
      '(400 naming amendedData.<field> otherwise); a childRef is reserved for this child first ' +
      '(409 child-ref-in-use if another child holds it).',
    example: { effectiveDate: '2024-03-05', participation: 'PN1' },
  })
  @IsObject()
  amendedData!: Record<string, unknown>;
}

export class RetractEntryDto {
  @ApiProperty({
    description: 'Id of the event recorded in error',
    example: '0b8e2c1a-7c55-4b7e-a0a4-0f3a5d2b9c11',
  })
  @IsUUID('all')
  retractedEventId!: string;

  @TextField({ description: 'Why it is being withdrawn', example: 'Recorded on the wrong child' }, 500)
  reason!: string;
}
