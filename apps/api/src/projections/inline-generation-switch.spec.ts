import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { EventStore } from '@care-journey/event-store';
import { journeyStream } from '@care-journey/journey';
import { defaultReadModelFile, ProjectionEngine } from '@care-journey/projections';
import { eventually } from '../../../../libs/projections/src/testing/log-fixtures';
import type { ApiConfig } from '../config/api-config';
import { EVENT_STORE } from '../infrastructure/event-store.provider';
import { ReadYourWrites } from './read-your-writes';
import { projectionsApp } from './testing/projections-app';
import { registrationInCare } from './testing/registration-in-care';

describe('CARE_JOURNEY_PROJECTIONS=inline on an idle log', () => {
  let dir: string;
  let app: NestFastifyApplication;
  const saved = { ...process.env };
  afterEach(async () => {
    await app?.close();
    process.env = { ...saved };
    rmSync(dir, { recursive: true, force: true });
    jest.restoreAllMocks();
  });

  it('Given the API projecting inline, When another process (the CLI) rebuilds into a new generation, Then the API moves to it without waiting for an event', async () => {
    dir = mkdtempSync(join(tmpdir(), 'cj-inline-switch-'));
    delete process.env.CARE_JOURNEY_READMODEL_FILE;
    process.env.CARE_JOURNEY_PROJECTOR_HEARTBEAT_MS = '50';
    const file = join(dir, 'events.db');
    const config: ApiConfig = {
      port: 0,
      host: '127.0.0.1',
      jwtSecret: 'inline-switch-spec-secret-at-least-32-characters',
      usingDevJwtSecret: false,
      store: { kind: 'sqlite', file, synchronous: 'NORMAL' },
      projections: 'inline',
    };
    process.env.CARE_JOURNEY_PROJECTIONS = 'inline';
    const logged = jest.spyOn(Logger.prototype, 'log');
    app = await projectionsApp(config);
    const store: EventStore = app.get(EVENT_STORE);
    const { globalPosition } = await store.appendToStream(
      journeyStream('c1'),
      registrationInCare('c1', 'REF1'),
      {
        expectedRevision: 'no_stream',
      },
    );
    await app.get(ReadYourWrites).waitFor(globalPosition.toString());

    const cli = new ProjectionEngine(store, {
      file: defaultReadModelFile(file),
      mode: 'worker',
      batchSize: 100,
      rebuildThreads: 1,
    });
    expect((await cli.rebuildAndWait()).generation).toBe(2);
    await cli.close();

    // No event is appended: only the API's own look at the served generation can see the switch.
    const switched = 'the read models switched to generation 2 (was 1): resuming from its checkpoint';
    await eventually(() => logged.mock.calls.some(([message]) => message === switched), 5_000);
  });
});
