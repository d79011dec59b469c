// The ServiceMeshId's shape, checked at preview wherever a resource takes one, so a typo fails with a
// field-specific message before any API call. Real ids are "c" + 32 lowercase hex characters.
import { f } from "../schema";

export const MESH_ID_PATTERN = /^c[0-9a-z]{8,40}$/;
const HINT = "a ServiceMeshId (c followed by lowercase hex)";

/** A required, create-only reference to the mesh a resource lives in (e.g. `mesh.id`). */
export const meshIdField = f.string({
  required: true, createOnly: true, pattern: MESH_ID_PATTERN, patternHint: HINT, hint: "the ServiceMeshId (e.g. mesh.id)",
});

/** An optional mesh id, e.g. for adopting an existing mesh. */
export const optionalMeshIdField = f.string({ pattern: MESH_ID_PATTERN, patternHint: HINT });
