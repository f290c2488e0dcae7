#!/usr/bin/env node
// validate-json.js SCHEMA FILE... - validate JSON documents against a JSON
// Schema with ajv (draft-04 via ajv-draft-04, draft-07, 2020-12), with the
// standard formats (ajv-formats). Modules come from NODE_PATH (set by
// tests/tools/run.sh to the folder scripts/install-test-tools.sh fills).
// Exit 0 when every file is valid, 1 when one is not, 2 on a usage or
// schema error.
'use strict';
const fs = require('fs');

function fail(msg, code) {
	process.stderr.write('validate-json: ' + msg + '\n');
	process.exit(code);
}

const args = process.argv.slice(2);
if (args.length < 2)
	fail('usage: validate-json.js SCHEMA FILE...', 2);

let schema;
try {
	schema = JSON.parse(fs.readFileSync(args[0], 'utf8'));
} catch (e) {
	fail(args[0] + ': ' + e.message, 2);
}

const dialect = String(schema.$schema || '');
let Ajv, opts = { allErrors: true, strict: true };
if (dialect.includes('draft-04')) {
	Ajv = require('ajv-draft-04');
	// A third-party schema (SARIF 2.1.0): do not fail on its style, and
	// read its patterns as plain (non-"u") regular expressions: one of
	// them ("language") has a stray ']' that the u flag rejects.
	opts.strict = false;
	opts.unicodeRegExp = false;
} else if (dialect.includes('2020-12')) {
	Ajv = require('ajv/dist/2020');
} else {
	Ajv = require('ajv');
}
const addFormats = require('ajv-formats');
const ajv = new Ajv(opts);
addFormats(ajv);

let validate;
try {
	validate = ajv.compile(schema);
} catch (e) {
	fail(args[0] + ': invalid schema: ' + e.message, 2);
}

let bad = 0;
for (const file of args.slice(1)) {
	let doc;
	try {
		doc = JSON.parse(fs.readFileSync(file, 'utf8'));
	} catch (e) {
		process.stderr.write(file + ': not JSON: ' + e.message + '\n');
		bad++;
		continue;
	}
	if (validate(doc)) {
		process.stdout.write(file + ': valid against ' + args[0] + '\n');
	} else {
		bad++;
		for (const err of validate.errors)
			process.stderr.write(file + ': ' + (err.instancePath || '/') +
				' ' + err.message + ' ' + JSON.stringify(err.params) +
				'\n');
	}
}
process.exit(bad ? 1 : 0);
