import { Body, Controller, Get, NotFoundException, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthenticatedUser } from '../../auth/authenticated-user';
import { CurrentUser } from '../../auth/current-user.decorator';
import { Roles } from '../../auth/roles.decorator';
import { csrfToken } from '../auth/csrf';
import { FORM_RECORDERS } from '../auth/web-user';
import { JourneyReadModel } from '../data/journey-read-model';
import { redirect, sendPage } from '../html/respond';
import { WebExceptionFilter } from '../html/web-exception.filter';
import { formToBody, formValues } from './form-body';
import { recordForm, type RecordForm } from './form-definitions';
import { RecordFormParams } from './record-form.params';
import { recordFormPage } from './record-form.page';
import { FormCommandSender } from './validate-and-send';

/** Social workers record events from the child's page; the forms post to the API's command bus. */
@ApiExcludeController()
@Controller('panel/children/:id/record')
@UseFilters(WebExceptionFilter)
@Roles(...FORM_RECORDERS)
export class RecordController {
  constructor(
    private readonly journeys: JourneyReadModel,
    private readonly commands: FormCommandSender,
  ) {}

  @Get(':form')
  async show(
    @Param() { id, form: slug }: RecordFormParams,
    @CurrentUser() user: AuthenticatedUser,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const form = this.formOf(slug);
    return sendPage(reply, recordFormPage({ user, csrfToken: csrfToken(request, reply), childId: id, childLabel: await this.childLabel(id), form, values: {}, errors: [] }));
  }

  @Post(':form')
  async record(
    @Param() { id, form: slug }: RecordFormParams,
    @Body() submitted: Record<string, unknown>,
    @CurrentUser() user: AuthenticatedUser,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const form = this.formOf(slug);
    const childLabel = await this.childLabel(id);
    const outcome = await this.commands.send(form, id, formToBody(form.fields, submitted ?? {}), user);
    if (outcome.ok) return redirect(reply, `/panel/children/${encodeURIComponent(id)}?recorded=${form.slug}`);
    const model = { user, csrfToken: csrfToken(request, reply), childId: id, childLabel, form, values: formValues(form.fields, submitted ?? {}), errors: outcome.errors };
    return sendPage(reply, recordFormPage(model), outcome.status);
  }

  private formOf(slug: string): RecordForm {
    const form = recordForm(slug);
    if (!form) throw new NotFoundException(`No form ${slug}`);
    return form;
  }

  /** Social workers may see names; a child that does not exist is a 404 before any form. */
  private async childLabel(childId: string): Promise<string> {
    const summary = await this.journeys.summary(childId);
    if (!summary) throw new NotFoundException(`No child with id ${childId}`);
    return summary.name ? `${summary.name} (${summary.childRef})` : summary.childRef;
  }
}
