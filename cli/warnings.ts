/**
 * Warnings on the terminal, summarised: a comparison of two 1,000-item texts with lost numbering
 * says "label N is out of sequence" hundreds of times, which buries everything else. Warnings that
 * say the same thing at different places (the place and the numbers aside) are printed once, the
 * first place in full, with how many more there are; `--verbose` prints every one.
 */
import type { CliIo } from './io.js';

/** Below this many alike, every warning is printed: two or three are read, not skimmed. */
const SUMMARISE_FROM = 4;

/** What a warning says whatever its place: `line 57: label 3 is out of sequence` → `label # is out of sequence`. */
function kindOf(warning: string): string {
  return warning
    .replace(/^(?:line|lines|paragraph|item)\s+[\d–-]+:\s*/iu, '')
    .replace(/\blabel \S+/gu, 'label #')
    .replace(/"[^"]*"|«[^»]*»/gu, '"…"')
    .replace(/\d+/gu, '#');
}

export interface WarningGroup {
  first: string;
  count: number;
}

/** Warnings grouped by what they say, in order of first appearance. */
export function groupWarnings(warnings: readonly string[]): WarningGroup[] {
  const groups = new Map<string, WarningGroup>();
  for (const warning of warnings) {
    const key = kindOf(warning);
    const group = groups.get(key);
    if (group) group.count += 1;
    else groups.set(key, { first: warning, count: 1 });
  }
  return [...groups.values()];
}

/** The lines to print: every warning when verbose or few alike, else the first of each kind and a count. */
export function warningLines(warnings: readonly string[], verbose: boolean): string[] {
  if (verbose) return [...warnings];
  const lines: string[] = [];
  for (const group of groupWarnings(warnings)) {
    if (group.count < SUMMARISE_FROM) {
      lines.push(...warnings.filter((w) => kindOf(w) === kindOf(group.first)));
      continue;
    }
    lines.push(`${group.first} (and ${group.count - 1} more like it; --verbose lists them all)`);
  }
  return lines;
}

/** Prints warnings on stderr, each line with `prefix`. */
export function reportWarnings(io: CliIo, warnings: readonly string[], prefix = 'warning: '): void {
  for (const line of warningLines(warnings, io.verbose === true)) io.stderr.write(`${prefix}${line}\n`);
}
