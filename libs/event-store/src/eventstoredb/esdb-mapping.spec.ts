import {
  CancelledError,
  DeadlineExceededError,
  NO_STREAM,
  NotLeaderError,
  StreamDeletedError,
  StreamNotFoundError,
  TimeoutError,
  UnavailableError,
  WrongExpectedVersionError,
  type AllStreamResolvedEvent,
} from '@eventstore/db-client';
import { StoreUnavailable, StreamNotFound, WrongExpectedRevision } from '../errors';
import { fromResolved, mapEsdbError } from './esdb-mapping';

/** The gRPC failure a follower answers with, naming the leader (NotLeaderError is built from it). */
const notLeader = (): never =>
  Object.assign(new Error('not leader'), {
    code: 5,
    details: 'not leader',
    metadata: {
      getMap: () => ({ 'leader-endpoint-host': 'node-2', 'leader-endpoint-port': '2113' }),
    },
  }) as never;

describe('EventStoreDB errors as the port’s errors', () => {
  it.each<[string, unknown]>([
    ['UnavailableError (connection lost)', new UnavailableError(undefined, 'connection lost')],
    ['CancelledError (server shutting down, 24.4 on)', new CancelledError(undefined, 'shutting down')],
    ['DeadlineExceededError', new DeadlineExceededError(undefined, 'deadline')],
    ['TimeoutError', new TimeoutError(undefined, 'timeout')],
    ['NotLeaderError', new NotLeaderError(notLeader())],
  ])('%s → StoreUnavailable (the API answers 503), keeping the cause', (_label, error) => {
    const mapped = mapEsdbError(error, 'journey-c1');
    expect(mapped).toBeInstanceOf(StoreUnavailable);
    expect((mapped as StoreUnavailable).cause).toBe(error);
  });

  it.each<[string, unknown]>([
    ['StreamNotFoundError', new StreamNotFoundError(undefined, 'journey-c1')],
    ['StreamDeletedError', StreamDeletedError.fromStreamName('journey-c1')],
  ])('%s → StreamNotFound naming the stream', (_label, error) => {
    expect(mapEsdbError(error, 'journey-c1')).toEqual(new StreamNotFound('journey-c1'));
  });

  it('WrongExpectedVersionError → WrongExpectedRevision with what the caller expected and the actual revision', () => {
    const error = new WrongExpectedVersionError(undefined, {
      streamName: 'journey-c1',
      expected: NO_STREAM,
      current: 3n,
    });
    const mapped = mapEsdbError(error, 'journey-c1', 'no_stream');
    expect(mapped).toBeInstanceOf(WrongExpectedRevision);
    expect(mapped).toMatchObject({ stream: 'journey-c1', expected: 'no_stream', actual: 3n });
  });

  it('passes anything else through unchanged', () => {
    const error = new Error('a bug');
    expect(mapEsdbError(error, 'journey-c1')).toBe(error);
  });
});

describe('EventStoreDB events without a global position (servers before 22.6)', () => {
  it('refuses them as StoreUnavailable rather than giving a made-up position', () => {
    const resolved = {
      event: {
        streamId: 'journey-c1',
        id: 'e1',
        type: 'ChildRegistered',
        revision: 0n,
        isJson: true,
        data: {},
        metadata: {},
        created: new Date(),
      },
    } as unknown as AllStreamResolvedEvent;
    expect(() => fromResolved(resolved)).toThrow(StoreUnavailable);
    expect(() => fromResolved(resolved)).toThrow(/too old.*23\.10/);
  });

  it('refuses Position.End (2^64 - 1), what such a server sends in place of a position, the same way', () => {
    const resolved = {
      event: {
        streamId: 'journey-c1',
        id: 'e1',
        type: 'ChildRegistered',
        revision: 0n,
        isJson: true,
        data: {},
        metadata: {},
        created: new Date(),
        position: { commit: 18446744073709551615n, prepare: 18446744073709551615n },
      },
    } as unknown as AllStreamResolvedEvent;
    expect(() => fromResolved(resolved)).toThrow(StoreUnavailable);
  });
});
