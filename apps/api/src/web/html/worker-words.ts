/**
 * A social worker as the drift pages show them (review s15-iro F6): "Sam Worker (demo) (sw.demo)"
 * where the users file names the worker, else the username alone. The live report and the report as
 * known at an instant both word them so.
 */
export const workerWords = (username: string, name: string | undefined): string =>
  name ? `${name} (${username})` : username;
