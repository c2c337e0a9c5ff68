/**
 * "Today" for the measures is the date in England, as on every other route: at 00:30 BST the
 * new day has begun, so a deadline on the day before is already missed (not the UTC date).
 */
import type { FastifyReply } from 'fastify';
import type { AuthorityConfig, AuthorityMeasures } from '@care-journey/projections';
import type { AccessLogRecorder } from '../audit/access-log.recorder';
import type { ChildScope } from '../auth/child-scope/child-scope';
import type { JourneyQueries } from '../projections/journey-queries';
import type { Clock } from '../infrastructure/clock';
import type { AuthorityMeasuresSource } from './authority.providers';
import { MeasuresController } from './measures.controller';

describe('measures: today is the date in England', () => {
  const todayAsked = async (now: string): Promise<string> => {
    let asked = '';
    const measures = {
      asAt: (_date: string, today: string) => {
        asked = today;
        return {};
      },
    } as unknown as AuthorityMeasures;
    const source = { measures: () => Promise.resolve(measures) } as unknown as AuthorityMeasuresSource;
    const clock = { now: () => now } as Clock;
    const config = { la: 'E10000003', name: 'Test' } as AuthorityConfig;
    const controller = new MeasuresController(
      source,
      clock,
      config,
      {} as AccessLogRecorder,
      {} as ChildScope,
      {} as JourneyQueries,
    );
    await controller.asAt({ date: '2026-06-01' }, {} as FastifyReply);
    return asked;
  };

  it('Given 00:30 BST on 30 June (23:30 UTC on the 29th), Then today is 30 June', async () =>
    expect(await todayAsked('2026-06-29T23:30:00.000Z')).toBe('2026-06-30'));

  it('Given 23:30 GMT on 1 December, Then today is 1 December', async () =>
    expect(await todayAsked('2026-12-01T23:30:00.000Z')).toBe('2026-12-01'));
});
