/**
 * Text split into runs by writing direction, as Word itself splits what is typed: a run of Arabic
 * letters is a right-to-left run (`w:rtl`, set in the complex-script font and language), a run of
 * Latin letters is not. Word's own bidirectional algorithm then orders the runs; what `w:rtl`
 * decides is how the spaces, digits and punctuation of a run are resolved and which font slot
 * (`w:cs` or `w:ascii`) its letters take. `C11` in an Arabic number line must not be a
 * right-to-left run (it would be set in Traditional Arabic and its neighbours' brackets would
 * follow it), and the spaces and brackets around it belong to the Arabic line.
 */

export interface ScriptSegment {
  text: string;
  rightToLeft: boolean;
}

type Strength = 'rtl' | 'ltr' | 'digit' | 'neutral';

const RTL_LETTER = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}]/u;
const LETTER = /\p{L}/u;
/** A letter of a left-to-right script: any letter but those of RTL_LETTER's scripts. */
const LTR_LETTER = /(?![\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}])\p{L}/u;
const DIGIT = /\p{Nd}/u;

function strengthOf(char: string): Strength {
  if (RTL_LETTER.test(char)) return 'rtl';
  if (LETTER.test(char)) return 'ltr';
  if (DIGIT.test(char)) return 'digit';
  return 'neutral';
}

const OPENING = '([{';
const CLOSING = ')]}';

/**
 * The last index of a foreign run once the closing brackets after it that close one of its own
 * opening brackets are counted in (`Conference (PP-26)`: the `)` closes `(PP-26`): left outside,
 * such a bracket takes the paragraph's direction and shows at the run's far side, mirrored. Only
 * neutral characters lie between `lastStrong` and `end`, so nothing of the other direction is taken.
 */
function closedBrackets(chars: string[], start: number, lastStrong: number, end: number): number {
  const open: string[] = [];
  for (let k = start; k <= lastStrong; k++) {
    const char = chars[k]!;
    if (OPENING.includes(char)) open.push(char);
    else if (CLOSING.includes(char) && open.at(-1) === OPENING[CLOSING.indexOf(char)]) open.pop();
  }
  let last = lastStrong;
  for (let k = lastStrong + 1; k < end && open.length > 0; k++) {
    const char = chars[k]!;
    if (OPENING.includes(char)) break;
    if (CLOSING.includes(char)) {
      if (open.at(-1) !== OPENING[CLOSING.indexOf(char)]) break;
      open.pop();
      last = k;
    }
  }
  return last;
}

/**
 * The text in segments of one direction each. In a right-to-left paragraph a left-to-right
 * segment runs from a Latin letter to the last Latin letter or digit before the next Arabic letter
 * (`C11`, `Rév. Bucarest, 2022`), with the closing brackets that close its own opening ones
 * (`Conference (PP-26)`); everything else is right to left. In a left-to-right paragraph a
 * right-to-left segment runs from an Arabic letter to the last Arabic letter before the next Latin
 * one. A text with no letter of the paragraph's direction is one segment of the other direction.
 * Joined, the segments give the text back.
 */
export function scriptSegments(text: string, rightToLeftParagraph: boolean): ScriptSegment[] {
  // The common case, checked with one scan: no letter of the other direction, one segment.
  if (!(rightToLeftParagraph ? LTR_LETTER : RTL_LETTER).test(text)) return text ? [{ text, rightToLeft: rightToLeftParagraph }] : [];
  const chars = [...text];
  const foreign: Strength = rightToLeftParagraph ? 'ltr' : 'rtl';
  const own: Strength = rightToLeftParagraph ? 'rtl' : 'ltr';
  // A line with no letter of the paragraph's own direction is one foreign run, punctuation and all:
  // `Plenipotentiary Conference (PP-26)` or `(Rév. Bucarest, 2022);` alone on an Arabic line
  // reads as the Latin line it is, its trailing bracket and semicolon at its right end.
  if (!chars.some((char) => strengthOf(char) === own)) return [{ text, rightToLeft: !rightToLeftParagraph }];
  const isForeign = new Array<boolean>(chars.length).fill(false);
  let index = 0;
  while (index < chars.length) {
    if (strengthOf(chars[index]!) !== foreign) {
      index++;
      continue;
    }
    let end = index;
    let lastStrong = index;
    while (end < chars.length && strengthOf(chars[end]!) !== own) {
      const strength = strengthOf(chars[end]!);
      // Digits belong to a Latin run (`C11`, `Bucarest, 2022`): they read left to right anyway.
      if (strength === foreign || (strength === 'digit' && foreign === 'ltr')) lastStrong = end;
      end++;
    }
    lastStrong = closedBrackets(chars, index, lastStrong, end);
    for (let k = index; k <= lastStrong; k++) isForeign[k] = true;
    index = end;
  }
  const segments: ScriptSegment[] = [];
  chars.forEach((char, k) => {
    const rightToLeft = isForeign[k] ? !rightToLeftParagraph : rightToLeftParagraph;
    const last = segments[segments.length - 1];
    if (last && last.rightToLeft === rightToLeft) last.text += char;
    else segments.push({ text: char, rightToLeft });
  });
  return segments;
}

/**
 * The segments of a paragraph given as pieces (its text nodes, split by marks and tracked changes),
 * cut back at the pieces' bounds: the direction of each character is decided on the whole line, so
 * a `)` that is a text node of its own (`Conference (PP-` `26` `)` after a tracked edit) still closes
 * the Latin run it belongs to. A piece that is not text (a footnote reference) is best given as one
 * neutral character, `\uFFFC`.
 */
export function scriptSegmentsOfPieces(pieces: readonly string[], rightToLeftParagraph: boolean): ScriptSegment[][] {
  const whole = scriptSegments(pieces.join(''), rightToLeftParagraph);
  const out: ScriptSegment[][] = [];
  let segment = 0;
  let used = 0; // UTF-16 units of whole[segment] already given to earlier pieces
  for (const piece of pieces) {
    const own: ScriptSegment[] = [];
    let left = piece.length;
    while (left > 0) {
      const current = whole[segment]!;
      const take = Math.min(left, current.text.length - used);
      own.push({ text: current.text.slice(used, used + take), rightToLeft: current.rightToLeft });
      used += take;
      left -= take;
      if (used === current.text.length) {
        segment++;
        used = 0;
      }
    }
    out.push(own);
  }
  return out;
}
