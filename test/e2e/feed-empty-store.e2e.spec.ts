/**
 * Review s14 F4 over real HTTP: a job deployed before the first child is recorded. The checkpoint an
 * empty store hands out (/feed and /events) must be one `after` takes back: "0", the start.
 */
import { useTestApi } from './support/test-app';
import { tokenFor } from './support/tokens';

describe('an empty store: the checkpoint handed out can be passed back (real HTTP app on a SQLite file)', () => {
  const api = useTestApi();
  const job = tokenFor('reporting_job');

  it.each(['/feed', '/events'])(
    'Given no event recorded, When a job reads %s and passes the checkpoint back as after, Then both reads succeed with checkpoint "0"',
    async (path) => {
      const first = await api.get<string>(path, { token: job });
      expect(first.status).toBe(200);
      const checkpoint = first.headers.get('x-next-checkpoint');
      expect(checkpoint).toBe('0');
      // One line only: the client hands it back parsed.
      const last: unknown = typeof first.body === 'string' ? JSON.parse(first.body.trim()) : first.body;
      expect(last).toMatchObject({ checkpoint: '0' });
      const second = await api.get<string>(`${path}?after=${String(checkpoint)}`, { token: job });
      expect({ status: second.status, checkpoint: second.headers.get('x-next-checkpoint') }).toEqual({
        status: 200,
        checkpoint: '0',
      });
    },
  );
});
