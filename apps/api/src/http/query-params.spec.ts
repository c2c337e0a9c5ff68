import { BadRequestException, type ArgumentMetadata } from '@nestjs/common';
import { EventsPageQuery } from '../children/dto/events-page.query';
import { NoQueryParams } from './query-params';
import { createValidationPipe } from './validation-pipe';

const pipe = createValidationPipe();
const wholeQuery = (metatype: ArgumentMetadata['metatype']): ArgumentMetadata => ({
  type: 'query',
  metatype,
});

/** The 400 body the pipe throws for a query, or undefined when it accepts it. */
async function refusal(query: Record<string, unknown>, metatype: ArgumentMetadata['metatype']) {
  try {
    await pipe.transform(query, wholeQuery(metatype));
    return undefined;
  } catch (error) {
    if (!(error instanceof BadRequestException)) throw error;
    return error.getResponse();
  }
}

describe('query parameters: a route takes what its query class declares, nothing else', () => {
  it('refuses a parameter a route without parameters does not take, saying it takes none', async () => {
    expect(await refusal({ asAt: '2024-01-01' }, NoQueryParams)).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'Invalid request: asAt',
      errors: [
        {
          field: 'asAt',
          rule: 'whitelistValidation',
          message: 'asAt is not a query parameter of this route; it takes none',
        },
      ],
    });
  });

  it('names every unknown parameter with the ones the route takes, and still checks the declared ones', async () => {
    expect(await refusal({ sort: 'asc', pageSize: '0', pagesize: '5' }, EventsPageQuery)).toMatchObject({
      errors: [
        {
          field: 'sort',
          rule: 'whitelistValidation',
          message: 'sort is not a query parameter of this route; it takes page, pageSize',
        },
        { field: 'pagesize', rule: 'whitelistValidation' },
        { field: 'pageSize', rule: 'min' },
      ],
    });
  });

  it('accepts the declared parameters, and an empty query on a route that takes none', async () => {
    await expect(pipe.transform({ pageSize: '20' }, wholeQuery(EventsPageQuery))).resolves.toEqual(
      Object.assign(new EventsPageQuery(), { page: 1, pageSize: 20 }),
    );
    expect(await refusal({}, NoQueryParams)).toBeUndefined();
  });

  it('leaves a single named parameter and an untyped query to the route', async () => {
    await expect(pipe.transform('/panel', { type: 'query', data: 'next', metatype: String })).resolves.toBe(
      '/panel',
    );
    await expect(pipe.transform({ any: 'x' }, wholeQuery(Object))).resolves.toEqual({ any: 'x' });
  });
});
