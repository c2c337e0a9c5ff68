/**
 * Web review #3 and #11: an allocation names one of the authority's teams and a social worker who
 * can sign in (API and form, 400 naming the field and rule, nothing recorded) — a new allocation, a
 * registration and an amendment of either alike; the forms offer them as choices and the allocation
 * form opens on the current allocation; the drift report's team filter ignores case and spacing; an
 * allocation stored under another name still folds and shows. A placement's Ofsted URN is an Ofsted
 * number or XXXXXXX. Real HTTP app, real SQLite file, demo users and default teams.
 */
import { randomUUID } from 'node:crypto';
import { journeyEnvelope, journeyStream } from '@care-journey/journey';
import { apiClient, type ApiClient } from './support/http-client';
import { moveBody, registerBody } from './support/journey-bodies';
import { eventCount, newChild } from './support/journey-setup';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';
import { inputsOf } from './support/form-inputs';
import { OUTCOME_DEADLINE_MS } from './support/poll';

type FieldErrors = { errors: { field: string; rule: string; message: string }[] };

describe('allocations name known teams and social workers; Ofsted URNs are checked', () => {
  let t: TestApp;
  let api: ApiClient;
  const worker = tokenFor('social_worker', 'sw.demo');
  const formUrl = (childId: string) => `/panel/children/${childId}/record/allocation`;
  /** The allocation form, once the read models hold the child (a 404 until then; bounded wait). */
  const page = async (childId: string) => {
    for (const deadline = Date.now() + OUTCOME_DEADLINE_MS; Date.now() < deadline;) {
      const response = await fetch(`${t.baseUrl}${formUrl(childId)}`, {
        headers: { authorization: `Bearer ${worker}` },
      });
      if (response.status !== 404) {
        expect(response.status).toBe(200);
        return response.text();
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('the read models never held the child');
  };
  const sendForm = (childId: string, fields: Record<string, string>) =>
    fetch(`${t.baseUrl}${formUrl(childId)}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { authorization: `Bearer ${worker}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });

  beforeAll(async () => {
    t = await startTestApp();
    api = apiClient(t.baseUrl);
  }, 60_000);
  afterAll(() => t?.close());

  /**
   * An allocation as an older version stored it, before names were checked: straight to the stream;
   * returns its id once the read models hold it (the forms open on them).
   */
  const storedAllocation = async (childId: string, team: string, socialWorker: string): Promise<string> => {
    const eventId = randomUUID();
    const { globalPosition } = await t.store.appendToStream(
      journeyStream(childId),
      [
        journeyEnvelope(
          { type: 'AllocationChanged', data: { childId, effectiveDate: '2023-02-20', team, socialWorker } },
          eventId,
          { now: '2023-02-20T12:00:00Z', recordedBy: 'alice' },
        ),
      ],
      { expectedRevision: 'any' },
    );
    const caughtUp = await api.get(`/children/${childId}/flags?minPosition=${globalPosition}`, {
      token: worker,
    });
    expect(caughtUp.status).toBe(200);
    return eventId;
  };

  it('Given a child allocated under a team not configured, When the allocation form opens, Then it offers the teams and workers and says what is recorded', async () => {
    const childId = await newChild(api);
    await storedAllocation(childId, 'North Leeds CiC', 'alice');
    const html = await page(childId);
    expect(html).toMatch(/<select class="govuk-select" id="team" name="team"/);
    expect(html).toContain('<option value="Children in Care North">Children in Care North</option>');
    expect(html).toContain('<option value="sw.demo">Sam Worker (demo) (sw.demo)</option>');
    expect(html).toContain('Recorded now: North Leeds CiC');
    // The stored allocation still folds and shows.
    const child = await api.get<{ allocation: unknown }>(`/children/${childId}`, { token: worker });
    expect(child.body.allocation).toMatchObject({ team: 'North Leeds CiC', socialWorker: 'alice' });
  });

  it('Given a registration naming a team and a social worker nobody configured, When it is sent, Then 400 names both fields and rules, and nothing is recorded (its reference stays free)', async () => {
    const body = registerBody({ childRef: 'ALLOC-R1', team: 'North Leeds CiC', socialWorker: 'alice' });
    const refused = await api.post<FieldErrors>('/children', body, { token: worker });
    expect(refused.status).toBe(400);
    expect(refused.body.errors.map((e) => [e.field, e.rule])).toEqual([
      ['team', 'knownTeam'],
      ['socialWorker', 'knownSocialWorker'],
    ]);
    expect(refused.body.errors[0].message).toContain('Children in Care North');
    // Nothing recorded, the 903 reference not reserved: the same child with known names registers.
    const recorded = await api.post<{ childId: string }>(
      '/children',
      { ...body, team: 'children in care  SOUTH', socialWorker: 'SW.Demo' },
      { token: worker },
    );
    expect(recorded.status).toBe(201);
    const child = await api.get<{ allocation: unknown }>(`/children/${recorded.body.childId}`, {
      token: worker,
    });
    expect(child.body.allocation).toMatchObject({ team: 'Children in Care South', socialWorker: 'sw.demo' });
  });

  it('Given the registration form sent with a team nobody configured, When it comes back, Then the error is on the team field naming the rule and nothing is recorded', async () => {
    const url = `${t.baseUrl}/panel/children/new`;
    const opened = await fetch(url, { headers: { authorization: `Bearer ${worker}` } });
    const answers = Object.fromEntries(
      Object.entries(registerBody({ childRef: 'ALLOC-W1', team: 'Children in Care East' })).map(
        ([name, value]) => [name, String(value)],
      ),
    );
    const head = await t.store.headPosition();
    const sent = await fetch(url, {
      method: 'POST',
      redirect: 'manual',
      headers: { authorization: `Bearer ${worker}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...inputsOf(await opened.text()), ...answers }).toString(),
    });
    expect(sent.status).toBe(400);
    const html = await sent.text();
    expect(html).toMatch(/id="team-error"[^]*one of the authority(&#39;|')s teams[^]*Children in Care East/);
    expect(await t.store.headPosition()).toBe(head);
  });

  it('Given a registration and an allocation, When either is amended to a team or social worker nobody configured, Then 400 names amendedData.<field> and the rule, and nothing is recorded', async () => {
    const registered = await api.post<{ childId: string; events: { id: string }[] }>(
      '/children',
      registerBody({ childRef: 'ALLOC-A1' }),
      { token: worker },
    );
    const childId = registered.body.childId;
    const allocated = await api.post<{ events: { id: string }[] }>(
      `/children/${childId}/allocation`,
      { effectiveDate: '2023-03-01', team: 'Children in Care South', socialWorker: 'sw.demo' },
      { token: worker },
    );
    expect(allocated.status).toBe(201);
    const before = await eventCount(api, childId);
    const amend = (correctedEventId: string, amendedData: Record<string, unknown>) =>
      api.post<FieldErrors>(
        `/children/${childId}/corrections/amend`,
        { correctedEventId, reason: 'keyed wrongly', amendedData },
        { token: worker },
      );
    const registration = await amend(registered.body.events[0].id, { team: 'Children in Care East' });
    expect(registration.status).toBe(400);
    expect(registration.body.errors.map((e) => [e.field, e.rule])).toEqual([
      ['amendedData.team', 'knownTeam'],
    ]);
    const allocation = await amend(allocated.body.events[0].id, { socialWorker: 'sw-999' });
    expect(allocation.status).toBe(400);
    expect(allocation.body.errors.map((e) => [e.field, e.rule])).toEqual([
      ['amendedData.socialWorker', 'knownSocialWorker'],
    ]);
    expect(await eventCount(api, childId)).toBe(before);
    // A known name, typed another way, is recorded as configured.
    const amended = await amend(allocated.body.events[0].id, { team: 'CHILDREN IN CARE fenland' });
    expect(amended.status).toBe(201);
    const child = await api.get<{ allocation: unknown }>(`/children/${childId}`, { token: worker });
    expect(child.body.allocation).toMatchObject({ team: 'Children in Care Fenland' });
  });

  it('Given an allocation stored under names no longer known, When its amend form opens and is sent with a forged team, Then the form offers the choices and the recorded names, and the error is on the team field with nothing recorded; the date alone is corrected', async () => {
    const childId = await newChild(api);
    const entry = await storedAllocation(childId, 'North Leeds CiC', 'alice');
    const amendUrl = `${t.baseUrl}/panel/children/${childId}/record/amend`;
    let html = '';
    for (const deadline = Date.now() + OUTCOME_DEADLINE_MS; !html && Date.now() < deadline;) {
      const response = await fetch(`${amendUrl}?entry=${entry}`, {
        headers: { authorization: `Bearer ${worker}` },
      });
      if (response.status === 200) html = await response.text();
      else await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(html).toMatch(/<select [^>]*name="amendedData.team"/);
    expect(html).toContain('<option value="Children in Care North">Children in Care North</option>');
    expect(html).toMatch(
      /<option value="North Leeds CiC" selected>North Leeds CiC \(as recorded: not one of the authority’s teams\)/,
    );
    expect(html).toMatch(
      /<option value="alice" selected>alice \(as recorded: not a social worker who can sign in\)/,
    );
    const before = await eventCount(api, childId);
    const send = (answers: Record<string, string>) =>
      fetch(amendUrl, {
        method: 'POST',
        redirect: 'manual',
        headers: { authorization: `Bearer ${worker}`, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          ...inputsOf(html),
          'amendedData.team': 'North Leeds CiC',
          'amendedData.socialWorker': 'alice',
          reason: 'keyed wrongly',
          ...answers,
        }).toString(),
      });
    const forged = await send({ 'amendedData.team': 'Children in Care East' });
    expect(forged.status).toBe(400);
    const refusedPage = await forged.text();
    expect(refusedPage).toMatch(/id="amendedData.team-error"[^]*Children in Care East/);
    expect(await eventCount(api, childId)).toBe(before);
    const dated = await send({ 'amendedData.effectiveDate': '2023-02-21' });
    expect(dated.status).toBe(303);
    expect(await eventCount(api, childId)).toBe(before + 1);
  });

  it('Given a team typed in another case and a user id in another case, When the API records the allocation, Then it is stored as configured, the form opens on it and the team filter finds it', async () => {
    const childId = await newChild(api);
    const recorded = await api.post<{ globalPosition: string }>(
      `/children/${childId}/allocation`,
      { effectiveDate: '2023-03-01', team: 'children in care  NORTH', socialWorker: 'SW.Demo' },
      { token: worker },
    );
    expect(recorded.status).toBe(201);
    const child = await api.get<{ allocation: unknown }>(`/children/${childId}`, { token: worker });
    expect(child.body.allocation).toMatchObject({ team: 'Children in Care North', socialWorker: 'sw.demo' });

    const report = await api.get<{ children: { childId: string }[] }>(
      `/drift-report?team=${encodeURIComponent('CHILDREN in care north')}&pageSize=500&minPosition=${recorded.body.globalPosition}`,
      { token: tokenFor('panel_member') },
    );
    expect(report.status).toBe(200);
    expect(report.body.children.map((c) => c.childId)).toContain(childId);
    // The users file's name beside the username (review s15-iro F6), not for a reporting job.
    const row = (report.body.children as { childId: string; socialWorkerName?: unknown }[]).find(
      (c) => c.childId === childId,
    );
    expect(row).toMatchObject({ socialWorker: 'sw.demo', socialWorkerName: 'Sam Worker (demo)' });
    const job = await api.get<{ children: Record<string, unknown>[] }>(
      `/drift-report?team=${encodeURIComponent('Children in Care North')}&pageSize=500`,
      { token: tokenFor('reporting_job') },
    );
    expect(job.body.children.find((c) => c.childId === childId)).not.toHaveProperty('socialWorkerName');

    // Once the read models hold it (the report above waited), the form opens on it.
    const html = await page(childId);
    expect(html).toContain('<option value="Children in Care North" selected>');
    expect(html).toContain('<option value="sw.demo" selected>');
  });

  it('Given a team and a social worker nobody configured, When the API is sent them, Then 400 names both fields and rules and nothing is recorded', async () => {
    const childId = await newChild(api);
    const before = await eventCount(api, childId);
    const refused = await api.post<FieldErrors>(
      `/children/${childId}/allocation`,
      { effectiveDate: '2023-03-01', team: 'Children in Care East', socialWorker: 'sw-999' },
      { token: worker },
    );
    expect(refused.status).toBe(400);
    expect(refused.body.errors.map((e) => [e.field, e.rule])).toEqual([
      ['team', 'knownTeam'],
      ['socialWorker', 'knownSocialWorker'],
    ]);
    expect(refused.body.errors[1].message).toContain('"sw-999"');
    expect(await eventCount(api, childId)).toBe(before);
  });

  it('Given the form sent with a social worker who is not a user, When it comes back, Then the error is on the social worker field and nothing is recorded', async () => {
    const childId = await newChild(api);
    const before = await eventCount(api, childId);
    const fields = {
      ...inputsOf(await page(childId)),
      effectiveDate: '2023-03-01',
      team: 'Children in Care North',
      socialWorker: 'sw-999',
    };
    const response = await sendForm(childId, fields);
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toMatch(/id="socialWorker-error"[^]*sw-999/);
    expect(html).toContain('<option value="Children in Care North" selected>');
    expect(await eventCount(api, childId)).toBe(before);
  });

  it('Given the registration form, When it opens, Then the allocated team and social worker are drop-downs of the same choices, the one signed in chosen', async () => {
    const response = await fetch(`${t.baseUrl}/panel/children/new`, {
      headers: { authorization: `Bearer ${worker}` },
    });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toMatch(/<select class="govuk-select" id="team" name="team"/);
    expect(html).toContain('<option value="Leaving Care 16+">Leaving Care 16+</option>');
    expect(html).toContain('<option value="sw.demo" selected>');
  });

  it('Given a placement change with Ofsted URN "abc", When it is sent, Then 400 on placement.urn and nothing is recorded; SC123456 is recorded', async () => {
    const childId = await newChild(api);
    const before = await eventCount(api, childId);
    const body = (urn: string) => {
      const move = moveBody('2023-03-01', 'U4', 'PR1', 'LS1 4AB');
      return { ...move, placement: { ...move.placement, urn } };
    };
    const refused = await api.post<FieldErrors>(`/children/${childId}/placement-changes`, body('abc'), {
      token: worker,
    });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([
      expect.objectContaining({
        field: 'placement.urn',
        rule: 'matches',
        message: expect.stringContaining('SC123456'),
      }),
    ]);
    expect(await eventCount(api, childId)).toBe(before);
    const recorded = await api.post(`/children/${childId}/placement-changes`, body('SC123456'), {
      token: worker,
    });
    expect(recorded.status).toBe(201);
  });
});
