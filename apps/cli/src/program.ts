import { Command } from 'commander';
import { COMMANDS } from './commands';

/** The `care-journey` program with every command registered (main.ts runs it). */
export function buildProgram(): Command {
  const program = new Command('care-journey')
    .description('Care Journey: event-sourced care journeys for looked-after children')
    .showHelpAfterError()
    // It has no options of its own; this lets a command's subcommands reuse its option names
    // (`token --user` mints, `token revoke --user` revokes).
    .enablePositionalOptions();
  for (const register of COMMANDS) register(program);
  return program;
}
