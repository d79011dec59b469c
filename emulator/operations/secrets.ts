// GatewaySecret: CreateGatewaySecret, DeleteGatewaySecret, DescribeGatewaySecretDetails. A secret is
// replicated to every data-plane cluster of its gateway (spec.clusterIds), with one result record
// per cluster. State is `abnormal` when the key does not match or the certificate is expired or
// not yet valid (judged against the emulator clock at read time).
import * as E from "../errors/catalog";
import { readCertificate, secretTime } from "../secrets/pem";
import type { MeshView, SecretView } from "../state/records";
import { newVisibility } from "../time/lifecycle";
import { findMesh, mutableMesh, operationsOf, readMesh, visibleNow, type OpContext } from "./context";
import { requireGateway } from "./gateways";
import type { Params } from "./params";

const SECRET_NAME = /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/;

interface ClusterResult { State: "success" | "fail"; ClusterId: string; Message: string }

function fanOut(ctx: OpContext, mesh: MeshView, clusterIds: readonly string[]): Record<string, ClusterResult> {
  const records: Record<string, ClusterResult> = {};
  for (const id of clusterIds) {
    const cluster = ctx.store.cluster(id);
    const problem = !mesh.clusters.includes(id) ? `cluster ${id} is not in the mesh`
      : cluster?.state !== "running" ? "timeout" : "";
    records[id] = { State: problem ? "fail" : "success", ClusterId: id, Message: problem };
  }
  return records;
}

function createSecret(ctx: OpContext, p: Params): Record<string, unknown> {
  const mesh = mutableMesh(ctx, p.reqStr("ServiceMeshId"));
  const gateway = requireGateway(mesh, p.reqStr("IstioGatewayName"));
  const name = p.reqStr("SecretName");
  if (!SECRET_NAME.test(name)) throw E.invalidParameter("SecretName", `"${name}" must be a DNS subdomain (lowercase letters, digits, '-', '.').`);
  const facts = readCertificate(p.reqStr("Cert"), p.reqStr("Key"));
  const key = `${gateway.name}/${name}`;
  if (mesh.secrets[key]) throw E.alreadyExists("Gateway secret", key);
  const clusterIds = (gateway.spec.clusterIds as readonly string[] | undefined) ?? [];
  const records = fanOut(ctx, mesh, clusterIds);
  const now = ctx.store.clockNow();
  ctx.store.changeMesh(mesh, (m) => {
    m.secrets[key] = {
      gateway: gateway.name, name, sni: facts.sni, issueTime: facts.issueTime, expiredTime: facts.expiredTime,
      problem: facts.keyProblem, clusters: clusterIds.filter((id) => records[id].State === "success"),
      createdAt: now, visibility: newVisibility(now),
    };
  });
  return { SecretCreateRecord: records };
}

function deleteSecret(ctx: OpContext, p: Params): Record<string, unknown> {
  const mesh = findMesh(ctx, p.reqStr("ServiceMeshId"));
  const gateway = p.reqStr("IstioGatewayName");
  const name = p.reqStr("SecretName");
  const secret = mesh.secrets[`${gateway}/${name}`];
  if (!secret) throw E.secretNotFound(gateway, name);
  ctx.store.changeMesh(mesh, (m) => delete m.secrets[`${gateway}/${name}`]);
  const records: Record<string, ClusterResult> = {};
  for (const id of secret.clusters) records[id] = { State: "success", ClusterId: id, Message: "" };
  return { SecretDeleteRecord: records };
}

export function secretDetail(s: SecretView, now: number): Record<string, unknown> {
  const problem = s.problem
    || (now >= s.expiredTime ? `certificate expired at ${secretTime(s.expiredTime)}` : "")
    || (now < s.issueTime ? `certificate is not valid before ${secretTime(s.issueTime)}` : "");
  return {
    SecretName: s.name, GatewayName: s.gateway, SNI: s.sni, State: problem ? "abnormal" : "normal", Message: problem,
    IssueTime: secretTime(s.issueTime), ExpiredTime: secretTime(s.expiredTime),
  };
}

function describeSecrets(ctx: OpContext, p: Params): Record<string, unknown> {
  const mesh = readMesh(ctx, p.reqStr("ServiceMeshId"));
  const gateway = p.str("IstioGatewayName");
  const now = ctx.store.clockNow();
  const secrets = Object.values(mesh.secrets).filter((s) => gateway === undefined || s.gateway === gateway);
  const details = secrets.filter((s) => visibleNow(ctx, mesh, s.visibility)).map((s) => secretDetail(s, now));
  return { GatewaySecretDetails: details };
}

export const secretOperations = operationsOf("GatewaySecret", {
  CreateGatewaySecret: createSecret,
  DeleteGatewaySecret: deleteSecret,
  DescribeGatewaySecretDetails: describeSecrets,
});
