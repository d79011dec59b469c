// npm run schema: writes schema.json, the Pulumi package schema generated from the resource descriptions
// (provider/packageSchema.ts). Run it after changing a field table; tests/unit/packageSchema.test.ts fails
// while the committed file differs from what the descriptions generate.
import * as fs from "node:fs";
import { SCHEMA_FILE, schemaText } from "./lib/schemaFile";

fs.writeFileSync(SCHEMA_FILE, schemaText());
console.log(`wrote ${SCHEMA_FILE}`);
