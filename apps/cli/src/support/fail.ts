/** A command's refusal or failure: the message on stderr, and exit code 1 once the command ends. */
export const fail = (message: string): void => {
  process.stderr.write(`${message}\n`);
  process.exitCode = 1;
};
