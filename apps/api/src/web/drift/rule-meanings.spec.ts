import { DEFAULT_DRIFT_CONFIG, DRIFT_RULE_IDS } from '@care-journey/projections';
import { ruleMeanings } from './rule-meanings';

describe('ruleMeanings', () => {
  it('gives every drift rule a sentence with the rule book thresholds', () => {
    const meanings = ruleMeanings(DEFAULT_DRIFT_CONFIG);
    expect([...meanings.keys()]).toEqual([...DRIFT_RULE_IDS]);
    expect(meanings.get('DR01')).toMatch(/20 working days/);
    expect(meanings.get('DR02')).toMatch(/3 months/);
    expect(meanings.get('DR03')).toMatch(/6 months/);
    expect(meanings.get('DR06')).toMatch(/121 days/);
    expect(meanings.get('DR07')).toMatch(/426 days/);
  });

  it('Given a configured local target, when described, then the sentence says the configured figure', () => {
    const meanings = ruleMeanings({ ...DEFAULT_DRIFT_CONFIG, DR07: { days: 365 } });
    expect(meanings.get('DR07')).toMatch(/365 days/);
  });
});
