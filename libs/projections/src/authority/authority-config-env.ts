/**
 * Authority settings from the environment, read once at start-up by the API and the CLI:
 * - CARE_JOURNEY_AUTHORITY_FILE: a JSON file of overrides (see authority-config.ts for the fields);
 * - CARE_JOURNEY_AUTHORITY: the same JSON inline (laid over the file's, when both are set).
 * Nothing set means the Cambridgeshire defaults.
 */
import { readFileSync } from 'node:fs';
import type { AuthorityConfig } from './authority-config';
import { AuthorityConfigError, authorityConfig } from './authority-config-overrides';

type Env = Record<string, string | undefined>;

function parse(text: string, variable: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new AuthorityConfigError(variable, `must be JSON (${String(error)})`);
  }
}

export function loadAuthorityConfig(
  env: Env = process.env,
  readFile = (path: string) => readFileSync(path, 'utf8'),
): AuthorityConfig {
  let config = authorityConfig({});
  const file = env.CARE_JOURNEY_AUTHORITY_FILE?.trim();
  if (file) {
    let text: string;
    try {
      text = readFile(file);
    } catch (error) {
      throw new AuthorityConfigError('CARE_JOURNEY_AUTHORITY_FILE', `cannot read ${file} (${String(error)})`);
    }
    config = authorityConfig(parse(text, 'CARE_JOURNEY_AUTHORITY_FILE'), config);
  }
  const inline = env.CARE_JOURNEY_AUTHORITY?.trim();
  if (inline) config = authorityConfig(parse(inline, 'CARE_JOURNEY_AUTHORITY'), config);
  return config;
}
