// Typed access to an action's parameters. Every reader names the parameter and the accepted form in
// its error, so a bad request says exactly what to fix.
import * as E from "../errors/catalog";

export class Params {
  constructor(readonly raw: Record<string, unknown>) {}

  has(name: string): boolean {
    return this.raw[name] !== undefined && this.raw[name] !== "";
  }

  str(name: string): string | undefined {
    const v = this.raw[name];
    if (v === undefined || v === "") return undefined;
    if (typeof v !== "string") throw E.invalidParameter(name, "expected a single string value, got a list or object.");
    return v;
  }

  reqStr(name: string): string {
    const v = this.str(name);
    if (v === undefined) throw E.missingParameter(name);
    return v;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[]): T | undefined {
    const v = this.str(name);
    if (v === undefined) return undefined;
    if (!(allowed as readonly string[]).includes(v)) throw E.invalidParameter(name, `"${v}" is not one of ${allowed.join(", ")}.`);
    return v as T;
  }

  bool(name: string): boolean | undefined {
    const v = this.str(name);
    if (v === undefined) return undefined;
    if (v === "true" || v === "false") return v === "true";
    throw E.invalidParameter(name, `expected a boolean (true or false), got "${v}".`);
  }

  int(name: string, min = -2147483648, max = 2147483647): number | undefined {
    const v = this.str(name);
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!/^-?\d+$/.test(v) || n < min || n > max) throw E.invalidParameter(name, `expected an integer from ${min} to ${max}, got "${v}".`);
    return n;
  }

  num(name: string): number | undefined {
    const v = this.str(name);
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isFinite(n)) throw E.invalidParameter(name, `expected a number, got "${v}".`);
    return n;
  }

  json(name: string): unknown {
    const v = this.str(name);
    if (v === undefined) return undefined;
    try {
      return JSON.parse(v) as unknown;
    } catch {
      throw E.invalidParameter(name, "expected a JSON-encoded value.");
    }
  }

  /** A repeated parameter X.1, X.2 … as strings. */
  list(name: string): string[] {
    const v = this.raw[name];
    if (v === undefined || v === "") return [];
    const items = Array.isArray(v) ? v : [v];
    return items.map((item, i) => {
      if (typeof item !== "string") throw E.invalidParameter(`${name}.${i + 1}`, "expected a string.");
      return item;
    });
  }

  /** A comma-separated list parameter. */
  csv(name: string): string[] {
    return (this.str(name) ?? "").split(",").map((s) => s.trim()).filter((s) => s.length > 0);
  }

  /** Tag.N.Key / Tag.N.Value pairs. */
  tags(name = "Tag"): { Key: string; Value: string }[] {
    const v = this.raw[name];
    if (v === undefined) return [];
    if (!Array.isArray(v)) throw E.invalidParameter(name, `send tags as ${name}.1.Key / ${name}.1.Value.`);
    return v.map((item: unknown, i) => {
      const rec = (typeof item === "object" && item !== null ? item : {}) as Record<string, unknown>;
      if (typeof rec.Key !== "string" || rec.Key === "") throw E.missingParameter(`${name}.${i + 1}.Key`);
      return { Key: rec.Key, Value: typeof rec.Value === "string" ? rec.Value : "" };
    });
  }
}
