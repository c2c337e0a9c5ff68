import { CareJourneyLogger } from './care-journey-logger';
import { readLogSettings } from './log-settings';

/** What the logger writes to stdout while `work` runs. */
function written(work: () => void): string {
  let out = '';
  const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  try {
    work();
  } finally {
    write.mockRestore();
  }
  return out;
}

describe('CareJourneyLogger (review s12-ops F12)', () => {
  it('Given a terminal, Then colours; Given a file or pipe, or NO_COLOR on a terminal, Then none', () => {
    const line = (isTTY: boolean, env: Record<string, string>) =>
      written(() =>
        new CareJourneyLogger({ format: 'text' }, { stdout: { isTTY }, env }).log('hello', 'Ctx'),
      );
    expect(line(true, {})).toContain('\u001b[');
    expect(line(false, {})).not.toContain('\u001b[');
    expect(line(true, { NO_COLOR: '1' })).not.toContain('\u001b[');
  });

  it('Given a line, Then its time is ISO-8601 in UTC, in text and in JSON', () => {
    const text = written(() =>
      new CareJourneyLogger({ format: 'text' }, { stdout: {} }).warn('careful', 'Ctx'),
    );
    expect(text).toMatch(
      /^\[Nest\] \d+ {2}- \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z {4}WARN \[Ctx\] careful\n$/,
    );
    const json = JSON.parse(
      written(() => new CareJourneyLogger({ format: 'json' }).log({ a: 1 }, 'Ctx')),
    ) as object;
    expect(json).toEqual({
      level: 'log',
      pid: process.pid,
      timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      message: { a: 1 },
      context: 'Ctx',
    });
  });

  it("Given Nest's route mapping lines, Then they are debug: left out at the API's levels, shown when debug is on", () => {
    const mapping = (logLevels?: ('debug' | 'log')[]) =>
      written(() => {
        const logger = new CareJourneyLogger({ format: 'text' }, { stdout: {}, logLevels });
        logger.log('Mapped {/children, POST} route', 'RouterExplorer');
        logger.log('ChildrenController {/children}:', 'RoutesResolver');
      });
    expect(mapping()).toBe('');
    expect(mapping(['debug', 'log'])).toMatch(/DEBUG \[RouterExplorer\] Mapped \{\/children, POST\} route/);
  });
});

describe('readLogSettings', () => {
  it('Given nothing set, Then text with the access log on', () => {
    expect(readLogSettings({})).toEqual({ format: 'text', accessLog: true });
  });

  it('Given json and off, Then taken (spaces around them ignored)', () => {
    expect(readLogSettings({ CARE_JOURNEY_LOG_FORMAT: ' json ', CARE_JOURNEY_ACCESS_LOG: 'off' })).toEqual({
      format: 'json',
      accessLog: false,
    });
  });

  it.each([
    [{ CARE_JOURNEY_LOG_FORMAT: 'JSON' }, 'CARE_JOURNEY_LOG_FORMAT: allowed values are'],
    [{ CARE_JOURNEY_ACCESS_LOG: 'false' }, 'CARE_JOURNEY_ACCESS_LOG: allowed values are'],
  ])('Given %p, Then refused naming the setting', (env, message) => {
    expect(() => readLogSettings(env)).toThrow(message);
  });
});
