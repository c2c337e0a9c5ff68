import { RegisterChildDto } from '../../children/dto/register-child.dto';
import { UNKNOWN_UPN_IN_WORDS } from '@care-journey/journey';
import type { RecordForm } from './form-definitions';

/**
 * The web's registration: the API's own DTO and command (`POST /children`), so its validation and
 * messages are the API's. Not one of RECORD_FORMS: those record on an existing child's journey;
 * this one starts a journey, at /panel/children/new. The child's id is never a field: it is named
 * after the user and the form's key, as `POST /children` names a keyed registration's.
 */
export const REGISTER_CHILD_FORM: RecordForm = {
  slug: 'register',
  title: 'Register a child',
  command: 'RegisterChild',
  dto: RegisterChildDto,
  fields: [
    {
      kind: 'text',
      name: 'childRef',
      label: '903 child reference',
      width: 10,
      hint: 'The authority’s own reference for the child (903 CHILD): up to 10 letters, digits, - or _',
    },
    { kind: 'text', name: 'name', label: 'Full name' },
    { kind: 'date', name: 'dateOfBirth', label: 'Date of birth', hint: 'For example, 2019-06-14' },
    {
      kind: 'choice',
      name: 'sex',
      label: 'Sex (903 SEX)',
      choices: [
        { value: '1', text: 'Male' },
        { value: '2', text: 'Female' },
      ],
    },
    { kind: 'code', name: 'ethnicity', label: 'Ethnicity', list: 'ETHNIC' },
    {
      kind: 'text',
      name: 'upn',
      label: 'Unique pupil number (UPN)',
      width: 20,
      hint: `13 characters, for example A123456789012. Without a UPN: ${UNKNOWN_UPN_IN_WORDS}`,
    },
    {
      kind: 'text',
      name: 'homePostcode',
      label: 'Home postcode',
      optional: true,
      width: 10,
      hint: 'Postcode or district, for example CB1 2AB',
    },
    { kind: 'boolean', name: 'uasc', label: 'Unaccompanied asylum-seeking child?' },
    { kind: 'boolean', name: 'relinquishedAtBirth', label: 'Relinquished at birth?' },
    { kind: 'text', name: 'team', label: 'Allocated team' },
    {
      kind: 'text',
      name: 'socialWorker',
      label: 'Allocated social worker',
      width: 20,
      hint: 'Their user id, for example alice',
    },
    {
      kind: 'date',
      name: 'effectiveDate',
      label: 'Date the child became known to the authority',
      hint: 'Not before the date of birth, nor after today. For example, 2025-03-04',
    },
  ],
};
