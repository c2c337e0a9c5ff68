import { BadRequestException, ForbiddenException, UnauthorizedException } from '@nestjs/common';
import { StoreUnavailable, StreamNotFound } from '@care-journey/event-store';
import { DomainRuleViolation } from '@care-journey/journey';
import { ChildNotFound, RevisionConflict } from '../children/application-errors';
import { toHttpError } from './error-mapping';
import { badRequestBody } from './field-errors';

describe('toHttpError', () => {
  it('422 names the rule and the field', () => {
    expect(
      toHttpError(new DomainRuleViolation('date-in-future', 'effectiveDate is after today', 'effectiveDate')),
    ).toEqual({
      status: 422,
      body: {
        statusCode: 422,
        error: 'Unprocessable Entity',
        message: 'effectiveDate is after today',
        rule: 'date-in-future',
        field: 'effectiveDate',
      },
    });
    expect(
      toHttpError(new DomainRuleViolation('child-not-registered', 'register first')).body,
    ).not.toHaveProperty('field');
  });

  it('Given a correction refused because of other entries, When mapped, Then the 422 body carries their ids for clients beside the message in words', () => {
    const body = toHttpError(
      new DomainRuleViolation(
        'permanence-plan-outside-period-of-care',
        'The start of care on 5 January 2026 cannot be withdrawn: …',
        undefined,
        ['e3', 'e4'],
      ),
    ).body;
    expect(body).toMatchObject({ rule: 'permanence-plan-outside-period-of-care', entries: ['e3', 'e4'] });
    expect(body).not.toHaveProperty('field');
    expect(toHttpError(new DomainRuleViolation('r', 'm')).body).not.toHaveProperty('entries');
  });

  it('404 for an unknown child, however it surfaces', () => {
    expect(toHttpError(new ChildNotFound('c1')).status).toBe(404);
    expect(toHttpError(new StreamNotFound('journey-c1')).status).toBe(404);
  });

  it('409 carries both revisions as strings', () => {
    expect(toHttpError(new RevisionConflict('c1', 4n, 5n)).body).toMatchObject({
      statusCode: 409,
      expectedRevision: '4',
      actualRevision: '5',
    });
    expect(toHttpError(new RevisionConflict('c1', 'no_stream', 0n)).body).toMatchObject({
      expectedRevision: 'no_stream',
      actualRevision: '0',
    });
  });

  it('503 when the store is unavailable, without internals', () => {
    const { status, body } = toHttpError(new StoreUnavailable('SQLITE_FULL: /var/data/x.db'));
    expect(status).toBe(503);
    expect(JSON.stringify(body)).not.toContain('/var/data');
  });

  it('keeps the 400 body with its field errors, and 401/403 messages', () => {
    const fields = [
      {
        field: 'effectiveDate',
        rule: 'isCalendarDate',
        message: 'effectiveDate must be a real calendar date, YYYY-MM-DD',
      },
    ];
    expect(toHttpError(new BadRequestException(badRequestBody(fields)))).toEqual({
      status: 400,
      body: {
        statusCode: 400,
        error: 'Bad Request',
        message: 'Invalid request: effectiveDate',
        errors: fields,
      },
    });
    expect(toHttpError(new UnauthorizedException('Token has expired')).body).toMatchObject({
      statusCode: 401,
      message: 'Token has expired',
    });
    expect(toHttpError(new ForbiddenException('no')).status).toBe(403);
  });

  it('500 for anything else, saying nothing about it', () => {
    expect(toHttpError(new TypeError('secret detail'))).toEqual({
      status: 500,
      body: { statusCode: 500, error: 'Internal Server Error', message: 'Unexpected error' },
    });
  });
});
