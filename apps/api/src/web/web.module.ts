import { Module, type OnModuleInit } from '@nestjs/common';
import { APP_GUARD, HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { registerStaticAssets } from './assets/static-assets';
import { CsrfGuard } from './auth/csrf.guard';
import { AccessibilityController } from './accessibility/accessibility.controller';
import { LoginController } from './auth/login.controller';
import { SessionController } from './auth/session.controller';
import { AsKnownDriftController } from './audit-drift/as-known-drift.controller';
import { AccessLogPageController } from './audit/access-log.controller';
import { ChildController } from './child/child.controller';
import { DriftController } from './drift/drift.controller';
import { HomeController } from './home/home.controller';
import { LeavingCareController } from './leaving-care/leaving-care.controller';
import { MeasuresController } from './measures/measures.controller';
import { RecordController } from './record/record.controller';
import { RegisterChildController } from './record/register-child.controller';
import { WithdrawRegistrationController } from './child/withdraw-registration.controller';
import { FindChildController } from './search/find-child.controller';
import { FormCommandSender } from './record/validate-and-send';
import { RegisterChildFormFor } from './record/register-child-form-for';
import { SessionExtensions } from '../auth/session-extensions';
import { AuditModule } from '../audit/audit.module';
import { AuthorityModule } from '../authority/authority.module';
import { ChildrenModule } from '../children/children.module';
import { ProjectionsModule } from '../projections/projections.module';

/**
 * The permanency panel's pages, server-rendered with GOV.UK Frontend and served by the API:
 * sign in (cookie session holding the API's JWT), drift report, find a child, child journey,
 * record forms and registration, stability and permanence (with the children behind each figure),
 * the leaving care team's worklist of care leavers' contacts due. Assets come straight from node_modules (no build step). Reads come
 * from the projections' read models, commands go through ChildrenModule's sender, and child
 * page views are recorded by AuditModule's access-log recorder.
 */
@Module({
  imports: [ProjectionsModule, ChildrenModule, AuditModule, AuthorityModule],
  controllers: [
    LoginController,
    SessionController,
    AccessibilityController,
    DriftController,
    ChildController,
    RecordController,
    RegisterChildController,
    WithdrawRegistrationController,
    FindChildController,
    MeasuresController,
    AsKnownDriftController,
    AccessLogPageController,
    LeavingCareController,
    // Last: its /panel/* answers only what no other page does.
    HomeController,
  ],
  providers: [
    FormCommandSender,
    RegisterChildFormFor,
    SessionExtensions,
    { provide: APP_GUARD, useClass: CsrfGuard },
  ],
})
export class WebModule implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  async onModuleInit(): Promise<void> {
    await registerStaticAssets(this.adapterHost.httpAdapter.getInstance<FastifyInstance>());
  }
}
