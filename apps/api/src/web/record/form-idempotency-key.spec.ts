import { FORM_KEY_FIELD, formIdempotencyKey, newFormKey } from './form-idempotency-key';

describe('formIdempotencyKey', () => {
  it('takes the key the form was drawn with', () => {
    const key = newFormKey();
    expect(formIdempotencyKey(key)).toEqual({ ok: true, key });
    expect(formIdempotencyKey('k'.repeat(128))).toEqual({ ok: true, key: 'k'.repeat(128) });
  });

  it('draws a new key for every form', () => {
    const keys = new Set(Array.from({ length: 100 }, newFormKey));
    expect(keys.size).toBe(100);
    for (const key of keys) expect(key).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses a missing key, naming the field', () => {
    for (const value of [undefined, '']) {
      const result = formIdempotencyKey(value);
      expect(result).toEqual({ ok: false, message: expect.stringContaining(`${FORM_KEY_FIELD} is missing`) });
    }
  });

  it('refuses a malformed key by the API’s rule, and a key sent twice', () => {
    for (const value of ['has space', 'k'.repeat(129), 'clé', 'tab\there', 42, { key: 'x' }]) {
      expect(formIdempotencyKey(value)).toEqual({
        ok: false,
        message: `${FORM_KEY_FIELD} must be 1–128 visible ASCII characters (letters, digits, punctuation; no spaces)`,
      });
    }
    expect(formIdempotencyKey(['a', 'b'])).toEqual({
      ok: false,
      message: `${FORM_KEY_FIELD} must be sent once`,
    });
  });
});
