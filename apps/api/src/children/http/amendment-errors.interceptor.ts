import {
  BadRequestException,
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { amendableEntryType } from '@care-journey/journey';
import type { FastifyRequest } from 'fastify';
import { catchError, from, type Observable } from 'rxjs';
import { badRequestBody, type BadRequestBody, type FieldError } from '../../http/field-errors';
import { amendedDataErrors } from '../dto/corrections.amended-data';
import { JourneyRepository } from '../recording/journey.repository';

/**
 * One 400 for everything wrong with an amendment. Its body is checked in two stages: the route's
 * own fields by the validation pipe, then `amendedData` by the corrected entry's rules, known only
 * once the journey is read (amended-data.check.ts). When the first stage refuses the body, the
 * second is run here too and its errors join the 400, so a client sees every problem at once
 * rather than one stage per attempt. Only a refused request pays for the extra read.
 */
@Injectable()
export class AmendmentErrorsInterceptor implements NestInterceptor {
  constructor(private readonly journeys: JourneyRepository) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    return next.handle().pipe(catchError((error: unknown) => from(this.withAmendedData(error, request))));
  }

  private async withAmendedData(error: unknown, request: FastifyRequest): Promise<never> {
    if (!(error instanceof BadRequestException)) throw error;
    const { errors } = error.getResponse() as Partial<BadRequestBody>;
    // The second stage's own 400 (the first stage passed) already names amendedData's errors.
    if (!Array.isArray(errors) || errors.every((e) => e.field.startsWith('amendedData.'))) throw error;
    const more = await this.amendedDataErrorsOf(request).catch(() => []);
    const named = new Set(errors.map(({ field, rule }) => `${field} ${rule}`));
    const added = more.filter(({ field, rule }) => !named.has(`${field} ${rule}`));
    if (added.length === 0) throw error;
    throw new BadRequestException(badRequestBody([...errors, ...added]));
  }

  /** What the second stage says of the body as sent; nothing when it cannot tell (no such child or entry). */
  private async amendedDataErrorsOf(request: FastifyRequest): Promise<FieldError[]> {
    const childId = (request.params as Record<string, unknown> | undefined)?.['id'];
    const body = request.body as Record<string, unknown> | undefined;
    const correctedEventId = body?.['correctedEventId'];
    const amendedData = body?.['amendedData'];
    if (typeof childId !== 'string' || typeof correctedEventId !== 'string') return [];
    if (typeof amendedData !== 'object' || amendedData === null || Array.isArray(amendedData)) return [];
    const { state } = await this.journeys.load(childId);
    const entryType = amendableEntryType(state, correctedEventId);
    return entryType ? amendedDataErrors(entryType, amendedData) : [];
  }
}
