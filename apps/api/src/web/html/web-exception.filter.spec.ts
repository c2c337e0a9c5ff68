import { BadRequestException, NotFoundException, type ArgumentsHost } from '@nestjs/common';
import { badRequestBody } from '../../http/field-errors';
import { WebExceptionFilter } from './web-exception.filter';

/** Runs the filter on `exception` for a signed-out GET; returns the status and page sent. */
function pageFor(exception: unknown): { status: number; page: string } {
  const sent = { status: 0, page: '' };
  const reply = {
    status(code: number) {
      sent.status = code;
      return this;
    },
    header() {
      return this;
    },
    send(body: string) {
      sent.page = body;
      return this;
    },
  };
  const request = { method: 'GET', url: '/panel/children/c1/record/nope', headers: {} };
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
});
