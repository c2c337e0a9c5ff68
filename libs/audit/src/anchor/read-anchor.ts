import { ANCHOR_FORMAT, ANCHOR_VERSIONS, type HeadAnchor, type StreamTip } from './anchor-format';
import { tipsDigest } from './tips-digest';

export type ReadAnchor = { anchor: HeadAnchor } | { problems: string[] };

const HEX64 = /^[0-9a-f]{64}$/;
const WHOLE = /^(0|[1-9][0-9]*)$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const KNOWN_FIELDS = new Set([
  'format',
  'version',
  'takenAt',
  'takenBy',
  'position',
  'events',
  'streams',
  'digest',
  'tips',
  'signature',
]);
// A damaged tips list could hold 100k bad entries: name the first few, then count.
const MAX_TIP_PROBLEMS = 10;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);
const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

/**
 * Checks a parsed anchor file field by field, naming each field and the rule it breaks, so a
 * damaged or hand-edited anchor is refused before the store is read. With tips, they must be in
 * ascending streamId order, one per stream, and hash to the anchor's digest.
 */
export function readHeadAnchor(value: unknown): ReadAnchor {
  if (!isRecord(value)) return { problems: ['the anchor must be a JSON object'] };
  const problems: string[] = [];
  const need = (ok: boolean, problem: string): void => void (ok || problems.push(problem));

  for (const key of Object.keys(value))
    need(KNOWN_FIELDS.has(key), `${key}: not a field of a head anchor (${[...KNOWN_FIELDS].join(', ')})`);
  need(value['format'] === ANCHOR_FORMAT, `format: must be "${ANCHOR_FORMAT}"`);
  need(
    ANCHOR_VERSIONS.includes(value['version'] as number),
    `version: must be ${ANCHOR_VERSIONS.join(' or ')}`,
  );
  need(
    typeof value['takenAt'] === 'string' &&
      INSTANT.test(value['takenAt']) &&
      !Number.isNaN(Date.parse(value['takenAt'])),
    'takenAt: must be an ISO-8601 instant with a zone',
  );
  need(
    typeof value['takenBy'] === 'string' && value['takenBy'].length > 0,
    'takenBy: must be a non-empty string',
  );
  const position = value['position'];
  need(
    position === null || (typeof position === 'string' && WHOLE.test(position)),
    'position: must be a global position as a decimal string, or null for an empty log',
  );
  need(isCount(value['events']), 'events: must be a whole number ≥ 0');
  if (position === null)
    need(value['events'] === 0, 'events: must be 0 when position is null (an empty log)');
  need(isCount(value['streams']), 'streams: must be a whole number ≥ 0');
  const digest = value['digest'];
  problems.push(...digestProblems(digest));
  // Tips are hashed against the digest only when it is well formed (else its own problem says so).
  const digestValue =
    isRecord(digest) && typeof digest['value'] === 'string' && HEX64.test(digest['value'])
      ? digest['value']
      : undefined;
  const signature = value['signature'];
  if (signature !== undefined)
    need(
      isRecord(signature) &&
        typeof signature['alg'] === 'string' &&
        typeof signature['keyId'] === 'string' &&
        typeof signature['value'] === 'string',
      'signature: must be an object with string alg, keyId and value',
    );
  if (value['tips'] !== undefined)
    problems.push(...tipsProblems(value['tips'], value['streams'], digestValue));

  return problems.length > 0 ? { problems } : { anchor: value as HeadAnchor };
}

function digestProblems(digest: unknown): string[] {
  if (!isRecord(digest)) return ['digest: must be an object { alg: "sha256", value: 64 hex digits }'];
  const problems: string[] = [];
  if (digest['alg'] !== 'sha256') problems.push('digest.alg: must be "sha256"');
  if (typeof digest['value'] !== 'string' || !HEX64.test(digest['value']))
    problems.push('digest.value: must be 64 lowercase hex digits');
  return problems;
}

function tipsProblems(tips: unknown, streams: unknown, digest: unknown): string[] {
  if (!Array.isArray(tips)) return ['tips: must be an array of [streamId, revision, hash] triples'];
  const problems: string[] = [];
  let previous: string | undefined;
  tips.forEach((tip: unknown, i) => {
    const problem = tipProblem(tip, previous);
    if (problem) problems.push(`tips[${i}]: ${problem}`);
    if (Array.isArray(tip) && typeof tip[0] === 'string') previous = tip[0];
  });
  if (problems.length > MAX_TIP_PROBLEMS)
    return [
      ...problems.slice(0, MAX_TIP_PROBLEMS),
      `tips: ${problems.length - MAX_TIP_PROBLEMS} more entries are malformed`,
    ];
  if (problems.length > 0) return problems;
  if (tips.length !== streams)
    problems.push(`tips: holds ${tips.length} streams, but streams says ${String(streams)}`);
  else if (typeof digest === 'string' && tipsDigest(tips as StreamTip[]) !== digest)
    problems.push('tips: do not hash to digest.value (the anchor was changed after it was taken)');
  return problems;
}

function tipProblem(tip: unknown, previous: string | undefined): string | undefined {
  if (!Array.isArray(tip) || tip.length !== 3) return 'must be a [streamId, revision, hash] triple';
  const [streamId, revision, hash] = tip as unknown[];
  if (typeof streamId !== 'string' || streamId.length === 0) return 'streamId must be a non-empty string';
  if (typeof revision !== 'string' || !WHOLE.test(revision)) return 'revision must be a decimal string';
  if (hash !== null && (typeof hash !== 'string' || !HEX64.test(hash)))
    return 'hash must be 64 lowercase hex digits, or null';
  if (previous !== undefined && !(previous < streamId))
    return `must come after ${JSON.stringify(previous)} (tips are in ascending streamId order, one per stream)`;
  return undefined;
}
