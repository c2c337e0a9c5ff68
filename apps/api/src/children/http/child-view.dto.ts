import { ApiProperty } from '@nestjs/swagger';

/** OpenAPI shapes of the read endpoints (the types live in queries/child-view.ts and events-page.ts). */
export class ChildViewDto {
  @ApiProperty({ example: '3f0c9a4e-5d6b-4c1e-9a61-0b2f1c7d8e90' }) childId!: string;
  @ApiProperty({ example: '7' }) revision!: string;
  @ApiProperty({
    enum: ['full', 'panel', 'pseudonymised'],
    description:
      'What the answer holds of the child, by role. full (social_worker, auditor, admin): everything as recorded. panel (panel_member): name and date of birth; no UPN; home and placement postcodes as districts; no placement URN. pseudonymised (reporting_job): no name, date of birth, UPN or home postcode, placement postcode as district: still personal data (ids, reference, codes, dates).',
    example: 'full',
  })
  view!: 'full' | 'panel' | 'pseudonymised';
  @ApiProperty({
    deprecated: true,
    description:
      "Deprecated: use view. True when the child's name and date of birth are included (full and panel); false for pseudonymised, which is still personal data. Until session 15 it was false for the panel too.",
    example: true,
  })
  personalDataIncluded!: boolean;
  @ApiProperty({
    nullable: true,
    example: {
      childRef: 'LA-000123',
      name: 'Sam Taylor',
      dateOfBirth: '2019-06-14',
      upn: 'A123456789012',
      sex: '2',
      ethnicity: 'WBRI',
      uasc: false,
      relinquishedAtBirth: false,
      knownSince: '2024-03-01',
    },
  })
  child!: Record<string, unknown> | null;
  @ApiProperty({
    nullable: true,
    example: { team: 'Children in Care North', socialWorker: 'sw.demo', since: '2024-03-01' },
  })
  allocation!: Record<string, unknown> | null;
  @ApiProperty({ example: true }) inCare!: boolean;
  @ApiProperty({ nullable: true, example: 'C1', type: String }) legalStatus!: string | null;
  @ApiProperty({
    nullable: true,
    example: { startDate: '2024-03-04', categoryOfNeed: 'N1', legalStatus: 'C1' },
  })
  periodOfCare!: Record<string, unknown> | null;
  @ApiProperty({
    nullable: true,
    example: {
      placementType: 'U6',
      provider: 'PR1',
      postcode: 'LS1 4AB',
      inArea: true,
      startDate: '2024-05-20',
      kind: 'change',
    },
  })
  currentPlacement!: Record<string, unknown> | null;
  @ApiProperty({
    nullable: true,
    example: null,
    description: 'Set while the child is away on a temporary placement',
  })
  usualPlacement!: Record<string, unknown> | null;
  @ApiProperty({ nullable: true, example: { route: 'adoption', since: '2024-06-10' } })
  permanencePlan!: Record<string, unknown> | null;
  @ApiProperty({ nullable: true, example: { date: '2024-04-02', participation: 'PN0' } })
  lastReview!: Record<string, unknown> | null;
  @ApiProperty({
    nullable: true,
    type: String,
    example: '2024-07-02',
    description: '20 working days after entry, then 3, then 6 months',
  })
  nextReviewDue!: string | null;
  @ApiProperty({
    nullable: true,
    example: {
      status: 'open',
      steps: [
        { step: 'decision', date: '2024-06-20' },
        { step: 'placement_order', date: '2024-09-02' },
      ],
    },
  })
  adoption!: Record<string, unknown> | null;
  @ApiProperty({ example: false }) missingEpisodeOpen!: boolean;
  @ApiProperty({
    nullable: true,
    example: null,
    description:
      'Set when the registration was withdrawn as made in error (then child, allocation and the rest are empty): when (UTC) and by whom; the reason for social_worker, auditor and admin only. Example: {"at": "2026-11-28T11:00:00.000Z", "by": "admin.demo", "reason": "Registered twice"}',
  })
  registrationWithdrawn!: Record<string, unknown> | null;
}

export class EventsPageDto {
  @ApiProperty({ example: '3f0c9a4e-5d6b-4c1e-9a61-0b2f1c7d8e90' }) childId!: string;
  @ApiProperty({ example: 1 }) page!: number;
  @ApiProperty({ example: 50 }) pageSize!: number;
  @ApiProperty({ example: '8' }) totalEvents!: string;
  @ApiProperty({ example: '7' }) revision!: string;
  @ApiProperty({ nullable: true, type: Number, example: null }) nextPage!: number | null;
  @ApiProperty({
    example: [
      {
        id: '0b8e2c1a-7c55-4b7e-a0a4-0f3a5d2b9c11',
        type: 'StatutoryReviewHeld',
        revision: '3',
        globalPosition: '1042',
        data: { childId: '3f0c…', effectiveDate: '2024-04-02', participation: 'PN0' },
        metadata: {
          recordedAt: '2024-04-02T15:04:05.000Z',
          recordedBy: 'alice',
          correlationId: '…',
          causationId: '…',
          schemaVersion: 1,
        },
      },
    ],
  })
  items!: Record<string, unknown>[];
}
