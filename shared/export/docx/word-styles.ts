/**
 * The style table (council-style.json) turned into what the `docx` library writes: named paragraph
 * styles of the ITU template family, document defaults (fonts per script, language) and the page.
 */
import { AlignmentType, TabStopType, type IParagraphStyleOptions, type ISectionPropertiesOptions, type IStylesOptions } from 'docx';
import type { LanguageCode } from '../../languages/index.js';
import {
  cmToTwips,
  ptToHalfPoints,
  ptToTwips,
  stylesFor,
  type CouncilStyleTable,
  type StyleDefinition,
} from '../../council-style/index.js';

/** Language tags Word uses for spelling and for script-specific fonts. */
const LANGUAGE_TAGS: Record<LanguageCode, string> = {
  ar: 'ar-SA',
  zh: 'zh-CN',
  en: 'en-GB',
  fr: 'fr-FR',
  ru: 'ru-RU',
  es: 'es-ES',
};

/** The language of Latin-script text (w:lang/@w:val) in a document of each language. */
const LATIN_TAG: Record<LanguageCode, string> = { ...LANGUAGE_TAGS, zh: 'en-GB', ar: 'en-GB' };

const ALIGNMENTS = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  both: AlignmentType.JUSTIFIED,
} as const;

/**
 * In a right-to-left paragraph Word reads `w:jc` logically: `left` is the paragraph's start (the
 * right margin of an Arabic paragraph), as Word itself writes it for an Arabic paragraph aligned
 * right; LibreOffice reads it the same way, and turns `start` into the opposite side.
 */
function paragraphStyle(id: string, style: StyleDefinition, rightToLeft: boolean): IParagraphStyleOptions {
  const hasIndent = style.leftCm !== undefined || style.hangingCm !== undefined;
  return {
    id,
    name: style.name,
    ...(style.basedOn !== undefined ? { basedOn: style.basedOn } : {}),
    ...(style.next !== undefined ? { next: style.next } : {}),
    quickFormat: true,
    run: {
      ...(style.sizePt ? { size: ptToHalfPoints(style.sizePt.value), sizeComplexScript: ptToHalfPoints(style.sizePt.value) } : {}),
      ...(style.bold ? { bold: style.bold.value, boldComplexScript: style.bold.value } : {}),
      ...(style.italic ? { italics: style.italic.value, italicsComplexScript: style.italic.value } : {}),
      ...(style.allCaps ? { allCaps: style.allCaps.value } : {}),
    },
    paragraph: {
      ...(style.align ? { alignment: ALIGNMENTS[style.align.value] } : {}),
      // Every style of an Arabic document derives from Normal: right to left, starting on the right.
      ...(rightToLeft && id === 'Normal' ? { bidirectional: true, ...(style.align ? {} : { alignment: AlignmentType.START }) } : {}),
      ...(style.spaceBeforePt || style.spaceAfterPt
        ? {
            spacing: {
              ...(style.spaceBeforePt ? { before: ptToTwips(style.spaceBeforePt.value) } : {}),
              ...(style.spaceAfterPt ? { after: ptToTwips(style.spaceAfterPt.value) } : {}),
            },
          }
        : {}),
      // In a right-to-left paragraph the hanging indent sits on the right: `start` follows the direction.
      ...(hasIndent
        ? {
            indent: {
              [rightToLeft ? 'start' : 'left']: cmToTwips(style.leftCm?.value ?? 0),
              hanging: cmToTwips(style.hangingCm?.value ?? 0),
            },
          }
        : {}),
      ...(style.keepNext ? { keepNext: style.keepNext.value } : {}),
      ...(style.tabStopsCm ? { tabStops: style.tabStopsCm.value.map((cm) => ({ type: TabStopType.LEFT, position: cmToTwips(cm) })) } : {}),
    },
  };
}

export function wordStyles(table: CouncilStyleTable, language: LanguageCode): IStylesOptions {
  const { fonts } = table;
  // Russian text is Cyrillic in the Latin slots (ascii/hAnsi); Chinese and Arabic have slots of their own.
  const western = language === 'ru' ? fonts.cyrillic.value : fonts.latin.value;
  const rightToLeft = language === 'ar';
  return {
    default: {
      document: {
        run: {
          font: { ascii: western, hAnsi: western, eastAsia: fonts.eastAsian.value, cs: fonts.arabic.value },
          // The Latin slot keeps a Latin language in Chinese and Arabic documents: tagging Latin text
          // zh-CN makes LibreOffice break Latin words anywhere, like Chinese.
          language: { value: LATIN_TAG[language], eastAsia: LANGUAGE_TAGS.zh, bidirectional: LANGUAGE_TAGS.ar },
        },
      },
    },
    paragraphStyles: Object.entries(stylesFor(table, language)).map(([id, style]) => paragraphStyle(id, style, rightToLeft)),
  };
}

export function pageProperties(table: CouncilStyleTable): NonNullable<ISectionPropertiesOptions['page']> {
  const { page } = table;
  return {
    size: { width: cmToTwips(page.widthCm.value), height: cmToTwips(page.heightCm.value) },
    margin: {
      top: cmToTwips(page.marginTopCm.value),
      bottom: cmToTwips(page.marginBottomCm.value),
      left: cmToTwips(page.marginLeftCm.value),
      right: cmToTwips(page.marginRightCm.value),
      header: cmToTwips(page.headerDistanceCm.value),
      footer: cmToTwips(page.footerDistanceCm.value),
    },
  };
}
