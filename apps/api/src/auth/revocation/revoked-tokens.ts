import { Logger } from '@nestjs/common';
import { type RecheckOptions, WatchedFile } from '../watched-file';
import {
  parseRevocations,
  readRevocationFile,
  RevocationList,
  revokedTokensFile,
} from '@care-journey/access';

type Env = Record<string, string | undefined>;

/**
 * The revocations in force for this process, from the file every API host reads (the same file
 * deployed to each, or one on a shared volume), read again when it changes, without a restart: the
 * file is stat'ed at most once a re-check interval (1 s) for the whole process and read only when it
 * changed (../watched-file.ts), so a change is in force within a second. A file that cannot be read or
 * parsed later (half written by hand, moved away) is not taken: the revocations read before stay in
 * force and the error is logged once.
 */
export class RevokedTokens {
  private readonly watched: WatchedFile<RevocationList> | undefined;

  constructor(
    readonly file: string | undefined,
    logger: Pick<Logger, 'error' | 'log'> = new Logger('RevokedTokens'),
    /** The re-check interval and clock (watched-file.ts); specs give their own. */
    watch: RecheckOptions = {},
  ) {
    this.watched =
      file === undefined
        ? undefined
        : new WatchedFile(file, parseRevocations, {
            holds: 'revocations',
            summary: (list) => `${list.size} revocation(s) in force`,
            logger,
            readFirst: readRevocationFile,
            ...watch,
          });
  }

  static fromEnv(env: Env = process.env, watch: RecheckOptions = {}): RevokedTokens {
    return new RevokedTokens(revokedTokensFile(env), undefined, watch);
  }

  /** The list in force now (the file looked at first when the last look is a re-check interval old). */
  current(): RevocationList {
    return this.watched?.current() ?? RevocationList.EMPTY;
  }

  /** Reads the file again now if it changed, whatever the interval (specs). */
  lookNow(): void {
    this.watched?.lookNow();
  }
}
