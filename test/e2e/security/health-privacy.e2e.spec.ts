import { apiClient, type ApiClient } from '../support/http-client';
import { newChild } from '../support/journey-setup';
import { startTestApp, type TestApp } from '../support/test-app';
import { badTokens, tokenFor } from '../support/tokens';

/**
 * Review D13: the public health probes must not let an outsider see when case records are read or
 * written. Without a token they answer with no log position or event count (still ready/lag for
 * load balancers); a caller with a valid token sees the positions.
 */
describe('public health probes show no log positions to anonymous callers', () => {
  let t: TestApp;
  let api: ApiClient;
  const auditor = { token: tokenFor('auditor', 'ann') };

  beforeAll(async () => {
    t = await startTestApp();
    api = apiClient(t.baseUrl);
  });
  afterAll(async () => t.close());

  const caughtUp = async (): Promise<void> => {
    for (let i = 0; i < 200; i++) {
      if ((await api.get<{ lag: string }>('/health/projections')).body.lag === '0') return;
      await new Promise((done) => setTimeout(done, 25));
    }
    throw new Error('read models did not catch up');
  };

  it('Given a case history read (recorded in the trail), Then the anonymous answers are the same before and after', async () => {
    const childId = await newChild(api);
    await caughtUp();
    const readyBefore = await api.get('/health/ready');
    const projectionsBefore = await api.get('/health/projections');

    const read = await api.get(`/children/${childId}/history?reason=review`, auditor);
    expect(read.status).toBe(200);
    await caughtUp();

    const readyAfter = await api.get('/health/ready');
    expect(readyAfter.status).toBe(200);
    expect(readyAfter.body).toEqual({ status: 'ready' });
    expect(readyAfter.body).toEqual(readyBefore.body);

    const projectionsAfter = await api.get('/health/projections');
    expect(projectionsAfter.status).toBe(200);
    expect(projectionsAfter.body).toMatchObject({ lag: '0', projector: 'running' });
    for (const field of ['checkpoint', 'head']) expect(projectionsAfter.body).not.toHaveProperty(field);
    expect(projectionsAfter.body).toEqual(projectionsBefore.body);
  });

  it('Given a valid token, Then the probes show the head and checkpoint', async () => {
    const head = String(await t.store.headPosition());
    await caughtUp();
    expect((await api.get('/health/ready', auditor)).body).toEqual({ status: 'ready', headPosition: head });
    expect((await api.get('/health/projections', auditor)).body).toMatchObject({ head, checkpoint: head });
  });

  it('Given a bad token, Then the probes answer as to anyone, not 401', async () => {
    const expired = { token: badTokens.expired() };
    const ready = await api.get('/health/ready', expired);
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ready' });
    const projections = await api.get('/health/projections', expired);
    expect(projections.status).toBe(200);
    expect(projections.body).not.toHaveProperty('head');
  });
});
