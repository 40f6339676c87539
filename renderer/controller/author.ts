/** The name written on tracked changes, as the settings and the editor hold it. */

/** Names that mean "no name given": the placeholder of a fresh editor, or nothing. */
export function isUnsetAuthor(name: string | null | undefined): boolean {
  const trimmed = (name ?? '').trim();
  return trimmed === '' || trimmed === 'Anonymous';
}
