import type { ProjectionLag, ProjectorFailure, RebuildProgress } from '@care-journey/projections';

/**
 * What the health probes show a caller without a token (review D13). Log positions and event
 * counts move with every record written and every read the trail records, so an outsider polling
 * them would see when case records are read or written. A load balancer needs none of them: it
 * gets ok/ready, the lag, the projector's state (a stuck one's attempts, since when, the event's type),
 * and a rebuild's state and progress in percent.
 * A signed-in caller (any role) gets the positions too; error texts stay with GET /admin/projections.
 */
const REBUILD_COUNTS = ['eventsDone', 'position', 'head', 'eventsPerSecond'] as const;

type WithoutCounts<R> = Omit<R, (typeof REBUILD_COUNTS)[number]>;

export type AnonymousProjectionHealth<L extends ProjectionLag> = Omit<
  L,
  'checkpoint' | 'head' | 'rebuild' | 'rebuilding' | 'failure'
> & {
  rebuild?: WithoutCounts<NonNullable<L['rebuild']>>;
  rebuilding?: WithoutCounts<NonNullable<L['rebuilding']>>;
  failure?: AnonymousFailure;
};

/**
 * A stuck projector, to a caller without a token: how long and how often, and the event's type and
 * the error's name; the event's id, stream (it names the child) and position need a token.
 */
export type AnonymousFailure = Omit<ProjectorFailure, 'event' | 'error'> & {
  event?: Pick<NonNullable<ProjectorFailure['event']>, 'type'>;
  error: Pick<ProjectorFailure['error'], 'name' | 'kind'>;
};

function anonymousFailure({ event, error, ...failure }: ProjectorFailure): AnonymousFailure {
  // The kind (storage or not) carries no case data and tells a monitor whom to call.
  const shownError = { name: error.name, ...(error.kind !== undefined && { kind: error.kind }) };
  return { ...failure, ...(event && { event: { type: event.type } }), error: shownError };
}

function withoutCounts<R extends RebuildProgress>(progress: R): WithoutCounts<R> {
  const shown: Partial<R> = { ...progress };
  for (const count of REBUILD_COUNTS) delete shown[count];
  return shown as WithoutCounts<R>;
}

export function anonymousProjectionHealth<L extends ProjectionLag>(lag: L): AnonymousProjectionHealth<L> {
  const { checkpoint: _checkpoint, head: _head, rebuild, rebuilding, failure, ...rest } = lag;
  return {
    ...rest,
    ...(failure === undefined ? {} : { failure: anonymousFailure(failure) }),
    ...(rebuild === undefined ? {} : { rebuild: withoutCounts(rebuild) }),
    ...(rebuilding === undefined ? {} : { rebuilding: withoutCounts(rebuilding) }),
  };
}
