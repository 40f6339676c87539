/**
 * What a line is, read in one language: a resolution's number line, an annex heading, a section
 * keyword line, a cover heading, an artifact. All the words come from the language table.
 */
import {
  allLanguageTables,
  foldText,
  matchKeyword,
  numberLineOpening,
  type KeywordEntry,
  type LanguageTable,
} from '../../languages/index.js';
import type { CoverFieldName } from '../../schema/index.js';
import type { SourceLine } from './lines.js';

/** Punctuation that ends an item or a sentence, in Latin, CJK and Arabic scripts. */
const ITEM_ENDINGS = ';.:,；。：，؛،';

/** The cover headings of the framed box, in the order of the table. */
const COVER_HEADINGS = [
  'purpose',
  'actionRequired',
  'strategicLinks',
  'financialImplications',
  'references',
] as const satisfies readonly CoverFieldName[];
export type CoverHeading = (typeof COVER_HEADINGS)[number];

/** `Annexe: 1`, `Annex: 2`: a field code left over by the converter. */
const FIELD_ARTIFACT = new RegExp(
  `^(?:${[...new Set(allLanguageTables().flatMap((table) => table.annexWords))].map(escape).join('|')}):\\s*\\d+$`,
  'iu',
);

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * What may follow a number line's number: its brackets (`(C11, dernière mod. C24)`, full-width in
 * Chinese, one level of brackets inside), more than one, and a note sign.
 */
const NUMBER_LINE_END = /^(?:\s*[(（](?:[^()（）]|[(（][^()（）]*[)）])*[)）])*[\s*]*$/u;

/** The keyword phrase is at most a few words long; matching on a prefix keeps long lines cheap. */
const KEYWORD_WINDOW = 160;

export class LineClassifier {
  private readonly coverHeadings: Map<string, CoverHeading>;

  constructor(readonly table: LanguageTable) {
    this.coverHeadings = new Map(COVER_HEADINGS.map((name) => [foldText(table.cover[name]), name]));
  }

  /** A line without label or leading tab. */
  private isBare(line: SourceLine): boolean {
    return line.label === null && line.tabs === 0;
  }

  /** Ends with `;`, `.`, `:` or `,` — except the language's keyword punctuation (Russian `,`). */
  endsLikeItem(text: string): boolean {
    const last = text.trimEnd().slice(-1);
    return last !== '' && ITEM_ENDINGS.includes(last) && !this.table.keywordPunctuation.includes(last);
  }

  endsWithColon(text: string): boolean {
    return /[:：]\s*$/.test(text);
  }

  /**
   * `RÉSOLUTION 1332 (C11, dernière mod. C24)`: the number-line word, then a token with a digit,
   * then at most its brackets. A line that goes on (`القرار 417 (WRC‑07): استعمال …`, "Resolution
   * 417 (WRC-07): use of…", a sentence of an Arabic text, which has no capitals to tell a heading
   * from a sentence) names a resolution and is not one's number line.
   */
  isNumberLine(line: SourceLine): boolean {
    if (!this.isBare(line)) return false;
    // The kashida stretches a heading's word (`القـرار`) and is not a letter.
    const text = line.plain.replace(/\u0640/gu, '');
    // A language whose number line puts its word around the number: Chinese `第1332号决议（C11…）`.
    if (!this.table.numberLineForm.startsWith('{word}')) {
      const opening = numberLineOpening(this.table).exec(text);
      if (opening && NUMBER_LINE_END.test(text.slice(opening[0].length))) return true;
    }
    return this.table.numberLineWords.some((word) => {
      if (!text.startsWith(word)) return false;
      const rest = text.slice(word.length);
      const token = (this.table.code === 'zh' ? /^\s*\S*\d[^\s(（]*/u : /^\s+\S*\d[^\s(（]*/u).exec(rest);
      return token !== null && NUMBER_LINE_END.test(rest.slice(token[0].length));
    });
  }

  /** `ANNEXE`, `ANNEXE DE LA RÉSOLUTION 1332`, `ANNEXE 2`: the annex word in capitals, as a word. */
  isAnnexLine(line: SourceLine): boolean {
    if (!this.isBare(line)) return false;
    const text = line.plain;
    return this.table.annexWords.some((word) => text === word || (text.startsWith(word) && /^\s/u.test(text.slice(word.length))));
  }

  /**
   * The keyword entry of a section keyword line: a bare line that starts with a keyword of the
   * language and does not end like an item.
   */
  keywordOf(line: SourceLine): KeywordEntry | null {
    // A keyword line left empty (read from Word, see SourceLine.emptyKeyword): no phrase to match.
    if (line.emptyKeyword) return { phrase: '', role: '', kind: line.emptyKeyword.kind, verified: false };
    if (!this.isBare(line) || line.plain === '' || this.endsLikeItem(line.plain)) return null;
    return matchKeyword(line.plain.slice(0, KEYWORD_WINDOW), [this.table.code])?.entry ?? null;
  }

  /** `(adoptée à la onzième séance plénière)`. */
  isAdoptionLine(line: SourceLine): boolean {
    return this.isBare(line) && /^\(.*\)$/su.test(line.plain);
  }

  /** `Annexe: 1`, a field artifact of the converter. */
  isFieldArtifact(line: SourceLine): boolean {
    return line.label === null && FIELD_ARTIFACT.test(line.plain);
  }

  /** `- 2 -` and `C2001/#-F`: the page header template that the converter put on the cover. */
  isHeaderTemplate(line: SourceLine): boolean {
    return line.label === null && (/^-\s*\d+(?:\/\d+)?\s*-$/.test(line.plain) || /^[A-Z]+\d*\/#-[A-Z]$/.test(line.plain));
  }

  /** `__________________`: the rule of the cover box. */
  isRule(line: SourceLine): boolean {
    return line.label === null && /^_{5,}$/.test(line.plain);
  }

  coverHeadingOf(line: SourceLine): CoverHeading | null {
    if (line.label !== null) return null;
    return this.coverHeadings.get(foldText(line.plain)) ?? null;
  }

  /** The value after a cover prefix (`Point de l'ordre du jour: PL 2` → `PL 2`), or null. */
  afterPrefix(line: SourceLine, prefix: string): string | null {
    if (line.label !== null) return null;
    const text = line.plain;
    // A Chinese heading is written with the full-width colon or, in older texts, the ASCII one.
    const colons = (value: string) => foldText(value).replace(/：/gu, ':');
    if (colons(text.slice(0, prefix.length)) !== colons(prefix)) return null;
    const rest = text.slice(prefix.length);
    if (rest !== '' && !/^\s/u.test(rest) && !/[:：]$/.test(prefix)) return null;
    return rest.trim();
  }
}

/** Mostly capitals (a cover title): `RAPPORT SUR LES RÉSULTATS DES 43ème ET 44ème RÉUNIONS`. */
export function mostlyCapitals(text: string): boolean {
  let upper = 0;
  let letters = 0;
  for (const char of text) {
    if (!/\p{L}/u.test(char)) continue;
    letters += 1;
    if (char !== char.toLocaleLowerCase() && char === char.toLocaleUpperCase()) upper += 1;
  }
  return letters >= 4 && upper / letters >= 0.8;
}

/** `14 avril 2026`, `April 14, 2026`, `2026-04-14`, `14.04.2026`: a cover date. */
export function isDate(text: string): boolean {
  return (
    /^\d{1,2}(?:er)?\s+\p{L}+\.?\s+\d{4}$/u.test(text) ||
    /^\p{L}+\s+\d{1,2},?\s+\d{4}$/u.test(text) ||
    /^\d{4}-\d{2}-\d{2}$/.test(text) ||
    /^\d{1,2}[./]\d{1,2}[./]\d{4}$/.test(text) ||
    /^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$/u.test(text)
  );
}
