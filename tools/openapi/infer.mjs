// JSON Schema (2020-12, as OpenAPI 3.1 uses) inferred from sample values, merged per operation.
// Shared by build.mjs. Rules:
// - a key present in every sample object is required (the server writes every key, null when
//   there is no value: json_or_null);
// - numbers that were all whole are integers;
// - strings that were all instants with an offset are format date-time, all YYYY-MM-DD are date;
// - an object whose keys are data (digits, dates, or more than 60 of them) becomes a map
//   (additionalProperties) instead of a list of properties.

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}:\d{2}|Z)$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DATA_KEY = /^(\d+|\d{4}-\d{2}(-\d{2})?|\d{4}Q[1-4])$/;

// A summary of samples that merges cheaply; turned into a schema by toSchema.
export function observe(summary, value) {
  summary = summary ?? { count: 0 };
  summary.count += 1;
  if (value === null) {
    summary.null = true;
  } else if (typeof value === 'boolean') {
    summary.boolean = true;
  } else if (typeof value === 'number') {
    summary.number = summary.number ?? { whole: true };
    if (!Number.isInteger(value)) summary.number.whole = false;
  } else if (typeof value === 'string') {
    summary.string = summary.string ?? { instant: true, day: true };
    if (!INSTANT.test(value)) summary.string.instant = false;
    if (!DAY.test(value)) summary.string.day = false;
  } else if (Array.isArray(value)) {
    summary.array = summary.array ?? { items: null };
    for (const item of value) summary.array.items = observe(summary.array.items, item);
  } else {
    summary.object = summary.object ?? { count: 0, keys: {} };
    summary.object.count += 1;
    for (const [key, item] of Object.entries(value)) {
      const entry = summary.object.keys[key] ?? { present: 0, summary: null };
      entry.present += 1;
      entry.summary = observe(entry.summary, item);
      summary.object.keys[key] = entry;
    }
  }
  return summary;
}

function merge(a, b) {
  if (!a) return b;
  if (!b) return a;
  const out = { count: a.count + b.count };
  if (a.null || b.null) out.null = true;
  if (a.boolean || b.boolean) out.boolean = true;
  if (a.number || b.number) out.number = { whole: (a.number?.whole ?? true) && (b.number?.whole ?? true) };
  if (a.string || b.string) {
    out.string = {
      instant: (a.string?.instant ?? true) && (b.string?.instant ?? true),
      day: (a.string?.day ?? true) && (b.string?.day ?? true),
    };
  }
  if (a.array || b.array) out.array = { items: merge(a.array?.items, b.array?.items) };
  if (a.object || b.object) {
    const keys = {};
    for (const source of [a.object, b.object]) {
      for (const [key, entry] of Object.entries(source?.keys ?? {})) {
        const known = keys[key];
        keys[key] = known
          ? { present: known.present + entry.present, summary: merge(known.summary, entry.summary) }
          : { present: entry.present, summary: entry.summary };
      }
    }
    out.object = { count: (a.object?.count ?? 0) + (b.object?.count ?? 0), keys };
  }
  return out;
}

export function toSchema(summary) {
  if (!summary) return {};
  const variants = [];
  if (summary.object) {
    const { keys, count } = summary.object;
    const names = Object.keys(keys);
    if (names.length > 60 || (names.length > 0 && names.every((k) => DATA_KEY.test(k)))) {
      let values = null;
      for (const entry of Object.values(keys)) values = merge(values, entry.summary);
      variants.push({ type: 'object', additionalProperties: toSchema(values) });
    } else {
      const properties = {};
      const required = [];
      for (const name of names.sort()) {
        properties[name] = toSchema(keys[name].summary);
        if (keys[name].present === count) required.push(name);
      }
      const schema = { type: 'object', properties };
      if (required.length) schema.required = required;
      variants.push(schema);
    }
  }
  if (summary.array) {
    variants.push({ type: 'array', items: toSchema(summary.array.items) });
  }
  if (summary.string) {
    const schema = { type: 'string' };
    if (summary.string.instant) schema.format = 'date-time';
    else if (summary.string.day) schema.format = 'date';
    variants.push(schema);
  }
  if (summary.number) variants.push({ type: summary.number.whole ? 'integer' : 'number' });
  if (summary.boolean) variants.push({ type: 'boolean' });
  if (summary.null) variants.push({ type: 'null' });
  if (variants.length === 0) return {};
  if (variants.length === 1) return variants[0];
  // Scalars (and null) fold into one type list; anything with structure goes into anyOf.
  if (variants.every((v) => Object.keys(v).length === 1 || (v.type === 'string' && Object.keys(v).length <= 2))) {
    const types = variants.map((v) => v.type);
    const folded = { type: types };
    const text = variants.find((v) => v.type === 'string');
    if (text?.format) folded.format = text.format;
    return folded;
  }
  return { anyOf: variants };
}
