// The native plugin's functions from a TypeScript program: each in its plain form (a Promise) and its Output
// form, the engine running them in pulumi-resource-asm. The e2e test compares the exports with the emulator.
import * as pulumi from "@pulumi/pulumi";
import { native } from "asm-pulumi";

const cfg = new pulumi.Config("e2e");
const meshName = cfg.require("meshName");
// e2e:state lets the test give a bad filter, to see how the engine reports the plugin's failure.
const state = cfg.get("state") ?? "running";

// Plain form: a filter by name, the result a Promise.
export const byName = native.getServiceMeshes({ name: meshName }).then((r) => r.meshes);
// Output form: an Input filter (as a resource's output would be), the result an Output.
export const runningByName = native.getServiceMeshesOutput({ name: pulumi.output(meshName), state }).apply((r) => r.meshes);
export const all = native.getServiceMeshes().then((r) => r.meshes.map((m) => m.meshId));
export const editions = native.getVersions().then((r) => r.editions);
export const proVersions = native.getVersionsOutput({ edition: "Pro" }).apply((r) => r.editions.flatMap((e) => e.versions ?? []));
