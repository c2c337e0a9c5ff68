/**
 * A refused amendment's compensating releases: the command's own error is what the caller sees,
 * and a release that fails or writes nothing is logged naming the stream, the child and why
 * (review s20 diff F5).
 */
import { appendReleasingOnRefusal, type ReleaseUnrecorded } from './unrecorded-amendment';

const refusedAppend = () => Promise.reject(new Error('journey append refused'));
const held = (stream: string, release: () => Promise<boolean>): ReleaseUnrecorded => ({
  stream,
  childId: 'child-a',
  release,
});

describe('appendReleasingOnRefusal', () => {
  it('Given a refused append, When one release throws and one writes nothing, Then each is logged as a warning with its stream, child and reason, every release is tried, and the append’s error is rethrown', async () => {
    const warn = jest.fn();
    const released = jest.fn(() => Promise.resolve(true));

    const outcome = appendReleasingOnRefusal(
      [
        held('child-ref-LA-9', () => Promise.reject(new Error('store unavailable'))),
        held('upn-abc123', () => Promise.resolve(false)),
        held('child-ref-LA-8', released),
      ],
      refusedAppend,
      { warn },
    );

    await expect(outcome).rejects.toThrow('journey append refused');
    expect(released).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls.map(([message]) => message as string)).toEqual([
      expect.stringMatching(/hold on child-ref-LA-9 for child child-a: release failed: store unavailable/),
      expect.stringMatching(
        /hold on upn-abc123 for child child-a: not released: the reservation is no longer the stream's latest event/,
      ),
    ]);
  });

  it('Given an append that succeeds, Then nothing is released and nothing logged', async () => {
    const warn = jest.fn();
    const release = jest.fn(() => Promise.resolve(true));

    await expect(
      appendReleasingOnRefusal([held('child-ref-LA-9', release)], () => Promise.resolve('ok'), { warn }),
    ).resolves.toBe('ok');
    expect(release).not.toHaveBeenCalled();
    expect(warn).not.toHaveBeenCalled();
  });
});
