import { placementTypeOn } from './placement-choice';

describe('placementTypeOn: the code a drawn placement is recorded with on its date', () => {
  it.each([
    ['H5', '2025-03-30', 'H5'],
    // Begun on 31 March it could not be re-recorded before 1 April (one episode a day): K3 at once.
    ['H5', '2025-03-31', 'K3'],
    ['H5', '2025-04-01', 'K3'],
    ['P2', '2023-10-27', 'P2'],
    ['P2', '2023-10-28', 'H5'],
    ['P2', '2025-03-31', 'K3'],
    ['U4', '2025-03-31', 'U4'],
  ])('%s on %s → %s', (type, date, recorded) => expect(placementTypeOn(type, date)).toBe(recorded));
});
