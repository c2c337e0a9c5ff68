import { driftConfig, DEFAULT_DRIFT_CONFIG, type DriftConfig } from '@care-journey/projections';
import { journey } from '../../../../../libs/projections/src/testing/journey-builder';
import { driftPageFor } from './testing/drift-page-for';
import { ruleMeanings, rulesNotChecked } from './rule-meanings';

const TODAY = '2025-07-05';
const summaries = [journey('a').registered('2015-01-01').startCare('2025-06-02').summary()];

const pageWith = (config: DriftConfig): string =>
  driftPageFor({
    summaries,
    today: TODAY,
    config,
    model: { ruleMeanings: ruleMeanings(config), notChecked: rulesNotChecked(config) },
  });

const notChecked = (page: string): string =>
  (/<p class="govuk-body" id="not-checked">([^]*?)<\/p>/.exec(page)?.[1] ?? '').replace(/<[^>]+>/g, '');

describe('the drift report says which rules do not run (review s16-ofsted F6)', () => {
  it('Given the default settings (DR14 off until the authority sets recordedFrom), When the report is shown, Then under the headline it says DR14 is not checked', () => {
    expect(notChecked(pageWith(DEFAULT_DRIFT_CONFIG))).toBe(
      'Not checked: DR14 Statutory visit due (not yet switched on: the authority has not set the day it starts recording visits). No flag for these is not a sign of compliance.',
    );
  });

  it('Given DR14 switched on, When the report is shown, Then nothing is said', () => {
    const page = pageWith(driftConfig({ DR14: { recordedFrom: '2025-01-01' } }));
    expect(page).not.toContain('id="not-checked"');
  });

  it('Given no DR11 route with a limit, When the rules not checked are listed, Then DR11 is among them', () => {
    const config = driftConfig({
      DR11: {
        months: {
          return_home: null,
          special_guardianship: null,
          long_term_fostering: null,
          adoption: null,
          child_arrangements_order: null,
        },
      },
    });
    expect(rulesNotChecked(config).map((r) => r.ruleId)).toEqual(['DR14', 'DR11']);
  });
});
