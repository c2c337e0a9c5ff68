import type { RegisteredRoute } from '../../../apps/api/src/create-app';

/** HEAD and OPTIONS mirror the GET/CORS handling of the same route; the matrices cover the route itself. */
const MIRRORED = new Set(['HEAD', 'OPTIONS']);

export const keyOf = ({ method, url }: RegisteredRoute): string => `${method} ${url}`;

export const routesToCheck = (routes: readonly RegisteredRoute[]): RegisteredRoute[] => {
  const seen = new Set<string>();
  return routes.filter((route) => {
    if (MIRRORED.has(route.method) || seen.has(keyOf(route))) return false;
    seen.add(keyOf(route));
    return true;
  });
};

/** A concrete URL for a route pattern: path parameters point at a real child, wildcards at a file. */
export const urlFor = (pattern: string, childId: string): string =>
  pattern
    .replace(/:id\b/g, childId)
    .replace(/:[A-Za-z]+/g, 'x')
    .replace(/\*$/, 'index.html');
