import { FAILURE_MESSAGES, FORM_NOT_SENT_MESSAGE, loginPage } from './login.page';

const model = { csrfToken: 't', next: '/panel/drift', demo: false };

describe('loginPage', () => {
  it('Given wrong credentials, then it asks for a correct username and password', () => {
    const page = String(loginPage({ ...model, username: 'pat', failed: 'credentials' }));
    expect(page).toContain(FAILURE_MESSAGES.credentials);
    expect(page).not.toContain(FAILURE_MESSAGES.form);
  });

  it('Given a stale or missing form token, then it says so rather than doubting the password', () => {
    const page = String(loginPage({ ...model, username: 'pat', failed: 'form' }));
    expect(page).toContain('sign in again on this page');
    expect(page).not.toContain(FAILURE_MESSAGES.credentials);
  });

  it('Given a sign-in the store could not record, then it says the service failed and nothing changed, marking no field wrong', () => {
    const page = String(loginPage({ ...model, username: 'pat', failed: 'not-recorded' }));
    expect(page).toContain(FAILURE_MESSAGES['not-recorded']);
    expect(page).toContain('Nothing was changed');
    expect(page).not.toContain(FAILURE_MESSAGES.credentials);
    expect(page).not.toContain('govuk-input--error');
    expect(page).not.toContain('href="#username"');
  });

  it('shows no error before a sign-in was tried', () => {
    expect(String(loginPage(model))).not.toContain('govuk-error-summary');
  });

  it('Given a form posted after the session ended, then it says nothing was recorded and the answers were not kept', () => {
    const page = String(loginPage({ ...model, formNotSent: true }));
    expect(page).toContain('id="form-not-sent"');
    expect(page).toContain(FORM_NOT_SENT_MESSAGE);
    expect(String(loginPage(model))).not.toContain('form-not-sent');
  });
});
