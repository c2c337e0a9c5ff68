import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from './api-config';
import { checkStartupSettings } from './check-startup-settings';

const store = { kind: 'sqlite', file: '/tmp/cj-settings/events.db', synchronous: 'FULL' } as const;

describe('checkStartupSettings: settings read inside modules fail start-up with one line', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'cj-settings-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('accepts the defaults', () => {
    expect(() => checkStartupSettings({}, store)).not.toThrow();
  });

  it.each([
    ['CARE_JOURNEY_PROJECTION_BATCH', '0', /^CARE_JOURNEY_PROJECTION_BATCH: must be a whole number >= 1/],
    ['CARE_JOURNEY_READ_YOUR_WRITES_TIMEOUT_MS', '-5', /^CARE_JOURNEY_READ_YOUR_WRITES_TIMEOUT_MS: must be/],
    ['CARE_JOURNEY_REBUILD_THREADS', 'x', /^CARE_JOURNEY_REBUILD_THREADS: must be/],
    ['CARE_JOURNEY_DRIFT_THRESHOLDS', '{bad', /^CARE_JOURNEY_DRIFT_THRESHOLDS: must be a JSON object/],
    [
      'CARE_JOURNEY_DRIFT_THRESHOLDS',
      '{"DR99":{}}',
      /^CARE_JOURNEY_DRIFT_THRESHOLDS: DR99 is not a drift rule/,
    ],
    [
      'CARE_JOURNEY_DRIFT_THRESHOLDS',
      '{"DR07":{"days":-1}}',
      /^CARE_JOURNEY_DRIFT_THRESHOLDS: DR07.days must be a whole number > 0, got -1$/,
    ],
    [
      'CARE_JOURNEY_DRIFT_THRESHOLDS',
      '{"DR07":{"dayz":3}}',
      /^CARE_JOURNEY_DRIFT_THRESHOLDS: DR07.dayz is not a threshold of DR07; it takes days$/,
    ],
    [
      'CARE_JOURNEY_DRIFT_THRESHOLDS',
      '{"extraBankHolidays":["2026-06-15","2026-06-15"]}',
      /^CARE_JOURNEY_DRIFT_THRESHOLDS: extraBankHolidays\[1\] lists 2026-06-15 a second time: each day once/,
    ],
    [
      'CARE_JOURNEY_AUTHORITY',
      '{"drift":{"extraBankHolidays":["2026-13-01"]}}',
      /^CARE_JOURNEY_AUTHORITY: .*extraBankHolidays\[0\] must be a real date YYYY-MM-DD, got "2026-13-01"/,
    ],
    ['CARE_JOURNEY_AUDIT_KEY', 'short', /^CARE_JOURNEY_AUDIT_KEY: must be at least 32/],
    ['CARE_JOURNEY_AUTHORITY', '{bad', /^CARE_JOURNEY_AUTHORITY: must be JSON/],
    [
      'CARE_JOURNEY_AUTHORITY',
      '{"childPopulaton":140000}',
      /^CARE_JOURNEY_AUTHORITY: childPopulaton: is not a field of the authority settings; it takes childPopulation, /,
    ],
    ['CARE_JOURNEY_AUTHORITY', '{"la":"E1"}', /^CARE_JOURNEY_AUTHORITY: la: must be an ONS code/],
    [
      'CARE_JOURNEY_AUTHORITY_FILE',
      '/nonexistent/authority.json',
      /^CARE_JOURNEY_AUTHORITY_FILE: cannot read/,
    ],
    ['CARE_JOURNEY_HOST_ID', 'api 1', /^CARE_JOURNEY_HOST_ID: must be 1–253 letters, digits, /],
  ])('%s=%s', (variable, value, message) => {
    let thrown: unknown;
    try {
      checkStartupSettings({ [variable]: value }, store);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    expect((thrown as ConfigError).variable).toBe(variable);
    expect((thrown as Error).message).toMatch(message);
  });

  it('names CARE_JOURNEY_USERS for a missing file, bad JSON and a bad entry', () => {
    const missing = join(dir, 'nope.json');
    expect(() => checkStartupSettings({ CARE_JOURNEY_USERS: missing }, store)).toThrow(
      `CARE_JOURNEY_USERS: cannot read the users file ${missing} (ENOENT)`,
    );
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '[{');
    expect(() => checkStartupSettings({ CARE_JOURNEY_USERS: bad }, store)).toThrow(
      new RegExp(`^CARE_JOURNEY_USERS: ${bad} is not valid JSON`),
    );
    const wrong = join(dir, 'wrong.json');
    writeFileSync(wrong, '{}');
    expect(() => checkStartupSettings({ CARE_JOURNEY_USERS: wrong }, store)).toThrow(
      `CARE_JOURNEY_USERS: ${wrong}: must be a JSON array`,
    );
  });

  it('names CARE_JOURNEY_REVOKED_TOKENS, the file and the line for a missing file or a bad line; takes an empty one', () => {
    const missing = join(dir, 'no-revoked');
    expect(() => checkStartupSettings({ CARE_JOURNEY_REVOKED_TOKENS: missing }, store)).toThrow(
      `CARE_JOURNEY_REVOKED_TOKENS: cannot read the revoked-tokens file ${missing} (ENOENT)`,
    );
    const bad = join(dir, 'revoked');
    writeFileSync(bad, '# revoked\nid 0b6f6a52-8f5e-4c1e-9d55-3c0c8a1f2e47\nuser alice before yesterday\n');
    expect(() => checkStartupSettings({ CARE_JOURNEY_REVOKED_TOKENS: bad }, store)).toThrow(
      `CARE_JOURNEY_REVOKED_TOKENS: ${bad}:3: \`before\` must be an instant with its time zone, such as 2026-11-27T22:50:00Z, got "yesterday"`,
    );
    const empty = join(dir, 'revoked-empty');
    writeFileSync(empty, '');
    expect(() => checkStartupSettings({ CARE_JOURNEY_REVOKED_TOKENS: empty }, store)).not.toThrow();
  });
});
