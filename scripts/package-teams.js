#!/usr/bin/env node
'use strict';
// `npm run package:teams [out.zip]`: only wires the process to the in-process function
// (tested directly in test/channels/teams/packageApp.test.ts). Needs `npm run build` first.
const { runAsProcess } = require('../dist/cli/io.js');
const { runPackageTeams } = require('../dist/channels/teams/packageApp.js');

runAsProcess(runPackageTeams);
