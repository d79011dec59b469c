// The ASM API contract as data (issue 15): per action, the HTTP method, where and how each request
// parameter travels, and the response's field tree, taken from the official SDK's models by
// scripts/contract/extract.ts (SOURCE.md says which SDK commit). An action in scope that the SDK lacks
// may have a contract kept by hand in outsideSdk/, read from another public client that calls it, each
// file naming its source. These are the files' types and a reader; no contract data is written here.
import * as fs from "node:fs";
import * as path from "node:path";

/** Scalar types as the SDK's models declare them; "binary" stands for its Buffer/Readable. */
export type ScalarType = "string" | "number" | "boolean" | "any" | "binary";

export interface TypeNode {
  type: ScalarType | "object" | "array" | "map";
  /** An object's fields by wire name. */
  children?: { [wireName: string]: TypeNode };
  /** An array's item type. */
  items?: TypeNode;
  /** A map's value type (keys are strings). */
  values?: TypeNode;
  /**
   * A request field's valid values as its SDK doc comment lists them ("Valid values:" and a list), as
   * strings whatever the type. Absent when the comment lists none, lists only true and false for a
   * boolean, or is unclear (a copied comment whose example is not in the list): absence means "not
   * documented", never "any value". Not named `values`, which is a map's value type.
   */
  documentedValues?: string[];
  /** A request field's default as its doc comment states it ("Default value: `false`."), as written. */
  documentedDefault?: string;
}

export type Place = "query" | "body";

/**
 * How a value is written into its place. "plain": the value as one string. "json": the SDK serializes
 * the structure to one JSON string (its "shrink"). "repeatList": `Name.1`, `Name.2`, … (and
 * `Name.1.Key` for items that are objects). "flatMap": an object or map as `Name.Key`.
 */
export type Encoding = "plain" | "json" | "repeatList" | "flatMap";

export interface ContractParam extends TypeNode {
  /** The wire name. */
  name: string;
  place: Place;
  encoding: Encoding;
  /** The SDK documents the parameter as required. */
  required?: true;
  /** The SDK marks the parameter deprecated. */
  deprecated?: true;
}

export interface ContractAction {
  action: string;
  method: "GET" | "POST";
  /** Sorted by name. */
  params: ContractParam[];
  /** The response body's fields by wire name. */
  response: { [wireName: string]: TypeNode };
  /** Only on a contract kept outside the SDK (outsideSdk/): where its facts were read. */
  source?: OutsideSdkSource;
}

/** A public client that calls an action the SDK lacks, pinned to the commit its facts were read at. */
export interface OutsideSdkSource {
  repository: string;
  commit: string;
  commitDate: string;
  /** Each file read, by path in the repository, with what was taken from it. */
  files: { [path: string]: string };
}

export interface SdkSource {
  repository: string;
  folder: string;
  packageName: string;
  packageVersion: string;
  /** The repository commit the folder was read at, and its committer date. */
  commit: string;
  commitDate: string;
  /** The last commit that changed the folder, at or before `commit`. */
  folderCommit: string;
  folderCommitDate: string;
}

export type Consumer = "emulator" | "provider";

export interface ContractIndexEntry {
  usedBy: Consumer[];
  /** False for an action in scope that the SDK does not have; it then has no file in actions/. */
  inSdk: boolean;
  /** The SDK lacks the action and outsideSdk/ holds its contract; without it the action is unchecked. */
  outsideSdk?: true;
  /** Named fields in the response tree: all of them, and those without fields of their own. */
  responseFields?: { total: number; leaf: number };
}

export interface ContractIndex {
  sdk: SdkSource;
  /** Actions in scope that the SDK lacks (with or without an outsideSdk/ contract), so their absence is a visible fact. */
  missingFromSdk: string[];
  actions: { [action: string]: ContractIndexEntry };
}

export interface Contract {
  index: ContractIndex;
  actions: Map<string, ContractAction>;
}

export const CONTRACT_DIR = __dirname;

export function actionFile(dir: string, action: string): string {
  return path.join(dir, "actions", `${action}.json`);
}

export const OUTSIDE_SDK_FOLDER = "outsideSdk";

export function outsideSdkFile(dir: string, action: string): string {
  return path.join(dir, OUTSIDE_SDK_FOLDER, `${action}.json`);
}

/**
 * Reads the committed contract, the SDK's actions and those kept outside it alike. The SDK's files are
 * generated and the others reviewed, so their shape is trusted, not re-validated.
 */
export function loadContract(dir: string = CONTRACT_DIR): Contract {
  const index = JSON.parse(fs.readFileSync(path.join(dir, "index.json"), "utf8")) as ContractIndex;
  const actions = new Map<string, ContractAction>();
  for (const [name, entry] of Object.entries(index.actions)) {
    const file = entry.inSdk ? actionFile(dir, name) : entry.outsideSdk ? outsideSdkFile(dir, name) : undefined;
    if (file) actions.set(name, JSON.parse(fs.readFileSync(file, "utf8")) as ContractAction);
  }
  return { index, actions };
}

/** Counts named fields: every one, and those that have no named fields below them. */
export function countFields(fields: { [name: string]: TypeNode }): { total: number; leaf: number } {
  let total = 0;
  let leaf = 0;
  const visit = (node: TypeNode): boolean => {
    // Returns whether the node holds named fields anywhere below (through arrays and maps too).
    if (node.children) {
      for (const child of Object.values(node.children)) {
        total += 1;
        if (!visit(child)) leaf += 1;
      }
      return Object.keys(node.children).length > 0;
    }
    if (node.items) return visit(node.items);
    if (node.values) return visit(node.values);
    return false;
  };
  visit({ type: "object", children: fields });
  return { total, leaf };
}
