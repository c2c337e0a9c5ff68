import { randomUUID } from 'node:crypto';
import {
  IDEMPOTENCY_KEY_RULE,
  InvalidIdempotencyKey,
  parseIdempotencyKey,
} from '../../children/commands/idempotency-key';

/**
 * Each rendered record form carries a key of its own in this hidden field, made on the server
 * when the form is drawn. The post sends it as the command's Idempotency-Key, so a double click,
 * a browser retry or a re-post of the same form records once and answers as the first did.
 */
export const FORM_KEY_FIELD = 'idempotencyKey';

/** A fresh key for one rendered form. */
export const newFormKey = (): string => randomUUID();

export type FormKey = { ok: true; key: string } | { ok: false; message: string };

/**
 * The submitted form's key, by the API's own rule for Idempotency-Key. A form without one cannot
 * be told apart from its own repeat, so it is refused (and comes back with a fresh key), never
 * recorded unkeyed.
 */
export function formIdempotencyKey(value: unknown): FormKey {
  if (value === undefined || value === '')
    return {
      ok: false,
      message: `${FORM_KEY_FIELD} is missing: the form was not opened from this service, or before forms carried a key`,
    };
  if (Array.isArray(value)) return { ok: false, message: `${FORM_KEY_FIELD} must be sent once` };
  if (typeof value !== 'string')
    return { ok: false, message: `${FORM_KEY_FIELD} must be ${IDEMPOTENCY_KEY_RULE}` };
  try {
    return { ok: true, key: parseIdempotencyKey(value) ?? '' };
  } catch (error) {
    if (!(error instanceof InvalidIdempotencyKey)) throw error;
    return { ok: false, message: `${FORM_KEY_FIELD} must be ${IDEMPOTENCY_KEY_RULE}` };
  }
}
