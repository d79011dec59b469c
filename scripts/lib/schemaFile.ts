// The committed package schema: where it lives and its exact text, shared by `npm run schema` (which
// writes it) and the test that fails while the committed file differs.
import * as fs from "node:fs";
import * as path from "node:path";
import { packageSchema, PackageFacts } from "../../provider/packageSchema";

const ROOT = path.resolve(__dirname, "..", "..");

/** At the repository root, beside Pulumi.yaml: the one file a reviewer reads to see the package's surface. */
export const SCHEMA_FILE = path.join(ROOT, "schema.json");

/** version, license and repository as package.json gives them (a repository object gives its url). */
export function packageFacts(): PackageFacts {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string; license?: string; repository?: string | { url: string } };
  const repository = typeof pkg.repository === "object" ? pkg.repository.url : pkg.repository;
  return { version: pkg.version, ...(pkg.license === undefined ? {} : { license: pkg.license }), ...(repository === undefined ? {} : { repository }) };
}

/** The schema as schema.json holds it: two-space JSON and a final newline. */
export const schemaText = (): string => `${JSON.stringify(packageSchema(packageFacts()), null, 2)}\n`;
