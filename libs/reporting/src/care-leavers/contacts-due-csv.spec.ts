/**
 * The worklist's CSV (the CLI's and the panel's download): when care ended and the latest contact,
 * each code with its words from the domain's code lists, quoted where the words hold a comma.
 */
import { careLeaverContactsDueOn } from './contacts-due';
import { contactsDueCsv } from './contacts-due-csv';
import { careLeaverRecord } from './testing/care-leaver-record';

const HEADER =
  'child_ref,date_of_birth,age,birthday,last_day,status,left_care_on,left_care_reason,left_care_reason_words,last_contact_on,last_in_touch,last_in_touch_words';

describe('the care leavers’ contacts due as CSV', () => {
  it('Given a young person who stayed with carers at 18 (E17) and refused contact at 18, When listed on 15/07/2025, Then the row gives E17 and REFU in the code lists’ words', () => {
    const child = careLeaverRecord('SP1', '2006-06-01', {
      leftOn: '2024-06-01',
      leftBecause: 'E17',
      contacts: [{ on: '2024-06-10', inTouch: 'REFU' }],
    });
    expect(contactsDueCsv(careLeaverContactsDueOn([child], '2025-07-15'))).toBe(
      `${HEADER}\nSP1,2006-06-01,19,2025-06-01,2025-09-01,due,2024-06-01,E17,"Aged 18 or over and remained with current carers, including staying put",2024-06-10,REFU,Young person refuses contact\n`,
    );
  });

  it('Given a young person who left to live with relatives (E13) and no contact yet, When listed on 15/07/2024, Then the words are quoted (they hold commas) and the contact cells are blank', () => {
    const child = careLeaverRecord('LR1', '2007-06-01', { leftOn: '2024-01-10', leftBecause: 'E13' });
    expect(contactsDueCsv(careLeaverContactsDueOn([child], '2024-07-15'))).toBe(
      `${HEADER}\nLR1,2007-06-01,17,2024-06-01,2024-09-01,due,2024-01-10,E13,"Left care to live with parent(s), relative(s) or other person(s) without parental responsibility",,,\n`,
    );
  });

  it('Given a reference that starts like a formula, Then its cell is guarded (csvCell)', () => {
    const child = careLeaverRecord('=SUM(A1)', '2007-06-01', { leftOn: '2024-01-10' });
    expect(contactsDueCsv(careLeaverContactsDueOn([child], '2024-07-15')).split('\n')[1]).toMatch(
      /^'=SUM\(A1\),2007-06-01,/,
    );
  });
});
