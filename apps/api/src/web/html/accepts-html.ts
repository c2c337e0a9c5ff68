import type { FastifyRequest } from 'fastify';

/** A browser asks for a page (its Accept names text/html); API clients ask for JSON or anything. */
export const acceptsHtml = (request: FastifyRequest): boolean =>
  /\btext\/html\b/i.test(String(request.headers.accept ?? ''));
