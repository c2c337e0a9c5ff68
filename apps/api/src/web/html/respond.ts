import type { FastifyReply } from 'fastify';
import type { SafeHtml } from './html';

/** Pages hold personal data: never cached, never framed. */
export function sendPage(reply: FastifyReply, body: SafeHtml, status = 200): string {
  void reply
    .status(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('x-frame-options', 'DENY')
    .header('referrer-policy', 'same-origin')
    .header('x-content-type-options', 'nosniff');
  return body.value;
}

export function redirect(reply: FastifyReply, location: string): string {
  void reply.status(303).header('location', location).header('cache-control', 'no-store');
  return '';
}
