#!/usr/bin/env node
'use strict';
// `npm run package:teams [out.zip]`: only wires the process to the in-process function
// (tested directly in test/channels/teams/packageApp.test.ts). Needs `npm run build` first.
const { runPackageTeams } = require('../dist/channels/teams/packageApp.js');

runPackageTeams(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`helpdesk-bot: ${err && err.message ? err.message : String(err)}\n`);
    process.exitCode = 70;
  },
);
