// The fault suite on its own, until the root jest.config.js has a `faults` project:
//   npx jest -c test/faults/jest.config.js
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS config file
const root = require('../../jest.config.js');

module.exports = {
  ...root.projects[0],
  rootDir: '../..',
  displayName: 'faults',
  testMatch: ['<rootDir>/test/faults/**/*.spec.ts'],
};
