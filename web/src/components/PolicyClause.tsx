// A policy clause as the server words it ("Assent Anti-Spam Policy, section 7
// (/legal/anti-spam#not-accepted): …"): the cited section's path becomes a link to that section
// of our public policy page, opened beside the app.
import { Anchor } from '@mantine/core';

const CITED_PATH = /\((\/legal\/[a-z-]+#[a-z-]+)\)/;

export function PolicyClause({ clause }: { clause: string }) {
  const m = CITED_PATH.exec(clause);
  if (!m || m[1] === undefined) return <>{clause}</>;
  const before = clause.slice(0, m.index).trimEnd();
  const after = clause.slice(m.index + m[0].length);
  return (
    <>
      <Anchor inherit href={m[1]} target="_blank">
        {before}
      </Anchor>
      {after}
    </>
  );
}
