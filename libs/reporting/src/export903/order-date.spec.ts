/** DATE_PERM both ways: the journey's order date as known and the 903's ZZ for an unknown part. */
import { orderDateFromDmy, orderDateToDmy } from './format';

describe('DATE_PERM', () => {
  it('writes an unknown day or month as ZZ', () => {
    expect(orderDateToDmy('2016-05-09')).toBe('09/05/2016');
    expect(orderDateToDmy('2016-05')).toBe('ZZ/05/2016');
    expect(orderDateToDmy('2016')).toBe('ZZ/ZZ/2016');
    expect(orderDateToDmy(undefined)).toBe('');
  });

  it('never copies a stored value that is not a date into the return', () => {
    for (const stored of ['garbage!!', '2016-02-30', '2016-13']) expect(orderDateToDmy(stored)).toBe('');
  });

  it('reads back what it writes, and ZZ in any case', () => {
    for (const asKnown of ['2016-05-09', '2016-05', '2016'])
      expect(orderDateFromDmy(orderDateToDmy(asKnown))).toBe(asKnown);
    expect(orderDateFromDmy('zz/05/2016')).toBe('2016-05');
    expect(orderDateFromDmy('05/ZZ/2016')).toBe('2016');
    expect(orderDateFromDmy('ZZ/ZZ/ZZZZ')).toBe('');
  });

  it('refuses what is not a DATE_PERM', () => {
    for (const text of ['30/02/2016', '2016-05-09', 'garbage', '1/5/2016'])
      expect(orderDateFromDmy(text)).toBeUndefined();
  });
});
