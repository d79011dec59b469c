// Output shared by every benchmark: a plain-text table on stdout and the full result as JSON in
// bench/out/<name>.json (git-ignored), stamped with the date and the machine it ran on.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

export const BENCH_OUT = path.join(__dirname, "..", "out");

export type Row = Record<string, string | number | boolean>;

/** Columns are the union of the rows' keys, in first-seen order; numbers are right-aligned. */
export function formatTable(rows: readonly Row[]): string {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const cell = (r: Row, c: string) => (r[c] === undefined ? "" : String(r[c]));
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => cell(r, c).length)));
  const line = (values: string[], numeric: boolean[]) =>
    values.map((v, i) => (numeric[i] ? v.padStart(widths[i]) : v.padEnd(widths[i]))).join("  ").trimEnd();
  const header = line(columns, columns.map(() => false));
  const body = rows.map((r) => line(columns.map((c) => cell(r, c)), columns.map((c) => typeof r[c] === "number")));
  return [header, widths.map((w) => "-".repeat(w)).join("  "), ...body].join("\n");
}

export function printTable(title: string, rows: readonly Row[]): void {
  process.stdout.write(`\n${title}\n${formatTable(rows)}\n`);
}

export function machine(): { cpus: number; cpuModel: string; node: string; platform: string } {
  const cpus = os.cpus();
  return { cpus: cpus.length, cpuModel: cpus[0]?.model ?? "unknown", node: process.version, platform: `${os.platform()} ${os.release()}` };
}

/** Writes bench/out/<name>.json and returns its path. */
export function writeResult(name: string, result: Record<string, unknown>): string {
  fs.mkdirSync(BENCH_OUT, { recursive: true });
  const file = path.join(BENCH_OUT, `${name}.json`);
  const stamped = { benchmark: name, date: new Date().toISOString(), machine: machine(), ...result };
  fs.writeFileSync(file, `${JSON.stringify(stamped, null, 2)}\n`);
  process.stdout.write(`wrote ${path.relative(process.cwd(), file)}\n`);
  return file;
}

export const seconds = (ms: number): number => Number((ms / 1000).toFixed(2));

/** Runs a bench's main and exits non-zero with the stack on failure. */
export function runMain(main: () => Promise<void>): void {
  main().catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  });
}
