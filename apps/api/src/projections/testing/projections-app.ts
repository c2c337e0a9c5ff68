import { CqrsModule } from '@nestjs/cqrs';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { DEFAULT_AUTHORITY_CONFIG } from '@care-journey/projections';
import { AUTHORITY_CONFIG } from '../../authority/authority.providers';
import { AuthModule } from '../../auth/auth.module';
import { ChildScopeModule } from '../../auth/child-scope/child-scope.module';
import type { ApiConfig } from '../../config/api-config';
import { ApiConfigModule } from '../../config/api-config.module';
import { createValidationPipe } from '../../http/validation-pipe';
import { InfrastructureModule } from '../../infrastructure/infrastructure.module';
import { ProjectionsModule } from '../projections.module';

/**
 * The projections module as the app has it (its routes need sign-in and the child scope), on
 * `config`, initialised and not listening. Its social workers are in no users file: the specs read
 * with the authority-wide opt-out; the team scope has its own e2e spec.
 */
export async function projectionsApp(config: ApiConfig): Promise<NestFastifyApplication> {
  const moduleRef = await Test.createTestingModule({
    imports: [
      ApiConfigModule.forRoot(config),
      InfrastructureModule,
      CqrsModule.forRoot(),
      AuthModule,
      // The social worker scope of the child-scoped routes (children/:id/flags).
      ChildScopeModule,
      ProjectionsModule,
    ],
  })
    .overrideProvider(AUTHORITY_CONFIG)
    .useValue({ ...DEFAULT_AUTHORITY_CONFIG, socialWorkerScope: 'authority' })
    .compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), {
    logger: false,
  });
  app.useGlobalPipes(createValidationPipe());
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}
