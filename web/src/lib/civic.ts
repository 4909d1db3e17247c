// Pure helpers of the civic and assistant back-office pages: survey drafts turned into what
// POST /api/v1/surveys accepts (with the reasons a draft is not ready), term dates, and the
// search filters of the knowledge base.
import type { NewQuestion, QuestionKind } from '../api/civic';

export interface QuestionDraft {
  kind: QuestionKind;
  prompt: string;
  /** One option a line (choice questions only). */
  optionsText: string;
  required: boolean;
}

export const QUESTION_KINDS: QuestionKind[] = ['single_choice', 'multiple_choice', 'scale', 'text'];
export const MAX_OPTIONS = 20;

export function blankQuestion(kind: QuestionKind = 'single_choice'): QuestionDraft {
  return { kind, prompt: '', optionsText: '', required: kind !== 'text' };
}

export function isChoice(kind: QuestionKind): boolean {
  return kind === 'single_choice' || kind === 'multiple_choice';
}

/** The options of a draft: one a line, trimmed, blanks dropped. */
export function draftOptions(draft: QuestionDraft): string[] {
  return draft.optionsText
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

/** Why a draft survey cannot be saved yet: i18n keys under civic.surveys.problem, with n. */
export type DraftProblem = { key: 'title' | 'noQuestions' | 'prompt' | 'options' | 'tooManyOptions' | 'duplicateOption'; n?: number };

export function draftProblems(title: string, drafts: QuestionDraft[]): DraftProblem[] {
  const problems: DraftProblem[] = [];
  if (!title.trim()) problems.push({ key: 'title' });
  if (drafts.length === 0) problems.push({ key: 'noQuestions' });
  drafts.forEach((draft, index) => {
    const n = index + 1;
    if (!draft.prompt.trim()) problems.push({ key: 'prompt', n });
    if (isChoice(draft.kind)) {
      const options = draftOptions(draft);
      if (options.length < 2) problems.push({ key: 'options', n });
      else if (options.length > MAX_OPTIONS) problems.push({ key: 'tooManyOptions', n });
      else if (new Set(options).size !== options.length) problems.push({ key: 'duplicateOption', n });
    }
  });
  return problems;
}

export function questionsBody(drafts: QuestionDraft[]): NewQuestion[] {
  return drafts.map((draft) => ({
    kind: draft.kind,
    prompt: draft.prompt.trim(),
    ...(isChoice(draft.kind) ? { options: draftOptions(draft) } : {}),
    required: draft.required,
  }));
}

/** YYYY-MM-DD plus whole years, minus `lessDays` days (a term of 3 years ends the day before). */
export function addYears(date: string, years: number, lessDays = 0): string {
  const [y, m, d] = date.split('-').map(Number);
  const moved = new Date(Date.UTC(y + years, m - 1, d) - lessDays * 86_400_000);
  return moved.toISOString().slice(0, 10);
}

/** Terms typed with spaces, commas or 、 between them, each once. */
export function splitTerms(text: string): string[] {
  return [...new Set(text.split(/[\s,，、;；]+/).map((term) => term.trim()).filter(Boolean))];
}

/** Whether every word typed is found in one of the texts (case-insensitive). */
export function matchesAll(query: string, ...texts: string[]): boolean {
  const haystack = texts.join(' ').toLowerCase();
  return splitTerms(query.toLowerCase()).every((word) => haystack.includes(word));
}

/** A leader's term as read on a date: current, or ended. */
export function isCurrentLeader(leader: { until: string | null }, today: string): boolean {
  return !leader.until || leader.until > today;
}

/** A resident chosen in the picker (components/civic/ResidentPicker.vue). */
export interface PickedResident {
  id: number;
  name: string;
  /** Door and birth year, to tell two people of one name apart. */
  detail: string;
  household_id: number;
}
