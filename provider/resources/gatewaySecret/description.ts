// GatewaySecret input check: the field rules, exactly one of secretName / namePrefix (a generated
// name for namePrefix, kept while the certificate stays the same), and the TLS pair itself:
// valid PEM, key matches the leaf, not expired, with a warning close to expiry.
import { CheckFailure, f, FieldSpecs, isUnknown, Props, ResourceDescription } from "../../schema";
import { meshIdField } from "../../framework/meshId";
import { ownerKeyOf } from "../../framework/ownership";
import { timeoutsField } from "../../framework/timeouts";
import { describeCertificate, expiryMatches, parseCertificateChain, parseExpiredTime, validateTlsPair } from "../../pem";
import { DNS_LABEL, DNS_LABEL_HINT } from "../gatewayFields";
import { derivedSecretName, generateSecretName, MAX_PREFIX_LENGTH, SECRET_NAME, SECRET_NAME_HINT } from "./wire";

export const gatewaySecretFields = {
  meshId: { ...meshIdField, description: "The id of the mesh the gateway belongs to." },
  gatewayName: f.string({ description: "The name of the ASMGateway that serves the certificate.", required: true, createOnly: true, pattern: DNS_LABEL, patternHint: DNS_LABEL_HINT, hint: "the ASMGateway name" }),
  secretName: f.string({ description: "A fixed name for the secret; rotating the certificate then deletes the old secret first.", createOnly: true, pattern: SECRET_NAME, patternHint: SECRET_NAME_HINT }),
  namePrefix: f.string({
    description: "Instead of secretName: a prefix for a name derived from the resource and the certificate, for rotation without downtime.",
    createOnly: true,
    pattern: new RegExp(`^[a-z0-9][-a-z0-9.]{0,${MAX_PREFIX_LENGTH - 1}}$`),
    patternHint: `lowercase letters, digits, '-' and '.', starting with a letter or digit, at most ${MAX_PREFIX_LENGTH} characters`,
  }),
  cert: f.string({ description: "The PEM certificate chain, leaf first, then intermediates.", required: true, createOnly: true, secret: true, hint: "the PEM certificate (leaf first, then intermediates)" }),
  key: f.string({ description: "The PEM private key of the leaf certificate.", required: true, createOnly: true, secret: true, hint: "the PEM private key of the leaf certificate" }),
  adopt: f.bool({ description: "Take over an existing secret named secretName, whose expiry must match cert.", default: false, createTimeOnly: true }),
  timeouts: { ...timeoutsField, description: "Deadlines for create, update and delete, such as \"5m\"." },
} satisfies FieldSpecs;

export const SECRET_OUTPUTS = ["state", "sni", "issueTime", "expiredTime", "certNotAfter", "clusters"] as const;

/** The outputs as the package schema publishes them, from DescribeGatewaySecretDetails and the create's records. */
export const gatewaySecretOutputFields = {
  state: f.string({ description: "The secret's state as DescribeGatewaySecretDetails reports it: normal or abnormal." }),
  sni: f.string({ description: "The Server Name Indication values of the certificate, as ASM reports them." }),
  issueTime: f.string({ description: "When the deployed certificate was issued, as ASM reports it." }),
  expiredTime: f.string({ description: "When the deployed certificate expires, as ASM reports it." }),
  certNotAfter: f.string({ description: "The declared leaf certificate's notAfter, in ISO 8601." }),
  clusters: f.list(f.object({
    clusterId: f.string({ description: "The id of the cluster the secret was copied to.", required: true }),
    state: f.string({ description: "The copy's result on that cluster: success, or why not.", required: true }),
    message: f.string({ description: "ASM's message about the copy, empty when there is none.", required: true }),
  }), { description: "The per-cluster results of the create." }),
} satisfies FieldSpecs;

/**
 * The kind's description. `now` and `random` are injected so tests can fix the clock and the generated
 * names; the provider uses the defaults.
 */
export function describeGatewaySecret(now: () => Date = () => new Date(), random: () => number = Math.random): ResourceDescription {
  return {
    kind: "GatewaySecret",
    fields: gatewaySecretFields,
    outputs: SECRET_OUTPUTS,
    summary: "A TLS certificate and private key that ASM copies to every data-plane cluster of a gateway. The id is `<meshId>:<gatewayName>:<secretName>`.",
    outputFields: gatewaySecretOutputFields,
    // The naming rule and the TLS pair stand alone: the user sees them with any field failure.
    validateWithFieldFailures: true,
    validate: (inputs, _olds) => {
      const failures = nameFailures(inputs);
      if (typeof inputs.cert !== "string" || typeof inputs.key !== "string" || isUnknown(inputs.cert) || isUnknown(inputs.key)) return { failures };
      const report = validateTlsPair(inputs.cert, inputs.key, now());
      return { failures: [...failures, ...report.failures], warnings: report.warnings };
    },
    derive: (inputs, olds, news) => (news.secretName === undefined ? { ...inputs, secretName: nameFor(olds, inputs, ownerKeyOf(news), random) } : inputs),
    // A generated name differs from the old one, so the new secret can exist before the old goes.
    deleteBeforeReplace: (olds, news) => olds.secretName === news.secretName,
    engineNamesSecretChanges: true,
    // ASM never returns the certificate or key, so an imported secret's state has neither; its recorded
    // validity tells whether the declared certificate is the deployed one (check has matched the key to it).
    unreported: { paths: ["cert", "key"], deployed: (olds, news) => holdsRecordedValidity(olds, news.cert) },
  };
}

/** Whether the declared leaf's validity, both ends, is what the state recorded ASM reporting (to the minute). */
function holdsRecordedValidity(olds: Props, cert: unknown): boolean {
  const [issued, expires] = [olds.issueTime, olds.expiredTime];
  if (typeof cert !== "string" || typeof issued !== "string" || typeof expires !== "string") return false;
  if (parseExpiredTime(issued) === undefined || parseExpiredTime(expires) === undefined) return false;
  try {
    const leaf = describeCertificate(parseCertificateChain(cert)[0]);
    return expiryMatches(leaf.notAfter, expires) && expiryMatches(leaf.notBefore, issued);
  } catch {
    return false;
  }
}

function nameFailures(news: Props): CheckFailure[] {
  const hasName = news.secretName !== undefined && news.secretName !== null;
  const hasPrefix = news.namePrefix !== undefined && news.namePrefix !== null;
  if (hasName && hasPrefix) {
    return [{ property: "namePrefix", reason: "set either secretName or namePrefix, not both (namePrefix generates the name)" }];
  }
  if (!hasName && !hasPrefix) {
    return [{ property: "secretName", reason: "required; give secretName, or namePrefix for zero-downtime rotation (docs/rotation.md)" }];
  }
  if (news.adopt === true && !hasName) return [{ property: "adopt", reason: "adopting needs the existing secret's secretName, not a namePrefix" }];
  return [];
}

/**
 * Keeps the recorded name while prefix, cert and key are unchanged (states from before derived names keep
 * their random ones); otherwise the name derived from the owner key and certificate (derivedSecretName).
 */
function nameFor(olds: Props, inputs: Props, owner: string | undefined, random: () => number): unknown {
  if (isUnknown(inputs.namePrefix)) return inputs.namePrefix;
  const same = (k: string) => olds[k] === inputs[k] && !isUnknown(inputs[k]);
  if (typeof olds.secretName === "string" && same("namePrefix") && same("cert") && same("key")) return olds.secretName;
  if (owner !== undefined && typeof inputs.cert === "string" && !isUnknown(inputs.cert)) return derivedSecretName(String(inputs.namePrefix), owner, inputs.cert);
  return generateSecretName(String(inputs.namePrefix), random);
}
