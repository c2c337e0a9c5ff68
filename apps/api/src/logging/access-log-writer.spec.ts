import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import { ACCESS_LOG_FLUSH_MS, AccessLogWriter } from './access-log-writer';
import { CareJourneyLogger } from './care-journey-logger';
import type { LogFormat } from './log-settings';

const AT = new Date('2026-11-28T10:15:30.123Z');

/** What Nest's ConsoleLogger (our CareJourneyLogger, no colours) writes for one Access line at AT. */
function nestLine(format: LogFormat, message: string | Record<string, unknown>): string {
  let out = '';
  const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  jest.useFakeTimers({ now: AT, doNotFake: ['setImmediate', 'clearImmediate', 'nextTick'] });
  try {
    new CareJourneyLogger({ format }, { stdout: {}, env: {} }).log(message, 'Access');
  } finally {
    jest.useRealTimers();
    write.mockRestore();
  }
  return out;
}

/** Past the longest a line waits. */
const flushed = () => sleep(ACCESS_LOG_FLUSH_MS + 20);

function capture(format: LogFormat) {
  const chunks: string[] = [];
  return { chunks, writer: new AccessLogWriter(format, { write: (chunk) => chunks.push(chunk) }) };
}

describe('AccessLogWriter (finding 40: the access line, formatted once and written in batches)', () => {
  it('Given a text line, Then it is byte for byte the line Nest’s logger writes', async () => {
    const message = 'POST /children/:id/placement-changes 201 3.2ms user "alice" request 1c9';
    const { chunks, writer } = capture('text');
    writer.write(message, AT);
    await flushed();
    expect(chunks).toEqual([nestLine('text', message)]);
  });

  it('Given no time, When a line is written, Then it carries the clock’s now as Nest’s logger writes it', () => {
    const { chunks, writer } = capture('text');
    jest.useFakeTimers({ now: AT, doNotFake: ['setImmediate', 'clearImmediate', 'nextTick'] });
    try {
      writer.write('GET /health 200 0.4ms user - request p-1');
      writer.flush();
    } finally {
      jest.useRealTimers();
    }
    expect(chunks).toEqual([nestLine('text', 'GET /health 200 0.4ms user - request p-1')]);
  });

  it('Given a JSON line, Then it is the object Nest’s JSON logger writes', async () => {
    const message = { method: 'GET', route: '/health', status: 200, ms: 0.4, user: null, requestId: 'p-1' };
    const { chunks, writer } = capture('json');
    writer.write(message, AT);
    await flushed();
    expect(chunks.map((chunk) => JSON.parse(chunk) as unknown)).toEqual([
      JSON.parse(nestLine('json', message)) as unknown,
    ]);
    expect(chunks[0]).toMatch(/^\{.*\}\n$/);
  });

  it('Given three lines over a few turns, Then one write holds them in order, once their time is up', async () => {
    const { chunks, writer } = capture('text');
    writer.write('one', AT);
    await nextTurn();
    writer.write('two', AT);
    await nextTurn();
    writer.write('three', AT);
    expect(chunks).toEqual([]);
    await flushed();
    expect(chunks).toHaveLength(1);
    expect(chunks[0].split('\n').map((line) => line.split('[Access] ')[1])).toEqual([
      'one',
      'two',
      'three',
      undefined,
    ]);
  });

  it('Given 64 KiB waiting, Then it is written at once, not held until its time is up', () => {
    const { chunks, writer } = capture('text');
    const long = 'x'.repeat(1024);
    let lines = 0;
    while (chunks.length === 0 && lines < 100) {
      writer.write(long, AT);
      lines += 1;
    }
    expect(chunks).toHaveLength(1);
    const lineLength = chunks[0].length / lines;
    expect(chunks[0].split('\n')).toHaveLength(lines + 1);
    expect(chunks[0].length).toBeGreaterThanOrEqual(64 * 1024);
    expect(chunks[0].length - lineLength).toBeLessThan(64 * 1024);
  });

  it('Given lines waiting, When flushed (the app closes), Then written now, and nothing twice', async () => {
    const { chunks, writer } = capture('text');
    writer.write('last', AT);
    writer.flush();
    expect(chunks).toHaveLength(1);
    await flushed();
    writer.flush();
    expect(chunks).toHaveLength(1);
  });
});
