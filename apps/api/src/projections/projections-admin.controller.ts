import { Controller, Get, HttpCode, HttpStatus, Inject, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { firstValueFrom } from 'rxjs';
import type { ProjectionEngine, ProjectionLag, RebuildProgress } from '@care-journey/projections';
import { Public, Roles } from '../auth/roles.decorator';
import { PROJECTION_ENGINE } from './projection-engine.provider';

@ApiTags('projections')
@Controller()
export class ProjectionsAdminController {
  constructor(@Inject(PROJECTION_ENGINE) private readonly engine: ProjectionEngine) {}

  @Post('admin/rebuild')
  @Roles('admin')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary:
      'Rebuild every read model from position 0; the current ones serve until the rebuild has caught up',
  })
  @ApiAcceptedResponse({
    description: 'Progress of the rebuild started (or already running); poll GET /admin/rebuild',
  })
  async rebuild(): Promise<RebuildProgress> {
    const run = this.engine.rebuild();
    // The rebuild goes on in the background; the first progress report says it started.
    return firstValueFrom(run);
  }

  @Get('admin/rebuild')
  @Roles('admin')
  @ApiOperation({ summary: 'Progress of the running rebuild, or the outcome of the last one' })
  status(): RebuildProgress | { state: 'never_run' } {
    return this.engine.rebuildStatus() ?? { state: 'never_run' };
  }

  @Get('health/projections')
  @Public()
  @ApiOperation({ summary: 'Projection lag: read-model checkpoint against the head of the log' })
  @ApiOkResponse({
    schema: { example: { checkpoint: '1040', head: '1042', lag: '2', generation: 3, projector: 'running' } },
  })
  health(): Promise<ProjectionLag> {
    return this.engine.lag();
  }
}
