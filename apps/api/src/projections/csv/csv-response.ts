import type { FastifyReply } from 'fastify';

/** `Accept: text/csv` asks for the CSV form; anything else (or nothing) gets JSON. */
export const wantsCsv = (accept: string | undefined): boolean => /\btext\/csv\b/i.test(accept ?? '');

/** Sets the CSV headers on the reply and gives the body: a download named after the report. */
export function csvReply(reply: FastifyReply, filename: string, body: string): string {
  // A child reference is recorded text: keep the header to safe characters.
  const safe = filename.replace(/[^A-Za-z0-9._-]/g, '_');
  reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${safe}.csv"`);
  return body;
}
