#!/usr/bin/env node
'use strict';
// The bin only wires the process to the in-process CLI function (tested directly in test/cli).
const { runCli } = require('../dist/cli/main.js');

runCli(process.argv.slice(2), {
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
