import { readFileSync, statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { Logger } from '@nestjs/common';
import { parseRevocations, RevocationList } from './revocation-list';

export const REVOKED_TOKENS_VARIABLE = 'CARE_JOURNEY_REVOKED_TOKENS';

/** How often, at most, a request starts a look at the file (an async stat; read only when it changed). */
export const RECHECK_MS = 1_000;

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

/**
 * The revocations in force for this process, from the file every API host reads (the same file
 * deployed to each, or one on a shared volume). Requests never wait on the file: at most once a second
 * a request starts an async stat, and only a changed file (size, times or inode) is read again, in the
 * background; requests meanwhile use the list already read. A change takes effect within about a
 * second, without a restart. A file that cannot be read or parsed later (half written by hand, moved
 * away) is not taken: the revocations read before stay in force and the error is logged once.
 */
export class RevokedTokens {
  private list: RevocationList;
  private seen: string | undefined;
  /** The signature of a version that failed, so it is neither read nor logged again. */
  private failed: string | undefined;
  private checkedAt: number;
  private checking = false;

  constructor(
    readonly file: string | undefined,
    private readonly logger: Pick<Logger, 'error' | 'log'> = new Logger('RevokedTokens'),
    nowMs = Date.now(),
  ) {
    this.checkedAt = nowMs;
    if (file === undefined) {
      this.list = RevocationList.EMPTY;
      return;
    }
    // Taken before reading: a write landing in between changes it again, so it is read once more.
    this.seen = signatureSync(file);
    this.list = readRevocationFile(file);
  }

  static fromEnv(env: Env = process.env): RevokedTokens {
    return new RevokedTokens(revokedTokensFile(env));
  }

  /** The list in force now; starts a background look at the file when the last is a second old. */
  current(nowMs: number): RevocationList {
    if (this.file !== undefined && !this.checking && nowMs - this.checkedAt >= RECHECK_MS) {
      this.checkedAt = nowMs;
      this.checking = true;
      void this.refresh().finally(() => (this.checking = false));
    }
    return this.list;
  }

  /** Reads the file again if it changed since it was last read (what `current` starts; specs await it). */
  async refresh(): Promise<void> {
    const file = this.file;
    if (file === undefined) return;
    const signature = await signatureOf(file);
    if (signature === this.seen || signature === this.failed) return;
    try {
      const list = parseRevocations(await readFile(file, 'utf8'), file);
      this.list = list;
      this.seen = signature;
      this.failed = undefined;
      this.logger.log(`${file} read again: ${list.size} revocation(s) in force`);
    } catch (error) {
      this.failed = signature;
      this.logger.error(
        `${file} not reloaded, the revocations read before stay in force: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}

async function signatureOf(file: string): Promise<string> {
  try {
    const s = await stat(file, { bigint: true });
    return `${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
  } catch (error) {
    return `unreadable:${(error as NodeJS.ErrnoException).code ?? 'error'}`;
  }
}

function signatureSync(file: string): string | undefined {
  try {
    const s = statSync(file, { bigint: true });
    return `${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
  } catch {
    return undefined; // the read below says why
  }
}
