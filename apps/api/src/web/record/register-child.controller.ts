import { Body, Controller, Get, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthenticatedUser } from '../../auth/authenticated-user';
import { CurrentUser } from '../../auth/current-user.decorator';
import { ChildScope } from '../../auth/child-scope/child-scope';
import { Roles } from '../../auth/roles.decorator';
import { ChildRefInUse } from '../../children/application-errors';
import { possibleDuplicates } from '../../children/queries/possible-duplicates';
import { AllocationNames } from '../../children/allocation/allocation-names';
import { knownAllocation, type SentAllocationNames } from '../../children/allocation/known-allocation-names';
import { AccessLogRecorder } from '../../audit/access-log.recorder';
import { Clock } from '../../infrastructure/clock';
import { JourneyQueries } from '../../projections/journey-queries';
import { dateOfInstant } from '@care-journey/journey';
import { idempotentChildId } from '../../children/recording/idempotency';
import { csrfToken } from '../auth/csrf';
import { FORM_RECORDERS } from '../auth/web-user';
import { redirect, sendPage } from '../html/respond';
import { WebExceptionFilter } from '../html/web-exception.filter';
import { afterRecording } from '../reading/position-param';
import { formToBody, formValues } from './form-body';
import type { RecordForm } from './form-definitions';
import { FORM_KEY_FIELD, formIdempotencyKey, newFormKey } from './form-idempotency-key';
import { RegisterChildFormFor } from './register-child-form-for';
import { RegisterSessionChangedFilter } from './register-session-changed.filter';
import { registerChildPage, type RegisterChildPageModel } from './register-child.page';
import { DUPLICATES_CHECKED_FIELD, duplicateCheckKey, type DuplicateStep } from './possible-duplicate-step';
import { FormCommandSender, type SendOutcome } from './validate-and-send';

/**
 * Register a child on the web: the same command path as `POST /children` with an Idempotency-Key
 * (the API's validation pipe on RegisterChildDto, then JourneyCommandSender; the 903 reference is
 * reserved first). The child's id is named after the user and the form's key, so the same form
 * sent twice registers one child and lands on the same page.
 */
@ApiExcludeController()
@Controller('panel/children/new')
// The second is tried first: a form sent with an earlier session's token comes back filled in.
@UseFilters(WebExceptionFilter, RegisterSessionChangedFilter)
@Roles(...FORM_RECORDERS)
export class RegisterChildController {
  constructor(
    private readonly commands: FormCommandSender,
    private readonly forms: RegisterChildFormFor,
    private readonly scope: ChildScope,
    private readonly queries: JourneyQueries,
    private readonly clock: Clock,
    private readonly trail: AccessLogRecorder,
    private readonly allocationNames: AllocationNames,
  ) {}

  @Get()
  show(
    @CurrentUser() user: AuthenticatedUser,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): string {
    const teams = this.scope.registrationTeams(user);
    return sendPage(
      reply,
      registerChildPage({
        user,
        csrfToken: csrfToken(request, reply),
        form: this.form(user),
        // The one recording is usually the allocated worker, in their one team if they have one: changeable.
        values: { socialWorker: user.id, ...(teams.length === 1 && { team: teams[0] }) },
        errors: [],
        idempotencyKey: newFormKey(),
      }),
    );
  }

  /**
   * Not under the scope's guard (`@ChildScoped('registration')`, the API's): its 400 would be a bare
   * error page that loses the answers. The same judgement, ChildScope.registrationRefusal, is made
   * here before anything is sent, and a refusal is a message on the team field with the form's
   * other errors, the answers kept.
   */
  @Post()
  async register(
    @Body() submitted: Record<string, unknown> | undefined,
    @CurrentUser() user: AuthenticatedUser,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const form = this.form(user);
    const fields = submitted ?? {};
    const refill = (key: string): RegisterChildPageModel => ({
      user,
      csrfToken: csrfToken(request, reply),
      form,
      values: formValues(form.fields, fields),
      errors: [],
      idempotencyKey: key,
    });
    const key = formIdempotencyKey(fields[FORM_KEY_FIELD]);
    if (!key.ok) {
      const refusal = { kind: 'key-invalid', message: key.message } as const;
      return sendPage(reply, registerChildPage({ ...refill(newFormKey()), refusal }), 400);
    }
    const body = formToBody(form.fields, fields);
    const refusal = this.scope.registrationRefusal(user, fields.team);
    if (refusal) {
      const others = (await this.commands.fieldErrors(form, body)).filter((e) => e.field !== 'team');
      const errors = [...others, { field: refusal.field, message: refusal.message }];
      return sendPage(reply, registerChildPage({ ...refill(key.key), errors }), 400);
    }
    const childId = idempotentChildId(user.id, key.key);
    const duplicates = await this.possibleDuplicates(form, body, fields, user, childId);
    if (duplicates) return sendPage(reply, registerChildPage({ ...refill(key.key), duplicates }));
    const outcome = await this.send(form, childId, body, user, key.key);
    // A reference or UPN another child holds, told to a team-scoped worker: in the trail, as on the API.
    if (!outcome.ok && 'errors' in outcome && outcome.status === 409 && !this.scope.of(user).all) {
      const rule = 'uniqueness' in outcome && outcome.uniqueness ? outcome.uniqueness : 'child-ref-in-use';
      await this.scope.recordRefused(user, childId, request, rule);
    }
    if (outcome.ok) return redirect(reply, afterRecording(childId, form.slug, outcome.globalPosition));
    if ('keyReused' in outcome) {
      // This form's key already registered a child with other answers: these would be another child.
      const refusal = { kind: 'key-reused', message: outcome.message } as const;
      const registeredChildHref = `/panel/children/${encodeURIComponent(childId)}`;
      return sendPage(
        reply,
        registerChildPage({ ...refill(newFormKey()), refusal, registeredChildHref }),
        outcome.status,
      );
    }
    // No If-Match on a registration, so never stale; field errors (400, 422, a held reference 409).
    const errors = 'errors' in outcome ? outcome.errors : [];
    return sendPage(reply, registerChildPage({ ...refill(key.key), errors }), outcome.status);
  }

  /**
   * The duplicate step (frontline review F12), once the answers are valid and unless this name and
   * birth date were already shown to the worker ("Register anyway" sends them back unchanged). The
   * children named go in the read-access trail, as a search's would; those outside a social
   * worker's teams are only counted.
   */
  private async possibleDuplicates(
    form: RecordForm,
    body: Record<string, unknown>,
    fields: Record<string, unknown>,
    user: AuthenticatedUser,
    /** The child this form's key registers: the same form sent again is not its own duplicate. */
    childId: string,
  ): Promise<DuplicateStep | undefined> {
    const checked = duplicateCheckKey(body);
    if (checked === undefined || fields[DUPLICATES_CHECKED_FIELD] === checked) return undefined;
    if (!(await this.wouldBeTaken(form, body))) return undefined; // the send names what is wrong
    const today = dateOfInstant(this.clock.now());
    const found = possibleDuplicates(
      this.queries.summaries(),
      body as { name: string; dateOfBirth: string },
      today,
    ).filter((d) => d.childId !== childId);
    if (found.length === 0) return undefined;
    const seen = this.scope.visible(user, found, (d) => d.team);
    await this.trail.recordList(user, {
      view: 'search',
      route: '/panel/children/new',
      query: { possibleDuplicatesOf: checked },
      childIds: seen.map((d) => d.childId),
    });
    return { seen, elsewhere: found.length - seen.length, checked };
  }

  /** Whether the answers pass the API's checks (the DTO, a known team and social worker). */
  private async wouldBeTaken(form: RecordForm, body: Record<string, unknown>): Promise<boolean> {
    if ((await this.commands.fieldErrors(form, body)).length > 0) return false;
    try {
      knownAllocation(this.allocationNames.known(), body as SentAllocationNames);
      return true;
    } catch {
      return false;
    }
  }

  /** The record forms' sender; a reference another child holds is a message on its field. */
  private async send(
    form: RecordForm,
    childId: string,
    body: Record<string, unknown>,
    user: AuthenticatedUser,
    key: string,
  ): Promise<SendOutcome | { ok: false; status: 409; errors: { field: string; message: string }[] }> {
    try {
      return await this.commands.send(form, childId, body, { kind: 'none' }, user, key);
    } catch (error) {
      if (!(error instanceof ChildRefInUse)) throw error;
      const { message } = error.getResponse() as { message: string };
      return { ok: false, status: 409, errors: [{ field: 'childRef', message }] };
    }
  }

  /** The form with today's codes and the user's choice of teams and social workers (register-child-form-for.ts). */
  private form(user: AuthenticatedUser): RecordForm {
    return this.forms.form(user);
  }
}
