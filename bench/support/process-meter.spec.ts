import { metered } from './process-meter';

describe('metered', () => {
  it('given some work, when metered, then it returns the work’s result with its CPU, GC and heap', async () => {
    const { result, meter } = await metered(async () => {
      // Garbage enough for a few scavenges.
      let kept = 0;
      for (let i = 0; i < 200_000; i++) kept += JSON.stringify({ i, text: 'x'.repeat(20) }).length;
      return kept;
    });
    expect(result).toBeGreaterThan(0);
    expect(meter.cpuSeconds).toBeGreaterThan(0);
    expect(meter.gcMs).toBeGreaterThanOrEqual(0);
    expect(Number.isInteger(meter.majorGcs)).toBe(true);
    expect(meter.heapUsedMb).toBeGreaterThan(0);
    expect(meter.mainCpuSeconds).toBeGreaterThanOrEqual(0);
    expect(meter.mainRunQueueSeconds).toBeGreaterThanOrEqual(0);
  });

  it('given work that fails, then the failure reaches the caller', async () => {
    await expect(metered(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
  });
});
