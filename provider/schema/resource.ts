// A resource kind's description: its field table plus the few rules a table cannot say (rules across
// fields, a name derived from the old state, when a replacement must delete first). checkResource and
// diffResource are the one check and the one diff every kind goes through; the hosts call them and no
// kind writes its own.
import { withAdopted } from "./adopted";
import { CheckFailure, checkInputs } from "./check";
import { diffInputs, InputDiff } from "./diff";
import { Field, FieldSpecs, isUnknown, Props } from "./fields";
import { getPath, setPath } from "./paths";

export interface Verdict {
  failures?: CheckFailure[];
  /** Shown to the user at preview; the inputs are still accepted. */
  warnings?: string[];
}

export interface ResourceDescription {
  kind: string;
  /** What the resource is, in a sentence or two; the package schema's resource description. */
  summary?: string;
  fields: FieldSpecs;
  /** Output property names the resource class declares (passed as undefined inputs). */
  outputs: readonly string[];
  /**
   * The published outputs typed and described, for the package schema (an output of an input's name is that
   * input). Every name in `outputs` is here or in `privateOutputs`.
   */
  outputFields?: FieldSpecs;
  /** Names in `outputs` the state records for the provider's own use: the package schema leaves them out. */
  privateOutputs?: readonly string[];
  /** Inputs, by dotted path, that are accepted but do nothing, with what to tell the user instead. */
  deprecatedInputs?: Readonly<Record<string, string>>;
  /** Rewrites the program's inputs before they are checked (e.g. drop a default that does not apply). */
  prepare?(news: Props, olds: Props): Props;
  /** Rules across fields, given the checked inputs and the recorded ones. */
  validate?(inputs: Props, olds: Props): Verdict;
  /**
   * By default `validate` runs only once every field is valid, so its rules can trust the values. Set
   * when its rules stand alone and the user should see them together with the field failures.
   */
  validateWithFieldFailures?: boolean;
  /** Inputs computed from valid inputs and the recorded state (e.g. a generated name kept across runs). */
  derive?(inputs: Props, olds: Props, news: Props): Props;
  /** Whether a replacement must delete the old object before creating the new one. */
  deleteBeforeReplace?(olds: Props, news: Props): boolean;
  /**
   * A reason to replace the resource whatever the inputs say, from its recorded state (e.g. it failed
   * while being created and cannot be repaired in place: Terraform's "tainted"). Undefined = no reason.
   */
  replaceWhen?(olds: Props): string | undefined;
  /**
   * The engine names a change's keys by comparing inputs with secret values masked, so a change of only
   * secret inputs names no key. Set to have such a diff answer "changes unknown", which makes the engine
   * compare the real inputs and name every changed key (`replaces` still decides the replacement).
   */
  engineNamesSecretChanges?: boolean;
  /**
   * Inputs the API never reports (a secret's certificate and key): a state `pulumi import` wrote from the
   * object lacks them, though the program must declare them. `deployed` tells from what that state does
   * record whether the declared values are the ones the object holds; declaring them is then no change.
   */
  unreported?: { paths: readonly string[]; deployed(olds: Props, news: Props): boolean };
}

export interface ResourceCheck {
  inputs: Props;
  failures: CheckFailure[];
  warnings: string[];
}

export function checkResource(d: ResourceDescription, olds: Props, rawNews: Props): ResourceCheck {
  const news = d.prepare ? d.prepare(rawNews, olds) : rawNews;
  const { inputs, failures } = checkInputs(d.fields, news, d.outputs);
  const warnings: string[] = [];
  if (d.validate && (failures.length === 0 || d.validateWithFieldFailures)) {
    const verdict = d.validate(inputs, olds);
    failures.push(...(verdict.failures ?? []));
    warnings.push(...(verdict.warnings ?? []));
  }
  if (failures.length > 0 || !d.derive) return { inputs, failures, warnings };
  return { inputs: d.derive(inputs, olds, news), failures, warnings };
}

export interface ResourceDiff {
  /** Undefined: let the engine find the changed keys itself (engineNamesSecretChanges). */
  changes: boolean | undefined;
  replaces: string[];
  deleteBeforeReplace: boolean;
  /** The changed paths, for update to act on. */
  diff: InputDiff;
}

function fieldAt(specs: FieldSpecs, path: string): Field | undefined {
  const [head, ...rest] = path.split(".");
  const field = specs[head];
  if (rest.length === 0 || field?.kind !== "object") return field;
  return fieldAt(field.fields, rest.join("."));
}

/** The recorded state with the unreported inputs taken as declared, when it lacks them all and they are the deployed ones. */
function withUnreported(d: ResourceDescription, olds: Props, news: Props): Props {
  const u = d.unreported;
  if (!u || !u.paths.every((p) => getPath(olds, p) === undefined && getPath(news, p) !== undefined && !isUnknown(getPath(news, p)))) return olds;
  if (!u.deployed(olds, news)) return olds;
  return u.paths.reduce((o, p) => setPath(o, p, getPath(news, p)), olds);
}

export function diffResource(d: ResourceDescription, olds: Props, rawNews: Props): ResourceDiff {
  // What the program still leaves unset of an adopted object stays as adopted (adopted.ts).
  const news = withAdopted(olds, rawNews).news;
  const diff = diffInputs(d.fields, withUnreported(d, olds, news), news);
  const forced = d.replaceWhen?.(olds);
  const replaces = forced === undefined ? diff.replaces : [...diff.replaces, forced];
  const replace = replaces.length > 0;
  const secretChanged = d.engineNamesSecretChanges === true
    && diff.changed.some((p) => fieldAt(d.fields, p)?.secret === true && !isUnknown(getPath(news, p)));
  return {
    changes: secretChanged ? undefined : diff.changed.length > 0 || replace,
    replaces,
    deleteBeforeReplace: replace && (d.deleteBeforeReplace?.(olds, news) ?? false),
    diff,
  };
}
