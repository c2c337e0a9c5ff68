import 'reflect-metadata';
import { buildProgram } from './program';

// Entry of bin/care-journey.js: parse and run, reporting failures without a stack trace.
buildProgram()
  .parseAsync(process.argv)
  .catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
