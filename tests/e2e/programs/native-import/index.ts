// Declares the resources the test lists in generated/resources.json: type token, name and inputs, as the
// import recorded them in the state (tests/e2e/importCode.test.ts runs the code the CLI prints instead).
import * as fs from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";

interface Declared {
  type: string;
  name: string;
  inputs: pulumi.Inputs;
}

class Imported extends pulumi.CustomResource {
  constructor(d: Declared) {
    // Imported resources are protected, as the printed code declares them.
    super(d.type, d.name, d.inputs, { protect: true });
  }
}

const file = path.join(__dirname, "generated", "resources.json");
const declared: Declared[] = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as Declared[]) : [];
export const ids = declared.map((d) => new Imported(d).id);
