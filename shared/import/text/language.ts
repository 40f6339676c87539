/**
 * Which of the six languages a text is written in, from the words the language tables know:
 * section keywords on keyword lines, number-line words, annex words and cover headings; when no
 * line holds one, from the script and the commonest small words of the text.
 */
import { LANGUAGE_CODES, languageTable, type LanguageCode } from '../../languages/index.js';
import { LineClassifier } from './classify.js';
import type { SourceLine } from './lines.js';

/** Enough evidence to stop looking: a whole resolution is not needed to know its language. */
const CONFIDENT_SCORE = 12;

const DEFAULT_LANGUAGE: LanguageCode = 'fr';

export function detectLanguage(lines: readonly SourceLine[]): LanguageCode {
  const classifiers = LANGUAGE_CODES.map((code) => new LineClassifier(languageTable(code)));
  const scores = new Map<LanguageCode, number>(LANGUAGE_CODES.map((code) => [code, 0]));
  for (const line of lines) {
    if (line.label !== null || line.tabs > 0 || line.plain === '') continue;
    for (const classifier of classifiers) {
      const code = classifier.table.code;
      const evidence =
        classifier.isNumberLine(line) ||
        classifier.isAnnexLine(line) ||
        classifier.coverHeadingOf(line) !== null ||
        classifier.keywordOf(line) !== null;
      if (!evidence) continue;
      const score = scores.get(code)! + 1;
      scores.set(code, score);
      if (score >= CONFIDENT_SCORE) return code;
    }
  }
  let best: LanguageCode | null = null;
  for (const code of LANGUAGE_CODES) if (scores.get(code)! > (best ? scores.get(best)! : 0)) best = code;
  return best ?? languageOfWords(lines) ?? DEFAULT_LANGUAGE;
}

/**
 * Words that are frequent in one of the three Latin-script languages and rare in the other two
 * (`de`, `la`, `que`, `en` are shared, so they are left out).
 */
const FUNCTION_WORDS: Record<'en' | 'fr' | 'es', ReadonlySet<string>> = {
  en: new Set(['the', 'and', 'of', 'to', 'is', 'for', 'that', 'with', 'by', 'which', 'this', 'are', 'on', 'its', 'be']),
  fr: new Set(['le', 'les', 'des', 'du', 'et', 'est', 'une', 'dans', 'pour', 'aux', 'au', 'sur', 'qui', 'ce', 'sont', "l'", "d'"]),
  es: new Set(['el', 'los', 'las', 'del', 'y', 'para', 'por', 'con', 'una', 'es', 'al', 'como', 'sobre', 'su', 'sus']),
};

/** How much text is enough to tell the language by its words. */
const SAMPLE_CHARACTERS = 20_000;

/**
 * A text with no keyword of any table (a report, a note, a paragraph pasted alone): its script
 * says Arabic, Chinese or Russian; among the Latin-script languages its commonest small words say
 * which. Null when nothing tells (no letters, or a tie).
 */
export function languageOfWords(lines: readonly SourceLine[]): LanguageCode | null {
  let sample = '';
  for (const line of lines) {
    if (sample.length >= SAMPLE_CHARACTERS) break;
    sample += `${line.plain}\n`;
  }
  const count = (pattern: RegExp) => sample.match(pattern)?.length ?? 0;
  const scripts: Array<[LanguageCode, number]> = [
    ['ar', count(/\p{Script=Arabic}/gu)],
    ['zh', count(/\p{Script=Han}/gu)],
    ['ru', count(/\p{Script=Cyrillic}/gu)],
    ['en', count(/\p{Script=Latin}/gu)],
  ];
  scripts.sort((a, b) => b[1] - a[1]);
  const [script, letters] = scripts[0]!;
  if (letters === 0) return null;
  if (script !== 'en') return script;
  const scores = { en: 0, fr: 0, es: 0 };
  for (const word of sample
    .toLowerCase()
    .replace(/[\u2019]/g, "'")
    .match(/\p{L}+'?/gu) ?? []) {
    for (const code of ['en', 'fr', 'es'] as const) if (FUNCTION_WORDS[code].has(word)) scores[code] += 1;
  }
  const ranked = (['en', 'fr', 'es'] as const).map((code) => [code, scores[code]] as const).sort((a, b) => b[1] - a[1]);
  return ranked[0]![1] > ranked[1]![1] ? ranked[0]![0] : null;
}
