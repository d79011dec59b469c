// docs/yaml.md tells YAML users which asm:* keys configure the native plugin and which type tokens it serves;
// both come from the package schema, so the page must say what schema.json says.
import * as fs from "node:fs";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "..", "..");
const docs = fs.readFileSync(path.join(ROOT, "docs", "yaml.md"), "utf8");
interface Schema {
  config: { variables: Record<string, { secret?: boolean }> };
  resources: Record<string, unknown>;
}
const schema = JSON.parse(fs.readFileSync(path.join(ROOT, "schema.json"), "utf8")) as Schema;

function section(title: string): string {
  const start = docs.indexOf(`## ${title}`);
  if (start < 0) throw new Error(`docs/yaml.md has no section "${title}"`);
  const end = docs.indexOf("\n## ", start + 3);
  return docs.slice(start, end < 0 ? undefined : end);
}

const tableRows = (text: string, cell: RegExp) => text.split("\n").filter((l) => l.startsWith("| ") && cell.test(l));

describe("docs/yaml.md", () => {
  it("lists every asm:* config key of the schema, as set with --secret exactly where the schema says secret", () => {
    const rows = tableRows(section("Configuration: the `asm:*` keys"), /^\| `asm:\w+`/);
    const key = (l: string) => /^\| `asm:(\w+)`/.exec(l)?.[1];
    expect(rows.map(key).sort()).toEqual(Object.keys(schema.config.variables).sort());
    const secretInDocs = rows.filter((l) => l.includes("set with `--secret`")).map(key).sort();
    const secretInSchema = Object.entries(schema.config.variables).filter(([, v]) => v.secret === true).map(([k]) => k).sort();
    expect(secretInDocs).toEqual(secretInSchema);
  });

  it("lists every type token the plugin serves, and the YAML quickstart uses only those", () => {
    const rows = tableRows(section("The type tokens"), /^\| `asm:index:\w+`/);
    expect(rows.map((l) => /`(asm:index:\w+)`/.exec(l)?.[1]).sort()).toEqual(Object.keys(schema.resources).sort());
    const program = fs.readFileSync(path.join(ROOT, "examples", "quickstart-yaml", "Pulumi.yaml"), "utf8");
    const used = [...program.matchAll(/^\s+type: (\S+)$/gm)].map((m) => m[1]).filter((t) => t.includes(":"));
    expect(used.filter((t) => !(t in schema.resources))).toEqual([]);
    expect(new Set(used)).toEqual(new Set(Object.keys(schema.resources)));
  });
});
