// Orders that people expect rather than the order bytes compare in: building names by their
// numbers (2号楼 before 10号楼), a resident's own requests with the open ones on top and the
// newest first, and the request categories with the urgent ones first and 其他 last.
import type { Category, Priority, RequestStatus, ServiceRequest } from '../api/requests';

const CHUNKS = /(\d+)/;

/**
 * Compares two labels so that runs of digits count as numbers: "2号楼" < "10号楼",
 * "3-2-101" < "3-10-101". Text parts compare as the locale's collation does.
 */
export function naturalCompare(a: string, b: string, locale = 'zh-CN'): number {
  const left = a.split(CHUNKS);
  const right = b.split(CHUNKS);
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    // split() with a capturing group puts digit runs at the odd indexes.
    const diff =
      i % 2 === 1
        ? Number(left[i]) - Number(right[i]) || left[i].length - right[i].length
        : left[i].localeCompare(right[i], locale);
    if (diff !== 0) return diff;
  }
  return left.length - right.length;
}

/** A copy sorted by a label, naturally (see naturalCompare). */
export function sortNaturally<T>(items: readonly T[], label: (item: T) => string, locale = 'zh-CN'): T[] {
  return [...items].sort((a, b) => naturalCompare(label(a), label(b), locale));
}

/** Statuses after which nothing more happens to a request (resolved still waits for a rating). */
const FINISHED: RequestStatus[] = ['closed', 'duplicate', 'not_our_responsibility', 'cancelled'];

export function isFinished(status: RequestStatus): boolean {
  return FINISHED.includes(status);
}

/**
 * A resident's own requests as they look for them: those still going on first, then the
 * finished ones; within each, the newest first.
 */
export function residentRequestOrder<T extends Pick<ServiceRequest, 'status' | 'received_at' | 'id'>>(
  requests: readonly T[],
): T[] {
  return [...requests].sort(
    (a, b) =>
      Number(isFinished(a.status)) - Number(isFinished(b.status)) ||
      Date.parse(b.received_at) - Date.parse(a.received_at) ||
      b.id - a.id,
  );
}

const PRIORITY_ORDER: Priority[] = ['red', 'yellow', 'blue'];
/** The catch-all category goes last whatever its name sorts as. */
export const CATCH_ALL_CATEGORY = 'other';

export interface CategoryGroup<T> {
  priority: Priority;
  categories: T[];
}

/**
 * Categories grouped by the urgency they start with (red, yellow, blue), each group in name
 * order, the catch-all 其他 at the very end, and empty groups left out.
 */
export function groupCategories<T extends Pick<Category, 'code' | 'default_priority'>>(
  categories: readonly T[],
  name: (category: T) => string,
  locale = 'zh-CN',
): CategoryGroup<T>[] {
  const groups = PRIORITY_ORDER.map((priority) => ({
    priority,
    categories: categories
      .filter((c) => (PRIORITY_ORDER.includes(c.default_priority) ? c.default_priority : 'blue') === priority)
      .sort(
        (a, b) =>
          Number(a.code === CATCH_ALL_CATEGORY) - Number(b.code === CATCH_ALL_CATEGORY) ||
          name(a).localeCompare(name(b), locale),
      ),
  }));
  // 其他 ends the list even when it carries a higher default priority than others.
  const catchAll = groups.flatMap((g) => g.categories).filter((c) => c.code === CATCH_ALL_CATEGORY);
  for (const group of groups) group.categories = group.categories.filter((c) => c.code !== CATCH_ALL_CATEGORY);
  const last = groups[groups.length - 1];
  last.categories.push(...catchAll);
  return groups.filter((g) => g.categories.length > 0);
}
