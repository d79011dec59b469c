// JSON file persistence. A write goes to a temporary file in the same directory, is fsynced, then
// renamed over the target: rename is atomic on POSIX, so a kill -9 at any point leaves either the
// old or the new complete file, never a torn one.
import * as fs from "node:fs";
import * as path from "node:path";
import type { StoreData } from "./records";

export function readStateFile(file: string): StoreData | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw e;
  }
  const data = JSON.parse(text) as StoreData;
  if (data.formatVersion !== 1 || typeof data.meshes !== "object" || typeof data.clusters !== "object") {
    throw new Error(`State file ${file} is not an asm-emulator state file (formatVersion 1 expected).`);
  }
  return data;
}

export function writeStateFileAtomic(file: string, data: StoreData): void {
  const dir = path.dirname(path.resolve(file));
  fs.mkdirSync(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.tmp`);
  const fd = fs.openSync(tmp, "w");
  try {
    fs.writeSync(fd, JSON.stringify(data));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
}
