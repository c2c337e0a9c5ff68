import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { USER_REQUEST_KEY } from '../auth/current-user.decorator';
import type { LogFormat } from '../logging/log-settings';

export const REQUEST_ID_HEADER = 'x-request-id';

/** A caller's request id is taken only as a plain token: nothing that could forge or break a log line. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Fastify's genReqId: the caller's (or proxy's) X-Request-Id when it is a sane token, else a new uuid. */
export function requestIdFor(request: { headers: IncomingHttpHeaders }): string {
  const given = request.headers[REQUEST_ID_HEADER];
  return typeof given === 'string' && SANE_REQUEST_ID.test(given) ? given : randomUUID();
}

/** The route's pattern (`/children/:id`), never the URL: ids in a URL name children. */
export const routeOf = (request: FastifyRequest): string => request.routeOptions.url ?? '(no route)';

/** The caller's user id, once the guard has verified their token; undefined for anonymous. */
export const userOf = (request: FastifyRequest): string | undefined =>
  (request as unknown as Record<string, AuthenticatedUser | undefined>)[USER_REQUEST_KEY]?.id;

const jsonOrDash = (value: string | undefined): string => (value === undefined ? '-' : JSON.stringify(value));

/** `POST /children/:id/placement-changes user "alice" request 1c9…`: a request, as a log line names it. */
export const describeRequest = (request: FastifyRequest): string =>
  `${request.method} ${routeOf(request)} user ${jsonOrDash(userOf(request))} request ${request.id}`;

/** Where access lines go: the batched writer, or a logger (a terminal's colours, a test's capture). */
export type AccessLineSink = (message: string | Record<string, unknown>) => void;

/**
 * Every answer carries its request id (X-Request-Id); with an access log, each answered request is
 * one line, written after the answer has gone (onResponse). Both are plain callback hooks: no
 * promise, no rxjs, no clock reading beyond Fastify's own (reply.elapsedTime), one string a
 * request. Registered before anything that may answer early (the edge's rate limits), so those
 * answers carry the id too.
 */
export function registerRequestLog(
  fastify: FastifyInstance,
  access: { format: LogFormat; sink: AccessLineSink } | undefined,
): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header(REQUEST_ID_HEADER, request.id);
    done();
  });
  if (access === undefined) return;
  const { sink } = access;
  const line = access.format === 'json' ? accessObject : accessText;
  fastify.addHook('onResponse', (request, reply, done) => {
    sink(line(request, reply));
    done();
  });
}

const accessText = (request: FastifyRequest, reply: FastifyReply): string =>
  `${request.method} ${routeOf(request)} ${reply.statusCode} ${reply.elapsedTime.toFixed(1)}ms user ${jsonOrDash(userOf(request))} request ${request.id}`;

const accessObject = (request: FastifyRequest, reply: FastifyReply): Record<string, unknown> => ({
  method: request.method,
  route: routeOf(request),
  status: reply.statusCode,
  ms: Math.round(reply.elapsedTime * 10) / 10,
  user: userOf(request) ?? null,
  requestId: request.id,
});
