import { randomUUID } from 'node:crypto';
import { Catch, Injectable, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { dateOfInstant } from '@care-journey/journey';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthenticatedUser } from '../../auth/authenticated-user';
import { AccessLogRecorder } from '../../audit/access-log.recorder';
import { CHILD_ID_PATTERN } from '../../children/dto/child-id.param';
import { Clock } from '../../infrastructure/clock';
import { JourneyQueries } from '../../projections/journey-queries';
import { csrfToken } from '../auth/csrf';
import { FormTokenRefused } from '../auth/form-token-refused';
import { sentFromThisService } from '../auth/sent-from-this-service';
import { FORM_RECORDERS, requestUser } from '../auth/web-user';
import { sendPage } from '../html/respond';
import { WebExceptionFilter } from '../html/web-exception.filter';
import { formBySlug } from './correction-forms';
import { correctionFormFor, describeEntry } from './correction-target';
import { formValues } from './form-body';
import { FORM_KEY_FIELD, formIdempotencyKey, newFormKey } from './form-idempotency-key';
import { formOnDate } from './form-on-date';
import { carriedRevision } from './form-revision';
import { entryOfSentForm, formChild, formRead } from './record-form-child';
import { recordFormPage } from './record-form.page';

/**
 * A record form whose token was not this session's (the user signed in again, perhaps in another
 * tab, after opening it) comes back as it was sent, with this session's token and "Your session
 * changed: check the answers and send again", so nothing typed is lost. The CSRF guard has already
 * refused it: no handler ran and nothing was recorded; sending it again is the user's own decision,
 * checked like any other send (its revision and key are the ones it was opened with).
 *
 * Only for a signed-in user who may record, and only when the browser says the form came from this
 * service's pages: a form from another site gets the plain refusal, never a page pre-filled with
 * that site's answers. Like every render of a record form, the refill is a `form` read in the trail.
 */
/**
 * The user a refused form may come back filled in for: signed in (this session), allowed to
 * record, and sending from this service's own page. Otherwise undefined: the plain refusal.
 */
export function refillableFor(request: FastifyRequest): AuthenticatedUser | undefined {
  const user = requestUser(request);
  const refillable =
    user !== undefined &&
    FORM_RECORDERS.includes(user.role) &&
    request.method === 'POST' &&
    sentFromThisService(request);
  return refillable ? user : undefined;
}

@Catch(FormTokenRefused)
@Injectable()
export class SessionChangedFormFilter implements ExceptionFilter {
  private readonly logger = new Logger('Web');
  private readonly plain = new WebExceptionFilter();

  constructor(
    private readonly queries: JourneyQueries,
    private readonly clock: Clock,
    private readonly trail: AccessLogRecorder,
  ) {}

  async catch(exception: FormTokenRefused, host: ArgumentsHost): Promise<void> {
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const user = refillableFor(request);
    if (!user) return this.plain.catch(exception, host);
    try {
      const page = await this.refilled(request, reply, user);
      if (page === undefined) return this.plain.catch(exception, host);
      void reply.send(sendPage(reply, page, 403));
    } catch (error) {
      // No such child, or the store failed: the plain refusal, as before this filter.
      this.logger.warn(`A refused form could not be refilled: ${String(error)}`);
      this.plain.catch(exception, host);
    }
  }

  /** The form page refilled with what was sent, or undefined when the address names no form. */
  private async refilled(request: FastifyRequest, reply: FastifyReply, user: AuthenticatedUser) {
    // The guard ran before the route's pipes: the address is checked here as RecordFormParams would.
    const { id, form: slug } = request.params as Record<string, unknown>;
    const base = typeof slug === 'string' ? formBySlug(slug) : undefined;
    if (typeof id !== 'string' || !CHILD_ID_PATTERN.test(id) || !base) return undefined;
    const fields = (request.body ?? {}) as Record<string, unknown>;
    const child = await formChild(this.queries, id);
    const dated = formOnDate(base, dateOfInstant(this.clock.now()));
    const entry = dated.target
      ? entryOfSentForm(child.events, fields[dated.target], fields.revision)
      : undefined;
    if (dated.target && !entry) return undefined;
    const form = entry ? correctionFormFor(dated, entry) : dated;
    // Shown by name and pre-filled, as the first render was: a read of the child, in the trail.
    await this.trail.record(user, formRead(id, base.slug, entry?.id), randomUUID());
    const key = formIdempotencyKey(fields[FORM_KEY_FIELD]);
    return recordFormPage({
      user,
      // This session's: the next send is checked against the session the user is in now.
      csrfToken: csrfToken(request, reply),
      childId: id,
      childLabel: child.childLabel,
      childRef: child.childRef,
      form,
      values: formValues(form.fields, fields),
      errors: [],
      // As opened: a journey changed meanwhile is still refused as stale on the next send.
      revision: carriedRevision(fields.revision),
      // Nothing was recorded under the form's key: the next send keeps it (one entry however often sent).
      idempotencyKey: key.ok ? key.key : newFormKey(),
      refusal: { kind: 'session-changed' },
      entry: entry && { id: entry.id, description: describeEntry(entry) },
    });
  }
}
