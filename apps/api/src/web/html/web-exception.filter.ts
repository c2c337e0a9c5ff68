import { Catch, Inject, Logger, Optional, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { UnreadableEventSchema } from '@care-journey/journey';
import { toHttpError } from '../../http/error-mapping';
import { StoreOutage } from '../../infrastructure/store-outage';
import { logLineOf } from '../../http/log-line';
import { describeRequest } from '../../http/request-log';
import { UNREADABLE_EVENT_TITLE } from '../../http/unreadable-event';
import { csrfToken } from '../auth/csrf';
import { FormTokenRefused } from '../auth/form-token-refused';
import { FORM_NOT_SENT_PARAM, isSafeNext } from '../auth/safe-next';
import { requestUser } from '../auth/web-user';
import { html } from './html';
import { page } from './layout';

const TITLES: Record<number, string> = {
  403: 'You cannot see this page',
  404: 'Page not found',
  503: 'Sorry, the service is unavailable',
};
/** A form refused for its token is not a page the user may not see. */
const FORM_NOT_SENT = 'Your form was not sent';

/** Errors on the pages become pages: no session → sign in; the rest a GOV.UK error page. */
@Catch()
export class WebExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Web');

  // Optional: a spec may build the filter alone. In the app, readiness learns of store outages here too.
  constructor(@Optional() @Inject(StoreOutage) private readonly outage?: StoreOutage) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const { status, body } = toHttpError(exception);
    this.outage?.noteError(exception);
    if (status === 401) {
      // A page returns to itself; a form sent after its session ended (expired, signed out, role
      // changed) returns to the form: each form posts to the address it is shown at. What was typed
      // is not kept: it would have to be held, personal data and all, outside any live session.
      const unsent = request.method === 'GET' ? '' : `&${FORM_NOT_SENT_PARAM}=1`;
      const next = isSafeNext(request.url) ? `?next=${encodeURIComponent(request.url)}${unsent}` : '';
      void reply.status(303).header('location', `/login${next}`).send();
      return;
    }
    if (status >= 500) this.logger.error(`${describeRequest(request)}: ${logLineOf(exception)}`);
    const unreadable = exception instanceof UnreadableEventSchema;
    const title =
      exception instanceof FormTokenRefused
        ? FORM_NOT_SENT
        : unreadable
          ? UNREADABLE_EVENT_TITLE
          : (TITLES[status] ??
            (status >= 500 ? 'Sorry, there is a problem with the service' : 'There is a problem'));
    // 4xx messages are written for callers; 5xx details stay in the log, but for an entry this
    // version cannot read, whose message says which entry and what to do (no personal data).
    const detail = status < 500 || status === 503 || unreadable ? body.message : 'Try again later.';
    // A 400's summary names the fields; each field's rule (e.g. which forms exist) is said below it.
    const rules = status < 500 ? fieldMessages(body.errors) : [];
    const content = html`<h1 class="govuk-heading-l">${title}</h1><p class="govuk-body">${detail}</p>
      ${rules.length ? html`<ul class="govuk-list govuk-list--bullet">${rules.map((m) => html`<li>${m}</li>`)}</ul>` : ''}
      ${status >= 500 ? html`<p class="govuk-body">If you report this, quote reference <code>${request.id}</code>.</p>` : ''}
      <p class="govuk-body"><a class="govuk-link" href="/panel/drift">Go to the drift report</a></p>`;
    const user = requestUser(request);
    void reply
      .status(status)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(page({ title, content, user, csrfToken: user ? csrfToken(request, reply) : undefined }).value);
  }
}

/** The messages of a 400's field errors (`errors: [{field, rule, message}]`), if it has any. */
function fieldMessages(errors: unknown): string[] {
  if (!Array.isArray(errors)) return [];
  return errors
    .map((e: unknown) =>
      typeof e === 'object' && e !== null ? (e as { message?: unknown }).message : undefined,
    )
    .filter((m): m is string => typeof m === 'string');
}
