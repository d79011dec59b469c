// The explorer's generator and catalogue (tests/explorer/generator.ts, catalogue.ts): a seed names a
// run, every step is valid for the model it applies to, and the defect mix reaches the open defects' paths.
import { afterStep, CATALOGUE, FULL_STACK } from "../explorer/catalogue";
import { DEFECT_MIX, E2E_SEED, generate } from "../explorer/generator";
import { EMPTY_MODEL, type Model } from "../explorer/model";
import { Rng } from "../explorer/rng";
import { CLUSTERS, NETWORKS, type ClusterRole } from "../explorer/world";

/** What normalize() does not fix and the emulator would refuse: a cluster outside the mesh's VPC. */
function clustersInVpc(m: Model): boolean {
  return !m.mesh || (Object.keys(m.attachments) as ClusterRole[]).every((r) => CLUSTERS[r].vpcId === NETWORKS[m.mesh!.network].vpcId);
}

describe("explorer generator", () => {
  it("the same seed gives the same steps, another seed other steps", () => {
    const labels = (seed: number) => generate(seed, 30, DEFECT_MIX).map((p) => p.step.label);
    expect(labels(42)).toEqual(labels(42));
    expect(labels(43)).not.toEqual(labels(42));
  });

  it("the seeded RNG repeats its sequence and stays in range", () => {
    const a = new Rng(9);
    const b = new Rng(9);
    const xs = Array.from({ length: 100 }, () => a.int(1, 6));
    expect(xs).toEqual(Array.from({ length: 100 }, () => b.int(1, 6)));
    expect(xs.every((x) => x >= 1 && x <= 6)).toBe(true);
    expect(new Set(xs).size).toBe(6);
  });

  it("starts every run from the full stack", () => {
    expect(generate(5, 1)[0].model).toEqual(FULL_STACK);
  });

  it("every generated model keeps each attached cluster in the mesh's VPC, over many seeds", () => {
    for (let seed = 0; seed < 50; seed++) {
      for (const p of generate(seed, 40, DEFECT_MIX)) expect({ seed, step: p.step.label, ok: clustersInVpc(p.model) }).toEqual({ seed, step: p.step.label, ok: true });
    }
  });

  it("every catalogue entry offers a step from some model a run reaches", () => {
    const offered = new Set<string>();
    for (let seed = 0; seed < 100; seed++) {
      for (const p of [{ model: EMPTY_MODEL }, ...generate(seed, 30)]) for (const e of CATALOGUE) if (e.steps(p.model).length > 0) offered.add(e.name);
    }
    expect(CATALOGUE.map((e) => e.name).filter((n) => !offered.has(n))).toEqual([]);
  });

  it("the e2e run's seed replaces a mesh under a gateway, restarts the emulator, adopts and interrupts within its first 7 steps", () => {
    const plan = generate(E2E_SEED, 7, DEFECT_MIX);
    const entries = plan.map((p) => p.step.entry);
    const replacedUnderGateway = plan.some((p, i) => i > 0 && p.step.label.includes("(replaces)") && p.step.entry.startsWith("mesh.")
      && Object.keys(plan[i - 1].model.gateways).length > 0);
    expect(replacedUnderGateway).toBe(true);
    expect(entries).toContain("emulator.restart");
    expect(entries.some((e) => e.startsWith("adopt."))).toBe(true);
    expect(entries.some((e) => e.startsWith("interrupt."))).toBe(true);
  });
  it("an out-of-band rename is reverted for a declared name and kept by an adopted mesh that declares none", () => {
    const rename = (m: Model) => CATALOGUE.find((e) => e.name === "oob.renameMesh")!.steps(m).map((st) => afterStep(m, st).mesh);
    expect(rename(FULL_STACK)).toEqual([FULL_STACK.mesh]);
    const adopted: Model = { ...EMPTY_MODEL, mesh: { edition: "Default", network: "a", flags: {}, tags: {}, adopted: { name: "oob-mesh" } } };
    expect(rename(adopted)).toEqual([{ ...adopted.mesh, adopted: { name: "oob-renamed" } }]);
    const named: Model = { ...adopted, mesh: { ...adopted.mesh!, name: "explorer-mesh" } };
    expect(rename(named)).toEqual([named.mesh]);
  });
});
