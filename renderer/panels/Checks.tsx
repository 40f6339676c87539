/**
 * The style checks an editor would otherwise do by eye (shared/check): item punctuation, empty
 * items, dangling references, unknown section keywords. Run on demand; click a finding to go there.
 */
import { useEffect, useRef } from 'react';
import type { Finding } from '../../shared/check/index.js';

export function Checks(props: { findings: Finding[]; onJump(finding: Finding): void; onRecheck(): void; onClose(): void }) {
  const panel = useRef<HTMLElement>(null);
  // Shown where the user looks, and read out: the panel comes into view with each run.
  useEffect(() => {
    panel.current?.scrollIntoView({ block: 'nearest' });
  }, [props.findings]);
  return (
    <aside className="checks" aria-label="Style checks" role="region" aria-live="polite" ref={panel}>
      <header>
        <strong>Style checks</strong>{' '}
        <span className="checks-count">{props.findings.length === 0 ? 'no findings' : `${props.findings.length} finding(s)`}</span>
        <button type="button" onClick={props.onRecheck}>
          Check again
        </button>
        <button type="button" aria-label="Close the checks" onClick={props.onClose}>
          ×
        </button>
      </header>
      <ul>
        {props.findings.map((finding, index) => (
          <li key={`${finding.blockId ?? 'doc'}-${finding.code}-${index}`} className={`check-${finding.severity}`}>
            <button type="button" onMouseDown={(event) => event.preventDefault()} onClick={() => props.onJump(finding)}>
              <span className="check-where">{finding.where}</span> {finding.message}
            </button>
          </li>
        ))}
      </ul>
    </aside>
  );
}
