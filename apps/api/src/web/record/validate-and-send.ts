import { randomUUID } from 'node:crypto';
import { BadRequestException, Injectable } from '@nestjs/common';
import { DomainRuleViolation } from '@care-journey/journey';
import type { AuthenticatedUser } from '../../auth/authenticated-user';
import { UpnInUse } from '../../child-refs/upn-in-use';
import { ChildRefInUse, IdempotencyKeyReused, RevisionConflict } from '../../children/application-errors';
import { JourneyCommandSender, type CommandBody } from '../../children/commands/journey-command.sender';
import type { FieldError } from '../../http/field-errors';
import type { IfMatch } from '../../http/if-match';
import { createValidationPipe } from '../../http/validation-pipe';
import type { RecordForm } from './form-definitions';
import { dateFormatMessage, isWrittenAsDate } from './form-date';
import type { FormError } from './record-form.page';

/** A 903 value another child holds (a reference, a UPN): the API's 409 rule, kept for the trail. */
export type UniquenessRule = 'child-ref-in-use' | 'upn-in-use';

export type SendOutcome =
  | { ok: true; globalPosition: string | null }
  | { ok: false; status: 400 | 409 | 422; errors: FormError[]; uniqueness?: UniquenessRule }
  /** The child changed after the form was opened: `revision` is where the journey is now. */
  | { ok: false; status: 409; stale: true; revision: string | undefined }
  /** The form's key already recorded other answers for this child: the API's message, nothing recorded. */
  | { ok: false; status: 422; keyReused: true; message: string };

/**
 * The API's own path for a command: its ValidationPipe on its DTO (so the messages are the
 * API's), then its JourneyCommandSender onto the CommandBus with the form's revision as
 * If-Match and the form's key as Idempotency-Key. A broken journey rule (422) comes back as a
 * message against the field it names, or for the form as a whole when it names none; a stale revision (409) as `stale`, never re-decided
 * against a journey the user did not see. The same form sent again (same key, same answers) is
 * answered with what its first send recorded, before any revision check, so it redirects to the
 * same place and records nothing; the key sent with other answers is `keyReused`.
 */
@Injectable()
export class FormCommandSender {
  private readonly pipe = createValidationPipe();

  constructor(private readonly sender: JourneyCommandSender) {}

  /** The form's field errors as the API's validation pipe gives them, sending nothing. */
  async fieldErrors(form: RecordForm, body: Record<string, unknown>): Promise<FormError[]> {
    const checked = await this.validated(form, body);
    return 'errors' in checked ? checked.errors : [];
  }

  async send(
    form: RecordForm,
    childId: string,
    body: Record<string, unknown>,
    ifMatch: IfMatch,
    user: AuthenticatedUser,
    idempotencyKey: string,
  ): Promise<SendOutcome> {
    const checked = await this.validated(form, body);
    if ('errors' in checked) return { ok: false, status: 400, errors: checked.errors };
    const { dto } = checked;
    try {
      // A plain copy: the sender spreads it into the domain command.
      const plain = JSON.parse(JSON.stringify(dto)) as CommandBody<typeof form.command>;
      const result = await this.sender.send(
        form.command,
        childId,
        plain,
        ifMatch,
        { user, correlationId: randomUUID() },
        idempotencyKey,
      );
      return { ok: true, globalPosition: result.globalPosition };
    } catch (error) {
      if (error instanceof RevisionConflict) {
        const revision = error.actual === 'no_stream' ? undefined : error.actual.toString();
        return { ok: false, status: 409, stale: true, revision };
      }
      // An amendment's data broke the corrected entry's own field rules (checked once the journey is read).
      if (error instanceof BadRequestException)
        return { ok: false, status: 400, errors: fieldErrorsOf(form, error, body) };
      // A reference or UPN another child holds: the API's message, by its field (not an error page).
      if (error instanceof ChildRefInUse || error instanceof UpnInUse) {
        const { field, message, rule } = error.getResponse() as {
          field: string;
          message: string;
          rule: UniquenessRule;
        };
        return { ok: false, status: 409, errors: [{ field, message }], uniqueness: rule };
      }
      if (error instanceof IdempotencyKeyReused) {
        const { message } = error.getResponse() as { message: string };
        return { ok: false, status: 422, keyReused: true, message };
      }
      if (!(error instanceof DomainRuleViolation)) throw error;
      // A refusal naming no field is about the entry as a whole (a withdrawal that would leave
      // other entries outside care): the summary shows it, beside no field it is not about.
      // So is one naming the hidden field that carries the entry's id (it was withdrawn meanwhile).
      const field = error.field === form.target ? undefined : error.field;
      return {
        ok: false,
        status: 422,
        errors: [{ ...(field !== undefined && { field }), message: error.message }],
      };
    }
  }

  /** The body as the API's DTO, or the field errors its validation pipe gives. */
  private async validated(
    form: RecordForm,
    body: Record<string, unknown>,
  ): Promise<{ dto: object } | { errors: FormError[] }> {
    try {
      return { dto: (await this.pipe.transform(body, { type: 'body', metatype: form.dto })) as object };
    } catch (error) {
      if (!(error instanceof BadRequestException)) throw error;
      return { errors: fieldErrorsOf(form, error, body) };
    }
  }
}

/**
 * A 400's field errors as the form shows them; one without any is put against the form's first
 * field. A date refused because it is not written as one (what was sent, `body`) is told how to
 * write it; a date written right that does not exist keeps the API's "real calendar date".
 */
function fieldErrorsOf(
  form: RecordForm,
  error: BadRequestException,
  body: Record<string, unknown>,
): FormError[] {
  const response = error.getResponse() as { errors?: FieldError[]; message?: string };
  return (
    response.errors ?? [{ field: form.fields[0].name, rule: 'invalid', message: String(response.message) }]
  ).map((e) =>
    e.rule === 'isCalendarDate' && !isWrittenAsDate(valueAt(body, e.field))
      ? { field: e.field, message: dateFormatMessage(e.field) }
      : { field: e.field, message: e.message },
  );
}

const valueAt = (body: Record<string, unknown>, path: string): unknown =>
  path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], body);
