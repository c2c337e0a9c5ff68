import { Catch, Injectable, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { csrfToken } from '../auth/csrf';
import { FormTokenRefused } from '../auth/form-token-refused';
import { sendPage } from '../html/respond';
import { WebExceptionFilter } from '../html/web-exception.filter';
import { formValues } from './form-body';
import { FORM_KEY_FIELD, formIdempotencyKey, newFormKey } from './form-idempotency-key';
import { RegisterChildFormFor } from './register-child-form-for';
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

  constructor(private readonly forms: RegisterChildFormFor) {}

  catch(exception: FormTokenRefused, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const user = refillableFor(request);
    if (!user) return this.plain.catch(exception, host);
    const fields = (request.body ?? {}) as Record<string, unknown>;
    // The whole form, as the controller shows it: its team and social worker drop-downs included
    // (until session 12 this rendered today's form without them, as plain text boxes).
    const form = this.forms.form(user);
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
