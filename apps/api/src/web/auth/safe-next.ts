/** Where sign-in falls back to when there is no (acceptable) page to return to. */
export const DEFAULT_NEXT = '/panel/drift';

/** Only our own pages are followed after sign-in (no open redirect): a `/panel` path, no scheme or host. */
export const isSafeNext = (next: unknown): next is string =>
  typeof next === 'string' && /^\/panel(\/[A-Za-z0-9/_?=&%.,:-]*)?$/.test(next);

export const safeNext = (next: unknown): string => (isSafeNext(next) ? next : DEFAULT_NEXT);

/** Set (`=1`) on the sign-in address when a form was posted after its session ended: nothing was recorded. */
export const FORM_NOT_SENT_PARAM = 'unsent';
