import type { IfMatch } from '../../http/if-match';

/**
 * The form's hidden `revision` as If-Match. A form without a readable one cannot say what it was
 * decided against, so it asserts a revision no journey has (-1 never matches): it is refused as
 * stale and comes back with the current revision, rather than being recorded blind.
 */
export function formRevision(value: unknown): Extract<IfMatch, { kind: 'revision' }> {
  const text = typeof value === 'string' ? value.trim() : '';
  return { kind: 'revision', revision: /^(0|[1-9]\d{0,18})$/.test(text) ? BigInt(text) : -1n };
}

/**
 * The revision a refilled form carries on: the one it was opened on, not where the journey is
 * now. A form refused for its own input still has not been checked against the journey, so the
 * next send must still be refused as stale if someone recorded meanwhile.
 */
export const carriedRevision = (value: unknown): string => formRevision(value).revision.toString();
