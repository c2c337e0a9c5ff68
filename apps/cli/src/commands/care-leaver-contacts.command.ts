import { userInfo } from 'node:os';
import { listReadEntries, recordCaseHistoryRead } from '@care-journey/audit';
import { dateInEngland, isValidCalendarDate } from '@care-journey/journey';
import {
  careLeaverContactsDueOn,
  contactsDueCsv,
  missedListedFrom,
  readChildren,
} from '@care-journey/reporting';
import { Command, InvalidArgumentError } from 'commander';
import { openExistingStore } from '../support/open-existing-store';
import { operatorIdentity } from '../support/operator-identity';

const calendarDate = (value: string): string => {
  if (!isValidCalendarDate(value)) throw new InvalidArgumentError('must be a date, YYYY-MM-DD');
  return value;
};

/**
 * `care-journey care-leaver-contacts`: the leaving care team's worklist (review s17 F4), every care
 * leaver with a 903 OC3 contact (17th–21st birthday) due and not recorded, as CSV on stdout. It names
 * children with their dates of birth, so it is a list read in the trail (view careLeavers), as the
 * 903 export is. A missed contact is listed only while its return can still carry it (from 1 April of
 * the year that ended on the last 31 March, missedListedFrom); `--missed-since` widens that.
 */
export function registerCareLeaverContactsCommand(program: Command): void {
  program
    .command('care-leaver-contacts')
    .description('List care leavers whose 903 OC3 contact (17th–21st birthday) is due or missed, as CSV')
    .option('--as-at <date>', 'the day the list is for (default: today in England)', calendarDate)
    .option(
      '--missed-since <date>',
      'list missed contacts for birthdays from this day (default: 1 April of the collection year that ended on the last 31 March, whose return may still be made)',
      calendarDate,
    )
    .option('--by <user>', 'who is reading, for the read-access trail (default: the OS user)')
    .action(async (options: { asAt?: string; missedSince?: string; by?: string }) => {
      const today = options.asAt ?? dateInEngland(new Date().toISOString());
      const missedSince = options.missedSince ?? missedListedFrom(today);
      const store = await openExistingStore();
      try {
        const rows = careLeaverContactsDueOn(await readChildren(store), today, missedSince);
        const listRead = {
          view: 'careLeavers' as const,
          route: 'care-journey care-leaver-contacts',
          // A widened list is a wider read: the trail says so.
          query: { asAt: today, ...(options.missedSince !== undefined && { missedSince }) },
          childIds: [...new Set(rows.map((r) => r.childId))],
        };
        const readAt = new Date().toISOString();
        for (const entry of listReadEntries(listRead))
          await recordCaseHistoryRead(store, {
            ...entry,
            role: 'operator',
            readBy: options.by ?? userInfo().username,
            operator: operatorIdentity(),
            readAt,
          });
        // Quoted where a cell needs it (the reasons' words hold commas), each cell through csvCell.
        process.stdout.write(contactsDueCsv(rows));
      } finally {
        await store.close();
      }
    });
}
