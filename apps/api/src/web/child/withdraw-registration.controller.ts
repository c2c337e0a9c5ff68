import { Body, Controller, Get, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthenticatedUser } from '../../auth/authenticated-user';
import { Roles } from '../../auth/roles.decorator';
import { ChildIdParam } from '../../children/dto/child-id.param';
import { Origin, type CommandOrigin } from '../../http/command-origin.decorator';
import { JourneyQueries } from '../../projections/journey-queries';
import { csrfToken } from '../auth/csrf';
import { redirect, sendPage } from '../html/respond';
import { WebExceptionFilter } from '../html/web-exception.filter';
import { FORM_KEY_FIELD, formIdempotencyKey, newFormKey } from '../record/form-idempotency-key';
import type { FormError } from '../record/record-form.page';
import { FormCommandSender } from '../record/validate-and-send';
import { WITHDRAW_REGISTRATION_FORM, withdrawRegistrationPage } from './withdraw-registration.page';

/**
 * "Registered in error" on the web, for admins only (the API's POST
 * /children/:id/corrections/retract-registration is admins-only too): the same command path.
 */
@ApiExcludeController()
@Controller('panel/children')
@UseFilters(WebExceptionFilter)
@Roles('admin')
export class WithdrawRegistrationController {
  constructor(
    private readonly commands: FormCommandSender,
    private readonly queries: JourneyQueries,
  ) {}

  @Get(':id/withdraw-registration')
  show(
    @Param() { id }: ChildIdParam,
    @Origin() { user }: CommandOrigin,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): string {
    return this.answer(reply, request, user, id, '', [], newFormKey());
  }

  @Post(':id/withdraw-registration')
  async withdraw(
    @Param() { id }: ChildIdParam,
    @Body() submitted: Record<string, unknown> | undefined,
    @Origin() { user }: CommandOrigin,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const fields = submitted ?? {};
    const reason = typeof fields.reason === 'string' ? fields.reason : '';
    const key = formIdempotencyKey(fields[FORM_KEY_FIELD]);
    if (!key.ok)
      return this.answer(reply, request, user, id, reason, [{ message: key.message }], newFormKey(), 400);
    const outcome = await this.commands.send(
      WITHDRAW_REGISTRATION_FORM,
      id,
      { reason },
      { kind: 'none' },
      user,
      key.key,
    );
    if (outcome.ok) return redirect(reply, `/panel/children/${encodeURIComponent(id)}`);
    const errors =
      'errors' in outcome
        ? outcome.errors
        : [{ message: 'message' in outcome ? outcome.message : 'Not recorded.' }];
    return this.answer(reply, request, user, id, reason, errors, key.key, outcome.status);
  }

  private answer(
    reply: FastifyReply,
    request: FastifyRequest,
    user: AuthenticatedUser,
    childId: string,
    reason: string,
    errors: readonly FormError[],
    idempotencyKey: string,
    status = 200,
  ): string {
    const summary = this.queries.summary(childId);
    const childLabel = summary?.childRef ? `${summary.name} (${summary.childRef})` : childId;
    return sendPage(
      reply,
      withdrawRegistrationPage({
        user,
        csrfToken: csrfToken(request, reply),
        childId,
        childLabel,
        childRef: summary?.childRef || childId,
        reason,
        errors,
        idempotencyKey,
      }),
      status,
    );
  }
}
