/**
 * What is left to translate while a language version shows beside its source: a walk over the
 * document's translation units, only while the source is shown and only when the document changed.
 */
import { useMemo } from 'react';
import type { Node } from 'prosemirror-model';
import { translationCounts } from '../../shared/translation/index.js';

export function useLeftToTranslate(shownDoc: Node | null): number | null {
  return useMemo(() => {
    if (!shownDoc) return null;
    const counts = translationCounts(shownDoc);
    return counts['to-translate'] + counts['changed-in-source'];
  }, [shownDoc]);
}
