// Drift shows for every ServiceMesh input the API reports (issue 15): each row the provider sends reads its
// value back from a DescribeServiceMeshDetail field the SDK declares, of a matching type, unless no read
// reports the parameter at all (emulator/COVERAGE.md "Accepted but not modelled" says why for each) or it
// is one of the few the provider compares another way, listed here with the reason.
import { loadContract, type TypeNode } from "../../emulator/contract/contract";
import { MESH_PARAMS, isSent } from "../../provider/resources/serviceMesh/params";
import { serviceMeshFields } from "../../provider/resources/serviceMesh/description";
import type { Field } from "../../provider/schema";
import { coverageTable } from "../emulator/coverageTables";

const NOT_READ_BACK_ON_PURPOSE: Record<string, string> = {
  GuestCluster: "Reported as membership (Clusters); the cluster may leave later through a ClusterAttachment or the console without the mesh drifting.",
};

const detail = loadContract().actions.get("DescribeServiceMeshDetail")?.response.ServiceMesh;

function nodeAt(path: string): TypeNode | undefined {
  let node = detail;
  for (const key of path.split(".")) node = node?.children?.[key];
  return node;
}

const wireType = (field: Field): string | undefined =>
  ({ bool: "boolean", int: "number", number: "number", string: "string", enum: "string" } as Record<string, string>)[field.kind];

describe("ServiceMesh read-back paths against the API contract", () => {
  const sent = MESH_PARAMS.filter(isSent);

  it("reads every reported input from a declared DescribeServiceMeshDetail field of its type", () => {
    const wrong = sent.filter((p) => p.field.readBack !== false).flatMap((p) => [p.field.readBack as string | readonly string[]].flat().flatMap((at) => {
      const node = nodeAt(at);
      if (!node) return [`${p.path}: ${at} is not a field of the detail`];
      // JSON text comes back as the text or as the structure it describes.
      const expected = p.field.kind === "string" && p.field.jsonText ? ["string", "map", "object", "array"] : [wireType(p.field)];
      return expected.includes(node.type) ? [] : [`${p.path}: ${at} is ${node.type}, the input is ${p.field.kind}`];
    }));
    expect(wrong).toEqual([]);
  });

  it("reads back every input but those no read reports and those compared another way", () => {
    const unreported = new Set(coverageTable("Accepted but not modelled").filter((r) => r.action === "CreateServiceMesh").map((r) => r.name));
    const unread = sent.filter((p) => p.field.readBack === false).map((p) => p.field.wire);
    expect(unread.filter((w) => !unreported.has(w) && !Object.hasOwn(NOT_READ_BACK_ON_PURPOSE, w))).toEqual([]);
    // And the other way: an input the emulator reports is read back, so neither list hides one.
    expect([...unreported, ...Object.keys(NOT_READ_BACK_ON_PURPOSE)].filter((w) => sent.some((p) => p.field.wire === w && p.field.readBack !== false))).toEqual([]);
  });

  it("reads the top-level inputs the detail reports (name, region, version) from it", () => {
    for (const name of ["name", "regionId", "istioVersion"] as const) {
      const read = serviceMeshFields[name].readBack;
      expect([name, typeof read === "string" && nodeAt(read)?.type]).toEqual([name, "string"]);
    }
  });
});
