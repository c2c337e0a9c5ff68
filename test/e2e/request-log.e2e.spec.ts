import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { apiClient } from './support/http-client';
import { newChild } from './support/journey-setup';
import { serveCli } from './support/serve-cli';
import { startCli } from './support/start-cli';
import { startTestApp } from './support/test-app';
import { TEST_JWT_SECRET, tokenFor } from './support/tokens';

const ISO_UTC = '\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z';
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const ESC = '\u001b';

/** Review s12-ops F12: an access log with request ids, ISO UTC times, no colours in files, JSON on request. */
describe('the request log (serve, its output piped)', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'care-journey-request-log-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const env = (name: string, extra: Record<string, string> = {}) => ({
    CARE_JOURNEY_JWT_SECRET: TEST_JWT_SECRET,
    CARE_JOURNEY_SQLITE_FILE: join(dir, `${name}.db`),
    CARE_JOURNEY_PROJECTIONS: 'inline',
    NODE_ENV: undefined,
    NO_COLOR: undefined,
    CARE_JOURNEY_USERS: undefined,
    CARE_JOURNEY_LOG_FORMAT: undefined,
    CARE_JOURNEY_ACCESS_LOG: undefined,
    ...extra,
  });

  it('Given requests, Then each is one line: ISO UTC time, method, route pattern (no child id), status, ms, user, request id; the id is the caller’s when sane, else a new one, and answers carry it; no colours, no route mapping lines', async () => {
    const served = await serveCli(['--create-store'], env('text'));
    const api = apiClient(served.baseUrl);
    const childId = await newChild(api, { inCare: false });
    const read = await api.get(`/children/${childId}`, {
      token: tokenFor('social_worker', 'alice'),
      headers: { 'x-request-id': 'ticket-4711.a' },
    });
    const forged = await api.get('/health', { headers: { 'x-request-id': 'x'.repeat(129) } });
    const unknown = await api.get(`/no-such-route/${childId}`);
    const out = await served.stop();

    expect(read.status).toBe(200);
    expect(read.headers.get('x-request-id')).toBe('ticket-4711.a');
    expect(forged.headers.get('x-request-id')).toMatch(new RegExp(`^${UUID}$`));
    expect(unknown.headers.get('x-request-id')).toMatch(new RegExp(`^${UUID}$`));
    const lines = out.split('\n');
    expect(lines).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^\\[Nest\\] \\d+  - ${ISO_UTC} +LOG \\[Access\\] GET /children/:id 200 \\d+\\.\\dms user "alice" request ticket-4711\\.a$`,
        ),
      ),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(
        new RegExp(`\\[Access\\] POST /children 201 [\\d.]+ms user "alice" request ${UUID}$`),
      ),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `\\[Access\\] GET /health 200 [\\d.]+ms user - request ${forged.headers.get('x-request-id')}$`,
        ),
      ),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(
        new RegExp(`\\[Access\\] GET \\(no route\\) 404 [\\d.]+ms user - request ${UUID}$`),
      ),
    );
    expect(out).not.toContain(childId);
    expect(out).not.toContain(ESC);
    expect(out).not.toMatch(/Mapped \{|RoutesResolver|RouterExplorer/);
    // Every Nest line, the start-up ones included, carries an ISO UTC time.
    for (const line of lines.filter((l) => l.startsWith('[Nest]')))
      expect(line).toMatch(new RegExp(`^\\[Nest\\] \\d+  - ${ISO_UTC} `));
  }, 60_000);

  it('Given CARE_JOURNEY_LOG_FORMAT=json, Then every line is one JSON object with an ISO UTC timestamp, the access lines with their fields', async () => {
    const served = await serveCli(['--create-store'], env('json', { CARE_JOURNEY_LOG_FORMAT: 'json' }));
    const health = await apiClient(served.baseUrl).get('/health', { headers: { 'x-request-id': 'probe-1' } });
    const out = await served.stop();
    expect(health.status).toBe(200);
    const records = out
      .split('\n')
      .filter((line) => line.length > 0)
      .map((line) => JSON.parse(line) as { timestamp: unknown; context?: string; message: unknown });
    expect(records.length).toBeGreaterThan(1);
    for (const record of records) expect(record.timestamp).toMatch(new RegExp(`^${ISO_UTC}$`));
    expect(records).toContainEqual(
      expect.objectContaining({
        level: 'log',
        context: 'Access',
        message: {
          method: 'GET',
          route: '/health',
          status: 200,
          ms: expect.any(Number),
          user: null,
          requestId: 'probe-1',
        },
      }),
    );
  }, 60_000);

  it('Given CARE_JOURNEY_LOG_FORMAT=json and a refused setting, Then the refusal is a JSON line too', async () => {
    const refused = await startCli(['serve', '--create-store'], {
      ...env('json-refused', { CARE_JOURNEY_LOG_FORMAT: 'json' }),
      PORT: 'eighty',
    });
    expect(refused).toMatchObject({ listening: false, code: 1 });
    const lines = refused.out.split('\n').filter((line) => line.length > 0);
    expect(lines.map((line) => JSON.parse(line) as unknown)).toContainEqual(
      expect.objectContaining({
        level: 'error',
        timestamp: expect.stringMatching(new RegExp(`^${ISO_UTC}$`)),
        message: 'Cannot start: PORT: must be a whole number 0–65535, got "eighty"',
      }),
    );
  }, 60_000);

  it('Given CARE_JOURNEY_ACCESS_LOG=off, Then no access lines, and answers still carry their request id', async () => {
    const served = await serveCli(['--create-store'], env('off', { CARE_JOURNEY_ACCESS_LOG: 'off' }));
    const health = await apiClient(served.baseUrl).get('/health');
    const out = await served.stop();
    expect(health.headers.get('x-request-id')).toMatch(new RegExp(`^${UUID}$`));
    expect(out).toContain('Listening on');
    expect(out).not.toContain('[Access]');
  }, 60_000);

  it.each([
    ['CARE_JOURNEY_LOG_FORMAT', 'xml', "allowed values are 'text' (default) and 'json', got \"xml\""],
    ['CARE_JOURNEY_ACCESS_LOG', 'no', "allowed values are 'on' (default) and 'off', got \"no\""],
  ])(
    'Given %s=%s, Then serve refuses in one line naming it, exit 1',
    async (variable, value, rule) => {
      const refused = await startCli(['serve', '--create-store'], {
        ...env(`bad-${variable}`),
        [variable]: value,
      });
      expect(refused.listening).toBe(false);
      expect(refused.code).toBe(1);
      expect(refused.out).toContain(`Cannot start: ${variable}: ${rule}`);
    },
    60_000,
  );
});

describe('a 500 (the real app in-process)', () => {
  it('Given an unexpected error, Then the body and X-Request-Id carry the same id, and the log line names method, route, user and that id', async () => {
    const t = await startTestApp();
    try {
      const api = apiClient(t.baseUrl);
      const childId = await newChild(api);
      jest.spyOn(t.store, 'readStream').mockImplementation(() => {
        throw new Error('boom: a defect');
      });
      const errors = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
      const response = await api.get<{ requestId: string; message: string }>(`/children/${childId}/events`, {
        token: tokenFor('auditor', 'ada'),
        headers: { 'x-request-id': 'report-from-ada' },
      });
      expect(response.status).toBe(500);
      expect(response.body).toEqual({
        statusCode: 500,
        error: 'Internal Server Error',
        message: 'Unexpected error',
        requestId: 'report-from-ada',
      });
      expect(response.headers.get('x-request-id')).toBe('report-from-ada');
      const logged = errors.mock.calls.map(([line]) => String(line));
      expect(logged).toContainEqual(
        expect.stringMatching(
          /^GET \/children\/:id\/events user "ada" request report-from-ada: Error: boom: a defect\n/,
        ),
      );
    } finally {
      jest.restoreAllMocks();
      await t.close();
    }
  });
});
