// Checks the OpenAPI document against the OpenAPI 3.1 schema (a maintained validator), then a
// run's live requests and answers against the document: every status an operation answered is
// declared; every answer with a JSON body matches its status's schema; every request body that
// succeeded matches the request schema; every query parameter and body field a handler read is
// declared. A failure means the code changed and the document did not: `make openapi`
// rebuilds it from the API tests (review the diff of src/http/openapi_schemas.json).
//   node tools/openapi/check.mjs DOCUMENT.json TRACE_DIR
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const [documentPath, traceDir] = process.argv.slice(2);
if (!documentPath || !traceDir) {
  console.error('usage: node tools/openapi/check.mjs DOCUMENT.json TRACE_DIR');
  process.exit(2);
}
const document = JSON.parse(readFileSync(documentPath, 'utf8'));

const validator = new Validator();
const verdict = await validator.validate(document);
if (!verdict.valid) {
  console.error('the OpenAPI document is not valid OpenAPI', document.openapi);
  console.error(JSON.stringify(verdict.errors, null, 1).slice(0, 4000));
  process.exit(1);
}
console.log(`OpenAPI ${document.openapi} document valid: ${Object.keys(document.paths).length} paths`);

const operations = new Map();
for (const [pattern, item] of Object.entries(document.paths)) {
  for (const [method, operation] of Object.entries(item)) operations.set(`${method.toUpperCase()} ${pattern}`, operation);
}

const ajv = new Ajv2020({ strict: false, allErrors: false });
addFormats(ajv);
ajv.addSchema(document.components.schemas.Error, '#/components/schemas/Error');
const compiled = new Map();
function validate(schema, value) {
  if (!schema) return null;
  let check = compiled.get(schema);
  if (!check) {
    const resolved = schema.$ref === '#/components/schemas/Error' ? document.components.schemas.Error : schema;
    check = ajv.compile(resolved);
    compiled.set(schema, check);
  }
  return check(value) ? null : ajv.errorsText(check.errors);
}

const problems = [];
let lines = 0;
let responses = 0;
let requests = 0;
const problem = (line, text) => {
  if (problems.length < 60) problems.push(`${line.route} ${line.status}: ${text}`);
  else problems.length += 0;
};
for (const file of readdirSync(traceDir).filter((f) => f.endsWith('.jsonl'))) {
  for (const text of readFileSync(path.join(traceDir, file), 'utf8').split('\n')) {
    if (!text) continue;
    lines += 1;
    const line = JSON.parse(text);
    const operation = operations.get(line.route);
    if (!operation) {
      problem(line, 'the route is not in the document');
      continue;
    }
    const declared = operation.responses[String(line.status)];
    if (!declared) {
      problem(line, 'this status is not declared');
      continue;
    }
    if (line.response !== undefined) {
      const schema = declared.content?.['application/json']?.schema;
      if (schema) {
        responses += 1;
        const error = validate(schema, line.response);
        if (error) problem(line, `the answer does not match: ${error}`);
      } else if (line.status < 400) {
        problem(line, 'a JSON answer without a JSON schema');
      }
    }
    const body = operation.requestBody?.content?.['application/json']?.schema;
    if (line.request !== undefined && line.status < 300 && body) {
      requests += 1;
      const error = validate(body, line.request);
      if (error) problem(line, `the request body does not match: ${error}`);
    }
    const parameters = new Set((operation.parameters ?? []).map((p) => `${p.in} ${p.name}`));
    for (const read of line.reads) {
      if ((read.in === 'query' || read.in === 'path') && !parameters.has(`${read.in} ${read.name}`)) {
        problem(line, `reads the undeclared ${read.in} parameter ${read.name}`);
      }
      if (read.in === 'body' && !(body?.properties && read.name in body.properties)) {
        problem(line, `reads the undeclared body field ${read.name}`);
      }
    }
  }
}
if (problems.length) {
  console.error(`${problems.length} mismatch(es) between the run and the document (make openapi rebuilds it):`);
  for (const p of new Set(problems)) console.error('  ' + p);
  process.exit(1);
}
console.log(`${lines} traced requests match: ${responses} answers and ${requests} request bodies validated against their schemas`);
