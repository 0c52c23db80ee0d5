// The report the stand-in writes: a fixture report (scout-report-format.md, --output form) with
// only the Target reference and the 12-hex digest rewritten (contract §6.3), and the sections
// --only-refresh / --only-update drop.

export function renderReport(fixture: string, target: string, digest: string, flags: { onlyRefresh: boolean; onlyUpdate: boolean }): string {
  let text = fixture
    .replace(/^(\s*Target\s*│\s*).*$/m, (_, head: string) => `${head}${target}`)
    .replace(/^(\s*digest\s*│\s*).*$/m, (_, head: string) => `${head}${digest.replace(/^sha256:/, "").slice(0, 12)}`);
  if (flags.onlyRefresh) text = dropSection(text, "Change base image");
  if (flags.onlyUpdate) text = dropSection(text, "Refresh base image");
  return text;
}

/** Removes a top-level section (its title line to the next section title or the end). */
function dropSection(text: string, title: string): string {
  const lines = text.split("\n");
  const start = lines.findIndex((l) => l.startsWith(title));
  if (start === -1) return text;
  let end = lines.findIndex((l, i) => i > start && (l.startsWith("Refresh base image") || l.startsWith("Change base image")));
  if (end === -1) end = lines.length;
  return [...lines.slice(0, start), ...lines.slice(end)].join("\n");
}
