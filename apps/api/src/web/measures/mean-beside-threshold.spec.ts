import { DEFAULT_AUTHORITY_CONFIG } from '@care-journey/projections';
import { addDays } from '@care-journey/journey';
import { scorecard, timeToPermanence } from '@care-journey/projections';
import { journey } from '../../../../../libs/projections/src/testing/journey-builder';
import { indicatorChildren } from './indicator-children';
import { pageOfList } from '../html/pagination';
import { indicatorChildrenPage, indicatorFigure } from './indicator-children.page';
import { parseIndicatorQuery } from './indicator-children.query';
import { measuresData, parseMeasuresQuery } from './measures-data';
import { measuresPage } from './measures.page';

/**
 * RV8Q0–Q2: three children adopted in the three years to 31 March 2021 who moved in with their
 * adopters 426, 426 and 427 days after entering care. A1 = 1,279 / 3 = 426.3 days, above the
 * 426-day threshold: the page must not show it as "426".
 */
const adoptedAfter = (id: string, days: number) =>
  journey(id)
    .registered('2018-06-01')
    .startCare('2019-01-01')
    .placedForAdoption(addDays('2019-01-01', days))
    .adopted('2020-10-01')
    .summary();
const summaries = [adoptedAfter('Q0', 426), adoptedAfter('Q1', 426), adoptedAfter('Q2', 427)];

const text = (markup: string): string =>
  markup
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

describe('a mean of days beside its threshold, on the panel measures pages', () => {
  it('Given A1 of 426.3 days against 426, When the measures page is shown, Then the scorecard row reads 426.3, above the threshold', () => {
    expect(scorecard(summaries, '2021-03-31').A1).toMatchObject({
      meanDays: 426.3,
      thresholdDays: 426,
      meetsThreshold: false,
    });
    const query = parseMeasuresQuery({ yearEnding: '2021-03-31', years: '1' }, '2026-11-27');
    const markup = measuresPage({
      user: { id: 'p', name: 'Panel', role: 'panel_member' },
      csrfToken: 't',
      query,
      data: measuresData(summaries, query, DEFAULT_AUTHORITY_CONFIG.scorecard),
      series: { rows: [], targets: [] },
    }).toString();
    const table = /<table class="govuk-table" id="scorecard-table">[\s\S]*?<\/table>/.exec(markup)?.[0] ?? '';
    const row = text(/<tbody[\s\S]*?<\/tbody>/.exec(table)?.[0] ?? '');
    expect(row).toContain('426.3 (1,279 days / 3 children) : the children behind A1');
    expect(row).toMatch(/426\.3 \(1,279 days \/ 3 children\).* 426 Above threshold/);
    expect(row).not.toContain('426 (1,279 days');
  });

  it('Given the same A1, When its children are shown, Then the figure and the mean beside the threshold read 426.3 days', () => {
    const a1 = indicatorChildren(summaries, 'A1', '2021-03-31', DEFAULT_AUTHORITY_CONFIG.scorecard);
    expect(indicatorFigure(a1)).toBe('426.3 days mean (1,279 days / 3 children)');
    const markup = indicatorChildrenPage({
      user: { id: 'p', name: 'Panel', role: 'panel_member' },
      csrfToken: 't',
      query: parseIndicatorQuery({ yearEnding: '2021-03-31' }, '2026-11-27'),
      indicator: a1,
      list: pageOfList(a1.children, 1, 50),
      showNames: false,
      childrenOutsideYourTeams: 0,
    }).toString();
    const figures = text(/<div id="indicator-figures">[\s\S]*?<\/dl>/.exec(markup)?.[0] ?? '');
    expect(figures).toContain('Mean 426.3 days Threshold 426 days: Above threshold');
  });

  it('Given the same children, When the measures page shows time to permanence, Then its mean and median read to one decimal place, as the scorecard does', () => {
    const permanence = timeToPermanence(summaries, '2018-04-01', '2021-03-31');
    expect(permanence.byMilestone.find((m) => m.milestone === 'adoption_move_in')).toMatchObject({
      children: 3,
      meanDays: 426.3,
      medianDays: 426,
    });
    const query = parseMeasuresQuery({ yearEnding: '2021-03-31', years: '1' }, '2026-11-27');
    const markup = measuresPage({
      user: { id: 'p', name: 'Panel', role: 'panel_member' },
      csrfToken: 't',
      query,
      data: measuresData(summaries, query, DEFAULT_AUTHORITY_CONFIG.scorecard),
      series: { rows: [], targets: [] },
    }).toString();
    const table = text(
      /<table class="govuk-table" id="permanence-table">[\s\S]*?<\/table>/.exec(markup)?.[0] ?? '',
    );
    expect(table).toContain('adoption move in 3 426.3 426.0');
    expect(table).toContain('adoption order 3 639.0 639.0');
  });

  it('Given a whole mean, Then it still shows one decimal place, as the API gives it', () => {
    const whole = [adoptedAfter('W0', 400), adoptedAfter('W1', 402)];
    expect(
      indicatorFigure(indicatorChildren(whole, 'A1', '2021-03-31', DEFAULT_AUTHORITY_CONFIG.scorecard)),
    ).toBe('401.0 days mean (802 days / 2 children)');
  });
});
