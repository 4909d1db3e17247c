// Category suggestion while a resident types: simple keyword matching of the description
// against the category names (both languages), helped by a few everyday words for the
// built-in categories. It only helps the resident pick; the server triages priority itself.
import type { Category } from '../api/requests';

/** Everyday words residents use that the category names do not contain. */
const EXTRA_KEYWORDS: Record<string, string[]> = {
  gas_leak: ['燃气', '煤气', '天然气', '液化气', '气味', 'gas'],
  water_outage: ['停水', '没水', '断水', '水压', '没有水', 'no water'],
  power_outage: ['停电', '没电', '断电', '跳闸', 'no power', 'blackout'],
  elderly_unreachable: ['联系不上', '没人接', '敲门没', '好几天没见', 'unreachable'],
  safety_hazard: ['隐患', '危险', '松动', '脱落', '消防', '掉下来', 'danger', 'hazard'],
  elevator: ['电梯', '困人', 'lift', 'elevator'],
  water_leak: ['漏水', '渗水', '滴水', '水管', '爆管', 'leak'],
  heating: ['暖气', '供暖', '不热', 'heating', 'radiator'],
  elderly_service: ['养老', '助餐', '陪护', '老年食堂', 'elderly care'],
  noise: ['噪音', '吵', '装修', '广场舞', 'noise', 'noisy', 'loud'],
  parking: ['停车', '车位', '道闸', '车牌', '占道', 'parking', 'car'],
  sanitation: ['垃圾', '卫生', '臭', '清运', '污水', 'rubbish', 'garbage', 'trash'],
  greening: ['绿化', '树', '草坪', '修剪', '树枝', 'tree', 'grass'],
  public_facility: ['路灯', '扶手', '门禁', '健身器材', '楼道灯', '坏了', 'light', 'broken'],
  neighbour_dispute: ['邻居', '纠纷', '吵架', 'neighbour', 'neighbor', 'dispute'],
  property_service: ['物业', '保安', 'property'],
  consultation: ['咨询', '政策', '请问', '怎么办理', '补贴', 'how do i', 'question'],
  suggestion: ['建议', '希望', 'suggest'],
};

/** Overlapping two-character pieces of a Chinese name: "漏水渗水" → 漏水, 水渗, 渗水. */
function chineseBigrams(name: string): string[] {
  const hanzi = Array.from(name).filter((ch) => /[\u4e00-\u9fff]/.test(ch));
  const pieces: string[] = [];
  for (let i = 0; i + 1 < hanzi.length; i++) pieces.push(hanzi[i] + hanzi[i + 1]);
  return pieces;
}

/** English words of four letters or more ("Water leak" → water, leak). */
function englishWords(name: string): string[] {
  return name
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((word) => word.length >= 4 && !['and', 'with', 'service'].includes(word));
}

/** How well `description` matches `category`: 0 when nothing matches. */
export function categoryScore(description: string, category: Category): number {
  const text = description.toLowerCase();
  let score = 0;
  for (const piece of chineseBigrams(category.name_zh)) {
    if (text.includes(piece)) score += 2;
  }
  if (category.name_zh && text.includes(category.name_zh)) score += 3;
  for (const word of englishWords(category.name_en)) {
    if (text.includes(word)) score += 2;
  }
  for (const keyword of EXTRA_KEYWORDS[category.code] ?? []) {
    // Longer keywords say more: "联系不上" counts more than "吵".
    if (text.includes(keyword.toLowerCase())) score += 1 + Math.min(keyword.length, 4);
  }
  return score;
}

/** The best-matching categories for a description, best first, at most `limit`. */
export function suggestCategories(
  description: string,
  categories: Category[],
  limit = 3,
): Category[] {
  if (description.trim().length < 2) return [];
  return categories
    .map((category, index) => ({ category, index, score: categoryScore(description, category) }))
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, limit)
    .map((entry) => entry.category);
}

/**
 * The server's classification (the community's configurable keyword rules, POST
 * /assistant/classify) first when it named a known category, then the local matches above,
 * which answer instantly and stay when the server is slow or unreachable; at most `limit`.
 */
export function mergeSuggestions(
  serverCategory: string | null | undefined,
  local: Category[],
  categories: Category[],
  limit = 3,
): Category[] {
  const fromServer = serverCategory ? categories.find((c) => c.code === serverCategory) : undefined;
  const merged = fromServer ? [fromServer, ...local.filter((c) => c.code !== fromServer.code)] : local;
  return merged.slice(0, limit);
}
