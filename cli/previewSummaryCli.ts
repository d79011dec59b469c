// Command line of the preview summary (`asm-preview-summary` when installed; scripts/preview-summary in
// this repo): reads `pulumi preview --json` from a file or stdin and prints the markdown comment.
// Exit codes: 0 printed; 2 bad arguments or input; 3 disruptive changes present and
// --fail-on-disruptive given (the markdown is printed anyway).
import * as fs from "node:fs";
import type { PreviewJson } from "./previewSteps";
import { hasDisruptive, summarizePreview } from "./previewSummary";
import { renderMarkdown } from "./previewMarkdown";

export const USAGE = `usage: preview-summary [FILE|-] [--stack NAME] [--fail-on-disruptive]
  FILE                  output of \`pulumi preview --json\` (default: stdin)
  --stack NAME          stack name for the heading (default: taken from the resource URNs)
  --fail-on-disruptive  exit 3 when a ServiceMesh, ASMGateway or GatewaySecret would be replaced or deleted`;

export interface SummaryArgs {
  file?: string;
  stack?: string;
  failOnDisruptive: boolean;
  help: boolean;
}

export class UsageError extends Error {}

export function parseSummaryArgs(argv: string[]): SummaryArgs {
  const args: SummaryArgs = { failOnDisruptive: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--help" || a === "-h") args.help = true;
    else if (a === "--fail-on-disruptive") args.failOnDisruptive = true;
    else if (a === "--stack") {
      const v = argv[++i];
      if (!v || v.startsWith("--")) throw new UsageError("--stack needs a stack name, e.g. --stack dev");
      args.stack = v;
    } else if (a.startsWith("--")) throw new UsageError(`unknown option ${a}; allowed: --stack NAME, --fail-on-disruptive, --help`);
    else if (args.file !== undefined) throw new UsageError(`only one input file is allowed; got "${args.file}" and "${a}"`);
    else args.file = a;
  }
  return args;
}

/** Parses and sanity-checks the preview JSON; the message names the source and what is wrong. */
export function parsePreviewText(text: string, source: string): PreviewJson {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${source} is not valid JSON (${(e as Error).message}); pass the output of \`pulumi preview --json\``);
  }
  const obj = data as Record<string, unknown> | null;
  const looksRight = typeof obj === "object" && obj !== null && !Array.isArray(obj)
    && (Array.isArray(obj.steps) || typeof obj.changeSummary === "object" || Array.isArray(obj.diagnostics));
  if (!looksRight) throw new UsageError(`${source} does not look like \`pulumi preview --json\` output: expected an object with "steps" and "changeSummary"`);
  return obj as PreviewJson;
}

function readInput(file: string | undefined): { text: string; source: string } {
  if (file === undefined || file === "-") return { text: fs.readFileSync(0, "utf8"), source: "stdin" };
  try {
    return { text: fs.readFileSync(file, "utf8"), source: file };
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/** Runs the command; returns the exit code. Output goes through the given writers (tests pass their own). */
export function runPreviewSummary(argv: string[], out: (s: string) => void, err: (s: string) => void): number {
  try {
    const args = parseSummaryArgs(argv);
    if (args.help) {
      out(`${USAGE}\n`);
      return 0;
    }
    const { text, source } = readInput(args.file);
    const summary = summarizePreview(parsePreviewText(text, source), { stack: args.stack });
    out(renderMarkdown(summary));
    return args.failOnDisruptive && hasDisruptive(summary) ? 3 : 0;
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    err(`preview-summary: ${e.message}\n${USAGE}\n`);
    return 2;
  }
}

if (require.main === module) {
  process.exitCode = runPreviewSummary(process.argv.slice(2), (s) => process.stdout.write(s), (s) => process.stderr.write(s));
}
