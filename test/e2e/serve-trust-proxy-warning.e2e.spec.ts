/**
 * Security review (session 11, left): behind a proxy that CARE_JOURNEY_TRUST_PROXY does not name,
 * every client is the proxy to the sign-in rate limit. A production `serve` that has not stated the
 * setting says so at start-up, in one line naming it, and starts; stated (even `false`), it does
 * not. The real CLI, as its own process, on a SQLite file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCli } from './support/start-cli';

/** Runs `serve` until it listens (then stops it) or exits; what it wrote. */
const serve = (env: Record<string, string>) => startCli(['serve'], env);

describe('care-journey serve in production warns when CARE_JOURNEY_TRUST_PROXY is not stated', () => {
  let dir: string;
  const production = () => ({
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    CARE_JOURNEY_JWT_SECRET: 'a-production-secret-of-at-least-32-characters',
    CARE_JOURNEY_AUDIT_KEY: 'a-production-audit-key-of-at-least-32-characters',
    CARE_JOURNEY_STORE: 'sqlite',
    CARE_JOURNEY_SQLITE_FILE: join(dir, 'serve.db'),
    // A fresh store: serve creates a missing one only when told to (store-files.ts).
    CARE_JOURNEY_SQLITE_CREATE: '1',
  });
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cj-serve-proxy-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('Given production bound to 127.0.0.1 with the setting unset, When `serve` starts, Then one warning line names CARE_JOURNEY_TRUST_PROXY and it listens', async () => {
    const started = await serve(production());
    expect(started.listening).toBe(true);
    const lines = started.out
      .split('\n')
      .filter((line) => line.includes('CARE_JOURNEY_TRUST_PROXY is not set'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('WARN');
    expect(lines[0]).toContain("Set CARE_JOURNEY_TRUST_PROXY to the proxy's address (e.g. 127.0.0.1)");
  }, 90_000);

  it('Given the same with CARE_JOURNEY_TRUST_PROXY=false stated, When `serve` starts, Then no such warning', async () => {
    const started = await serve({ ...production(), CARE_JOURNEY_TRUST_PROXY: 'false' });
    expect(started.listening).toBe(true);
    expect(started.out).not.toContain('CARE_JOURNEY_TRUST_PROXY');
  }, 90_000);
});
