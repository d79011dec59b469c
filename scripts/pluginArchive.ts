// npm run plugin-archive [-- --out DIR] [--platform linux-amd64 ...]: writes
// pulumi-resource-asm-v<version>-<os>-<arch>.tar.gz (default into .tmp/plugin/, this machine's platform),
// the native plugin as `pulumi plugin install resource asm <version> --file <archive>` and a
// pluginDownloadURL take it. Layout and why: scripts/lib/pluginArchive.ts, docs/native-provider.md.
import * as path from "node:path";
import { buildPluginArchive, parsePlatform, REPO_ROOT, type Platform } from "./lib/pluginArchive";

function main(argv: string[]): number {
  let outDir = path.join(REPO_ROOT, ".tmp", "plugin");
  const platforms: Platform[] = [];
  for (let i = 0; i < argv.length; i++) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if ((flag === "--out" || flag === "--platform") && value === undefined) {
      process.stderr.write(`plugin-archive: ${flag} needs a value\n`);
      return 2;
    }
    if (flag === "--out") outDir = path.resolve(value);
    else if (flag === "--platform") platforms.push(parsePlatform(value));
    else {
      process.stderr.write(`plugin-archive: unknown option ${flag} (allowed: --out DIR, --platform OS-ARCH, repeatable)\n`);
      return 2;
    }
    i++;
  }
  const r = buildPluginArchive({ outDir, platforms: platforms.length ? platforms : undefined, log: (l) => process.stderr.write(`plugin-archive: ${l}\n`) });
  for (const file of r.archives) process.stdout.write(`${file}\n`);
  process.stderr.write(`plugin-archive: version ${r.version}, ${(r.bytes / 1e6).toFixed(1)} MB each; install with\n` +
    `  pulumi plugin install resource asm ${r.version} --file ${r.archives[0]}\n`);
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`plugin-archive: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
}
