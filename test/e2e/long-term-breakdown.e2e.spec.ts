/**
 * Review s16-ofsted F1 over HTTP, on a real SQLite file: a long-term fostering plan whose long-term
 * placement broke down (C100055's shape) is flagged again by DR11, due the route's 6 months after the
 * move out, resting on the plan and the move; and time to permanence no longer counts the broken match.
 */
import { childRecorder, placement } from './support/child-recorder';
import { useTestApi } from './support/test-app';
import { tokenFor } from './support/tokens';

interface Flag {
  ruleId: string;
  dueDate: string;
  daysOverdue: number;
  evidence: string[];
}

describe('DR11 after a long-term fostering placement breaks down, over HTTP', () => {
  const api = useTestApi();
  const worker = { token: tokenFor('social_worker', 'alice') };
  const panel = { token: tokenFor('panel_member') };

  const children = childRecorder(() => api, worker);
  const record = children.record;

  it('Given a long-term match on 4 Jan 2024 and a move to U6 with another carer on 14 Aug 2025, When the flags are read on 20 Feb 2026, Then DR11 is open, due 14 Feb 2026, on the plan and the move', async () => {
    const childId = await children.register({
      childRef: 'LTF-BREAK',
      effectiveDate: '2023-06-01',
      dateOfBirth: '2012-02-02',
    });
    await children.startCare(childId, '2023-06-01', placement('U6', 'PR1'));
    const plan = await record(childId, 'permanence-plan', {
      effectiveDate: '2023-12-07',
      route: 'long_term_fostering',
    });
    await record(childId, 'placement-changes', {
      effectiveDate: '2024-01-04',
      placement: placement('U1', 'PR2'),
      reasonForChange: 'CARPL',
      sameCarer: false,
    });
    const moveOut = await record(childId, 'placement-changes', {
      effectiveDate: '2025-08-14',
      placement: placement('U6', 'PR3'),
      reasonForChange: 'CREQO',
      sameCarer: false,
    });

    const flags = await api.get<{ flags: Flag[] }>(
      `/children/${childId}/flags?asAt=2026-02-20&minPosition=${children.position}`,
      panel,
    );
    expect(flags.status).toBe(200);
    expect(flags.body.flags.filter((flag) => flag.ruleId === 'DR11')).toEqual([
      expect.objectContaining({ dueDate: '2026-02-14', daysOverdue: 6, evidence: [plan, moveOut] }),
    ]);

    const permanence = await api.get<{ rows: { childRef?: string; milestone: string }[] }>(
      `/permanence?from=2023-04-01&to=2026-03-31&minPosition=${children.position}`,
      panel,
    );
    expect(permanence.status).toBe(200);
    expect(permanence.body.rows.filter((row) => row.childRef === 'LTF-BREAK')).toEqual([]);
  });
});
