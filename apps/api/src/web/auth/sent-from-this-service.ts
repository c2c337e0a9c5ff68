/**
 * Whether a browser says this request came from one of this service's own pages: Sec-Fetch-Site
 * `same-origin`, or (browsers without it) an Origin whose host is the one the request was sent to.
 * Browsers set both headers themselves; a page on another site cannot. No header, no answer: false.
 *
 * Used only to decide how a refused form is answered (refilled for the user, or a plain refusal):
 * never to let anything through. A form from another site must not come back pre-filled with the
 * other site's answers, ready for the user to send as theirs.
 */
export function sentFromThisService(request: {
  headers: Record<string, string | string[] | undefined>;
}): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined) return site === 'same-origin';
  const origin = request.headers.origin;
  const host = request.headers.host;
  if (typeof origin !== 'string' || typeof host !== 'string' || origin === 'null') return false;
  try {
    return new URL(origin).host === host.toLowerCase();
  } catch {
    return false;
  }
}
