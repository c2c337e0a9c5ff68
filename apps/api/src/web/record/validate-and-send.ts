import { randomUUID } from 'node:crypto';
import { BadRequestException, Injectable } from '@nestjs/common';
import { DomainRuleViolation } from '@care-journey/journey';
import type { AuthenticatedUser } from '../../auth/authenticated-user';
import { JourneyCommandSender, type CommandBody } from '../../children/commands/journey-command.sender';
import type { FieldError } from '../../http/field-errors';
import { createValidationPipe } from '../../http/validation-pipe';
import type { RecordForm } from './form-definitions';
import type { FormError } from './record-form.page';

export type SendOutcome = { ok: true } | { ok: false; status: 400 | 422; errors: FormError[] };

/**
 * The API's own path for a command: its ValidationPipe on its DTO (so the messages are the
 * API's), then its JourneyCommandSender onto the CommandBus. A broken journey rule (422) comes
 * back as a message against the field it names.
 */
@Injectable()
export class FormCommandSender {
  private readonly pipe = createValidationPipe();

  constructor(private readonly sender: JourneyCommandSender) {}

  async send(form: RecordForm, childId: string, body: Record<string, unknown>, user: AuthenticatedUser): Promise<SendOutcome> {
    let dto: object;
    try {
      dto = (await this.pipe.transform(body, { type: 'body', metatype: form.dto })) as object;
    } catch (error) {
      if (!(error instanceof BadRequestException)) throw error;
      const response = error.getResponse() as { errors?: FieldError[]; message?: string };
      const errors = (response.errors ?? [{ field: form.fields[0].name, rule: 'invalid', message: String(response.message) }]).map((e) => ({ field: e.field, message: e.message }));
      return { ok: false, status: 400, errors };
    }
    try {
      // A plain copy: the sender spreads it into the domain command.
      const plain = JSON.parse(JSON.stringify(dto)) as CommandBody<typeof form.command>;
      await this.sender.send(form.command, childId, plain, { kind: 'none' }, { user, correlationId: randomUUID() });
      return { ok: true };
    } catch (error) {
      if (!(error instanceof DomainRuleViolation)) throw error;
      return { ok: false, status: 422, errors: [{ field: error.field ?? form.fields[0].name, message: error.message }] };
    }
  }
}
