// One very large report, as issue 9's (151,684 recommendations in 9.9 MB): a single public image
// with `n` recommended tags, each a one-line table block, so its size grows linearly with `n`.

/** One report with `n` one-line recommendations (distinct tags), as compact as a table row can be. */
export function largeReport(n: number): string {
  const lines = [
    "  Target   │  ghcr.io/acme/monolith:1.0",
    "    digest │  0123456789ab",
    "",
    "## Recommended fixes",
    "",
    "  Base image is  node:20-alpine",
    "",
    "  Name            │  20-alpine",
    `  Digest          │  sha256:${"a".repeat(64)}`,
    "  Vulnerabilities │    1C     3H     8M    32L",
    "",
    "",
    "Change base image",
    "  The list displays new recommended tags in descending order, where the top results are rated as most suitable.",
    "",
    "",
    "        Tag        │  Details  │    Pushed    │   Vulnerabilities",
    "───────────────────┼───────────┼──────────────┼──────────────────────",
  ];
  for (let i = 0; i < n; i++) lines.push(`  20.${String(i).padStart(6, "0")}-alpine │ Benefits: │ 3 days ago │ 0C ${i % 4}H ${i % 9}M ${i % 31}L`);
  // The parser takes a report whose last block has no `Image details` for a cut one; the others
  // stay one line each, so the size per recommendation is the (9.9 MB for 151,684).
  lines.push("                    │ Image details: │              │", "                    │ • Size: 41 MB  │              │");
  return `${lines.join("\n")}\n`;
}
