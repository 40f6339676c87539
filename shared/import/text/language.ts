/**
 * Which of the six languages a text is written in, from the words the language tables know:
 * section keywords on keyword lines, number-line words, annex words and cover headings.
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
  let best = DEFAULT_LANGUAGE;
  for (const code of LANGUAGE_CODES) if (scores.get(code)! > scores.get(best)!) best = code;
  return best;
}
