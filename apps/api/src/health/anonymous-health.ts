import type { ProjectionLag, RebuildProgress } from '@care-journey/projections';

/**
 * What the health probes show a caller without a token (review D13). Log positions and event
 * counts move with every record written and every read the trail records, so an outsider polling
 * them would see when case records are read or written. A load balancer needs none of them: it
 * gets ok/ready, the lag, the projector's state and a rebuild's state and progress in percent.
 * A signed-in caller (any role) gets the positions too; error texts stay with GET /admin/projections.
 */
const REBUILD_COUNTS = ['eventsDone', 'position', 'head', 'eventsPerSecond'] as const;

type WithoutCounts<R> = Omit<R, (typeof REBUILD_COUNTS)[number]>;

export type AnonymousProjectionHealth<L extends ProjectionLag> = Omit<
  L,
  'checkpoint' | 'head' | 'rebuild' | 'rebuilding'
> & {
  rebuild?: WithoutCounts<NonNullable<L['rebuild']>>;
  rebuilding?: WithoutCounts<NonNullable<L['rebuilding']>>;
};

function withoutCounts<R extends RebuildProgress>(progress: R): WithoutCounts<R> {
  const shown: Partial<R> = { ...progress };
  for (const count of REBUILD_COUNTS) delete shown[count];
  return shown as WithoutCounts<R>;
}

export function anonymousProjectionHealth<L extends ProjectionLag>(lag: L): AnonymousProjectionHealth<L> {
  const { checkpoint: _checkpoint, head: _head, rebuild, rebuilding, ...rest } = lag;
  return {
    ...rest,
    ...(rebuild === undefined ? {} : { rebuild: withoutCounts(rebuild) }),
    ...(rebuilding === undefined ? {} : { rebuilding: withoutCounts(rebuilding) }),
  };
}
