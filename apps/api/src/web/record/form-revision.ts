import type { IfMatch } from '../../http/if-match';

/**
 * The form's hidden `revision` as If-Match. A form without a readable one cannot say what it was
 * decided against, so it asserts a revision no journey has (-1 never matches): it is refused as
 * stale and comes back with the current revision, rather than being recorded blind.
 */
export function formRevision(value: unknown): IfMatch {
  const text = typeof value === 'string' ? value.trim() : '';
  return { kind: 'revision', revision: /^(0|[1-9]\d{0,18})$/.test(text) ? BigInt(text) : -1n };
}
