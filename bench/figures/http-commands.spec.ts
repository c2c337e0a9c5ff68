import {
  catchUpNote,
  cpuNote,
  httpVerdict,
  medianPhase,
  offeredVerdict,
  rawNote,
  repeatedVerdict,
} from './http-commands';
import type { Measured } from '../http/api-under-load';

const phase = (extra: Partial<Measured>): Measured =>
  ({
    perSecond: 1000,
    p50: 5,
    p99: 12,
    p999: 30,
    max: 45,
    requests: 5000,
    non2xx: 0,
    errors: 0,
    sent: 5000,
    cpuMs: 250,
    tool: 'wrk',
    apiCpuMs: 5000,
    mainCpuMs: 2500,
    ...extra,
  }) as Measured;

describe('the HTTP rows’ notes', () => {
  it('Given the read models behind at the end of a phase, Then the note says by how much and how long they took (the CPU counted until then)', () => {
    expect(cpuNote(phase({ lagAtEnd: 120, catchUpMs: 84.4 }))).toBe(
      '; API CPU 1.00 ms/command (main thread 0.50), wrk CPU 0.05 ms/request; read models 120 events behind at the end, caught up in 84 ms (CPU counted until then)',
    );
  });

  it('Given they never caught up, Then it says so; given no lag reading, Then nothing', () => {
    expect(catchUpNote(phase({ lagAtEnd: 9000 }))).toBe(
      '; read models 9000 events behind at the end, not caught up within 60 s (CPU counted until then)',
    );
    expect(catchUpNote(phase({}))).toBe('');
  });
});

describe('the HTTP rows’ verdict', () => {
  it('Given 8 clients at 2,100/s, p99 15 ms, all 2xx, at synchronous=FULL, Then the goal is met', () => {
    expect(httpVerdict(8, phase({ perSecond: 2100, p99: 15 }), 'FULL').met).toBe(true);
  });

  it('Given the same phase at synchronous=NORMAL, Then the goal is not met (durability is part of it)', () => {
    expect(httpVerdict(8, phase({ perSecond: 2100, p99: 15 }), 'NORMAL')).toEqual({
      goal: '≥ 2,000/s, p99 < 20 ms, every response 2xx, synchronous=FULL',
      met: false,
    });
  });

  it('Given a socket error or a non-2xx answer in any phase, Then that row is not met', () => {
    expect(httpVerdict(8, phase({ perSecond: 2100, p99: 15, errors: 1 }), 'FULL').met).toBe(false);
    expect(httpVerdict(1, phase({ non2xx: 3 }), 'FULL')).toEqual({ goal: 'every response 2xx', met: false });
    expect(httpVerdict(32, phase({}), 'FULL')).toEqual({ goal: 'every response 2xx', met: true });
  });
});

describe('the repeated 8-client phases and the constant-rate phase', () => {
  it('Given three phases, Then the median phase by rate is judged', () => {
    const phases = [
      phase({ perSecond: 2300, p99: 30 }),
      phase({ perSecond: 2100, p99: 15 }),
      phase({ perSecond: 1500, p99: 40 }),
    ];
    expect(medianPhase(phases).perSecond).toBe(2100);
    expect(repeatedVerdict(8, phases, 'FULL').met).toBe(true);
  });

  it('Given a median phase that meets the goal but another phase with a non-2xx answer, Then it is not met', () => {
    const phases = [
      phase({ perSecond: 2300, p99: 15, non2xx: 1 }),
      phase({ perSecond: 2100, p99: 15 }),
      phase({ perSecond: 2000, p99: 15 }),
    ];
    expect(repeatedVerdict(8, phases, 'FULL').met).toBe(false);
  });

  it('Given 2,000/s offered, When 1,990/s were acknowledged with a CO-corrected p99 of 18 ms, Then met; when only 1,900/s, Then not', () => {
    expect(offeredVerdict(phase({ perSecond: 1990, p99: 18 }), 'FULL')).toBe(true);
    expect(offeredVerdict(phase({ perSecond: 1900, p99: 18 }), 'FULL')).toBe(false);
    expect(offeredVerdict(phase({ perSecond: 1990, p99: 25 }), 'FULL')).toBe(false);
  });
});

describe('the raw 1/tx baseline beside the HTTP phases (review s16 F8)', () => {
  it('Given one phase, Then the note names the baseline it was judged against', () => {
    expect(rawNote([2674.4])).toBe(
      '; raw 1/tx beside the phase (mean of the rounds just before and after it, in this process while the API idled): 2,674 tx/s',
    );
  });

  it('Given three phases, Then the note gives each phase’s baseline and says the ratio is their median', () => {
    expect(rawNote([2674, 410, 3100])).toBe(
      '; raw 1/tx beside each phase (mean of the rounds just before and after it, in this process while the API idled): 2,674 / 410 / 3,100 tx/s, the ratio the median over the phases',
    );
  });
});
