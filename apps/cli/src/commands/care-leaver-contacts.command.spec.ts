import { Command } from 'commander';
import { useCliSpecStore } from '../testing/cli-spec-store';
import { readAccessTrail, seedChild } from '../testing/spec-children';
import { registerCareLeaverContactsCommand } from './care-leaver-contacts.command';

/** A young person born `dateOfBirth`, under V2 from 10/01/2023; left care E5 on `leftOn` when given. */
const child = (file: string, childId: string, childRef: string, dateOfBirth: string, leftOn?: string) =>
  seedChild(file, {
    childId,
    childRef,
    dateOfBirth,
    registeredOn: '2023-01-01',
    inCareFrom: '2023-01-10',
    legalStatus: 'V2',
    leftOn,
  });

/** The cells after the status: care ended 10/01/2024 (E5, in the REC list's words), no contact recorded. */
const LEFT_E5 = ',2024-01-10,E5,Moved into independent living with supportive accommodation,,,';

describe('care-journey care-leaver-contacts: the OC3 contacts due, authority-wide (review s17 F4)', () => {
  const cli = useCliSpecStore({ prefix: 'cj-care-leavers-' });

  /** The command's CSV, as printed, for these arguments after the command's name. */
  const list = async (...args: string[]): Promise<string> => {
    cli.output = '';
    const program = new Command().exitOverride();
    registerCareLeaverContactsCommand(program);
    await program.parseAsync(['node', 'care-journey', 'care-leaver-contacts', ...args]);
    return cli.output;
  };

  it('Given a care leaver with no contact (the review’s RVLC03) and a child still in care, When listed on 15/07/2024, Then the CSV has the care leaver’s 17th birthday due, and the trail names that child only', async () => {
    await child(cli.file, 'c1', 'RVLC03', '2007-06-01', '2024-01-10');
    await child(cli.file, 'c2', 'INCARE', '2008-02-01');

    expect(await list('--as-at', '2024-07-15', '--by', 'carol')).toBe(
      'child_ref,date_of_birth,age,birthday,last_day,status,left_care_on,left_care_reason,left_care_reason_words,last_contact_on,last_in_touch,last_in_touch_words\n' +
        `RVLC03,2007-06-01,17,2024-06-01,2024-09-01,due${LEFT_E5}\n`,
    );
    const trail = await readAccessTrail(cli.file);
    expect(trail.map((e) => [e.data, e.metadata.recordedBy])).toEqual([
      [
        {
          childId: '*',
          role: 'operator',
          view: 'careLeavers',
          query: { route: 'care-journey care-leaver-contacts', asAt: '2024-07-15' },
          childIds: ['c1'],
        },
        'carol',
      ],
    ]);
  });

  // Review s17 diff F2: a missed 17th birthday in 2024 is in a return already made by November 2026.
  it('Given the same care leaver, When listed on 28/11/2026, Then the missed 17th (2024) is left out unless --missed-since widens the list, which the trail records', async () => {
    await child(cli.file, 'c1', 'RVLC03', '2007-06-01', '2024-01-10');
    const rows = async (...extra: string[]) =>
      (await list('--as-at', '2026-11-28', ...extra)).split('\n').slice(1, -1);
    expect(await rows()).toEqual([
      `RVLC03,2007-06-01,18,2025-06-01,2025-09-01,missed${LEFT_E5}`,
      `RVLC03,2007-06-01,19,2026-06-01,2026-09-01,missed${LEFT_E5}`,
    ]);
    expect(await rows('--missed-since', '2024-04-01')).toEqual([
      `RVLC03,2007-06-01,17,2024-06-01,2024-09-01,missed${LEFT_E5}`,
      `RVLC03,2007-06-01,18,2025-06-01,2025-09-01,missed${LEFT_E5}`,
      `RVLC03,2007-06-01,19,2026-06-01,2026-09-01,missed${LEFT_E5}`,
    ]);
    expect((await readAccessTrail(cli.file)).map((event) => event.data['query'])).toEqual([
      { route: 'care-journey care-leaver-contacts', asAt: '2026-11-28' },
      { route: 'care-journey care-leaver-contacts', asAt: '2026-11-28', missedSince: '2024-04-01' },
    ]);
  });
});
