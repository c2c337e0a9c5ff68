import { todayInEngland } from '../../../apps/api/src/projections/today';

/**
 * Runs `work` with today's date in England, as the API judges "today", and returns its result;
 * if the date changed while it ran (the spec's "today" and the API's on two sides of midnight:
 * the CI may run at 23:59), runs it once more on the new day, which cannot change again for a day.
 * Only for work that reads: a write would be made twice.
 */
export async function onOneDay<T>(work: (today: string) => Promise<T>): Promise<T> {
  const day = todayInEngland();
  try {
    const result = await work(day);
    if (todayInEngland() === day) return result;
  } catch (error) {
    if (todayInEngland() === day) throw error;
  }
  return work(todayInEngland());
}

/**
 * The day something was recorded, from the days in England before and after it was: one of them
 * (both the same but across a midnight). An asymmetric matcher, for toEqual and toMatchObject.
 */
export const recordedOnDayBetween = (before: string, after: string): string =>
  before === after ? before : expect.stringMatching(new RegExp(`^(${before}|${after})$`));
