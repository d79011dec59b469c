// Applies the lazy lifecycle to a mesh record: completes a due phase, applies what was pending
// (clusters joining or leaving, a new version or edition), removes a mesh whose deletion finished,
// and drops IstioGateways whose Kubernetes deletion is due.
import { isMeshRemoved, MeshState, type TransitionKey } from "../modelled";
import { advancePhase, isSettled, startPhase, type TransitionRules } from "../time/lifecycle";
import type { MeshRecord, MeshView } from "./records";
import type { Store } from "./store";

/** Returns the mesh after bringing it up to date, or undefined once it is gone. */
export function settleMesh(store: Store, rules: TransitionRules, mesh: MeshView, countRead: boolean): MeshView | undefined {
  const now = store.clockNow();
  if (!isSettled(mesh.phase)) {
    const completed = store.changeMesh(mesh, (m) => advancePhase(m.phase, rules, now, countRead));
    if (completed && isMeshRemoved(mesh.phase.status)) {
      store.removeMesh(mesh.id);
      return undefined;
    }
    if (completed) store.changeMesh(mesh, (m) => applyPending(m, now));
  }
  settleGatewayDeletions(store, rules, mesh, countRead);
  return mesh;
}

function applyPending(mesh: MeshRecord, now: number): void {
  const p = mesh.pending;
  mesh.clusters = mesh.clusters.filter((c) => !p.removeClusters.includes(c));
  for (const c of p.addClusters) if (!mesh.clusters.includes(c)) mesh.clusters.push(c);
  if (p.version) mesh.version = p.version;
  if (p.edition) mesh.edition = p.edition;
  mesh.pending = { addClusters: [], removeClusters: [] };
  mesh.updatedAt = now;
}

export function settleGatewayDeletions(store: Store, rules: TransitionRules, mesh: MeshView, countRead: boolean): void {
  const now = store.clockNow();
  if (!Object.values(mesh.gateways).some((gw) => gw.deletion)) return;
  store.changeMesh(mesh, (m) => {
    for (const [key, gw] of Object.entries(m.gateways)) {
      if (!gw.deletion) continue;
      if (rules.isDue("IstioGateway:delete", gw.deletion.since, gw.deletion.reads, now)) delete m.gateways[key];
      else if (countRead) gw.deletion.reads += 1;
    }
  });
}

/** Starts a transition: the mesh shows `status` until the phase completes into `target`. */
export function beginMeshPhase(store: Store, mesh: MeshView, status: string, key: TransitionKey, target: string = MeshState.running): void {
  const now = store.clockNow();
  store.changeMesh(mesh, (m) => {
    m.phase = startPhase(status, target, key, now);
    m.errorMessage = "";
    m.updatedAt = now;
  });
}

/** The modelled `failed` state: the mesh stays failed until deleted. */
export function failMeshRecord(store: Store, mesh: MeshView, message: string): void {
  beginMeshPhase(store, mesh, MeshState.failed, mesh.phase.key, MeshState.failed);
  store.changeMesh(mesh, (m) => {
    m.errorMessage = message;
    m.pending = { addClusters: [], removeClusters: [] };
  });
}
