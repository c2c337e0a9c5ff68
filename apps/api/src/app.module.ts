import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { ChildScopeModule } from './auth/child-scope/child-scope.module';
import { AuthorityModule } from './authority/authority.module';
import { ChildRefsModule } from './child-refs/child-refs.module';
import { ChildrenModule } from './children/children.module';
import { FindChildrenModule } from './children/queries/find-children.module';
import type { ApiConfig } from './config/api-config';
import { ApiConfigModule } from './config/api-config.module';
import { HealthModule } from './health/health.module';
import { InfrastructureModule } from './infrastructure/infrastructure.module';
import { ProjectionsModule } from './projections/projections.module';
import { ReportingModule } from './reporting/reporting.module';
import { WebModule } from './web/web.module';

/** The whole API; built per config so tests can boot it against their own SQLite file and secret. */
@Module({})
export class AppModule {
  static forRoot(config: ApiConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ApiConfigModule.forRoot(config),
        InfrastructureModule,
        CqrsModule.forRoot(),
        AuthModule,
        HealthModule,
        ChildrenModule,
        // The social worker scope, used by the guard of every child-scoped route (global).
        ChildScopeModule,
        FindChildrenModule,
        WebModule,
        AuditModule,
        ProjectionsModule,
        AuthorityModule,
        ReportingModule,
        ChildRefsModule,
      ],
    };
  }
}
