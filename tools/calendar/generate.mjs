// Writes data/calendar/cn-workdays.json, the working-day calendar the server ships with,
// from the official holiday arrangements collected in the `chinese-days` npm package.
//
//   cd tools/calendar && npm ci && node generate.mjs [output path]
//
// Our format (read by src/core/calendar.cpp, WorkCalendar::from_json):
//   {"source": "chinese-days@1.5.7", "generated_from": "npm", "years": [2004, ..., 2026],
//    "holidays": {"2026-10-01": "国庆节", ...},       official days off, weekends inside
//                                                     a holiday period included
//    "workdays": {"2026-10-10": "国庆节调休", ...}}   official make-up working days (调休)
// Dates are keys sorted ascending; one entry per line so a new year reads well in a diff.
// The package's `inLieuDays` (the weekdays given off in exchange) are already among its
// holidays, so they add nothing here.

import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const packageRoot = dirname(require.resolve("chinese-days/package.json"));
const packageVersion = JSON.parse(readFileSync(join(packageRoot, "package.json"), "utf8")).version;
const data = JSON.parse(readFileSync(join(packageRoot, "dist", "chinese-days.json"), "utf8"));
const output = resolve(process.argv[2] ?? join(here, "..", "..", "data", "calendar", "cn-workdays.json"));

function fail(message) {
  console.error(`generate.mjs: ${message}`);
  process.exit(1);
}

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const dayMs = 86400000;
function dayNumber(date) {
  const match = datePattern.exec(date);
  if (!match) fail(`not a YYYY-MM-DD date: ${date}`);
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (new Date(ms).toISOString().slice(0, 10) !== date) fail(`not a real date: ${date}`);
  return ms / dayMs;
}
const dateOf = (day) => new Date(day * dayMs).toISOString().slice(0, 10);
const isWeekend = (day) => [0, 6].includes(new Date(day * dayMs).getUTCDay());

// The package's values read "English name,中文名,statutory days"; we keep the Chinese name.
function chineseName(date, value) {
  const name = String(value).split(",")[1]?.trim();
  if (!name) fail(`no Chinese name for ${date}: ${JSON.stringify(value)}`);
  return name;
}

const holidays = new Map();
for (const [date, value] of Object.entries(data.holidays ?? {})) {
  holidays.set(dayNumber(date), chineseName(date, value));
}
const workdays = new Map();
for (const [date, value] of Object.entries(data.workdays ?? {})) {
  const day = dayNumber(date);
  if (holidays.has(day)) fail(`${date} is both a holiday and a make-up workday`);
  workdays.set(day, `${chineseName(date, value)}调休`);
}
if (holidays.size === 0) fail("the package has no holidays: has its layout changed?");

// A few older periods skip the ordinary weekend day in their middle (2011-06-05, 2012-06-23,
// 2015-06-21 at the Dragon Boat Festival). It was a day off either way; we list it so that
// `holidays` names every day of each period, as the format promises.
const holidayDays = [...holidays.keys()].sort((a, b) => a - b);
for (let i = 0; i + 1 < holidayDays.length; ++i) {
  const [from, to] = [holidayDays[i], holidayDays[i + 1]];
  const name = holidays.get(from);
  if (to - from < 2 || to - from > 3 || holidays.get(to) !== name) continue;
  const gap = [];
  for (let day = from + 1; day < to; ++day) gap.push(day);
  if (!gap.every((day) => isWeekend(day) && !workdays.has(day))) continue;
  for (const day of gap) {
    holidays.set(day, name);
    console.error(`generate.mjs: filled weekend ${dateOf(day)} inside ${name} period`);
  }
}

// The years the package covers. A New Year period can start in late December (2018-12-30
// belongs to the 2019 arrangement), which stays inside the range; a gap would mean a year
// the package lacks, and then deadlines in it would silently use Monday to Friday.
const yearsSeen = new Set([...holidays.keys(), ...workdays.keys()].map((day) => Number(dateOf(day).slice(0, 4))));
const firstYear = Math.min(...yearsSeen);
const lastYear = Math.max(...yearsSeen);
const years = [];
for (let year = firstYear; year <= lastYear; ++year) {
  if (![...holidays.keys()].some((day) => dateOf(day).startsWith(`${year}-`))) {
    fail(`the package has no holidays in ${year}`);
  }
  years.push(year);
}

function objectLines(map) {
  const days = [...map.keys()].sort((a, b) => a - b);
  return days.map((day) => `    ${JSON.stringify(dateOf(day))}: ${JSON.stringify(map.get(day))}`).join(",\n");
}

const text =
  "{\n" +
  `  "source": ${JSON.stringify(`chinese-days@${packageVersion}`)},\n` +
  `  "generated_from": "npm",\n` +
  `  "years": [${years.join(", ")}],\n` +
  `  "holidays": {\n${objectLines(holidays)}\n  },\n` +
  `  "workdays": {\n${objectLines(workdays)}\n  }\n` +
  "}\n";
JSON.parse(text); // our own output must be valid JSON

mkdirSync(dirname(output), { recursive: true });
writeFileSync(output, text);
console.error(
  `generate.mjs: wrote ${output}: ${years[0]}–${years.at(-1)}, ` +
    `${holidays.size} holidays, ${workdays.size} make-up workdays`,
);
