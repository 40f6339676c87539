/**
 * Whose items a reference phrase names: this resolution's, or another text's. Council resolutions
 * quote other texts all the time — Res 1332 says `conformément au point 7 du décide selon lequel
 * "…"`, quoting Resolution 140 — and a quote must stay as written: linking it to this resolution's
 * item 7 would make the text say something else as soon as anything is renumbered.
 *
 * One rule, used by every importer (text, Word, paste, compare) through the linker
 * (./reference-link.ts), and by the style check that reports what stayed text. A phrase quotes
 * another text when:
 * - the words right after it name a text: `point 7 du décide de la Résolution 140`;
 * - the words right before it, in the same clause, name a numbered text: `la Résolution 140
 *   (Rév. Bucarest, 2022), point 7 du décide`;
 * - it introduces a quotation: `point 7 du décide selon lequel « … »`, `… which reads: "…"`;
 * - it stands inside a quotation (an opening quotation mark before it is not closed yet).
 */
import type { LanguageTable } from '../languages/index.js';
import { comparable } from './section-word.js';

export type ReferenceScope = 'this-resolution' | 'other-text';

export type OtherTextReason = 'names-text-after' | 'names-text-before' | 'introduces-quotation' | 'inside-quotation';

export interface ScopeVerdict {
  scope: ReferenceScope;
  reason: OtherTextReason | null;
}

const OPENING_QUOTES = '«“„‹「『';
const CLOSING_QUOTES = '»”‟›」』';
const STRAIGHT_QUOTE = '"';
/** How far a clause reaches around a reference, in characters: a few words, never the paragraph. */
const WINDOW = 80;
/** Words allowed between a reference and the quotation it introduces (`selon lequel`, `which reads`). */
const WORDS_BEFORE_QUOTATION = 4;
/** Words allowed between a text's number and the reference that follows it (`, au`). */
const WORDS_AFTER_TEXT_NUMBER = 3;

/** Where the clause around `at` begins or ends: a sentence or list punctuation mark. */
const CLAUSE_END = /[;.:!?\u061B\u061F\u3002\uFF1B\uFF1A]/u;

function words(text: string): string[] {
  return text.split(/[\s\u00a0]+/).filter(Boolean);
}

export class ReferenceScopeRule {
  /** `résolution`, `resolution`, `РЕЗОЛЮЦИЯ`…: words that name a text of their own. */
  private readonly textWords: Set<string>;
  private readonly wordy: boolean;

  constructor(table: LanguageTable) {
    this.textWords = new Set(table.numberLineWords.map(comparable));
    this.wordy = table.code !== 'zh';
  }

  private namesText(word: string): boolean {
    const letters = comparable(word.replace(/[^\p{L}]/gu, ''));
    if (this.textWords.has(letters)) return true;
    // Chinese writes `第140号决议` without spaces: the word is found inside the run.
    return !this.wordy && [...this.textWords].some((w) => word.includes(w));
  }

  /** The verdict for the phrase at [from, to) of `text` (one paragraph's text). */
  verdict(text: string, from: number, to: number): ScopeVerdict {
    const other = (reason: OtherTextReason): ScopeVerdict => ({ scope: 'other-text', reason });
    const after = this.clauseAfter(text, to);
    if (
      words(after)
        .slice(0, 4)
        .some((word) => this.namesText(word))
    )
      return other('names-text-after');
    if (this.introducesQuotation(after)) return other('introduces-quotation');
    if (this.numberedTextBefore(this.clauseBefore(text, from))) return other('names-text-before');
    if (insideQuotation(text.slice(0, from))) return other('inside-quotation');
    return { scope: 'this-resolution', reason: null };
  }

  private clauseAfter(text: string, to: number): string {
    const rest = text.slice(to, to + WINDOW);
    const end = rest.search(CLAUSE_END);
    // A colon ends the clause but often introduces the quotation: keep it and what follows it.
    if (end >= 0 && rest[end] === ':') return rest.slice(0, end + 3);
    return end >= 0 ? rest.slice(0, end) : rest;
  }

  private clauseBefore(text: string, from: number): string {
    const start = Math.max(0, from - WINDOW);
    // What is in brackets (`(Rév. Bucarest, 2022)`) neither ends the clause nor says whose items follow.
    const head = text.slice(start, from).replace(/\([^()]*\)/g, ' ');
    let cut = -1;
    for (let i = head.length - 1; i >= 0; i--) {
      if (CLAUSE_END.test(head[i]!)) {
        cut = i;
        break;
      }
    }
    return head.slice(cut + 1);
  }

  /** `selon lequel «`, `: "`: an opening quotation mark a few words after the phrase. */
  private introducesQuotation(after: string): boolean {
    let quote = -1;
    for (let i = 0; i < after.length && quote < 0; i++) if (OPENING_QUOTES.includes(after[i]!) || after[i] === STRAIGHT_QUOTE) quote = i;
    if (quote < 0) return false;
    const between = after.slice(0, quote);
    return this.wordy ? words(between).length <= WORDS_BEFORE_QUOTATION : between.length <= 12;
  }

  /** `Résolution 140 (Rév. Bucarest, 2022),` right before the phrase. */
  private numberedTextBefore(before: string): boolean {
    const list = words(before);
    for (let i = list.length - 1; i >= 0 && i >= list.length - 2 - WORDS_AFTER_TEXT_NUMBER; i--) {
      if (!/\d/.test(list[i]!)) continue;
      const previous = list[i - 1];
      if (previous !== undefined && this.namesText(previous)) return true;
      if (!this.wordy && this.namesText(list[i]!)) return true;
    }
    return false;
  }
}

/** Whether a quotation opened before this point is still open. */
function insideQuotation(before: string): boolean {
  let depth = 0;
  let straight = 0;
  for (const c of before) {
    if (OPENING_QUOTES.includes(c)) depth += 1;
    else if (CLOSING_QUOTES.includes(c)) depth = Math.max(0, depth - 1);
    else if (c === STRAIGHT_QUOTE) straight += 1;
  }
  return depth > 0 || straight % 2 === 1;
}
