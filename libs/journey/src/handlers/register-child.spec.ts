import type { RegisterChild } from '../commands';
import { given } from '../testing/decider-specification';
import { CHILD, meta, registered } from '../testing/fixtures';

const register = (changes: Partial<RegisterChild> = {}): RegisterChild => ({
  ...(registered.data as RegisterChild),
  type: 'RegisterChild',
  ...meta(),
  ...changes,
});

describe('RegisterChild', () => {
  it('registers the child', () => given([]).when(register()).then([registered]));
  it('accepts an unknown-UPN code', () =>
    given([])
      .when(register({ upn: 'UN3' }))
      .then([{ type: 'ChildRegistered', data: { ...registered.data, upn: 'UN3' } } as never]));
  it('registers only once', () =>
    given([registered]).when(register()).thenThrows('child-already-registered', 'childId'));
  it('needs a child id', () =>
    given([])
      .when(register({ childId: ' ' }))
      .thenThrows('required-field', 'childId'));
  it('needs a name', () =>
    given([])
      .when(register({ name: '' }))
      .thenThrows('required-field', 'name'));
  it('rejects an impossible date of birth', () =>
    given([])
      .when(register({ dateOfBirth: '2019-02-30' }))
      .thenThrows('invalid-date', 'dateOfBirth'));
  it('rejects a birth after the recording', () =>
    given([])
      .when(register({ dateOfBirth: '2025-07-01', effectiveDate: '2025-07-01' }))
      .thenThrows('date-in-future', 'dateOfBirth'));
  it('rejects a registration date before birth', () =>
    given([])
      .when(register({ effectiveDate: '2019-03-01' }))
      .thenThrows('date-before-birth', 'effectiveDate'));
  it('rejects a registration date in the future', () =>
    given([])
      .when(register({ effectiveDate: '2025-07-01' }))
      .thenThrows('date-in-future', 'effectiveDate'));
  it('checks sex', () =>
    given([])
      .when(register({ sex: '3' as never }))
      .thenThrows('invalid-sex', 'sex'));
  it('checks ethnicity', () =>
    given([])
      .when(register({ ethnicity: 'XXXX' }))
      .thenThrows('invalid-ethnicity', 'ethnicity'));
  it('checks the UPN', () =>
    given([])
      .when(register({ upn: '12345' }))
      .thenThrows('invalid-upn', 'upn'));
  it('needs booleans for flags', () =>
    given([])
      .when(register({ uasc: 'no' as never }))
      .thenThrows('required-field', 'uasc'));
  it('needs an allocation', () =>
    given([])
      .when(register({ team: '' }))
      .thenThrows('required-field', 'team'));
  it('needs a valid recording instant', () =>
    given([])
      .when(register({ now: '2025-06-30 10:00' }))
      .thenThrows('invalid-recorded-at', 'now'));
  it('needs who records', () =>
    given([])
      .when(register({ recordedBy: '' }))
      .thenThrows('required-field', 'recordedBy'));
});

describe('ChangeAllocation', () => {
  const change = {
    type: 'ChangeAllocation',
    childId: CHILD,
    effectiveDate: '2025-02-03',
    team: 'South CLA',
    socialWorker: 'sw-okafor',
    ...meta(),
  } as const;
  it('changes the allocation', () =>
    given([registered])
      .when(change)
      .then([
        {
          type: 'AllocationChanged',
          data: { childId: CHILD, effectiveDate: '2025-02-03', team: 'South CLA', socialWorker: 'sw-okafor' },
        },
      ]));
  it('needs the child registered first', () => given([]).when(change).thenThrows('child-not-registered'));
  it('is about this child', () =>
    given([registered])
      .when({ ...change, childId: 'other' })
      .thenThrows('child-id-mismatch', 'childId'));
  it('needs a social worker', () =>
    given([registered])
      .when({ ...change, socialWorker: '' })
      .thenThrows('required-field', 'socialWorker'));
  it('is not dated in the future', () =>
    given([registered])
      .when({ ...change, effectiveDate: '2025-07-01' })
      .thenThrows('date-in-future'));
});
