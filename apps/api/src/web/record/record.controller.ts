import {
  Body,
  Controller,
  Get,
  NotFoundException,
  Param,
  Post,
  Query,
  Req,
  Res,
  UseFilters,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { dateOfInstant } from '@care-journey/journey';
import { allocationOn } from '@care-journey/projections';
import { AccessLogRecorder } from '../../audit/access-log.recorder';
import { AllocationNames } from '../../children/allocation/allocation-names';
import { ChildScope } from '../../auth/child-scope/child-scope';
import { ChildScoped } from '../../auth/child-scope/child-scoped.decorator';
import type { AuthenticatedUser } from '../../auth/authenticated-user';
import { Roles } from '../../auth/roles.decorator';
import { Origin, type CommandOrigin } from '../../http/command-origin.decorator';
import { Clock } from '../../infrastructure/clock';
import { JourneyQueries } from '../../projections/journey-queries';
import { csrfToken } from '../auth/csrf';
import { FORM_RECORDERS } from '../auth/web-user';
import { redirect, sendPage } from '../html/respond';
import { WebExceptionFilter } from '../html/web-exception.filter';
import { afterRecording } from '../reading/position-param';
import { allocatedAwayPage } from './allocated-away.page';
import { allocationFormWithChoices, amendFormWithChoices, currentAllocationValues } from './allocation-form';
import { amendedDataOf } from './amended-data';
import { formBySlug } from './correction-forms';
import {
  correctableEntry,
  correctionFormFor,
  correctionValues,
  describeEntry,
  type CorrectableEntry,
} from './correction-target';
import { formToBody, formValues } from './form-body';
import type { RecordForm } from './form-definitions';
import { FORM_KEY_FIELD, formIdempotencyKey, newFormKey } from './form-idempotency-key';
import { formOnDate } from './form-on-date';
import { carriedRevision, formRevision } from './form-revision';
import { entryOfSentForm, formChild, formRead, type FormChild } from './record-form-child';
import { RecordFormParams } from './record-form.params';
import { SessionChangedFormFilter } from './session-changed.filter';
import { recordFormPage, type RecordFormPageModel } from './record-form.page';
import { FormCommandSender } from './validate-and-send';

/**
 * Social workers record events from the child's page; the forms post to the API's command bus.
 * Each form carries the journey revision it was opened on (If-Match), so a form left open while
 * someone else recorded is refused instead of being decided against a journey nobody saw, and a
 * key drawn when it was rendered (Idempotency-Key), so the same form sent twice records once.
 * A correction (amend, withdraw) is opened from an entry on the child's page (`?entry=<id>`) and
 * carries that entry's id; an amendment is filled in on the entry's own fields, pre-filled.
 */
@ApiExcludeController()
@Controller('panel/children/:id/record')
// The second is tried first (Nest tries a route's filters last-declared first): a form refused for
// a token of an earlier session comes back filled in; anything else is an error page.
@UseFilters(WebExceptionFilter, SessionChangedFormFilter)
@Roles(...FORM_RECORDERS)
@ChildScoped()
export class RecordController {
  constructor(
    private readonly queries: JourneyQueries,
    private readonly commands: FormCommandSender,
    private readonly clock: Clock,
    private readonly trail: AccessLogRecorder,
    private readonly allocationNames: AllocationNames,
    private readonly scope: ChildScope,
  ) {}

  @Get(':form')
  async show(
    @Param() { id, form: slug }: RecordFormParams,
    @Query() query: Record<string, unknown>,
    @Origin() { user, correlationId }: CommandOrigin,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const base = this.formOf(slug);
    const child = await this.child(id);
    const entry = base.target ? correctableEntry(child.events, query.entry) : undefined;
    if (base.target && !entry)
      throw new NotFoundException(
        `No entry ${JSON.stringify(query.entry ?? '')} on this child's journey that can be corrected or withdrawn`,
      );
    const opened = entry ? this.correctionForm(base, entry) : base;
    // The allocation form opens on the child's allocation now, so a worker changes only what changes.
    const { form, values } =
      base.slug === 'allocation' && !entry
        ? currentAllocationValues(opened, this.currentAllocation(id), this.allocationNames.known())
        : { form: opened, values: entry ? correctionValues(opened, entry) : {} };
    // The form names the child, and a correction pre-fills the entry as recorded (UPN, date of
    // birth, postcodes): a read of the child, in the trail before the form is sent.
    await this.trail.record(user, formRead(id, base.slug, entry?.id), correlationId);
    const model: RecordFormPageModel = {
      childLabel: child.childLabel,
      childRef: child.childRef,
      revision: child.revision,
      user,
      csrfToken: csrfToken(request, reply),
      childId: id,
      form,
      values,
      errors: [],
      // Drawn here, once per form: every send of this form is the same command.
      idempotencyKey: newFormKey(),
      entry: entry && { id: entry.id, description: describeEntry(entry) },
    };
    return sendPage(reply, recordFormPage(model));
  }

  @Post(':form')
  async record(
    @Param() { id, form: slug }: RecordFormParams,
    @Body() submitted: Record<string, unknown> | undefined,
    @Origin() { user, correlationId }: CommandOrigin,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const base = this.formOf(slug);
    const child = await this.child(id);
    const fields = submitted ?? {};
    const entry = base.target
      ? entryOfSentForm(child.events, fields[base.target], fields.revision)
      : undefined;
    const form = entry ? this.correctionForm(base, entry) : base;
    // Refilled as sent: the revision it was opened on (still checked on the next send) and its key.
    const refill = (key: string): RecordFormPageModel => ({
      childLabel: child.childLabel,
      childRef: child.childRef,
      revision: carriedRevision(fields.revision),
      user,
      csrfToken: csrfToken(request, reply),
      childId: id,
      form,
      values: formValues(form.fields, fields),
      errors: [],
      idempotencyKey: key,
      entry: entry && { id: entry.id, description: describeEntry(entry) },
    });
    // A refused form comes back filled in, naming the child and pre-filling what was sent (a
    // correction: the entry as recorded): a read of the child, in the trail as the first render is.
    const refused = async (model: RecordFormPageModel, status: number): Promise<string> => {
      await this.trail.record(user, formRead(id, base.slug, entry?.id), correlationId);
      return sendPage(reply, recordFormPage(model), status);
    };
    const key = formIdempotencyKey(fields[FORM_KEY_FIELD]);
    if (!key.ok) {
      const refusal = { kind: 'key-invalid', message: key.message } as const;
      return refused({ ...refill(newFormKey()), refusal }, 400);
    }
    const body = formToBody(form.fields, fields);
    if (base.target) {
      // The entry's id as sent: one that names no live entry is refused by the journey, saying why.
      body[base.target] = fields[base.target];
      if (form.command === 'AmendEntry') {
        const amended = entry ? amendedDataOf(form, entry, body) : { ok: true as const, amendedData: {} };
        if (!amended.ok) return refused({ ...refill(key.key), errors: amended.errors }, 400);
        body.amendedData = amended.amendedData;
      }
    }
    const outcome = await this.commands.send(form, id, body, formRevision(fields.revision), user, key.key);
    // The child's page waits until the read models hold the write (read-your-writes). A repeat of
    // a recorded form gets the first send's position, so it lands on the same page.
    if (outcome.ok) {
      const away = await this.allocatedAway(user, id, form, entry, body);
      if (away)
        return sendPage(
          reply,
          allocatedAwayPage({
            ...away,
            user,
            csrfToken: csrfToken(request, reply),
            childLabel: child.childLabel,
          }),
        );
      return redirect(reply, afterRecording(id, form.slug, outcome.globalPosition));
    }
    // An amended reference or UPN another child holds, told to a team-scoped worker: in the trail,
    // as the API's amendment and the register form record it.
    if ('errors' in outcome && outcome.uniqueness && !this.scope.of(user).all)
      await this.scope.recordRefused(user, id, request, outcome.uniqueness);
    if ('stale' in outcome) {
      // Refilled against where the journey is now: sending it again is a deliberate second decision.
      // The key is kept: nothing was recorded under it.
      const stale = { ...refill(key.key), revision: outcome.revision ?? child.revision };
      return refused({ ...stale, refusal: { kind: 'stale' } }, outcome.status);
    }
    if ('keyReused' in outcome) {
      // This form's key is spent on its first answers: these, if sent again, are a new entry.
      const reused = { ...refill(newFormKey()), revision: child.revision };
      const refusal = { kind: 'key-reused', message: outcome.message } as const;
      return refused({ ...reused, refusal }, outcome.status);
    }
    return refused({ ...refill(key.key), errors: outcome.errors }, outcome.status);
  }

  /** The form with the codes in force today (withdrawn codes are not offered). */
  private formOf(slug: string): RecordForm {
    const form = formBySlug(slug);
    if (!form) throw new NotFoundException(`No form ${slug}`);
    const onDate = formOnDate(form, dateOfInstant(this.clock.now()));
    return slug === 'allocation' ? allocationFormWithChoices(onDate, this.allocationNames.known()) : onDate;
  }

  /**
   * A correction's form for the entry; amending a registration or an allocation offers the
   * authority's teams and social workers, as the allocation form does (the API refuses others).
   */
  private correctionForm(base: RecordForm, entry: CorrectableEntry): RecordForm {
    const form = correctionFormFor(base, entry);
    if (form.command !== 'AmendEntry') return form;
    const recorded = entry.data as unknown as Record<string, unknown>;
    return amendFormWithChoices(form, recorded, this.allocationNames.known());
  }

  /** The child's allocation today, from the read models (undefined when not allocated). */
  /**
   * After an allocation (or a correction of one, or of the registration's team) the worker may no
   * longer be allowed to open the child: then what was recorded and where the child went, in place
   * of the child's page, which would be "Page not found". Asked of the child's stream, as the scope
   * guard does, only for the forms that can move a child between teams.
   */
  private async allocatedAway(
    user: AuthenticatedUser,
    childId: string,
    form: RecordForm,
    entry: CorrectableEntry | undefined,
    body: Record<string, unknown>,
  ) {
    const movesChild =
      (form.slug === 'allocation' && !entry) ||
      (form.command === 'AmendEntry' &&
        (entry?.type === 'AllocationChanged' || entry?.type === 'ChildRegistered'));
    if (!movesChild || (await this.scope.mayOpen(user, childId))) return undefined;
    const now = { ...(entry?.data ?? {}), ...((body.amendedData as object | undefined) ?? body) } as Record<
      string,
      unknown
    >;
    return {
      recorded: entry ? 'Correction' : 'Allocation',
      team: String(now.team ?? ''),
      socialWorker: String(now.socialWorker ?? ''),
      effectiveDate: String(now.effectiveDate ?? ''),
    };
  }

  private currentAllocation(childId: string) {
    const summary = this.queries.summary(childId);
    return summary && allocationOn(summary, dateOfInstant(this.clock.now()));
  }

  private child(childId: string): Promise<FormChild> {
    return formChild(this.queries, childId);
  }
}
