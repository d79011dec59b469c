// GatewaySecret: a TLS secret (cert + key) that ASM copies to every data-plane cluster of a gateway.
// Lifecycle: CreateGatewaySecret answers with one record per cluster; any `fail` record fails the
// create, and the secret is removed again from the clusters where it did land. Ready when
// DescribeGatewaySecretDetails lists it as `normal`. Delete checks every per-cluster record too.
// No update operation exists and the certificate is never returned: changing cert or key replaces
// the secret. With namePrefix the replacement gets a new derived name, so Pulumi creates it
// before deleting the old one (docs/rotation.md); with a fixed secretName the old one goes first.
// Drift: the declared certificate's expiry is compared with ExpiredTime on refresh.
// Adoption: `adopt: true` takes over an existing secret of that name after checking its expiry.
import type * as pulumi from "@pulumi/pulumi";
import { GatewaySecretDetail, isAlreadyExists, isNotFound } from "../../api";
import { defineProvider, minutes, partialState, ProviderContext, timeoutFor, Timeouts, VISIBILITY_POLICY } from "../../framework";
import { describeCertificate, expiryMatches, parseCertificateChain, parseExpiredTime } from "../../pem";
import { checkedInputs, CheckedInputsOf, declaredInputs, Props } from "../../schema";
import { joinMessage } from "../../messages";
import { whenError, whenValue } from "../../waiter";
import { createReconciled, writeOnMesh } from "../gatewayCalls";
import { describeGatewaySecret, gatewaySecretFields } from "./description";
import {
  certAsRead, ClusterResult, clusterResults, derivedSecretName, describeFailures, failedClusters, parseSecretId, secretId, secretStatusOf,
} from "./wire";

const DEFAULT_TIMEOUTS = { create: minutes(5), update: minutes(5), delete: minutes(5) };

// The check derives secretName from namePrefix, so a checked secret always has one.
type SecretInputs = CheckedInputsOf<typeof gatewaySecretFields> & { secretName: string };

const checked = checkedInputs(gatewaySecretFields);
const asInputs = (p: Props): SecretInputs => checked(p) as SecretInputs;
const subjectOf = (a: { gatewayName: string; secretName: string }) => `GatewaySecret ${a.gatewayName}/${a.secretName}`;

function leafNotAfter(cert: unknown): Date | undefined {
  if (typeof cert !== "string") return undefined;
  try {
    return describeCertificate(parseCertificateChain(cert)[0]).notAfter;
  } catch {
    return undefined;
  }
}

/**
 * Positive evidence that a live secret holds the declared certificate: ASM reports no certificate, only its
 * validity, so both ends of it must be reported and match the declared leaf's (to the minute). Used to tell a
 * fixed-name secret an interrupted run of this resource created from someone else's.
 */
function holdsCertificate(found: GatewaySecretDetail, cert: unknown): boolean {
  if (typeof cert !== "string") return false;
  let leaf: { notBefore: Date; notAfter: Date };
  try {
    leaf = describeCertificate(parseCertificateChain(cert)[0]);
  } catch {
    return false;
  }
  const reported = (t: string | undefined) => t !== undefined && parseExpiredTime(t) !== undefined;
  return reported(found.ExpiredTime) && reported(found.IssueTime) && expiryMatches(leaf.notAfter, found.ExpiredTime) && expiryMatches(leaf.notBefore, found.IssueTime);
}

function outputsOf(a: Props, detail: GatewaySecretDetail | undefined, clusters: ClusterResult[] | unknown): Props {
  const s = detail ? secretStatusOf(detail) : undefined;
  const status = { state: s?.state ?? "", sni: s?.sni ?? "", issueTime: s?.issueTime ?? "", expiredTime: s?.expiredTime ?? "" };
  return { ...a, ...status, certNotAfter: leafNotAfter(a.cert)?.toISOString() ?? "", clusters };
}

async function findSecret(ctx: ProviderContext, meshId: string, gateway: string, name: string) {
  const res = await ctx.client.call("DescribeGatewaySecretDetails", { ServiceMeshId: meshId, IstioGatewayName: gateway });
  return (res.GatewaySecretDetails ?? []).find((d) => d.SecretName === name);
}

function waitNormal(ctx: ProviderContext, a: SecretInputs, timeoutMs: number) {
  return ctx.wait(() => findSecret(ctx, a.meshId, a.gatewayName, a.secretName), [
    whenValue((d) => d?.State === "normal", "success"),
    whenValue((d) => d?.State === "abnormal", "failure"),
  ], {
    what: `${subjectOf(a)} to be normal`,
    subject: subjectOf(a),
    timeoutMs,
    policy: VISIBILITY_POLICY,
    label: (r) => ("err" in r ? "error" : r.ok?.State ?? "not visible"),
    failureReason: (r) => ("ok" in r ? `the secret is abnormal: ${r.ok?.Message || "no message"}` : "read failed"),
  });
}

async function adoptSecret(ctx: ProviderContext, a: SecretInputs): Promise<GatewaySecretDetail> {
  const found = await findSecret(ctx, a.meshId, a.gatewayName, a.secretName);
  if (!found) throw new Error(`adopt: gateway ${a.gatewayName} of mesh ${a.meshId} has no secret ${a.secretName}; remove adopt to create it`);
  const notAfter = leafNotAfter(a.cert);
  if (notAfter && !expiryMatches(notAfter, found.ExpiredTime)) {
    throw new Error(`adopt: secret ${a.secretName} holds a certificate expiring ${found.ExpiredTime}, not the declared one (${notAfter.toISOString()}); declare the deployed certificate or rotate by replacing the secret`);
  }
  return found;
}

/** Removes a partly created secret; returns the clusters where even that failed. */
async function removePartial(ctx: ProviderContext, a: SecretInputs): Promise<ClusterResult[]> {
  const res = await ctx.client.call("DeleteGatewaySecret", { ServiceMeshId: a.meshId, IstioGatewayName: a.gatewayName, SecretName: a.secretName });
  return failedClusters(clusterResults(res.SecretDeleteRecord));
}

/**
 * Whether the name is the one derived from this resource's owner key and certificate: a secret of that
 * name can only be what an earlier, forgotten create of this resource made. A fixed secretName proves
 * nothing (the API keeps no mark on secrets), so an existing one is refused as before.
 */
function namedForThisResource(ctx: ProviderContext, a: SecretInputs): boolean {
  return ctx.owner !== undefined && typeof a.namePrefix === "string" && a.secretName === derivedSecretName(a.namePrefix, ctx.owner, a.cert);
}

async function createSecret(inputs: Props, ctx: ProviderContext) {
  const a = asInputs(inputs);
  const id = secretId(a.meshId, a.gatewayName, a.secretName);
  const timeoutMs = timeoutFor("create", a.timeouts, DEFAULT_TIMEOUTS);
  if (a.adopt) return { id, outs: outputsOf(inputs, await adoptSecret(ctx, a), []) };
  const params = { ServiceMeshId: a.meshId, IstioGatewayName: a.gatewayName, SecretName: a.secretName, Cert: a.cert, Key: a.key };
  const created = async () => (await findSecret(ctx, a.meshId, a.gatewayName, a.secretName)) !== undefined;
  const write = () => writeOnMesh(ctx, a.meshId, subjectOf(a), timeoutMs, () => ctx.client.call("CreateGatewaySecret", params));
  // A lost response takes the per-cluster records with it; the wait below still checks the state.
  // A derived name is this resource's by construction; a fixed one when the live secret holds the declared
  // certificate (a create the engine forgot, not a replacement: ctx.owner is set only then).
  const fixedNameOurs = async () => ctx.owner !== undefined && holdsCertificate((await findSecret(ctx, a.meshId, a.gatewayName, a.secretName)) ?? {}, a.cert);
  const mine = namedForThisResource(ctx, a);
  let ownExists = false;
  const res = (await createReconciled(ctx, "CreateGatewaySecret", write, created).catch(async (err: unknown) => {
    if (isAlreadyExists(err) && (mine || (await fixedNameOurs()))) {
      ownExists = true;
      return undefined;
    }
    if (isAlreadyExists(err)) throw new Error(joinMessage((err as Error).message, ". ", "Set adopt: true to manage the existing secret, or use namePrefix to create a new name"));
    throw err;
  })) ?? { SecretCreateRecord: {} };
  if (ownExists) {
    ctx.logger.info(`${subjectOf(a)} was created by an earlier, interrupted run for this resource (its name derives from the resource and certificate, or it holds the declared certificate); continuing with it`);
    await adoptSecret(ctx, a);
    const detail = await waitNormal(ctx, a, timeoutMs).catch((err: unknown) => {
      throw partialState(id, outputsOf(inputs, undefined, []), err);
    });
    return { id, outs: outputsOf(inputs, detail, []) };
  }
  const results = clusterResults(res.SecretCreateRecord);
  const failed = failedClusters(results);
  if (failed.length > 0) {
    const reason = `CreateGatewaySecret ${a.secretName} failed on ${failed.length} of ${results.length} cluster(s): ${describeFailures(failed)}`;
    const leftover = await removePartial(ctx, a);
    if (leftover.length > 0) throw partialState(id, outputsOf(inputs, undefined, results), `${reason}; removing it again failed on ${describeFailures(leftover)}`);
    throw new Error(`${reason}; the secret was removed from the other clusters`);
  }
  const detail = await waitNormal(ctx, a, timeoutMs).catch((err: unknown) => {
    throw partialState(id, outputsOf(inputs, undefined, results), err);
  });
  return { id, outs: outputsOf(inputs, detail, results) };
}

async function readSecret(id: string, props: Props, ctx: ProviderContext) {
  const { meshId, gatewayName, secretName } = parseSecretId(id);
  const detail = await findSecret(ctx, meshId, gatewayName, secretName).catch((err: unknown) => {
    if (isNotFound(err)) return undefined; // the mesh or gateway is gone, and the secret with it
    throw err;
  });
  if (!detail) return undefined;
  const inputs: Props = { ...declaredInputs(gatewaySecretFields, props), meshId, gatewayName, secretName };
  if (props.cert !== undefined) inputs.cert = certAsRead(props.cert, leafNotAfter(props.cert), detail.ExpiredTime);
  return { id, props: outputsOf(inputs, detail, props.clusters ?? []), inputs };
}

async function deleteSecret(id: string, props: Props, ctx: ProviderContext) {
  const { meshId, gatewayName, secretName } = parseSecretId(id);
  const ref = { ServiceMeshId: meshId, IstioGatewayName: gatewayName, SecretName: secretName };
  const res = await ctx.client.call("DeleteGatewaySecret", ref).catch((err: unknown) => {
    if (isNotFound(err)) return undefined;
    throw err;
  });
  if (!res) return;
  const failed = failedClusters(clusterResults(res.SecretDeleteRecord));
  if (failed.length > 0) throw new Error(`DeleteGatewaySecret ${secretName} failed on ${describeFailures(failed)}; run the deletion again to retry`);
  await ctx.wait(() => findSecret(ctx, meshId, gatewayName, secretName), [whenValue((d) => d === undefined, "success"), whenError(isNotFound, "success")], {
    what: `GatewaySecret ${gatewayName}/${secretName} to be gone`,
    subject: `GatewaySecret ${gatewayName}/${secretName}`,
    timeoutMs: timeoutFor("delete", props.timeouts as Timeouts | undefined, DEFAULT_TIMEOUTS),
    policy: VISIBILITY_POLICY,
    label: (r) => ("err" in r ? "error" : r.ok ? "still listed" : "gone"),
  });
}

export const gatewaySecretProvider: pulumi.dynamic.ResourceProvider = defineProvider(describeGatewaySecret(), {
  create: createSecret,
  read: readSecret,
  // Every content field is createOnly, so an update only changes adopt/timeouts: keep the outputs.
  update: async (_id, olds, news) => ({ ...olds, ...news }),
  delete: deleteSecret,
});
