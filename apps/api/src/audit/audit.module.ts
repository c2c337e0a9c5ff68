import { Module } from '@nestjs/common';
import { AccessLogController } from './access-log.controller';
import { AccessLogRecorder } from './access-log.recorder';
import { AccessLogService } from './access-log.service';
import { auditKeyProvider } from './audit-key.provider';
import { CaseHistoryController } from './case-history.controller';
import { CaseHistoryService } from './case-history.service';

/** Case-history replay, chronology, chain verification, signed bundles and the read-access trail. */
@Module({
  controllers: [CaseHistoryController, AccessLogController],
  providers: [CaseHistoryService, AccessLogRecorder, AccessLogService, auditKeyProvider],
  exports: [AccessLogRecorder],
})
export class AuditModule {}
