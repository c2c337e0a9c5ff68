#!/usr/bin/env node
// The `care-journey` command: the compiled CLI (built by `npm install` through the prepare script).
require('../dist/apps/cli/main.js');
