import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appendRevocation, readRevocations } from './write-revocation';

const ID = '0b6f6a52-8f5e-4c1e-9d55-3c0c8a1f2e47';

describe('appendRevocation: what `care-journey token revoke` writes', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cj-revoke-'));
    file = join(dir, 'revoked');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('Given no file, Then it creates one, owner-only, that reads back; later revocations are added to it', () => {
    appendRevocation(file, { kind: 'id', id: ID, note: 'revoked 2026-11-27T22:50:00Z' });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const before = new Date('2026-11-27T22:51:00Z');
    appendRevocation(file, { kind: 'user', user: 'alice', before });
    expect(readRevocations(file).entries).toEqual([
      { kind: 'id', id: ID, note: 'revoked 2026-11-27T22:50:00Z' },
      { kind: 'user', user: 'alice', before },
    ]);
    // Nothing left beside it: no temporary file, no lock.
    expect(readdirSync(dir)).toEqual(['revoked']);
  });

  it('Given a hand-edited file without a final newline, Then its lines are kept and the new one goes on a line of its own', () => {
    writeFileSync(file, `# ours\nid ${ID}`, { mode: 0o644 });
    appendRevocation(file, { kind: 'user', user: 'bob', before: new Date('2026-11-27T00:00:00Z') });
    expect(readFileSync(file, 'utf8')).toBe(`# ours\nid ${ID}\nuser bob before 2026-11-27T00:00:00Z\n`);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('Given a file with a bad line, Then nothing is written and the error names the file and line', () => {
    writeFileSync(file, `id ${ID}\nid nope\n`);
    expect(() => appendRevocation(file, { kind: 'id', id: ID })).toThrow(`${file}:2:`);
    expect(readFileSync(file, 'utf8')).toBe(`id ${ID}\nid nope\n`);
    expect(readdirSync(dir)).toEqual(['revoked']);
  });

  it('Given another revoke holding the lock, Then it refuses, naming the lock, and writes nothing', () => {
    writeFileSync(`${file}.lock`, '');
    expect(() => appendRevocation(file, { kind: 'id', id: ID })).toThrow(
      `another \`token revoke\` is writing ${file} (${file}.lock exists)`,
    );
    expect(readdirSync(dir)).toEqual(['revoked.lock']);
  });

  it('reads a file that does not exist yet as no revocations', () => {
    expect(readRevocations(file).size).toBe(0);
  });
});
