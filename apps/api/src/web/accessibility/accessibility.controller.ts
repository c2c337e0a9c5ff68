import { Controller, Get, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../../auth/roles.decorator';
import { sendPage } from '../html/respond';
import { WebExceptionFilter } from '../html/web-exception.filter';
import { accessibilityStatementPage } from './accessibility-statement.page';

/** The accessibility statement: public (PSBAR 2018), linked from every page's footer. */
@ApiExcludeController()
@Controller('accessibility')
@UseFilters(WebExceptionFilter)
export class AccessibilityController {
  @Get()
  @Public()
  show(@Res({ passthrough: true }) reply: FastifyReply): string {
    return sendPage(reply, accessibilityStatementPage());
  }
}
