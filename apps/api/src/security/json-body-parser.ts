import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DEFAULT_JSON_LIMITS, findJsonProblem, type JsonGuardLimits } from './json-guard';

interface FieldError {
  field: string;
  rule: string;
  message: string;
}

/**
 * A refused body. The parser cannot answer itself: an error passed to its `done` reaches
 * Fastify's default handler, which drops `errors`. The preHandler hook below answers instead,
 * in the validation pipe's shape, so clients handle one 400 format.
 */
class RefusedBody {
  constructor(
    readonly message: string,
    readonly errors: FieldError[],
  ) {}
}

/**
 * Replaces Fastify's JSON parser with one that runs the guard (duplicate keys, depth, string
 * length, prototype keys) and answers every refusal as a 400 naming the field. Fastify's body
 * size limit still applies first (413). Nest adds no parser of its own (bodyParser: false).
 */
export function registerGuardedJsonParser(
  fastify: FastifyInstance,
  limits: JsonGuardLimits = DEFAULT_JSON_LIMITS,
): void {
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') return done(null, undefined);
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      const detail = error instanceof Error ? error.message : 'unparseable';
      const refused = new RefusedBody(`The body is not valid JSON: ${detail}`, [
        { field: '(body)', rule: 'isJson', message: `the body must be valid JSON: ${detail}` },
      ]);
      return done(null, refused);
    }
    const problem = findJsonProblem(text, limits);
    done(null, problem ? new RefusedBody(problem.message, [problem]) : parsed);
  });
  // A callback hook (not async: every request would pay a promise); answering ends the request here.
  fastify.addHook('preHandler', (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
    if (!(request.body instanceof RefusedBody)) return done();
    const { message, errors } = request.body;
    void reply.code(400).send({ statusCode: 400, error: 'Bad Request', message, errors });
  });
}
