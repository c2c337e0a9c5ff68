import { readFileSync } from 'node:fs';
import { parseRevocations, type RevocationList } from './revocation-list';

export const REVOKED_TOKENS_VARIABLE = 'CARE_JOURNEY_REVOKED_TOKENS';

type Env = Record<string, string | undefined>;

/** The file named by CARE_JOURNEY_REVOKED_TOKENS, or undefined when it is not set. */
export const revokedTokensFile = (env: Env): string | undefined =>
  env[REVOKED_TOKENS_VARIABLE]?.trim() || undefined;

/**
 * Read once at start-up, synchronously, so a file that is missing or breaks a rule stops start-up
 * (the error names the file and the line). An empty file is fine: nothing is revoked yet.
 */
export function readRevocationFile(file: string): RevocationList {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new Error(
      `cannot read the revoked-tokens file ${file} (${code}); create it empty (install -m 600 /dev/null ${file}) or unset ${REVOKED_TOKENS_VARIABLE}`,
    );
  }
  return parseRevocations(text, file);
}
