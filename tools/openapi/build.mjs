// Builds src/http/openapi_schemas.json — each operation's parameters, request body and
// responses — from the trace the API tests leave with GONGZHI_SCHEMA_TRACE set (`make openapi`
// runs both). Bounds and required fields of request bodies come from what the handlers read
// (JsonReader: lengths, ranges, required, the closed list of fields); shapes (nested objects,
// arrays) from the bodies that succeeded; responses from the answers, per status. The binary
// embeds the file; src/http/openapi.cpp puts it into /api/v1/openapi.json.
//   node tools/openapi/build.mjs TRACE_DIR [OUT]
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { observe, toSchema } from './infer.mjs';

const [traceDir, out = 'src/http/openapi_schemas.json'] = process.argv.slice(2);
if (!traceDir) {
  console.error('usage: node tools/openapi/build.mjs TRACE_DIR [OUT]');
  process.exit(2);
}

const isStandardError = (body) =>
  body && typeof body === 'object' && !Array.isArray(body) && typeof body.error?.code === 'string';

const operations = new Map();
let lines = 0;
for (const file of readdirSync(traceDir).filter((f) => f.endsWith('.jsonl'))) {
  for (const text of readFileSync(path.join(traceDir, file), 'utf8').split('\n')) {
    if (!text) continue;
    lines += 1;
    const line = JSON.parse(text);
    const op = operations.get(line.route) ?? { reads: new Map(), request: null, responses: new Map(), types: new Map(), errors: new Map(), bodies: 0, requiredIn: new Map() };
    operations.set(line.route, op);
    // A body field is required only when every request that had a body read it as required
    // (an award list reads its fields in the items, a correction makes a spend's optional).
    const bodyReads = line.reads.filter((r) => r.in === 'body' && !r.closed);
    if (bodyReads.length || (line.status < 300 && line.request && typeof line.request === 'object')) {
      op.bodies += 1;
      for (const name of new Set(bodyReads.filter((r) => r.required).map((r) => r.name))) {
        op.requiredIn.set(name, (op.requiredIn.get(name) ?? 0) + 1);
      }
    }
    for (const read of line.reads) {
      const key = `${read.in} ${read.name}`;
      const known = op.reads.get(key);
      if (!known) {
        // `required` stays unknown until a typed read (JsonReader::only's list says nothing).
        op.reads.set(key, { ...read, required: read.closed ? undefined : Boolean(read.required), closed: Boolean(read.closed) });
      } else {
        // The same field read twice: the stricter facts win, a typed read over an untyped one.
        if (read.type && (!known.type || known.type === 'string')) known.type = read.type;
        for (const bound of ['minimum', 'maxLength', 'maxItems']) {
          if (read[bound] !== undefined) known[bound] = known[bound] === undefined ? read[bound] : Math.max(known[bound], read[bound]);
        }
        if (read.maximum !== undefined) known.maximum = known.maximum === undefined ? read.maximum : Math.max(known.maximum, read.maximum);
        // Required only when every read said so (a correction makes a spend's fields optional).
        if (!read.closed) known.required = (known.required ?? true) && Boolean(read.required);
        known.closed = known.closed || read.closed;
      }
    }
    if (line.request !== undefined && line.status < 300) op.request = observe(op.request, line.request);
    const status = String(line.status);
    if (!op.responses.has(status)) op.responses.set(status, null);
    if (line.content_type) {
      const types = op.types.get(status) ?? new Set();
      types.add(line.content_type);
      op.types.set(status, types);
    }
    if (line.response !== undefined) {
      if (line.status < 400) {
        op.responses.set(status, observe(op.responses.get(status), line.response));
      } else if (!isStandardError(line.response)) {
        // Open311 answers errors in its own form (a list of {code, description}).
        op.errors.set(status, observe(op.errors.get(status), line.response));
      }
    }
  }
}

const INT64_MAX = 9223372036854775807n;
function bounded(schema, read) {
  const out = { ...schema };
  if (read.type === 'string_array') {
    out.type = 'array';
    out.items = { type: 'string', minLength: 1, maxLength: read.maxLength };
    if (read.maxItems !== undefined) out.maxItems = read.maxItems;
    return out;
  }
  if (read.type === 'integer_array') {
    out.type = 'array';
    out.items = { type: 'integer' };
    if (read.minimum !== undefined && BigInt(read.minimum) > -INT64_MAX) out.items.minimum = read.minimum;
    if (read.maximum !== undefined && BigInt(read.maximum) < INT64_MAX) out.items.maximum = read.maximum;
    if (read.maxItems !== undefined) out.maxItems = read.maxItems;
    return out;
  }
  if (read.type === 'integer' || read.type === 'boolean' || read.type === 'string') {
    const nullable = Array.isArray(out.type) && out.type.includes('null');
    out.type = nullable ? [read.type, 'null'] : read.type;
    if (read.type !== 'string') delete out.format;
  }
  if (read.type === 'string' && read.maxLength !== undefined) out.maxLength = read.maxLength;
  if (read.type === 'integer') {
    // int64's ends say "no bound" in the C++ reader.
    if (read.minimum !== undefined && BigInt(read.minimum) > -INT64_MAX) out.minimum = read.minimum;
    if (read.maximum !== undefined && BigInt(read.maximum) < INT64_MAX) out.maximum = read.maximum;
  }
  return out;
}

const document = {};
for (const [route, op] of [...operations].sort(([a], [b]) => a.localeCompare(b))) {
  const entry = { parameters: [], responses: {} };
  const bodyReads = [];
  for (const read of [...op.reads.values()].sort((a, b) => a.name.localeCompare(b.name))) {
    if (read.in === 'body') {
      bodyReads.push(read);
    } else if (read.in === 'query' || read.in === 'path') {
      const schema = { type: read.type === 'integer' ? 'integer' : 'string' };
      if (read.minimum !== undefined) schema.minimum = read.minimum;
      if (read.maximum !== undefined && BigInt(read.maximum) < INT64_MAX) schema.maximum = read.maximum;
      entry.parameters.push({ name: read.name, in: read.in, schema });
    }
  }
  if (op.request || bodyReads.length) {
    const inferred = toSchema(op.request);
    const schema = inferred.type === 'object' ? inferred : { type: 'object', properties: {} };
    schema.properties = schema.properties ?? {};
    const required = new Set(schema.required ?? []);
    // Fields a success happened to carry are not thereby required: the reader says which are.
    if (bodyReads.length) required.clear();
    for (const read of bodyReads) {
      if (read.type) schema.properties[read.name] = bounded(schema.properties[read.name] ?? {}, read);
      else schema.properties[read.name] = schema.properties[read.name] ?? {};
      if (op.bodies > 0 && op.requiredIn.get(read.name) === op.bodies) required.add(read.name);
    }
    if (required.size) schema.required = [...required].sort();
    else delete schema.required;
    if (bodyReads.some((r) => r.closed)) schema.additionalProperties = false;
    entry.requestBody = schema;
  }
  for (const [status, summary] of [...op.responses].sort()) {
    if (Number(status) >= 400 && op.errors.has(status)) {
      entry.responses[status] = { 'application/json': toSchema(op.errors.get(status)) };
    } else if (Number(status) >= 400) {
      entry.responses[status] = null;  // the Error schema
    } else if (route === 'GET /api/v1/openapi.json') {
      // Itself: an OpenAPI document (its own shape inferred would be a schema of schemas).
      entry.responses[status] = { 'application/json': { type: 'object', required: ['openapi', 'info', 'paths'] } };
    } else if (summary) {
      entry.responses[status] = { 'application/json': toSchema(summary) };
    } else {
      // Not JSON (CSV, HTML, XML, an image, metrics) or no body: its media types.
      entry.responses[status] = Object.fromEntries([...(op.types.get(status) ?? [])].sort().map((t) => [t, null]));
    }
  }
  document[route] = entry;
}
writeFileSync(out, JSON.stringify(document, null, 1) + '\n');
console.log(`${out}: ${operations.size} operations from ${lines} traced requests`);
