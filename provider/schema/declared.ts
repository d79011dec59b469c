// Refresh returns the inputs a resource had, never the outputs stored beside them in state: the
// props that are declared fields and set.
import type { FieldSpecs, Props } from "./fields";

export function declaredInputs(fields: FieldSpecs, props: Props): Props {
  return Object.fromEntries(Object.entries(props).filter(([k, v]) => Object.hasOwn(fields, k) && v !== undefined));
}
