// The plugin archive a user installs with `pulumi plugin install resource asm <version> --file <archive>`
// or that a pluginDownloadURL serves: pulumi-resource-asm-v<version>-<os>-<arch>.tar.gz.
//
// Why not the `npm pack` tarball itself: the CLI unpacks a plugin archive into its plugin directory as it is
// (pkg/pluginstorage tarPlugin → archive.ExtractTGZ, no prefix remapping; only policy packs strip
// `package/`), then runs <plugin dir>/pulumi-resource-asm. Every entry of an npm tarball sits under `package/`,
// so the engine would find neither the executable nor a PulumiPlugin.yaml, and the tarball carries none of the
// package's dependencies either. So the archive is the packed package with `package/` taken off, a launcher
// at its root, and the production dependencies of package-lock.json installed beside it: the plugin runs
// straight from the unpacked directory with nothing but `node` on PATH, and installing it is an unpack
// (no PulumiPlugin.yaml, so the CLI asks no language host to install anything and needs no registry).
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

export const REPO_ROOT = path.resolve(__dirname, "../..");

/** The executable the engine runs in a plugin directory: pulumi-<kind>-<name>. */
export const PLUGIN_EXECUTABLE = "pulumi-resource-asm";

/** The archive's root launcher: bin/pulumi-resource-asm finds dist/ relative to itself, so it is required, not copied. */
const ROOT_LAUNCHER = `#!/usr/bin/env node
// The plugin directory's executable (the engine runs <plugin dir>/${PLUGIN_EXECUTABLE}); the package's own
// launcher in bin/ does the rest.
"use strict";
require("./bin/${PLUGIN_EXECUTABLE}");
`;

/** An operating system and architecture as Pulumi names them in archive names (Go's GOOS and GOARCH). */
export interface Platform {
  os: "linux" | "darwin";
  arch: "amd64" | "arm64";
}

const PLATFORM_RE = /^(linux|darwin)-(amd64|arm64)$/;

/** `linux-amd64` and the like; Windows is refused, as the archive has no launcher it could run (.exe or .cmd). */
export function parsePlatform(text: string): Platform {
  const m = PLATFORM_RE.exec(text);
  if (!m) throw new Error(`platform "${text}" is not supported; use linux-amd64, linux-arm64, darwin-amd64 or darwin-arm64`);
  return { os: m[1] as Platform["os"], arch: m[2] as Platform["arch"] };
}

/** This machine's platform in Pulumi's names (Node says x64 where Go says amd64). */
export function currentPlatform(): Platform {
  const arch = process.arch === "x64" ? "amd64" : process.arch;
  return parsePlatform(`${process.platform}-${arch}`);
}

/** The asset name Pulumi asks a pluginDownloadURL for (sdk/go/common/workspace/plugins.go standardAssetName). */
export function pluginArchiveName(version: string, platform: Platform): string {
  return `${PLUGIN_EXECUTABLE}-v${version}-${platform.os}-${platform.arch}.tar.gz`;
}

export interface ArchiveOptions {
  /** Where the archives go (created when missing). */
  outDir: string;
  /** One archive per platform; the content is the same JavaScript for each. Default: this machine's. */
  platforms?: Platform[];
  /** Progress lines; silent by default. */
  log?: (line: string) => void;
}

export interface ArchiveResult {
  version: string;
  /** Absolute paths of the archives written, one per platform. */
  archives: string[];
  /** Size in bytes of the first archive. */
  bytes: number;
}

function run(cmd: string, args: string[], cwd: string): string {
  const r = spawnSync(cmd, args, { cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw new Error(`${cmd} ${args.join(" ")}: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} exited ${r.status}\n${r.stderr}`);
  return r.stdout;
}

/** Packs the package (`npm pack`, as published), then turns it into the plugin archive for each platform. */
export function buildPluginArchive(opts: ArchiveOptions): ArchiveResult {
  const log = opts.log ?? (() => undefined);
  if (!fs.existsSync(path.join(REPO_ROOT, "dist", "provider", "plugin", "main.js"))) {
    throw new Error("dist/ is not built: run `bash scripts/bootstrap` (or `npm run build`) first");
  }
  const platforms = opts.platforms ?? [currentPlatform()];
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "asm-plugin-archive-"));
  try {
    log("packing the npm package (npm pack)");
    const [packed] = JSON.parse(run("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", scratch], REPO_ROOT)) as Array<{ filename: string; version: string }>;
    const stage = path.join(scratch, "plugin");
    fs.mkdirSync(stage);
    // Every entry of the npm tarball is under package/; the plugin directory is that folder itself.
    run("tar", ["-xzf", path.join(scratch, path.basename(packed.filename)), "-C", stage, "--strip-components=1"], REPO_ROOT);
    // The versions the tests ran with: package-lock.json, production dependencies only, no install scripts
    // (none of them needs one) and no node_modules/.bin links (nothing runs them).
    log("installing production dependencies from package-lock.json (npm ci --omit=dev)");
    fs.copyFileSync(path.join(REPO_ROOT, "package-lock.json"), path.join(stage, "package-lock.json"));
    run("npm", ["ci", "--omit=dev", "--ignore-scripts", "--no-bin-links", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error"], stage);
    fs.rmSync(path.join(stage, "package-lock.json"));
    fs.writeFileSync(path.join(stage, PLUGIN_EXECUTABLE), ROOT_LAUNCHER, { mode: 0o755 });
    fs.mkdirSync(opts.outDir, { recursive: true });
    const entries = fs.readdirSync(stage).sort();
    const archives: string[] = [];
    for (const platform of platforms) {
      const file = path.resolve(opts.outDir, pluginArchiveName(packed.version, platform));
      log(`writing ${file}`);
      if (archives.length === 0) run("tar", ["-czf", file, "-C", stage, ...entries], REPO_ROOT);
      else fs.copyFileSync(archives[0], file);
      archives.push(file);
    }
    return { version: packed.version, archives, bytes: fs.statSync(archives[0]).size };
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}
