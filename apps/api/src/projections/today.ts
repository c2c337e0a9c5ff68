import { dateInEngland } from '@care-journey/journey';

/** Today's calendar date in England: "as at today" must not flip at midnight UTC in summer. */
export const todayInEngland = (now: Date = new Date()): string => dateInEngland(now.toISOString());
