#!/usr/bin/env node
'use strict';
// Writes schema/knowledge-entry.schema.json from the loader's own schema (run after a build).
// test/knowledge/jsonSchema.test.ts fails when the committed file is out of date.
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { entryJsonSchema } = require('../dist/knowledge/jsonSchema.js');

const target = join(__dirname, '..', 'schema', 'knowledge-entry.schema.json');
writeFileSync(target, `${JSON.stringify(entryJsonSchema(), null, 2)}\n`);
process.stdout.write(`wrote ${target}\n`);
