import type { Command } from 'commander';
import { registerAuditCommand } from './audit.command';
import { registerBackupCommand } from './backup.command';
import { registerCareLeaverContactsCommand } from './care-leaver-contacts.command';
import { registerChildRefCommand } from './child-ref.command';
import { registerDemoCommand } from './demo.command';
import { registerExport903Command } from './export-903.command';
import { registerImport903Command } from './import-903.command';
import { registerMeasuresCommand } from './measures.command';
import { registerRebuildCommand } from './rebuild.command';
import { registerRestoreCommand } from './restore.command';
import { registerRestoredHeadCommand } from './restored-head.command';
import { registerSarCommand } from './sar.command';
import { registerSeedCommand } from './seed.command';
import { registerServeCommand } from './serve.command';
import { registerStoreMarkersCommand } from './store-markers.command';
import { registerTokenCommand } from './token.command';
import { registerUnsealCommand } from './unseal.command';
import { registerUpnCommand } from './upn.command';
import { registerUserEntryCommand } from './user-entry.command';

/** Every CLI command; add yours here (one file per command in this folder). */
export const COMMANDS: ReadonlyArray<(program: Command) => void> = [
  registerServeCommand,
  registerDemoCommand,
  registerTokenCommand,
  registerSeedCommand,
  registerExport903Command,
  registerImport903Command,
  registerCareLeaverContactsCommand,
  registerAuditCommand,
  registerSarCommand,
  registerRebuildCommand,
  registerMeasuresCommand,
  registerBackupCommand,
  registerRestoreCommand,
  registerUnsealCommand,
  registerRestoredHeadCommand,
  registerStoreMarkersCommand,
  registerUserEntryCommand,
  registerChildRefCommand,
  registerUpnCommand,
];
