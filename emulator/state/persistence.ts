// Where the store's data lives between runs. The store sees only StatePersistence; the JSON file
// writes to a temporary file in the same directory, fsyncs it, then renames it over the target:
// rename is atomic on POSIX, so a kill -9 at any point leaves either the old or the new complete
// file, never a torn one.
import * as fs from "node:fs";
import * as path from "node:path";
import { decodeState } from "./format";
import type { StoreData } from "./records";

export interface StatePersistence {
  /** The saved data in the current format, undefined when nothing was saved yet; throws when it cannot be used. */
  load(): { data: StoreData; migratedFrom?: number } | undefined;
  save(data: StoreData): void;
}

export class JsonStateFile implements StatePersistence {
  constructor(private readonly file: string) {}

  load(): { data: StoreData; migratedFrom?: number } | undefined {
    let text: string;
    try {
      text = fs.readFileSync(this.file, "utf8");
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw e;
    }
    return decodeState(this.file, text);
  }

  save(data: StoreData): void {
    const dir = path.dirname(path.resolve(this.file));
    fs.mkdirSync(dir, { recursive: true });
    const tmp = path.join(dir, `.${path.basename(this.file)}.${process.pid}.tmp`);
    const fd = fs.openSync(tmp, "w");
    try {
      fs.writeSync(fd, JSON.stringify(data));
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, this.file);
  }
}
