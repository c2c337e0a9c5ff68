import {
  BadRequestException,
  ForbiddenException,
  NotFoundException,
  UnauthorizedException,
  type ArgumentsHost,
} from '@nestjs/common';
import { badRequestBody } from '../../http/field-errors';
import { FormTokenRefused } from '../auth/form-token-refused';
import { WebExceptionFilter } from './web-exception.filter';

/** Runs the filter on `exception` for a signed-out request (a GET unless told); returns what was sent. */
function pageFor(
  exception: unknown,
  { method = 'GET', url = '/panel/children/c1/record/nope' } = {},
): { status: number; page: string; location?: string } {
  const sent: { status: number; page: string; location?: string } = { status: 0, page: '' };
  const reply = {
    status(code: number) {
      sent.status = code;
      return this;
    },
    header(name: string, value: string) {
      if (name === 'location') sent.location = value;
      return this;
    },
    send(body?: string) {
      sent.page = body ?? '';
      return this;
    },
  };
  const request = { method, url, headers: {} };
  const host = {
    switchToHttp: () => ({ getRequest: () => request, getResponse: () => reply }),
  } as unknown as ArgumentsHost;
  new WebExceptionFilter().catch(exception, host);
  return sent;
}

describe('WebExceptionFilter: errors on the pages become pages', () => {
  it('Given a 400 with field errors, Then the page says each field’s rule under the summary', () => {
    const { status, page } = pageFor(
      new BadRequestException(
        badRequestBody([{ field: 'form', rule: 'isIn', message: 'form must be one of: review, plan' }]),
      ),
    );
    expect(status).toBe(400);
    expect(page).toContain('Invalid request: form');
    expect(page).toContain('<li>form must be one of: review, plan</li>');
  });

  it('Given a 404, Then the page has its title and message and no list', () => {
    const { status, page } = pageFor(new NotFoundException('No child with id c1'));
    expect(status).toBe(404);
    expect(page).toContain('Page not found');
    expect(page).toContain('No child with id c1');
    expect(page).not.toContain('govuk-list--bullet');
  });

  it('Given a form refused for its token, Then it says the form was not sent, not that the page cannot be seen', () => {
    const { status, page } = pageFor(new FormTokenRefused(), { method: 'POST' });
    expect(status).toBe(403);
    expect(page).toContain('Your form was not sent');
    expect(page).toContain('Nothing was recorded');
    expect(page).not.toContain('You cannot see this page');
    // Any other 403 is still a page the user may not see.
    expect(pageFor(new ForbiddenException('no')).page).toContain('You cannot see this page');
  });

  it('Given no session, When a page is read or a form sent, Then sign-in returns to that page or form', () => {
    expect(pageFor(new UnauthorizedException(), { url: '/panel/drift?asAt=2026-01-01' }).location).toBe(
      `/login?next=${encodeURIComponent('/panel/drift?asAt=2026-01-01')}`,
    );
    const form = '/panel/children/c1/record/withdraw?entry=e-1';
    const sent = pageFor(new UnauthorizedException(), { method: 'POST', url: form });
    expect(sent.status).toBe(303);
    // The sign-in says nothing was recorded.
    expect(sent.location).toBe(`/login?next=${encodeURIComponent(form)}&unsent=1`);
  });

  it('Given no session, When the address is not a page (sign-out, the API), Then plain sign-in', () => {
    expect(pageFor(new UnauthorizedException(), { method: 'POST', url: '/logout' }).location).toBe('/login');
    expect(pageFor(new UnauthorizedException(), { url: '//evil.example/panel' }).location).toBe('/login');
  });
});
