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

/**
 * The text in segments of one direction each. In a right-to-left paragraph a left-to-right
 * segment runs from a Latin letter to the last Latin letter or digit before the next Arabic letter
 * (`C11`, `Rév. Bucarest, 2022`); everything else is right to left. In a left-to-right paragraph
 * a right-to-left segment runs from an Arabic letter to the last Arabic letter before the next
 * Latin one. Joined, the segments give the text back.
 */
export function scriptSegments(text: string, rightToLeftParagraph: boolean): ScriptSegment[] {
  // The common case, checked with one scan: no letter of the other direction, one segment.
  if (!(rightToLeftParagraph ? LTR_LETTER : RTL_LETTER).test(text)) return text ? [{ text, rightToLeft: rightToLeftParagraph }] : [];
  const chars = [...text];
  const foreign: Strength = rightToLeftParagraph ? 'ltr' : 'rtl';
  const own: Strength = rightToLeftParagraph ? 'rtl' : 'ltr';
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
