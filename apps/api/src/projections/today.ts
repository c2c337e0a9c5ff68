/** Today's calendar date in England: "as at today" must not flip at midnight UTC in summer. */
export const todayInEngland = (now: Date = new Date()): string =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
