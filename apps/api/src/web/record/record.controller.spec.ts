import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AccessLogRecorder } from '../../audit/access-log.recorder';
import type { AllocationNames } from '../../children/allocation/allocation-names';
import type { ChildScope } from '../../auth/child-scope/child-scope';
import type { AuthenticatedUser } from '../../auth/authenticated-user';
import type { CommandOrigin } from '../../http/command-origin.decorator';
import type { Clock } from '../../infrastructure/clock';
import type { JourneyQueries } from '../../projections/journey-queries';
import { FORM_KEY_FIELD, newFormKey } from './form-idempotency-key';
import { RecordController } from './record.controller';
import type { FormCommandSender, SendOutcome } from './validate-and-send';

const user: AuthenticatedUser = { id: 'sam', name: 'Sam', role: 'social_worker' };
const origin: CommandOrigin = { user, correlationId: 'corr-1' };

/**
 * The controller with a child "Cora Form (REF1)", a sender answering `outcome`, and the trail's calls
 * (reads, and refusals recorded through the scope; the user is team-scoped unless `allChildren`;
 * the child stays in the user's scope after the command unless `stillInScope` is false).
 */
function controllerAnswering(
  outcome: SendOutcome,
  { allChildren = false, stillInScope = true }: { allChildren?: boolean; stillInScope?: boolean } = {},
) {
  const reads: unknown[][] = [];
  const refusals: unknown[][] = [];
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
    of: () => (allChildren ? { all: true } : { all: false, teams: ['North'] }),
    recordRefused: (...args: unknown[]) => {
      refusals.push(args);
      return Promise.resolve();
    },
    mayOpen: (_user: AuthenticatedUser, childId: string) => {
      asked.push(childId);
      return Promise.resolve(stillInScope);
    },
  } as unknown as ChildScope;
  return {
    controller: new RecordController(queries, commands, clock, trail, names, scope),
    reads,
    refusals,
    asked,
  };
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

describe('RecordController: a uniqueness refusal told to a team-scoped worker is in the trail', () => {
  const held: SendOutcome = {
    ok: false,
    status: 409,
    errors: [
      {
        field: 'amendedData.childRef',
        message: 'amendedData.childRef LA-9 is already used by another child',
      },
    ],
    uniqueness: 'child-ref-in-use',
  };

  it('Given a team-scoped social worker, When the amend form is refused 409 child-ref-in-use, Then a refused entry with the rule is recorded for the child', async () => {
    const { controller, refusals } = controllerAnswering(held);
    const reply = replyCapturing();
    await controller.record({ id: 'c1', form: 'review' }, reviewForm(), origin, request, reply);
    expect(reply.statusCode).toBe(409);
    expect(refusals).toEqual([[user, 'c1', request, 'child-ref-in-use']]);
  });

  it('Given a team-scoped social worker, When the amend form is refused 409 upn-in-use, Then the refusal is recorded with that rule', async () => {
    const { controller, refusals } = controllerAnswering({ ...held, uniqueness: 'upn-in-use' });
    await controller.record({ id: 'c1', form: 'review' }, reviewForm(), origin, request, replyCapturing());
    expect(refusals).toEqual([[user, 'c1', request, 'upn-in-use']]);
  });

  it('Given a worker who sees every child, When the same 409 comes back, Then no refusal is recorded (it tells them nothing they may not read)', async () => {
    const { controller, refusals } = controllerAnswering(held, { allChildren: true });
    await controller.record({ id: 'c1', form: 'review' }, reviewForm(), origin, request, replyCapturing());
    expect(refusals).toEqual([]);
  });

  it('Given a stale form (409 with no errors), Then no uniqueness refusal is recorded', async () => {
    const { controller, refusals } = controllerAnswering({
      ok: false,
      status: 409,
      stale: true,
      revision: '3',
    });
    await controller.record({ id: 'c1', form: 'review' }, reviewForm(), origin, request, replyCapturing());
    expect(refusals).toEqual([]);
  });
});

describe('RecordController: an allocation out of the worker’s teams', () => {
  const allocation = reviewForm({
    team: 'Leaving Care 16+',
    socialWorker: 'sw.other.demo',
    effectiveDate: '2026-11-26',
  });
  it('Given an allocation that takes the child out of every team of the worker, When recorded, Then the answer says it was recorded and where the child went, not Page not found', async () => {
    const { controller, asked } = controllerAnswering(
      { ok: true, globalPosition: '8' },
      { stillInScope: false },
    );
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
    const { controller } = controllerAnswering({ ok: true, globalPosition: '8' });
    const reply = replyCapturing();
    await controller.record({ id: 'c1', form: 'allocation' }, allocation, origin, request, reply);
    expect(reply.statusCode).toBe(303);
  });

  it('Given a review, When recorded, Then the scope is not asked again (only allocations move a child)', async () => {
    const { controller, asked } = controllerAnswering(
      { ok: true, globalPosition: '8' },
      { stillInScope: false },
    );
    const reply = replyCapturing();
    await controller.record({ id: 'c1', form: 'review' }, reviewForm(), origin, request, reply);
    expect(reply.statusCode).toBe(303);
    expect(asked).toEqual([]);
  });
});
