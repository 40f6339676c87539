/** What a style check reports: one finding per problem, located by block and by its label. */

/** `error`: the text is wrong as it stands (an empty item, a reference to nothing). `warning`: house style. */
export type Severity = 'error' | 'warning';

export type FindingCode =
  | 'punctuation'
  | 'empty-item'
  | 'dangling-reference'
  | 'ambiguous-reference'
  | 'unknown-keyword'
  | 'proposal-reasons'
  | 'proposal-unchanged'
  | 'proposal-marked'
  | 'proposal-not-in-force'
  | 'proposal-duplicate';

export interface Finding {
  severity: Severity;
  code: FindingCode;
  /** One line, in English, for the panel and `plenary check`. */
  message: string;
  /** Id of the block the finding is about (the item, the section); null when it has none. */
  blockId: string | null;
  /** Where a reader finds it: section keyword + label (`décide 3 a.`), or the keyword line. */
  where: string;
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((finding) => finding.severity === 'error');
}

export function formatFinding(finding: Finding): string {
  return `${finding.severity}: ${finding.where}: ${finding.message}`;
}
