import { journey } from '../../../../../libs/projections/src/testing/journey-builder';
import { summaryFromStream } from '@care-journey/projections';
import { possibleDuplicates } from './possible-duplicates';

const child = (id: string, name: string, dateOfBirth: string) => {
  const b = journey(id).registered('2024-01-01', { name, dateOfBirth });
  return summaryFromStream(b.childId, b.events);
};

describe('possibleDuplicates (frontline review F12)', () => {
  const known = [
    child('cjw001', 'Leo Weekday', '2021-05-10'),
    child('cjw002', 'Léo  WEEKDAY-Smith', '2021-05-10'),
    child('cjw003', 'Leo Weekday', '2021-05-11'),
    child('cjw004', 'Ava Jones', '2021-05-10'),
  ];
  const refs = (name: string, dateOfBirth = '2021-05-10') =>
    possibleDuplicates(known, { name, dateOfBirth }, '2026-11-28').map((d) => d.childRef);

  it('Given a child with the same birth date and name, When another is registered, Then it is a possible duplicate', () =>
    expect(refs('leo weekday')).toEqual(['REF-cjw001', 'REF-cjw002']));
  it('finds the same first name with another family name, and the same family name with another first name', () => {
    expect(refs('Leo Brown')).toEqual(['REF-cjw001', 'REF-cjw002']);
    expect(refs('Ava Weekday')).toEqual(['REF-cjw001', 'REF-cjw004']);
  });
  it('never finds a child born on another day, nor another name on the same day', () => {
    expect(refs('Leo Weekday', '2021-05-12')).toEqual([]);
    expect(refs('Sam Taylor')).toEqual([]);
    expect(refs('  ')).toEqual([]);
  });
});
