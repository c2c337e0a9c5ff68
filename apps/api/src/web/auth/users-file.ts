import { readFileSync, statSync } from 'node:fs';
import { Logger } from '@nestjs/common';
import type { WebUser } from './user-directory';

/**
 * The users file (CARE_JOURNEY_USERS), read again when it changes, so that a role changed or a user
 * removed there takes effect without a restart: at the next sign-in and at the next request of a
 * session already signed in. One stat per call (a web session's request); the file is parsed only
 * when its size, times or inode moved. A file that cannot be read or parsed (half written, a typo,
 * moved away) is not taken: the last good users stay in force and the error is logged once.
 */
export class UsersFile {
  private seen: string;

  constructor(
    readonly path: string,
    private readonly parse: (text: string, source: string) => WebUser[],
    private readonly logError: (message: string) => void = (message) => new Logger('Users').error(message),
  ) {
    this.seen = this.signature();
  }

  /** The users when the file changed since the last call and can be taken, else undefined. */
  changed(): WebUser[] | undefined {
    const now = this.signature();
    if (now === this.seen) return undefined;
    // Taken before reading: a write landing in between changes it again, so it is read once more.
    this.seen = now;
    try {
      return this.parse(readFileSync(this.path, 'utf8'), this.path);
    } catch (error) {
      this.logError(
        `${this.path} not reloaded, the users read before stay in force: ${error instanceof Error ? error.message : String(error)}`,
      );
      return undefined;
    }
  }

  private signature(): string {
    try {
      const s = statSync(this.path, { bigint: true });
      return `${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
    } catch (error) {
      return `unreadable:${(error as NodeJS.ErrnoException).code ?? 'error'}`;
    }
  }
}
