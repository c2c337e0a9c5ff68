/**
 * What the read-access trail keeps of a search that found no one (review s15 F12, decision). The
 * words may be a parent's, a sibling's or a child the authority holds no record of: personal data
 * of people the system otherwise knows nothing about, in an append-only log that cannot erase them.
 * A search that named children keeps its words (they matched a child's name or reference, data the
 * record already holds, and the trail must show what was looked for and whom it showed). One that
 * found no one keeps, instead of the words, a keyed hash of them (HMAC-SHA256 with the audit key,
 * under a label of its own): an investigator who suspects a term ("did anyone search for Jane Doe?")
 * computes its hash (`care-journey audit search-hash`) and finds it, but the trail holds no name.
 */
import { createHmac } from 'node:crypto';
import type { AuditKey } from '../bundle/audit-key';
import type { ListRead } from './list-read';

const LABEL = 'care-journey search term v1\0';

/** The term as searched for: case and spacing do not make two searches differ. */
export const normaliseSearchTerm = (term: string): string => term.trim().toLowerCase().replace(/\s+/g, ' ');

/** `hmac-sha256:<64 hex>` of the normalised term, keyed with the audit key. */
export const searchTermHash = (term: string, key: AuditKey): string =>
  `hmac-sha256:${createHmac('sha256', key.secret).update(LABEL).update(normaliseSearchTerm(term)).digest('hex')}`;

/**
 * The list read as the trail keeps it: a search (`view: "search"`) that showed no child has `q`
 * replaced by `qHash` and the key's id `qKeyId` (a rotated key's hashes are checked with that key);
 * any other read is kept as it is.
 */
export function searchWithoutUnmatchedTerm(read: ListRead, key: AuditKey): ListRead {
  const { q, ...rest } = read.query;
  if (read.view !== 'search' || read.childIds.length > 0 || typeof q !== 'string' || q.trim() === '')
    return read;
  return { ...read, query: { ...rest, qHash: searchTermHash(q, key), qKeyId: key.keyId } };
}
