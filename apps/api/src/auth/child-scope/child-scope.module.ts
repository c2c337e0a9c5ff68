import { Global, Module } from '@nestjs/common';
import { AuditModule } from '../../audit/audit.module';
import { authorityConfigProvider } from '../../authority/authority.providers';
import { ChildrenModule } from '../../children/children.module';
import { ChildScope } from './child-scope';
import { ChildScopeGuard } from './child-scope.guard';

/** The social worker scope (ChildScope) and its guard, for every module with child-scoped routes. */
@Global()
@Module({
  imports: [ChildrenModule, AuditModule],
  providers: [authorityConfigProvider, ChildScope, ChildScopeGuard],
  exports: [ChildScope, ChildScopeGuard],
})
export class ChildScopeModule {}
