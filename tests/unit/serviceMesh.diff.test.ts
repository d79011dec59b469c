// The mesh's diff decides the order of a replacement: the engine deletes the old mesh's dependents and the old
// mesh before it creates the new one only when the diff asks for delete-before-replace.
import { serviceMeshProvider } from "../../provider/resources/serviceMesh/lifecycle";

const olds = { name: "m", network: { vpcId: "vpc-a", vSwitchIds: ["vsw-a"] }, edition: "Pro", clusters: ["c1"] };

describe("ServiceMesh diff", () => {
  it("asks for delete-before-replace on a create-only change (clusters move to the new mesh only once the old one lets go)", async () => {
    const d = await serviceMeshProvider.diff!("m-1", olds, { ...olds, edition: "Default" });
    expect(d).toEqual({ changes: true, replaces: ["edition"], deleteBeforeReplace: true });
  });

  it("keeps an in-place change an update, with no delete-before-replace", async () => {
    const d = await serviceMeshProvider.diff!("m-1", olds, { ...olds, name: "renamed" });
    expect(d).toEqual({ changes: true, replaces: [], deleteBeforeReplace: false });
  });
});
