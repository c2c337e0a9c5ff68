import { statSync } from 'node:fs';

type Env = Record<string, string | undefined>;

/** The files of secrets the API reads: password hashes, and who is refused. */
const SECRET_FILES = ['CARE_JOURNEY_USERS', 'CARE_JOURNEY_REVOKED_TOKENS'] as const;

/**
 * Warnings for the users file (password hashes) and the revoked-tokens file when group or others may
 * read them: `user-entry` prints entries to paste, and nothing else checks the mode the file got.
 * Not refused: a deployment may share a group on purpose; said at start-up so it is a choice.
 * A file that cannot be read is left to the settings check, which names it.
 */
export function looseSecretFileModes(env: Env): string[] {
  const warnings: string[] = [];
  for (const variable of SECRET_FILES) {
    const file = env[variable]?.trim();
    if (!file) continue;
    let mode: number;
    try {
      mode = statSync(file).mode;
    } catch {
      continue;
    }
    if ((mode & 0o044) === 0) continue;
    const octal = (mode & 0o777).toString(8).padStart(4, '0');
    warnings.push(
      `${variable}: ${file} is readable by ${mode & 0o004 ? 'every user of this machine' : 'its group'} (mode ${octal}): make it owner-only, chmod 600 ${file}`,
    );
  }
  return warnings;
}
