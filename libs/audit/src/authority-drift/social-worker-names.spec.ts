import { DEFAULT_DRIFT_CONFIG, driftReport } from '@care-journey/projections';
import { journey } from '../../../projections/src/testing/journey-builder';
import { withSocialWorkerName } from './social-worker-names';

describe("a drift row's social worker name (the live report and the report as known, review s15-iro F6)", () => {
  const rowOf = (socialWorker: string) =>
    driftReport(
      [journey('a').registered('2015-01-01', { socialWorker }).startCare('2025-06-02').summary()],
      '2025-07-05',
      DEFAULT_DRIFT_CONFIG,
    ).children[0];
  const nameOf = (username: string) => (username === 'sw.demo' ? 'Sam Worker (demo)' : undefined);

  it("Given a row allocated to a user the users file names, Then socialWorkerName is that name and the row's other fields are unchanged", () => {
    const row = rowOf('sw.demo');
    expect(withSocialWorkerName(row, nameOf)).toEqual({ ...row, socialWorkerName: 'Sam Worker (demo)' });
  });

  it('Given a username the file does not have, or no worker allocated, Then socialWorkerName is null', () => {
    expect(withSocialWorkerName(rowOf('sw-009'), nameOf).socialWorkerName).toBeNull();
    const { socialWorker: _none, ...unallocated } = rowOf('sw.demo');
    expect(withSocialWorkerName(unallocated, nameOf).socialWorkerName).toBeNull();
  });
});
