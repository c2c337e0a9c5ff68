import type { AuthenticatedUser } from '../../auth/authenticated-user';
import { REGISTER_CHILD_FORM } from './register-child.form';
import { registerChildPage } from './register-child.page';

const user: AuthenticatedUser = { id: 'alice', name: 'Alice', role: 'social_worker' };
const base = { user, csrfToken: 'csrf', form: REGISTER_CHILD_FORM, values: {}, idempotencyKey: 'key-1' };

describe('the registration form', () => {
  it('posts to /panel/children/new with its key, and every field of POST /children except the id', () => {
    const page = registerChildPage({ ...base, errors: [] }).value;
    expect(page).toContain('action="/panel/children/new"');
    expect(page).toContain('name="idempotencyKey" value="key-1"');
    for (const name of [
      'childRef',
      'name',
      'dateOfBirth',
      'sex',
      'ethnicity',
      'upn',
      'homePostcode',
      'uasc',
      'relinquishedAtBirth',
      'team',
      'socialWorker',
      'effectiveDate',
    ])
      expect(page).toContain(`name="${name}"`);
    expect(page).not.toContain('name="childId"');
  });

  it('shows the API’s refusals in the form’s words, beside their fields and in the form’s order', () => {
    const page = registerChildPage({
      ...base,
      errors: [
        { field: 'effectiveDate', message: 'effectiveDate is required' },
        { field: 'childRef', message: 'childRef CJ1 is already used by another child: …' },
      ],
    }).value;
    expect(page).toContain('<title>Error: Register a child');
    const start = page.indexOf('govuk-error-summary');
    const summary = page.slice(start, page.indexOf('</ul>', start));
    expect(summary.indexOf('903 child reference CJ1 is already used')).toBeLessThan(
      summary.indexOf('Date the child became known to the authority is required'),
    );
    expect(page).toContain('id="childRef-error"');
    expect(page).toContain('href="#effectiveDate"');
  });
});
