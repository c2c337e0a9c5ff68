import { anonymousFeedContentHealth, feedContentHealth } from './feed-content-health';

const served = 'v2-4f1c2a9e0b7d3c55';

describe('feedContentHealth (GET /health/projections: served against configured feed content)', () => {
  it('Given the served read models were made with the configured content, Then no rebuild is due and no message', () => {
    expect(feedContentHealth(served, served)).toEqual({ served, configured: served, rebuildDue: false });
  });

  it('Given other thresholds configured since (same fold version, other digest), Then a rebuild is due, cause thresholds, and the message names the setting and the commands', () => {
    const health = feedContentHealth(served, 'v2-0123456789abcdef');
    expect(health).toMatchObject({
      served,
      configured: 'v2-0123456789abcdef',
      rebuildDue: true,
      cause: 'thresholds',
    });
    expect(health.message).toContain('CARE_JOURNEY_DRIFT_THRESHOLDS');
    expect(health.message).toContain('POST /admin/rebuild');
    expect(health.message).toContain("'care-journey rebuild'");
    expect(health.message).toContain('re-read from 0');
  });

  it('Given read models of another fold version, Then cause fold-version (an upgrade: rebuilt at start)', () => {
    const health = feedContentHealth('v1-4f1c2a9e0b7d3c55', served);
    expect(health).toMatchObject({ rebuildDue: true, cause: 'fold-version' });
    expect(health.message).toContain('rebuilds them at start');
  });

  it('Given read models made before content ids were stamped, Then cause unstamped', () => {
    expect(feedContentHealth('unknown', served)).toMatchObject({ rebuildDue: true, cause: 'unstamped' });
  });

  it('Given a caller without a token, Then the cause and message stay and the two ids are left out (the message names none)', () => {
    const due = feedContentHealth(served, 'v2-0123456789abcdef');
    const anonymous = anonymousFeedContentHealth(due);
    expect(anonymous).toEqual({ rebuildDue: true, cause: 'thresholds', message: due.message });
    expect(JSON.stringify(anonymous)).not.toMatch(/v\d+-[0-9a-f]{16}/);
  });
});
