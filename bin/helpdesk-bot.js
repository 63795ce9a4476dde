#!/usr/bin/env node
'use strict';
// The bin only wires the process to the in-process CLI function (tested directly in test/cli).
const { runAsProcess } = require('../dist/cli/io.js');
const { runCli } = require('../dist/cli/main.js');

runAsProcess(runCli);
