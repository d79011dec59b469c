// The state file's format: which versions this emulator reads, how an older one is brought up to
// the current one, and the shape checks that turn a damaged or foreign file into a message at start
// instead of a crash on some later request.
import { MESH_REMOVED } from "../modelled";
import type { StoreData } from "./records";

export const STATE_FORMAT_VERSION = 2;

/** Format 1 marked a finished deletion with this status; format 2 uses MESH_REMOVED. */
const FORMAT_1_REMOVED = "__deleted";

export class StateFileError extends Error {
  constructor(file: string, problem: string, remedy: string) {
    super(`State file ${file} ${problem}; ${remedy}`);
    this.name = "StateFileError";
  }
}

const START_AFRESH = "move it away or delete it to start with an empty emulator, or pass another --state-file.";

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** Checks the parts every request relies on; returns the path of the first one missing or mistyped. */
function shapeProblem(data: Json): string | undefined {
  if (typeof data.idCounter !== "number") return "idCounter";
  if (!isObject(data.clusters)) return "clusters";
  if (!isObject(data.meshes)) return "meshes";
  for (const [id, c] of Object.entries(data.clusters)) {
    if (!isObject(c) || typeof c.clusterId !== "string" || typeof c.vpcId !== "string") return `clusters.${id}`;
  }
  for (const [id, m] of Object.entries(data.meshes)) {
    if (!isObject(m) || typeof m.id !== "string" || !Array.isArray(m.clusters)) return `meshes.${id}`;
    if (!isObject(m.phase) || typeof m.phase.status !== "string" || typeof m.phase.target !== "string") return `meshes.${id}.phase`;
    if (!isObject(m.pending) || !Array.isArray(m.pending.addClusters) || !Array.isArray(m.pending.removeClusters)) return `meshes.${id}.pending`;
    for (const table of ["options", "tags", "gateways", "secrets", "routes", "visibility"]) {
      if (!isObject(m[table])) return `meshes.${id}.${table}`;
    }
  }
  return undefined;
}

function migrateFrom1(data: Json): void {
  for (const mesh of Object.values(data.meshes as Record<string, { phase: { status: string; target: string } }>)) {
    if (mesh.phase.target === FORMAT_1_REMOVED) mesh.phase.target = MESH_REMOVED;
    if (mesh.phase.status === FORMAT_1_REMOVED) mesh.phase.status = MESH_REMOVED;
  }
}

/** Migrations by the version they start from; each brings a file one version forward. */
const MIGRATIONS: Record<number, (data: Json) => void> = { 1: migrateFrom1 };

/** The parsed contents of `file` as current-format data, or a StateFileError saying what is wrong and what to do. */
export function decodeState(file: string, text: string): { data: StoreData; migratedFrom?: number } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new StateFileError(file, `is not JSON (${(e as Error).message})`, START_AFRESH);
  }
  if (!isObject(parsed) || !("formatVersion" in parsed)) {
    throw new StateFileError(file, "is not an asm-emulator state file (it has no formatVersion)", START_AFRESH);
  }
  const version = parsed.formatVersion;
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1) {
    throw new StateFileError(file, `is not an asm-emulator state file (formatVersion ${JSON.stringify(version)})`, START_AFRESH);
  }
  if (version > STATE_FORMAT_VERSION) {
    throw new StateFileError(file, `was written by a newer asm-emulator (format ${version}; this one reads formats 1 to ${STATE_FORMAT_VERSION})`,
      `upgrade asm-pulumi to use it, or ${START_AFRESH}`);
  }
  const problem = shapeProblem(parsed);
  if (problem) throw new StateFileError(file, `is damaged: "${problem}" is missing or not of the expected type (format ${version})`, START_AFRESH);
  for (let v = version; v < STATE_FORMAT_VERSION; v += 1) MIGRATIONS[v](parsed);
  parsed.formatVersion = STATE_FORMAT_VERSION;
  return { data: parsed as unknown as StoreData, migratedFrom: version < STATE_FORMAT_VERSION ? version : undefined };
}
