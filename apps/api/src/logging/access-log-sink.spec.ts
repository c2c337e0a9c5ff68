import { accessLogFor } from './access-log-sink';

const ON = { format: 'text', accessLog: true } as const;
const PIPE = { isTTY: false };

describe('accessLogFor: where the access log goes', () => {
  it('Given the setting off, or the logger off, or levels without log, Then no access log', () => {
    expect(accessLogFor({ ...ON, accessLog: false }, undefined, PIPE, {})).toBeUndefined();
    expect(accessLogFor(ON, false, PIPE, {})).toBeUndefined();
    expect(accessLogFor(ON, ['error'], PIPE, {})).toBeUndefined();
  });

  it('Given the deployed logger and stdout a pipe or file, Then the batched writer (nothing through Nest’s logger)', async () => {
    const out = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      const access = accessLogFor(ON, undefined, PIPE, {})!;
      access.sink('GET /health 200 0.1ms user - request r-1');
      expect(out).not.toHaveBeenCalled();
      access.flush();
      expect(out).toHaveBeenCalledTimes(1);
      expect(String(out.mock.calls[0][0])).toMatch(
        / {5}LOG \[Access\] GET \/health 200 0\.1ms user - request r-1\n$/,
      );
    } finally {
      out.mockRestore();
    }
  });

  it('Given a terminal (colours), or levels a caller chose with log, Then through Nest’s logger', () => {
    const out = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      accessLogFor(ON, undefined, { isTTY: true }, {})!.sink('on a terminal');
      accessLogFor(ON, ['error', 'log'], PIPE, {})!.sink('a chosen level');
      const written = out.mock.calls.map((call) => String(call[0]));
      expect(written).toEqual([
        expect.stringMatching(/\[Access\] .*on a terminal/),
        expect.stringMatching(/\[Access\] .*a chosen level/),
      ]);
    } finally {
      out.mockRestore();
    }
  });
});
