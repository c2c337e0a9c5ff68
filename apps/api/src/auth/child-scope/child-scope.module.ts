import { Global, Module } from '@nestjs/common';
import { AuditModule } from '../../audit/audit.module';
import { authorityConfigProvider } from '../../authority/authority.providers';
import { ChildrenModule } from '../../children/children.module';
import { ChildScope } from './child-scope';
import { ChildScopeGuard } from './child-scope.guard';
import { RefusalTrail } from './refusal-trail';
import { ScopeRefusalsInTrail } from './scope-refusals-in-trail.interceptor';

/**
 * The social worker scope (ChildScope), its guard and its trail of refusals, for every module with
 * child-scoped routes. RefusalTrail holds no state: ChildrenModule has its own, for the command sender.
 */
@Global()
@Module({
  imports: [ChildrenModule, AuditModule],
  providers: [authorityConfigProvider, RefusalTrail, ChildScope, ChildScopeGuard, ScopeRefusalsInTrail],
  exports: [RefusalTrail, ChildScope, ChildScopeGuard, ScopeRefusalsInTrail],
})
export class ChildScopeModule {}
