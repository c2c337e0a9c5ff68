import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** Response shapes of the errors, for the OpenAPI document (see error-mapping.ts). */
export class FieldErrorDto {
  @ApiProperty({ example: 'placement.placementType' }) field!: string;
  @ApiProperty({ example: 'isIn' }) rule!: string;
  @ApiProperty({ example: 'placementType must be a 903 PLACE code: A3, A4, …' }) message!: string;
}

export class BadRequestDto {
  @ApiProperty({ example: 400 }) statusCode!: number;
  @ApiProperty({ example: 'Bad Request' }) error!: string;
  @ApiProperty({ example: 'Invalid request: effectiveDate, placement.placementType' }) message!: string;
  @ApiProperty({ type: [FieldErrorDto] }) errors!: FieldErrorDto[];
}

export class DomainRuleDto {
  @ApiProperty({ example: 422 }) statusCode!: number;
  @ApiProperty({ example: 'Unprocessable Entity' }) error!: string;
  @ApiProperty({ example: 'The child is not in care, so the placement cannot change' }) message!: string;
  @ApiProperty({ description: 'Stable id of the rule broken', example: 'not-in-care' }) rule!: string;
  @ApiPropertyOptional({ description: 'The field at fault, when there is one', example: 'effectiveDate' })
  field?: string;
}

export class ConflictDto {
  @ApiProperty({ example: 409 }) statusCode!: number;
  @ApiProperty({ example: 'Conflict' }) error!: string;
  @ApiProperty({
    example: 'Child 3f0c… changed meanwhile: expected revision 4, now at 5; re-read the child and try again',
  })
  message!: string;
  @ApiProperty({ example: '4' }) expectedRevision!: string;
  @ApiProperty({ description: "The stream's current revision ('no_stream' if none)", example: '5' })
  actualRevision!: string;
}

export class ErrorDto {
  @ApiProperty({ example: 404 }) statusCode!: number;
  @ApiProperty({ example: 'Not Found' }) error!: string;
  @ApiProperty({ example: 'No child with id 3f0c9a4e-5d6b-4c1e-9a61-0b2f1c7d8e90' }) message!: string;
}
