import { Logger, type Provider } from '@nestjs/common';
import { loadAuditKey, type AuditKey } from '@care-journey/audit';

/** Injection token for the key case-history bundles are signed with. */
export const AUDIT_KEY = Symbol('AUDIT_KEY');

/** Read from CARE_JOURNEY_AUDIT_KEY at start-up; the development key is announced loudly. */
export const auditKeyProvider: Provider = {
  provide: AUDIT_KEY,
  useFactory: (): AuditKey => {
    const { key, warning } = loadAuditKey(process.env);
    if (warning) new Logger('Audit').warn(`!!! ${warning} !!!`);
    return key;
  },
};
