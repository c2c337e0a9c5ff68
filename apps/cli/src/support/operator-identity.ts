import { hostname, userInfo } from 'node:os';
import type { OperatorIdentity } from '@care-journey/audit';

/**
 * The OS account and host running this command, recorded beside `--by` in what the CLI writes to the
 * read-access trail (review s15 F10): `--by` is whatever the operator types, the OS account is not.
 */
export const operatorIdentity = (): OperatorIdentity => ({ osUser: userInfo().username, host: hostname() });
