import { Module } from '@nestjs/common';
import { AccessLogController } from './access-log.controller';
import { AccessLogRecorder } from './access-log.recorder';
import { AccessLogService } from './access-log.service';
import { auditKeyProvider } from './audit-key.provider';
import { AuthorityDriftController } from './authority-drift.controller';
import { AuthorityDriftService } from './authority-drift.service';
import { CaseHistoryController } from './case-history.controller';
import { CaseHistoryService } from './case-history.service';
import { ChildFlagsAsKnownService } from './child-flags-as-known.service';
import { DriftReadsAt } from './drift-reads-at';

/** Case-history replay, the authority's drift report as known at an instant, chronology, chain verification, signed bundles and the read-access trail. */
@Module({
  controllers: [CaseHistoryController, AccessLogController, AuthorityDriftController],
  providers: [
    CaseHistoryService,
    AccessLogRecorder,
    AccessLogService,
    AuthorityDriftService,
    ChildFlagsAsKnownService,
    DriftReadsAt,
    auditKeyProvider,
  ],
  exports: [
    AccessLogRecorder,
    AccessLogService,
    AuthorityDriftService,
    ChildFlagsAsKnownService,
    DriftReadsAt,
  ],
})
export class AuditModule {}
