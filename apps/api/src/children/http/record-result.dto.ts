import { ApiProperty } from '@nestjs/swagger';
import type { RecordResult } from '../commands/record-journey.command';

class RecordedEventRefDto {
  @ApiProperty({ example: '0b8e2c1a-7c55-4b7e-a0a4-0f3a5d2b9c11' }) id!: string;
  @ApiProperty({ example: 'PlacementChanged' }) type!: string;
}

export class RecordResultDto implements RecordResult {
  @ApiProperty({ example: '3f0c9a4e-5d6b-4c1e-9a61-0b2f1c7d8e90' }) childId!: string;
  @ApiProperty({
    description: 'Stream revision now (also the ETag); send it as If-Match next time',
    example: '5',
  })
  revision!: string;
  @ApiProperty({
    description: 'Global position of the last event written',
    example: '1042',
    nullable: true,
    type: String,
  })
  globalPosition!: string | null;
  @ApiProperty({ type: [RecordedEventRefDto] }) events!: RecordedEventRefDto[];
}
