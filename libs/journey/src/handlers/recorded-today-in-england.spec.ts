/**
 * "Not after the day it is recorded" means the day in England: from 00:00 to 01:00 BST the UTC
 * date is still yesterday, and an entry dated today must not be refused as in the future.
 */
import type { RecordReview, RegisterChild } from '../commands';
import { given } from '../testing/decider-specification';
import { CHILD, inCare, meta, registered, reviewHeld } from '../testing/fixtures';

const register = (date: string, now: string): RegisterChild => ({
  ...(registered.data as RegisterChild),
  type: 'RegisterChild',
  effectiveDate: date,
  dateOfBirth: date,
  ...meta(now),
});

const review = (date: string, now: string): RecordReview => ({
  type: 'RecordReview',
  childId: CHILD,
  effectiveDate: date,
  participation: 'PN1',
  ...meta(now),
});

const bornOn = (date: string) => [
  { type: 'ChildRegistered', data: { ...registered.data, dateOfBirth: date, effectiveDate: date } } as never,
];

describe('the recording day is the date in England', () => {
  describe('in summer (BST)', () => {
    it('given 23:30 UTC on 1 July (00:30 BST on 2 July), when a birth on 2 July is registered, then it is accepted', () =>
      given([])
        .when(register('2026-07-02', '2026-07-01T23:30:00Z'))
        .then([bornOn('2026-07-02')[0]]));
    it('given 22:30 UTC on 1 July (23:30 BST), when 2 July is recorded, then it is in the future', () =>
      given([])
        .when(register('2026-07-02', '2026-07-01T22:30:00Z'))
        .thenThrows('date-in-future', 'dateOfBirth'));
    it('given 23:30 UTC, when a review dated the English today is recorded, then it is accepted', () =>
      given(inCare)
        .when(review('2026-07-02', '2026-07-01T23:30:00Z'))
        .then([reviewHeld('2026-07-02')]));
  });

  describe('when the clocks go forward (Sunday 29 March 2026)', () => {
    it('given 23:30 UTC on the 28th (still GMT), when the 29th is recorded, then it is in the future', () =>
      given(inCare)
        .when(review('2026-03-29', '2026-03-28T23:30:00Z'))
        .thenThrows('date-in-future', 'effectiveDate'));
    it('given 23:30 UTC on the 29th (00:30 BST on the 30th), when the 30th is recorded, then it is accepted', () =>
      given(inCare)
        .when(review('2026-03-30', '2026-03-29T23:30:00Z'))
        .then([reviewHeld('2026-03-30')]));
  });

  describe('when the clocks go back (Sunday 25 October 2026)', () => {
    it('given 23:30 UTC on the 24th (00:30 BST on the 25th), when the 25th is recorded, then it is accepted', () =>
      given(inCare)
        .when(review('2026-10-25', '2026-10-24T23:30:00Z'))
        .then([reviewHeld('2026-10-25')]));
    it('given 23:30 UTC on the 25th (now GMT), when the 26th is recorded, then it is in the future', () =>
      given(inCare)
        .when(review('2026-10-26', '2026-10-25T23:30:00Z'))
        .thenThrows('date-in-future', 'effectiveDate'));
  });
});
