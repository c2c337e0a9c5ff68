import { given } from '../testing/decider-specification';
import { amendEntry } from '../testing/correction-commands';
import { fosterU6, inCare, registered } from '../testing/fixtures';

describe('AmendEntry: an amendment must change something', () => {
  it('Given a registration, When every field sent already has that value, Then it is refused naming amendedData', () =>
    given([registered])
      .when(amendEntry('e1', { name: 'Amira Hassan', team: 'North CLA', effectiveDate: '2024-05-01' }))
      .thenThrows('amendment-changes-nothing', 'amendedData'));

  it('Given a registration, When no field is sent (or only its own childId), Then it is refused naming amendedData', () => {
    given([registered]).when(amendEntry('e1', {})).thenThrows('amendment-changes-nothing', 'amendedData');
    given([registered])
      .when(amendEntry('e1', { childId: registered.data.childId }))
      .thenThrows('amendment-changes-nothing', 'amendedData');
  });

  it('Given a start of care, When its placement is sent whole with its keys in another order, Then it changes nothing', () => {
    const reordered = Object.fromEntries(Object.entries(fosterU6).reverse());
    given(inCare)
      .when(amendEntry('e2', { placement: reordered }))
      .thenThrows('amendment-changes-nothing', 'amendedData');
  });

  it('Given an entry amended before, When the earlier correction is sent again, Then it changes nothing', () =>
    given([
      registered,
      {
        type: 'EntryAmended',
        data: {
          childId: registered.data.childId,
          effectiveDate: '2024-05-01',
          correctedEventId: 'e1',
          reason: 'typo',
          amendedData: { team: 'South CLA' },
        },
      },
    ])
      .when(amendEntry('e1', { team: 'South CLA' }))
      .thenThrows('amendment-changes-nothing', 'amendedData'));

  it('Given a registration, When one field sent differs and one repeats, Then the amendment is recorded', () => {
    const events = given([registered])
      .when(amendEntry('e1', { name: 'Amira H. Hassan', team: 'North CLA' }))
      .events();
    expect(events.map((event) => event.type)).toEqual(['EntryAmended']);
  });
});
