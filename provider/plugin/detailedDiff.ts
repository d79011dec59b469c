// The engine's detailed diff from the schema engine's diff (schema/resource.ts diffResource): one entry per
// changed leaf path, add / delete / update by whether the old and new inputs hold it, and the _REPLACE form
// when its top-level property forces a replacement. With it the engine shows and decides per property
// instead of comparing every key itself (which names no key when only secret values changed).
import { getPath, isUnknown, type Props, type ResourceDiff } from "../schema";

export type DiffKind = "ADD" | "ADD_REPLACE" | "DELETE" | "DELETE_REPLACE" | "UPDATE" | "UPDATE_REPLACE";

export interface PluginDiff {
  changes: boolean;
  replaces: string[];
  deleteBeforeReplace: boolean;
  detailed: Record<string, DiffKind>;
}

function kindOf(olds: Props, news: Props, path: string, replaces: boolean): DiffKind {
  const before = getPath(olds, path);
  const after = getPath(news, path);
  const base = before === undefined ? "ADD" : after === undefined && !isUnknown(after) ? "DELETE" : "UPDATE";
  return replaces ? `${base}_REPLACE` : base;
}

export function detailedDiff(diff: ResourceDiff, olds: Props, news: Props): PluginDiff {
  const detailed: Record<string, DiffKind> = {};
  for (const path of diff.diff.changed) {
    const top = path.split(".")[0];
    detailed[path] = kindOf(olds, news, path, diff.diff.replaces.includes(top));
  }
  const replace = diff.replaces.length > 0;
  return { changes: diff.diff.changed.length > 0 || replace, replaces: diff.replaces, deleteBeforeReplace: diff.deleteBeforeReplace, detailed };
}
