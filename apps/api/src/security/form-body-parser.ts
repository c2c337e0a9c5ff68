import { parse } from 'node:querystring';
import type { FastifyInstance } from 'fastify';

/**
 * Form posts (sign-in, the record pages). Nest would register this parser itself; it is here
 * because security.ts takes over body parsing to guard JSON (Nest is told `bodyParser: false`).
 * A repeated field becomes an array, as before. Copied into a plain object: querystring's
 * result has no prototype, and templates and validators expect an ordinary object.
 */
export function registerFormParser(fastify: FastifyInstance): void {
  fastify.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (_request, body, done) => {
      done(null, { ...parse(typeof body === 'string' ? body : body.toString('utf8')) });
    },
  );
}
