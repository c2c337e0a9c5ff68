import { Controller, Get, NotFoundException, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthenticatedUser } from '../../auth/authenticated-user';
import { CurrentUser } from '../../auth/current-user.decorator';
import { Roles } from '../../auth/roles.decorator';
import { PAGE_READERS } from '../auth/web-user';
import { navigationFor } from '../html/navigation';
import { redirect } from '../html/respond';
import { WebExceptionFilter } from '../html/web-exception.filter';

/**
 * The service's own address and anything under /panel that is not a page: a browser lands on the
 * panel's first page (the sign-in page first, without a session) or on a "Page not found" page,
 * never on the API's JSON 404.
 */
@ApiExcludeController()
@Controller()
@UseFilters(WebExceptionFilter)
@Roles(...PAGE_READERS)
export class HomeController {
  @Get()
  home(@CurrentUser() user: AuthenticatedUser, @Res({ passthrough: true }) reply: FastifyReply): string {
    return redirect(reply, navigationFor(user.role)[0].href);
  }

  @Get('panel/*')
  notAPage(): never {
    throw new NotFoundException(
      'There is no page at this address. Check the address, or start from the drift report.',
    );
  }
}
