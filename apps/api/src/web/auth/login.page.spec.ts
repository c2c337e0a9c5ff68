import { FAILURE_MESSAGES, loginPage } from './login.page';

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

  it('shows no error before a sign-in was tried', () => {
    expect(String(loginPage(model))).not.toContain('govuk-error-summary');
  });
});
