import { careStarted, registered } from '../../../../../libs/journey/src/testing/fixtures';
import { stateOf } from '../../../../../libs/journey/src/testing/decider-specification';
import { ChildViewPresenter } from './child-view.presenter';
import { NextReviewDue } from './next-review-due';

describe('ChildViewPresenter', () => {
  const presenter = new ChildViewPresenter(new NextReviewDue());
  const state = stateOf([registered, careStarted()]);

  it('Given a child in care, when shown without personal data, then the placement postcode is its district only', () => {
    const view = presenter.present('c-7f3a', 1n, state, 'none');
    expect(view.view).toBe('pseudonymised');
    expect(view.personalDataIncluded).toBe(false);
    expect(view.currentPlacement).toMatchObject({ placementType: 'U6', postcode: 'LS6' });
    expect(view.child).not.toHaveProperty('homePostcode');
    expect(view.child).not.toHaveProperty('name');
  });

  it('Given a child in care, when shown to a case reader, then the placement postcode is whole', () => {
    const view = presenter.present('c-7f3a', 1n, state, 'full');
    expect(view.view).toBe('full');
    expect(view.personalDataIncluded).toBe(true);
    expect(view.currentPlacement).toMatchObject({ postcode: 'LS6 2AB' });
    expect(view.child).toMatchObject({ name: 'Amira Hassan', homePostcode: 'LS8 3QQ', upn: 'A123456789012' });
  });

  it('Given a child in care, when shown to the panel, then name and date of birth stay, the UPN is left out and both postcodes are districts', () => {
    const view = presenter.present('c-7f3a', 1n, state, 'panel');
    // Name and date of birth are there: the flag says so (until session 15 it said false: review s15 F11).
    expect(view.view).toBe('panel');
    expect(view.personalDataIncluded).toBe(true);
    expect(view.child).toMatchObject({
      name: 'Amira Hassan',
      dateOfBirth: state.child?.dateOfBirth,
      homePostcode: 'LS8',
    });
    expect(view.child).not.toHaveProperty('upn');
    expect(view.currentPlacement).toMatchObject({ postcode: 'LS6' });
  });

  it('Given a child in a children’s home with its Ofsted URN, When shown to the panel, Then no URN (it names the home, so its address); a reporting job and a case reader get it', () => {
    const inHome = stateOf([
      registered,
      careStarted(undefined, undefined, {
        placementType: 'K2',
        postcode: 'PE17 4QX',
        urn: 'SC725329',
      } as never),
    ]);
    expect(presenter.present('c-7f3a', 1n, inHome, 'panel').currentPlacement).not.toHaveProperty('urn');
    expect(presenter.present('c-7f3a', 1n, inHome, 'panel').currentPlacement?.urn).toBeUndefined();
    expect(presenter.present('c-7f3a', 1n, inHome, 'none').currentPlacement?.urn).toBe('SC725329');
    expect(presenter.present('c-7f3a', 1n, inHome, 'full').currentPlacement?.urn).toBe('SC725329');
  });
});
