import { Catch, Injectable, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { dateOfInstant } from '@care-journey/journey';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Clock } from '../../infrastructure/clock';
import { csrfToken } from '../auth/csrf';
import { FormTokenRefused } from '../auth/form-token-refused';
import { sendPage } from '../html/respond';
import { WebExceptionFilter } from '../html/web-exception.filter';
import { formValues } from './form-body';
import { FORM_KEY_FIELD, formIdempotencyKey, newFormKey } from './form-idempotency-key';
import { formOnDate } from './form-on-date';
import { REGISTER_CHILD_FORM } from './register-child.form';
import { registerChildPage } from './register-child.page';
import { refillableFor } from './session-changed.filter';

/**
 * The registration form's counterpart of SessionChangedFormFilter: sent with an earlier session's
 * token, it was refused by the CSRF guard (nothing registered) and comes back as sent, with this
 * session's token and "Your session changed". It names no child on the journey yet, so, like its
 * first render, it is no read in the trail. The same gate: a user who may record, from our own page.
 */
@Catch(FormTokenRefused)
@Injectable()
export class RegisterSessionChangedFilter implements ExceptionFilter {
  private readonly plain = new WebExceptionFilter();

  constructor(private readonly clock: Clock) {}

  catch(exception: FormTokenRefused, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const user = refillableFor(request);
    if (!user) return this.plain.catch(exception, host);
    const fields = (request.body ?? {}) as Record<string, unknown>;
    const form = formOnDate(REGISTER_CHILD_FORM, dateOfInstant(this.clock.now()));
    const key = formIdempotencyKey(fields[FORM_KEY_FIELD]);
    const page = registerChildPage({
      user,
      csrfToken: csrfToken(request, reply),
      form,
      values: formValues(form.fields, fields),
      errors: [],
      // Nothing was registered under it: sent again, the form still registers one child.
      idempotencyKey: key.ok ? key.key : newFormKey(),
      refusal: { kind: 'session-changed' },
    });
    void reply.send(sendPage(reply, page, 403));
  }
}
