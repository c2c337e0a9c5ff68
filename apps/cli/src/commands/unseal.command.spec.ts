import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { readRecipientKey, sealFile } from '@care-journey/audit';
import { registerUnsealCommand } from './unseal.command';

/** The custodian's side of a sealed file: open it whole, or prove it opens, or refuse. */
describe('care-journey unseal', () => {
  let dir: string;
  let output = '';
  let errors = '';
  const pair = generateKeyPairSync('rsa', { modulusLength: 3072 });
  const text = Buffer.from('CHILD,SEX,DOB\nC100001,1,14/06/2015\n'.repeat(5000)); // several 64 KiB chunks

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cj-unseal-'));
    writeFileSync(join(dir, 'public.pem'), pair.publicKey.export({ type: 'spki', format: 'pem' }));
    writeFileSync(join(dir, 'private.pem'), pair.privateKey.export({ type: 'pkcs8', format: 'pem' }));
    writeFileSync(join(dir, 'header.csv'), text);
    await sealFile(
      join(dir, 'header.csv'),
      join(dir, 'header.csv.sealed'),
      readRecipientKey(join(dir, 'public.pem')),
    );
    rmSync(join(dir, 'header.csv'));
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((output += String(chunk)), true));
    jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((errors += String(chunk)), true));
  });
  afterEach(() => {
    jest.restoreAllMocks();
    rmSync(dir, { recursive: true, force: true });
  });

  const run = async (...args: string[]) => {
    output = '';
    errors = '';
    process.exitCode = undefined;
    const program = new Command('care-journey').exitOverride();
    registerUnsealCommand(program);
    await program.parseAsync(['node', 'care-journey', 'unseal', ...args]);
    const code = process.exitCode ?? 0;
    process.exitCode = undefined;
    return { code, out: output, err: errors };
  };
  const sealed = () => join(dir, 'header.csv.sealed');
  const key = () => join(dir, 'private.pem');

  it('opens a sealed file into --out (0600), the bytes sealed', async () => {
    const out = join(dir, 'header.csv');
    expect(await run(sealed(), '--decrypt-with', key(), '--out', out)).toEqual({
      code: 0,
      out: `opened ${sealed()} into ${out} (${text.length} bytes, every chunk authenticated)\n`,
      err: '',
    });
    expect(readFileSync(out)).toEqual(text);
    expect(statSync(out).mode & 0o777).toBe(0o600);
  });

  it('a SIGTERM while it writes removes the partial plaintext before the process ends by that signal; nothing at --out', async () => {
    const out = join(dir, 'header.csv');
    const kill = jest.spyOn(process, 'kill').mockImplementation(() => true); // the signal's re-raise
    const listening = process.listenerCount('SIGTERM');
    let settled = false;
    let signalled = false;
    const unsealing = run(sealed(), '--decrypt-with', key(), '--out', out);
    const signalOncePartial = () => {
      if (readdirSync(dir).some((f) => f.includes('.partial-'))) {
        signalled = true;
        process.emit('SIGTERM', 'SIGTERM'); // calls the listeners only; the runner is not signalled
      } else if (!settled) setImmediate(signalOncePartial);
    };
    signalOncePartial();
    // The real process ends at the re-raise; here it goes on and may throw on the file removed.
    await unsealing.catch(() => undefined).finally(() => (settled = true));
    expect(signalled).toBe(true);
    expect(kill).toHaveBeenCalledWith(process.pid, 'SIGTERM');
    expect(readdirSync(dir).filter((f) => f.startsWith('header.csv') && f !== 'header.csv.sealed')).toEqual(
      [],
    );
    expect(process.listenerCount('SIGTERM')).toBe(listening);
  });

  it('--check proves it opens whole and writes nothing', async () => {
    const before = readdirSync(dir).sort();
    expect(await run(sealed(), '--decrypt-with', key(), '--check')).toMatchObject({
      code: 0,
      out: `${sealed()} opens whole: ${text.length} bytes, every chunk authenticates; nothing written\n`,
    });
    expect(readdirSync(dir).sort()).toEqual(before);
  });

  it('refuses a file cut short, naming the rule, and writes nothing', async () => {
    writeFileSync(sealed(), readFileSync(sealed()).subarray(0, 435 + 65552));
    const out = join(dir, 'header.csv');
    expect(await run(sealed(), '--decrypt-with', key(), '--out', out)).toEqual({
      code: 1,
      out: '',
      err: `unseal: ${sealed()} ends after chunk 0, which is not its last chunk: the file was cut short at a chunk boundary; nothing written\n`,
    });
    expect(existsSync(out)).toBe(false);
  });

  it.each([
    [
      ['--decrypt-with', 'KEY'],
      'unseal: give exactly one of --out <file> (write what it seals) and --check (write nothing)',
    ],
    [
      ['--decrypt-with', 'PUBLIC', '--check'],
      "unseal: option '--decrypt-with <private-key.pem>': PUBLIC holds no private key",
    ],
    [['--decrypt-with', 'KEY', '--out', 'SEALED'], 'unseal: SEALED exists; nothing written'],
  ])('refuses %j', async (args, message) => {
    const named = (s: string) =>
      s.replace('PUBLIC', join(dir, 'public.pem')).replace('KEY', key()).replace('SEALED', sealed());
    const result = await run(sealed(), ...args.map(named));
    expect(result.code).toBe(1);
    expect(result.err).toContain(named(message));
  });

  it('refuses a file that is not sealed', async () => {
    writeFileSync(join(dir, 'plain.csv'), 'CHILD\n');
    expect((await run(join(dir, 'plain.csv'), '--decrypt-with', key(), '--check')).err).toBe(
      `unseal: ${join(dir, 'plain.csv')} is not sealed (no CJSEALED header)\n`,
    );
  });
});
