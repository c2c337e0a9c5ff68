/**
 * The lines of an NDJSON answer (/feed, /events). The http client parses a one-line answer as JSON,
 * so a body that is not a string is put back into its line first.
 */
export const ndjsonLines = <Line>(body: unknown): Line[] =>
  (typeof body === 'string' ? body : JSON.stringify(body))
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Line);
