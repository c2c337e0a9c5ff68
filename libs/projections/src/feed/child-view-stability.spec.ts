import { stability } from '../measures/stability';
import { DEFAULT_DRIFT_CONFIG } from '../rules/drift-config';
import { journey } from '../testing/journey-builder';
import { childView } from './child-view';

describe("the feed's stability: DR05's window, as ST1's", () => {
  it('Given carer 1 from 15 Jan 2024 and new carers on 1 Apr and 1 Oct 2024, When the view is taken as at 31 March 2025, Then it counts 2 placements, as ST1 does', () => {
    const s = journey('c')
      .registered('2015-01-01')
      .startCare('2024-01-15')
      .move('2024-04-01')
      .move('2024-10-01')
      .summary();
    expect(stability([s], '2025-03-31')[0].children[0].placements).toBe(2);
    expect(childView(s, '2025-03-31', DEFAULT_DRIFT_CONFIG).stability).toEqual({
      placements: 2,
      threshold: 3,
      months: 12,
      unstable: false,
    });
    expect(childView(s, '2025-03-30', DEFAULT_DRIFT_CONFIG).stability).toMatchObject({
      placements: 3,
      unstable: true,
    });
  });
});
