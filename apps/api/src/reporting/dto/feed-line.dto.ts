/**
 * The OpenAPI shape of a /feed line (review s14 F3): the kinds, the top-level `withdrawn` of
 * `change.withdrawn`, and each kind's `data`. Documentation only: the lines are written by
 * libs/projections/src/feed (change-record.ts, feed-page.ts); test/e2e/feed-openapi checks real
 * lines against this schema.
 */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FACT_KINDS } from '@care-journey/projections';

const KINDS = [...FACT_KINDS, 'stability.changed', 'change.withdrawn'];

export class FeedChangeLine {
  @ApiProperty({ description: 'Resume after this line: "<position>.<index>"', example: '42.1' })
  checkpoint!: string;

  @ApiProperty({ description: "The event's global position (decimal string)", example: '42' })
  position!: string;

  @ApiProperty({ type: 'integer', description: "The change's index among the event's changes", example: 1 })
  index!: number;

  @ApiProperty({ description: 'The event that made the change' })
  eventId!: string;

  @ApiProperty({ enum: KINDS, description: 'What changed (docs/reporting.md, "Kinds")' })
  kind!: string;

  @ApiPropertyOptional({
    enum: [...FACT_KINDS],
    description:
      'change.withdrawn only, at the top level (not in data): the kind of the fact withdrawn; remove the fact of this kind and key',
  })
  withdrawn?: string;

  @ApiProperty({ description: 'Tells apart changes of one kind for a child', example: 'DR01/2024-01-05' })
  key!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] },
    description:
      'The fact\'s data by kind (docs/reporting.md, "Kinds"); for change.withdrawn, the withdrawn fact\'s data',
    example: { ruleId: 'DR01', title: 'First review overdue', dueDate: '2024-02-02', openedOn: '2024-02-03' },
  })
  data!: Record<string, string | number | boolean | null>;

  @ApiProperty({ description: 'The child id' })
  childId!: string;

  @ApiProperty({ description: "The child's reference" })
  childRef!: string;

  @ApiProperty({ format: 'date', description: "The date the child's view was evaluated as at (feed clock)" })
  asAt!: string;
}

export class FeedCheckpointLine {
  @ApiProperty({ description: 'Pass as after next time ("0" on an empty store)', example: '42.1' })
  checkpoint!: string;

  @ApiProperty({
    description:
      'The feed content id the log was written with: keep it with the checkpoint, pass it as content',
    example: 'v2-4f1c2a9e0b7d3c55',
  })
  content!: string;
}
