import { catchUpNote, cpuNote } from './http-commands';
import type { Measured } from '../http/api-under-load';

const phase = (extra: Partial<Measured>): Measured =>
  ({
    perSecond: 1000,
    p50: 5,
    p99: 12,
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
