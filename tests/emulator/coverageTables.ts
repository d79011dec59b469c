// Reads the tables of emulator/COVERAGE.md that tests hold the emulator to: a heading, then rows of
// `| Action | Name | Why |`.
import * as fs from "node:fs";
import * as path from "node:path";

export interface CoverageRow {
  action: string;
  name: string;
  why: string;
}

const FILE = path.resolve(__dirname, "../../emulator/COVERAGE.md");

export function coverageTable(heading: string): CoverageRow[] {
  const text = fs.readFileSync(FILE, "utf8");
  const at = text.indexOf(`\n## ${heading}\n`);
  if (at < 0) throw new Error(`emulator/COVERAGE.md has no "## ${heading}" section`);
  const section = text.slice(at + heading.length + 5).split(/\n## /)[0];
  return section.split("\n")
    .filter((l) => l.startsWith("| ") && !l.startsWith("| Action") && !l.startsWith("|---"))
    .map((l) => l.split("|").slice(1, -1).map((cell) => cell.trim().replace(/^`|`$/g, "")))
    .map(([action, name, why]) => ({ action, name, why }));
}
