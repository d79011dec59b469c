// GatewaySecret: ids, generated names, per-cluster result inspection and the detail -> state
// mapping. No key material passes through here: only names, cluster ids, API messages and times.
import { createHash } from "node:crypto";
import type { GatewaySecretDetail, SecretClusterRecord } from "../../api";
import { expiryMatches } from "../../pem";
import { joinMessage, joinMessages } from "../../messages";
// Straight from its file: the framework index loads the API client, which the program must not.
import { compositeId } from "../../framework/compositeId";

const SECRET_ID = compositeId("GatewaySecret", ["meshId", "gatewayName", "secretName"]);

export function secretId(meshId: string, gatewayName: string, secretName: string): string {
  return SECRET_ID.format({ meshId, gatewayName, secretName });
}

export const parseSecretId = SECRET_ID.parse;

/** Kubernetes secret names: DNS-1123 subdomain, kept to 63 characters. */
export const SECRET_NAME = /^[a-z0-9]([-a-z0-9.]{0,61}[a-z0-9])?$/;
export const SECRET_NAME_HINT = "lowercase letters, digits, '-' and '.', starting and ending with a letter or digit, at most 63 characters";
const SUFFIX_LENGTH = 8;
export const MAX_PREFIX_LENGTH = 63 - SUFFIX_LENGTH;

/** "shop-tls" + "-" + suffix; a prefix that already ends in '-' or '.', or one too long for a separator, gets none. */
function withSuffix(prefix: string, suffix: string): string {
  const separator = /[-.]$/.test(prefix) || prefix.length + 1 + SUFFIX_LENGTH > 63 ? "" : "-";
  return `${prefix}${separator}${suffix}`;
}

/** namePrefix + 8 random lowercase hex characters: for a resource without an owner key (older programs). */
export function generateSecretName(prefix: string, random: () => number = Math.random): string {
  let suffix = "";
  for (let i = 0; i < SUFFIX_LENGTH; i++) suffix += Math.floor(random() * 16).toString(16);
  return withSuffix(prefix, suffix);
}

/**
 * namePrefix + 8 hex characters derived from the owner key (the resource's URN) and the certificate. The
 * same resource and certificate always get the same name, so a create the engine forgot, or a secret
 * deleted out of band, is made again under its old name and a repeated create finds it; a rotation (new
 * certificate) gets a new name while the old secret still exists. Only the public certificate is hashed.
 */
export function derivedSecretName(prefix: string, owner: string, cert: string): string {
  return withSuffix(prefix, createHash("sha256").update(`${owner}\n${cert}`).digest("hex").slice(0, SUFFIX_LENGTH));
}

export interface ClusterResult {
  clusterId: string;
  state: string;
  message: string;
}

/** Flattens SecretCreateRecord / SecretDeleteRecord; the map key is undocumented, ClusterId wins. */
export function clusterResults(records: Record<string, SecretClusterRecord> | undefined): ClusterResult[] {
  return Object.entries(records ?? {})
    .map(([key, r]) => ({ clusterId: r.ClusterId || key, state: r.State ?? "unknown", message: r.Message ?? "" }))
    .sort((a, b) => a.clusterId.localeCompare(b.clusterId));
}

export function failedClusters(results: ClusterResult[]): ClusterResult[] {
  return results.filter((r) => r.state !== "success");
}

/** "c-1: timeout; c-2: tls.key not exist" */
export function describeFailures(failed: ClusterResult[]): string {
  return joinMessages(failed.map((r) => joinMessage(r.clusterId, ": ", r.message || r.state)), "; ");
}

export interface SecretStatus {
  state: string;
  sni: string;
  issueTime: string;
  expiredTime: string;
  message: string;
}

export function secretStatusOf(detail: GatewaySecretDetail): SecretStatus {
  return {
    state: detail.State ?? "",
    sni: detail.SNI ?? "",
    issueTime: detail.IssueTime ?? "",
    expiredTime: detail.ExpiredTime ?? "",
    message: detail.Message ?? "",
  };
}

/**
 * The cert input read() reports back. ASM never returns the certificate, so when the live expiry
 * differs from the declared one the declared cert cannot be what is deployed: report a placeholder
 * that differs from it, and the next `up` replaces the secret with the declared certificate.
 */
export function certAsRead(declaredCert: unknown, declaredNotAfter: Date | undefined, expiredTime: string | undefined): unknown {
  if (declaredNotAfter === undefined || expiryMatches(declaredNotAfter, expiredTime)) return declaredCert;
  return `drifted: the deployed certificate expires ${expiredTime}, the declared one ${declaredNotAfter.toISOString()}`;
}
