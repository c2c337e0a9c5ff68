import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import type { Command } from 'commander';
import {
  checkHeadAnchor,
  loadAuditKey,
  readHeadAnchor,
  takeHeadAnchor,
  type AnchorCheck,
  type HeadAnchor,
} from '@care-journey/audit';
import type { EventStore } from '@care-journey/event-store';
import { openExistingStore } from '../support/open-existing-store';

const warn = (message: string): void => void process.stderr.write(`${message}\n`);

/**
 * `care-journey audit anchor`: a head anchor of the configured store (docs/audit.md, "Head
 * anchors"), signed with the audit key, to keep off the box. Reads hashes and stream ids only:
 * no case history, so no read is recorded (and the log is left exactly as anchored).
 */
export function registerAuditAnchorCommand(audit: Command): void {
  audit
    .command('anchor')
    .description(
      "Print (or write) a signed head anchor of the store: its last position, event count and a digest of every chained stream's tip",
    )
    .option('--out <file>', 'write the anchor to this file (never overwritten) instead of standard output')
    .option(
      '--tips',
      'include every chained stream’s tip, so a check names each stream (about 120 bytes a stream: ~12 MB at 100k children, ~22 MB more for their reference and UPN reservations)',
    )
    .option('--by <user>', 'who takes the anchor (default: the OS user)')
    .action(async (options: { out?: string; tips?: boolean; by?: string }) => {
      if (options.out && existsSync(options.out))
        throw new Error(
          `--out ${options.out} already exists: an anchor is never overwritten; choose another file`,
        );
      const { key, warning } = loadAuditKey();
      if (warning) warn(warning);
      const store = await openExistingStore();
      let anchor: HeadAnchor;
      try {
        anchor = await takeHeadAnchor(store, {
          takenAt: new Date().toISOString(),
          takenBy: options.by ?? userInfo().username,
          withTips: options.tips === true,
          key,
        });
      } finally {
        await store.close();
      }
      const text = `${JSON.stringify(anchor, null, options.tips ? undefined : 2)}\n`;
      if (!options.out) return void process.stdout.write(text);
      writeFileSync(options.out, text, { flag: 'wx' });
      warn(
        `wrote ${options.out}: position ${anchor.position ?? '(empty log)'}, ${anchor.events} events, ${anchor.streams} chained streams${options.tips ? ' with their tips' : ''}, signed with key ${key.keyId}`,
      );
    });
}

/**
 * The anchor check of `audit verify-store --anchor FILE`, prepared before any store is opened: the
 * file is read and checked (a bad one is refused naming each field and rule) and the audit key
 * loaded, so neither fails after a long read of the log.
 */
export function prepareAnchorCheck(file: string): (store: EventStore) => Promise<AnchorCheck> {
  const anchor = readAnchorFile(file);
  const { key, warning } = loadAuditKey();
  if (warning && anchor.signature) warn(warning);
  return (store) => checkHeadAnchor(store, anchor, key);
}

function readAnchorFile(file: string): HeadAnchor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`--anchor ${file} is not readable JSON: ${(error as Error).message}`);
  }
  const read = readHeadAnchor(parsed);
  if ('problems' in read)
    throw new Error(`--anchor ${file} is not a head anchor:\n  ${read.problems.join('\n  ')}`);
  return read.anchor;
}
