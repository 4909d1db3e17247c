// The guide's workbench as pure functions: which silent needy households of the guide's own
// are due a visit, the buildings and skills of the guide's households, and how a timeline line
// is put into words (an i18n key and its values).

interface PatchHousehold {
  /** Null for a household not yet placed in a building. */
  building_id: number | null;
  building: string | null;
  skills: string[];
}

export const DAY_MS = 86_400_000;

/** A datetime-local value read in Shanghai ("2026-12-07T10:00") as an ISO instant with +08:00. */
export function shanghaiInstant(local: string): string {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local) ? `${local}:00+08:00` : local;
}

/**
 * The silent needy households of `mine` not visited (by anyone) since `days` days before now,
 * in the ranking's order. `lastVisit` gives each household's latest visit instant, or null.
 */
export function silentToVisit<T extends { household_id: number; silent: boolean }>(
  ranked: T[],
  mine: (id: number) => boolean,
  lastVisit: (id: number) => string | null,
  nowMs: number,
  days = 90,
): T[] {
  const since = nowMs - days * DAY_MS;
  return ranked.filter((item) => {
    if (!item.silent || !mine(item.household_id)) return false;
    const last = lastVisit(item.household_id);
    return !last || Date.parse(last) < since;
  });
}

export interface TimelineWords {
  /** workbench.timeline.<verb> */
  verb: string;
  /** The other parts of the line, each an i18n key with values or a plain text. */
  parts: ({ key: string; values?: Record<string, string | number> } | { text: string })[];
}

/** A timeline line's words; `label` names codes (category, rule, dimension, activity kind). */
export function timelineWords(
  item: { kind: string; title: string; amount: number | null; note: string | null },
  label: { category: (code: string) => string; rule: (code: string) => string; dimension: (code: string) => string },
): TimelineWords {
  const [family, sub = ''] = item.kind.split('.', 2) as [string, string?];
  const signed = (n: number) => (n > 0 ? `+${n}` : String(n));
  const note = item.note ? [{ text: item.note }] : [];
  switch (family) {
    case 'request': {
      const parts: TimelineWords['parts'] = [{ text: label.category(item.title) }];
      if (sub === 'rated' && item.amount != null) parts.push({ key: 'workbench.timeline.stars', values: { n: item.amount } });
      if (sub !== 'rated' && item.note) parts.push({ key: 'workbench.timeline.trackingCode', values: { code: item.note } });
      return { verb: `request.${sub}`, parts };
    }
    case 'visit':
      return { verb: `visit.${sub}`, parts: [{ text: item.title }, ...note] };
    case 'needs': {
      const parts: TimelineWords['parts'] = [{ text: label.dimension(item.title) }];
      if (item.amount != null) parts.push({ key: 'workbench.timeline.score', values: { n: item.amount } });
      return { verb: 'needs.assessment', parts: [...parts, ...note] };
    }
    case 'activity': {
      const parts: TimelineWords['parts'] = [{ text: item.title }];
      if (item.amount) parts.push({ key: 'workbench.timeline.pointsAmount', values: { n: signed(item.amount) } });
      return { verb: 'activity', parts };
    }
    case 'points': {
      const parts: TimelineWords['parts'] = [];
      if (item.title) parts.push({ text: sub === 'award' ? label.rule(item.title) : item.title });
      if (item.amount != null) parts.push({ key: 'workbench.timeline.pointsAmount', values: { n: signed(item.amount) } });
      return { verb: `points.${sub}`, parts };
    }
    default:
      return { verb: 'other', parts: [{ text: item.title }, ...note] };
  }
}

/**
 * Buildings of these households with how many each, in the natural order ("2号楼" before
 * "10号楼"); a household not placed in a building is in none of them.
 */
export function buildingsOf<H extends PatchHousehold>(households: H[]): { id: number; name: string; count: number }[] {
  const byId = new Map<number, { id: number; name: string; count: number }>();
  for (const household of households) {
    if (household.building_id === null) continue;
    const entry = byId.get(household.building_id) ?? { id: household.building_id, name: household.building ?? '', count: 0 };
    entry.count += 1;
    byId.set(household.building_id, entry);
  }
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN', { numeric: true }));
}

/** Skills offered in these households, most common first, each with its households. */
export function skillsOf<H extends PatchHousehold>(households: H[]): { skill: string; households: H[] }[] {
  const bySkill = new Map<string, H[]>();
  for (const household of households) {
    for (const skill of household.skills) bySkill.set(skill, [...(bySkill.get(skill) ?? []), household]);
  }
  return [...bySkill.entries()]
    .map(([skill, list]) => ({ skill, households: list }))
    .sort((a, b) => b.households.length - a.households.length || a.skill.localeCompare(b.skill, 'zh-CN'));
}

/** Whole Shanghai calendar days a follow-up is past due as of now (0 when due today or later). */
export function daysOverdue(followUpIso: string, nowMs: number): number {
  const day = (ms: number) => Math.floor((ms + 8 * 3_600_000) / DAY_MS);
  return Math.max(0, day(nowMs) - day(Date.parse(followUpIso)));
}
