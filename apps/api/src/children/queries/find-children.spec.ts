import { journey } from '../../../../../libs/projections/src/testing/journey-builder';
import { findChildren, matches } from './find-children';

const summaries = [
  journey('c1')
    .registered('2020-01-01', { name: 'Sam Taylor', team: 'North', socialWorker: 'alice' })
    .startCare('2024-01-01'),
  journey('c2').registered('2019-01-01', { name: "Amelia O'Neil-Smith" }),
  journey('c3')
    .registered('2018-01-01', { name: 'Samira Jones' })
    .startCare('2023-01-01')
    .endCare('2024-01-01'),
].map((b) => b.summary());

describe('finding a child by name or 903 reference', () => {
  it('Given a name typed in part, When searched, Then each word typed must start a word of the name, in any case', () => {
    expect(matches(summaries[0], 'sam tay')).toBe(true);
    expect(matches(summaries[0], 'TAYLOR')).toBe(true);
    expect(matches(summaries[0], 'am')).toBe(false);
    expect(matches(summaries[0], 'sam jones')).toBe(false);
  });

  it('Given punctuation in a name, When searched without it, Then it is found', () => {
    expect(matches(summaries[1], 'oneil')).toBe(true);
    expect(matches(summaries[1], 'amelia smith')).toBe(true);
  });

  it('Given a reference typed in another case, When searched, Then the child with it comes first', () => {
    expect(findChildren(summaries, 'ref-c3', '2025-03-31').map((c) => c.childId)).toEqual(['c3']);
    // "sam" starts two names; a reference match would lead.
    expect(findChildren(summaries, 'sam', '2025-03-31').map((c) => c.name)).toEqual([
      'Sam Taylor',
      'Samira Jones',
    ]);
  });

  it('Given no search, When listed, Then every child is there by name, with who holds the case and whether they are looked after today', () => {
    const all = findChildren(summaries, '', '2025-03-31');
    expect(all.map((c) => c.childId)).toEqual(['c2', 'c1', 'c3']);
    expect(all[1]).toMatchObject({
      childRef: 'REF-c1',
      lookedAfterSince: '2024-01-01',
      team: 'North',
      socialWorker: 'alice',
      dateOfBirth: '2015-06-01',
    });
    // Left care in 2024: not looked after today.
    expect(all[2].lookedAfterSince).toBeUndefined();
  });

  it('Given names in Persian and Devanagari, When searched in their script, with or without the ZWNJ, Then only they are found', () => {
    const named = [
      journey('p1').registered('2018-01-01', { name: 'علی\u200cرضا مهدی\u200cزاده' }),
      journey('d1').registered('2018-01-01', { name: 'विद्\u200dया शर्मा' }),
      ...summaries.map((s) => journey(s.childId).registered('2018-01-01', { name: s.name })),
    ].map((b) => b.summary());
    const found = (text: string) => findChildren(named, text, '2025-03-31').map((c) => c.childId);
    for (const typed of ['علی', 'علی\u200cرضا', 'علیرضا', 'علی رضا', 'رضا', 'مهدی', 'مهدیزاده'])
      expect({ typed, found: found(typed) }).toEqual({ typed, found: ['p1'] });
    for (const typed of ['विद्\u200dया', 'विद्या', 'शर्मा'])
      expect({ typed, found: found(typed) }).toEqual({ typed, found: ['d1'] });
    // Not every child: a search in another script no longer folds to nothing.
    expect(found('محمد')).toEqual([]);
  });

  it('Given a search that matches nobody, When searched, Then the list is empty', () => {
    expect(findChildren(summaries, 'zz', '2025-03-31')).toEqual([]);
  });
});
