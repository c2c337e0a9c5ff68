import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AccessLogRecorder } from '../../audit/access-log.recorder';
import type { AllocationNames } from '../../children/allocation/allocation-names';
import type { AuthenticatedUser } from '../../auth/authenticated-user';
import type { ChildScope } from '../../auth/child-scope/child-scope';
import type { CommandOrigin } from '../../http/command-origin.decorator';
import type { Clock } from '../../infrastructure/clock';
import type { JourneyQueries } from '../../projections/journey-queries';
import { FORM_KEY_FIELD, newFormKey } from './form-idempotency-key';
import { RecordController } from './record.controller';
import type { FormCommandSender, SendOutcome } from './validate-and-send';

const user: AuthenticatedUser = { id: 'sam', name: 'Sam', role: 'social_worker' };
const origin: CommandOrigin = { user, correlationId: 'corr-1' };

/** The controller with a child "Cora Form (REF1)", a sender answering `outcome`, and the trail's calls. */
function controllerAnswering(outcome: SendOutcome, stillInScope = true) {
  const reads: unknown[][] = [];
  const queries = {
    summary: () => ({ name: 'Cora Form', childRef: 'REF1' }),
    events: () => Promise.resolve([]),
  } as unknown as JourneyQueries;
  const commands = { send: () => Promise.resolve(outcome) } as unknown as FormCommandSender;
  const clock = { now: () => '2026-11-27T10:00:00.000Z' } as Clock;
  const trail = {
    record: (...args: unknown[]) => {
      reads.push(args);
      return Promise.resolve();
    },
  } as unknown as AccessLogRecorder;
  const names = { known: () => ({ teams: ['North'], socialWorkers: [] }) } as unknown as AllocationNames;
  const asked: string[] = [];
  const scope = {
    mayOpen: (_user: AuthenticatedUser, childId: string) => {
      asked.push(childId);
      return Promise.resolve(stillInScope);
    },
  } as unknown as ChildScope;
  return { controller: new RecordController(queries, commands, clock, trail, names, scope), reads, asked };
}

const request = { headers: {}, protocol: 'http' } as unknown as FastifyRequest;
function replyCapturing(): FastifyReply & { statusCode: number } {
  const reply = {
    statusCode: 200,
    status(code: number) {
      reply.statusCode = code;
      return reply;
    },
    header: () => reply,
  };
  return reply as unknown as FastifyReply & { statusCode: number };
}

const reviewForm = (extra: Record<string, unknown> = {}) => ({
  revision: '0',
  [FORM_KEY_FIELD]: newFormKey(),
  ...extra,
});

describe('RecordController: a form refilled after a refusal is a read of the child', () => {
  it('Given the journey refuses the form, When the page comes back filled in, Then the trail has a form entry as for the first render', async () => {
    const { controller, reads } = controllerAnswering({
      ok: false,
      status: 422,
      errors: [{ field: 'reviewDate', message: 'reviewDate: must not be in the future' }],
    });
    const reply = replyCapturing();
    const page = await controller.record({ id: 'c1', form: 'review' }, reviewForm(), origin, request, reply);
    expect(reply.statusCode).toBe(422);
    expect(page).toContain('Cora Form');
    expect(reads).toEqual([[user, { childId: 'c1', view: 'form', query: { form: 'review' } }, 'corr-1']]);
  });

  it('Given a form whose key is not one we drew, When it is refilled with a new key, Then that refill is recorded too', async () => {
    const { controller, reads } = controllerAnswering({ ok: true, globalPosition: '1' });
    const reply = replyCapturing();
    await controller.record(
      { id: 'c1', form: 'review' },
      reviewForm({ [FORM_KEY_FIELD]: 'not a key' }),
      origin,
      request,
      reply,
    );
    expect(reply.statusCode).toBe(400);
    expect(reads).toEqual([[user, { childId: 'c1', view: 'form', query: { form: 'review' } }, 'corr-1']]);
  });

  it('Given a stale form, When it is refilled against the journey now, Then it is recorded', async () => {
    const { controller, reads } = controllerAnswering({ ok: false, status: 409, stale: true, revision: '3' });
    const reply = replyCapturing();
    await controller.record({ id: 'c1', form: 'review' }, reviewForm(), origin, request, reply);
    expect(reply.statusCode).toBe(409);
    expect(reads).toHaveLength(1);
  });

  it('Given the form is recorded, When the browser is sent on to the child, Then no form entry is added (the child page records its own read)', async () => {
    const { controller, reads } = controllerAnswering({ ok: true, globalPosition: '7' });
    const reply = replyCapturing();
    await controller.record({ id: 'c1', form: 'review' }, reviewForm(), origin, request, reply);
    expect(reply.statusCode).toBe(303);
    expect(reads).toEqual([]);
  });
});

describe('RecordController: an allocation out of the worker’s teams', () => {
  const allocation = reviewForm({
    team: 'Leaving Care 16+',
    socialWorker: 'sw.other.demo',
    effectiveDate: '2026-11-26',
  });
  it('Given an allocation that takes the child out of every team of the worker, When recorded, Then the answer says it was recorded and where the child went, not Page not found', async () => {
    const { controller, asked } = controllerAnswering({ ok: true, globalPosition: '8' }, false);
    const reply = replyCapturing();
    const page = String(
      await controller.record({ id: 'c1', form: 'allocation' }, allocation, origin, request, reply),
    );
    expect(reply.statusCode).toBe(200);
    expect(asked).toEqual(['c1']);
    expect(page).toContain('Allocation recorded');
    expect(page).toContain(
      'Cora Form (REF1) is allocated to Leaving Care 16+ (sw.other.demo) from 26 November 2026',
    );
    expect(page).toContain('no longer in your teams’ list');
  });

  it('Given an allocation within the worker’s teams, When recorded, Then the browser goes on to the child’s page', async () => {
    const { controller } = controllerAnswering({ ok: true, globalPosition: '8' }, true);
    const reply = replyCapturing();
    await controller.record({ id: 'c1', form: 'allocation' }, allocation, origin, request, reply);
    expect(reply.statusCode).toBe(303);
  });

  it('Given a review, When recorded, Then the scope is not asked again (only allocations move a child)', async () => {
    const { controller, asked } = controllerAnswering({ ok: true, globalPosition: '8' }, false);
    const reply = replyCapturing();
    await controller.record({ id: 'c1', form: 'review' }, reviewForm(), origin, request, reply);
    expect(reply.statusCode).toBe(303);
    expect(asked).toEqual([]);
  });
});
