// Bad input through the real engine: `pulumi preview` of the bad-input program fails with the
// field-specific reason from the provider's check, and the emulator's request log shows that not
// one call reached the API. The engine stops a preview at the first resource that fails its check
// (measured: a preview declaring all catalogue cases reported exactly one of them), so each case
// gets its own preview; the subset covers all five kinds, and its PEM failures (key mismatch, expired
// certificate) show that the CLI output never echoes the key. The whole catalogue runs at check level in tests/provider.
import { emulatorStack, type EmulatorStack } from "../e2e/harness/emulatorStack";
import { BAD_INPUT_CASES, type BadInputCase } from "./fixtures/badInputCases";

const REPRESENTATIVE = [
  "mesh-cidr-prefix", "mesh-region-typo", "attach-unknown-mesh-format", "gateway-port-range", "secret-key-mismatch", "secret-cert-expired", "route-weights-total",
];

let env: EmulatorStack;

const caseNamed = (id: string): BadInputCase => {
  const c = BAD_INPUT_CASES.find((x) => x.id === id);
  if (!c) throw new Error(`no bad-input case ${id}`);
  return c;
};

/** Lines of PEM bodies: if any shows up in CLI output, key material leaked. */
const pemLines = (c: BadInputCase): string[] =>
  [c.inputs.cert, c.inputs.key].filter((v): v is string => typeof v === "string")
    .flatMap((t) => t.split("\n")).map((l) => l.trim()).filter((l) => l.length >= 16 && !l.startsWith("-----"));

async function previewOf(cases: BadInputCase[]) {
  await env.stack.setConfig({ "bad:cases": JSON.stringify(cases.map(({ id, kind, inputs }) => ({ id, kind, inputs }))) });
  env.emulator.control.clearRequests();
  const result = await env.stack.run(["preview", "--non-interactive"], { allowFailure: true });
  // Both APIs: the OpenAPI and the meshes' Kubernetes API (gateway reads and deletes).
  return { ...result, output: `${result.stdout}\n${result.stderr}`, requests: [...env.emulator.control.requests(), ...env.emulator.control.kubeRequests()] };
}

beforeAll(async () => {
  env = await emulatorStack({ program: "bad-input", stackName: "bad-input" });
});

afterAll(async () => {
  await env?.dispose();
});

describe("pulumi preview with invalid inputs", () => {
  it("fails a preview declaring every case at once with the reason of each resource it reports, and calls no API", async () => {
    const r = await previewOf([...BAD_INPUT_CASES]);
    expect(r.code).not.toBe(0);
    const reported = BAD_INPUT_CASES.filter((c) => r.output.includes(`resource '${c.id}'`));
    expect(reported.length).toBeGreaterThanOrEqual(1);
    for (const c of reported) expect(r.output).toMatch(c.says);
    expect(r.requests).toEqual([]);
  });

  it.each(REPRESENTATIVE)("%s fails the preview with its field and reason, and calls no API", async (id) => {
    const c = caseNamed(id);
    const r = await previewOf([c]);
    expect(r.code).not.toBe(0);
    // Our own sentence: the path, then what is wrong; never the engine's Go rendering of the value.
    expect(r.output).toContain(`${c.kind} resource '${c.id}' has a problem: ${c.field}`);
    expect(r.output).not.toMatch(/value \{|map\[|<nil>/);
    expect(r.output).toMatch(c.says);
    expect(r.requests).toEqual([]);
    expect(r.output).not.toContain("PRIVATE KEY");
    for (const line of pemLines(c)) expect(r.output).not.toContain(line);
  });
});
