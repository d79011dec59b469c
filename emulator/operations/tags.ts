// Tags on meshes: TagResources, UntagResources, ListTagResources, and the Tag parameter of
// CreateServiceMesh / DescribeServiceMeshes. Limits from research/asm-api.md §1.8.
import * as E from "../errors/catalog";
import type { MeshRecord, MeshView } from "../state/records";
import { findMesh, operationsOf, readableMeshes, readMesh, type OpContext } from "./context";
import type { Params } from "./params";

const MAX_TAGS = 20;
const MAX_TAG_LENGTH = 128;

export function applyTags(mesh: MeshRecord, tags: { Key: string; Value: string }[]): void {
  for (const { Key, Value } of tags) {
    if (Key.length > MAX_TAG_LENGTH) throw E.invalidTag(`key "${Key.slice(0, 20)}…" is longer than ${MAX_TAG_LENGTH} characters.`);
    if (Value.length > MAX_TAG_LENGTH) throw E.invalidTag(`value of "${Key}" is longer than ${MAX_TAG_LENGTH} characters.`);
    if (Key === "__proto__") throw E.invalidTag('"__proto__" is not a usable key.');
    if (/^(aliyun|acs:)/i.test(Key)) throw E.invalidTag(`key "${Key}" must not start with "aliyun" or "acs:".`);
  }
  const merged = { ...mesh.tags };
  for (const { Key, Value } of tags) merged[Key] = Value;
  if (Object.keys(merged).length > MAX_TAGS) throw E.invalidTag(`a mesh can carry at most ${MAX_TAGS} tags.`);
  mesh.tags = merged;
}

export const tagList = (mesh: MeshView): { Key: string; Value: string }[] =>
  Object.entries(mesh.tags).map(([Key, Value]) => ({ Key, Value }));

function targets(ctx: OpContext, p: Params): MeshView[] {
  p.reqStr("RegionId");
  const type = p.reqStr("ResourceType");
  if (type.toLowerCase() !== "servicemesh") throw E.invalidParameter("ResourceType", `"${type}" is not supported; use "servicemesh".`);
  const ids = p.list("ResourceId");
  if (ids.length === 0) throw E.missingParameter("ResourceId.1");
  return ids.map((id) => findMesh(ctx, id));
}

function tagResources(ctx: OpContext, p: Params): Record<string, unknown> {
  const meshes = targets(ctx, p);
  const tags = p.tags();
  if (tags.length === 0) throw E.missingParameter("Tag.1.Key");
  for (const mesh of meshes) ctx.store.changeMesh(mesh, (m) => applyTags(m, tags));
  return {};
}

function untagResources(ctx: OpContext, p: Params): Record<string, unknown> {
  const meshes = targets(ctx, p);
  const all = p.bool("All") ?? false;
  const keys = p.list("TagKey");
  if (!all && keys.length === 0) throw E.missingParameter("TagKey.1");
  for (const mesh of meshes) {
    ctx.store.changeMesh(mesh, (m) => (m.tags = all ? {} : Object.fromEntries(Object.entries(m.tags).filter(([k]) => !keys.includes(k)))));
  }
  return {};
}

function listTagResources(ctx: OpContext, p: Params): Record<string, unknown> {
  p.reqStr("RegionId");
  p.reqStr("ResourceType");
  const ids = p.list("ResourceId");
  const filter = p.tags();
  const meshes = ids.length > 0 ? ids.map((id) => readMesh(ctx, id)) : readableMeshes(ctx);
  const rows = meshes.flatMap((mesh) =>
    tagList(mesh)
      .filter((t) => filter.length === 0 || filter.some((f) => f.Key === t.Key && (f.Value === "" || f.Value === t.Value)))
      .map((t) => ({ ResourceId: mesh.id, ResourceType: "servicemesh", TagKey: t.Key, TagValue: t.Value })),
  );
  return { NextToken: "", TagResources: rows };
}

export const tagOperations = operationsOf("ServiceMesh", {
  TagResources: tagResources,
  UntagResources: untagResources,
  ListTagResources: listTagResources,
});
