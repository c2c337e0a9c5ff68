import { BadRequestException, ForbiddenException, UnauthorizedException } from '@nestjs/common';
import { BatchTooLarge, StoreUnavailable, StreamNotFound } from '@care-journey/event-store';
import { DomainRuleViolation, UnreadableEventSchema } from '@care-journey/journey';
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

  it('Given a write sent but not answered (EventStoreDB timeout), When mapped, Then the 503 does not say nothing was recorded, and says how a retry is safe', () => {
    const { status, body } = toHttpError(
      new StoreUnavailable('EventStoreDB unavailable: deadline', undefined, true),
    );
    expect(status).toBe(503);
    expect(body.message).not.toMatch(/nothing was recorded/);
    expect(body.message).toMatch(/may or may not have been recorded.*same Idempotency-Key/);
  });

  it('Given an append larger than the store takes, When mapped, Then 413 saying nothing was recorded', () => {
    const { status, body } = toHttpError(new BatchTooLarge('journey-1', 900, 1_048_576));
    expect(status).toBe(413);
    expect(body.message).toMatch(/nothing was recorded/);
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

  describe('a stored event this build cannot read', () => {
    const place = {
      id: 'e-7',
      type: 'StatutoryReviewHeld',
      streamId: 'journey-c1',
      revision: 4n,
      globalPosition: 812n,
    };
    const facts = {
      streamId: 'journey-c1',
      childId: 'c1',
      eventId: 'e-7',
      eventType: 'StatutoryReviewHeld',
      revision: '4',
      globalPosition: '812',
    };

    it('Given it was written by a newer build, When mapped, Then 503 with code unreadable-event-schema, naming it and both versions, and saying to upgrade', () => {
      const { status, body } = toHttpError(new UnreadableEventSchema(place, 2, 1, 'newer', 'is newer'));
      expect(status).toBe(503);
      expect(body).toEqual({
        statusCode: 503,
        error: 'Service Unavailable',
        code: 'unreadable-event-schema',
        message:
          'This record holds an entry (StatutoryReviewHeld, id e-7) written by a newer version of Care Journey ' +
          '(schema version 2; this version reads StatutoryReviewHeld up to 1), so this version cannot read the record. ' +
          'Nothing was recorded. Upgrade this service (API, projector and command line) to the version that wrote it.',
        event: { ...facts, schemaVersion: 2, readableVersion: 1 },
      });
    });

    it('Given its version is malformed, When mapped, Then 500 with the same code and facts: a defect to report, not an upgrade', () => {
      const { status, body } = toHttpError(new UnreadableEventSchema(place, '2', 1, 'malformed', 'bad'));
      expect(status).toBe(500);
      expect(body).toMatchObject({
        code: 'unreadable-event-schema',
        message: expect.stringContaining(
          '("2") this version of Care Journey cannot read (not a whole number of 1 or more)',
        ),
        event: { ...facts, schemaVersion: '2', readableVersion: 1 },
      });
    });

    it('Given an amendment whose data a newer build wrote (amendedSchemaVersion), When mapped, Then 503 naming the corrected type the versions are of', () => {
      const amendment = { ...place, id: 'e-9', type: 'EntryAmended' };
      const error = new UnreadableEventSchema(
        amendment,
        3,
        2,
        'newer',
        'is newer',
        'amendedSchemaVersion',
        'GoingHomeAuditCompleted',
      );
      const { status, body } = toHttpError(error);
      expect(status).toBe(503);
      expect(body).toMatchObject({
        message: expect.stringContaining(
          '(EntryAmended, id e-9) written by a newer version of Care Journey ' +
            '(schema version 3 of its GoingHomeAuditCompleted data; this version reads GoingHomeAuditCompleted up to 2)',
        ),
        event: {
          eventType: 'EntryAmended',
          schemaVersion: 3,
          readableVersion: 2,
          versionField: 'amendedSchemaVersion',
          dataType: 'GoingHomeAuditCompleted',
        },
      });
    });

    it('Given an amendment older than the entry it amends, When mapped, Then 500 saying so (not "not a whole number")', () => {
      const amendment = { ...place, id: 'e-9', type: 'EntryAmended' };
      const error = new UnreadableEventSchema(
        amendment,
        1,
        2,
        'malformed',
        'is older',
        'amendedSchemaVersion',
        'GoingHomeAuditCompleted',
      );
      const { status, body } = toHttpError(error);
      expect(status).toBe(500);
      expect(body.message).toContain(
        '(1) this version of Care Journey cannot read (older than the entry it amends)',
      );
    });

    it('Given a stream that is not a journey, When mapped, Then no child is named', () => {
      const { body } = toHttpError(
        new UnreadableEventSchema({ id: 'e-1', type: 'X', streamId: 'other-1' }, 3, 1, 'newer', 'is newer'),
      );
      expect(body.event).toEqual({
        streamId: 'other-1',
        eventId: 'e-1',
        eventType: 'X',
        schemaVersion: 3,
        readableVersion: 1,
      });
    });
  });

  it('500 for anything else, saying nothing about it', () => {
    expect(toHttpError(new TypeError('secret detail'))).toEqual({
      status: 500,
      body: { statusCode: 500, error: 'Internal Server Error', message: 'Unexpected error' },
    });
  });
});
