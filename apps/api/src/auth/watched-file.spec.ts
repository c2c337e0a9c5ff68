import { mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FILE_RECHECK_MS, WatchedFile, type WatchedFileOptions } from './watched-file';

// The real fs, counted: how often the file is stat'ed and read is what the interval is about.
jest.mock('node:fs', () => {
  const actual = jest.requireActual<typeof import('node:fs')>('node:fs');
  return { ...actual, statSync: jest.fn(actual.statSync), readFileSync: jest.fn(actual.readFileSync) };
});
const stats = jest.mocked(statSync).mock;
const reads = jest.mocked(readFileSync).mock;

/** A file of numbers, one a line; a line that is not a number breaks it. */
const parseNumbers = (text: string, path: string): number[] =>
  text
    .split('\n')
    .filter((line) => line !== '')
    .map((line, index) => {
      if (!/^\d+$/.test(line)) throw new Error(`${path}:${index + 1}: must be a number`);
      return Number(line);
    });

describe('WatchedFile: a settings file read again when it changes, looked at once per interval', () => {
  let dir: string;
  let file: string;
  let clock: number;
  const logger = { error: jest.fn(), log: jest.fn() };
  /** As a deploy or the CLI writes it: a whole new file moved into place. */
  const write = (text: string) => {
    writeFileSync(`${file}.new`, text);
    renameSync(`${file}.new`, file);
  };
  const watch = (options: Partial<WatchedFileOptions<number[]>> = {}) =>
    new WatchedFile(file, parseNumbers, {
      holds: 'numbers',
      summary: (numbers) => `${numbers.length} number(s)`,
      logger,
      now: () => clock,
      ...options,
    });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cj-watched-'));
    file = join(dir, 'numbers');
    clock = 0;
    logger.error.mockReset();
    logger.log.mockReset();
    write('1\n');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('Given a change, Then it is not seen before the interval has passed since the last look, and is at the interval', () => {
    const watched = watch();
    write('1\n2\n');
    clock = FILE_RECHECK_MS - 1;
    expect(watched.current()).toEqual([1]);
    clock = FILE_RECHECK_MS;
    expect(watched.current()).toEqual([1, 2]);
    expect(logger.log).toHaveBeenCalledWith(`${file} read again: 2 number(s)`);
  });

  it('Given many calls within one interval, Then the file is stat’ed once for all of them', () => {
    const watched = watch();
    const before = stats.calls.length;
    for (clock = 0; clock < FILE_RECHECK_MS; clock += 10) watched.current();
    expect(stats.calls.length - before).toBe(0);
    for (clock = FILE_RECHECK_MS; clock < 2 * FILE_RECHECK_MS; clock += 10) watched.current();
    expect(stats.calls.length - before).toBe(1);
    clock = 2 * FILE_RECHECK_MS;
    watched.current();
    expect(stats.calls.length - before).toBe(2);
  });

  it('Given an unchanged file, Then it is not read again', () => {
    const watched = watch({ recheckMs: 0 });
    const before = { stats: stats.calls.length, reads: reads.calls.length };
    expect(watched.current()).toEqual([1]);
    expect(watched.current()).toEqual([1]);
    expect(stats.calls.length - before.stats).toBe(2);
    expect(reads.calls.length - before.reads).toBe(0);
  });

  it('Given a re-check interval of 0, Then every call sees the file as it is', () => {
    const watched = watch({ recheckMs: 0 });
    write('3\n');
    expect(watched.current()).toEqual([3]);
    write('4\n');
    expect(watched.current()).toEqual([4]);
  });

  it('Given the file turns bad, then disappears, Then the last good value stays and each bad version is logged once; a good one is taken again', () => {
    const watched = watch({ recheckMs: 0 });
    write('1\nnot a number\n');
    expect(watched.current()).toEqual([1]);
    expect(watched.current()).toEqual([1]);
    expect(logger.error).toHaveBeenCalledTimes(1);
    expect(logger.error).toHaveBeenCalledWith(
      `${file} not reloaded, the numbers read before stay in force: ${file}:2: must be a number`,
    );
    rmSync(file);
    expect(watched.current()).toEqual([1]);
    expect(watched.current()).toEqual([1]);
    expect(logger.error).toHaveBeenCalledTimes(2);
    expect(logger.error.mock.calls[1][0]).toContain('ENOENT');
    write('5\n');
    expect(watched.current()).toEqual([5]);
    expect(logger.error).toHaveBeenCalledTimes(2);
  });

  it('Given a look asked for now (lookNow), Then a change is taken whatever the interval', () => {
    const watched = watch();
    write('6\n');
    watched.lookNow();
    expect(watched.current()).toEqual([6]);
  });

  it('Given a file that cannot be read or parsed at start-up, Then it throws (a bad file stops start-up), through readFirst when given', () => {
    write('x\n');
    expect(() => watch()).toThrow(`${file}:1: must be a number`);
    expect(() =>
      watch({
        readFirst: () => {
          throw new Error('cannot read the numbers file');
        },
      }),
    ).toThrow('cannot read the numbers file');
  });
});
