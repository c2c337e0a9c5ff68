import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyInstance, preSerializationHookHandler } from 'fastify';

/** Fastify route config key set by `@ETagFromRevision()`. */
const ETAG_FROM_REVISION = 'etagFromRevision';

/**
 * Marks a route whose successful body carries the stream revision (`revision`, a decimal string):
 * the reply gets `ETag: "<revision>"`, for If-Match. Set by a Fastify preSerialization hook on the
 * marked routes only (registerETagHook), not by a Nest interceptor: an interceptor costs every
 * request an rxjs pipeline and async-context binding (bench/README, finding 14).
 */
export const ETagFromRevision = (): MethodDecorator => RouteConfig({ [ETAG_FROM_REVISION]: true });

/** Puts a 2xx body's `revision` in the ETag header; any other reply is left alone. */
export const setETagFromRevision: preSerializationHookHandler<unknown> = (_request, reply, payload, done) => {
  const revision = (payload as { revision?: unknown } | null | undefined)?.revision;
  if (reply.statusCode < 300 && typeof revision === 'string' && /^\d+$/.test(revision))
    void reply.header('ETag', `"${revision}"`);
  done(null, payload);
};

/**
 * Gives every route marked with `@ETagFromRevision()` the hook above as its own preSerialization
 * step (other routes run nothing extra). Must be registered before Nest adds the routes.
 */
export function registerETagHook(fastify: FastifyInstance): void {
  fastify.addHook('onRoute', (route) => {
    if ((route.config as Record<string, unknown> | undefined)?.[ETAG_FROM_REVISION] !== true) return;
    const existing = route.preSerialization;
    route.preSerialization = [
      ...(existing === undefined ? [] : Array.isArray(existing) ? existing : [existing]),
      setETagFromRevision,
    ];
  });
}
