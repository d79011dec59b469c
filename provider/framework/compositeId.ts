// Kinds that live inside a mesh are identified by their natural key's parts joined with ":"
// (<meshId>:<gateway>:<name>). One format and one parser for all of them, so each refuses a malformed
// id with the same message. No imports: the resource classes parse ids in the program, which must not
// load the API client.

export interface CompositeId<K extends string> {
  format(parts: Record<K, string>): string;
  /** The parts of `id`; throws naming the kind and the expected form unless it has every part, none empty. */
  parse(id: string): Record<K, string>;
}

export function compositeId<K extends string>(kind: string, keys: readonly K[]): CompositeId<K> {
  const expected = keys.map((k) => `<${k}>`).join(":");
  return {
    format: (parts) => keys.map((k) => parts[k]).join(":"),
    parse: (id) => {
      const parts = id.split(":");
      if (parts.length !== keys.length || parts.some((p) => p === "")) {
        throw new Error(`${kind} id ${JSON.stringify(id)} is not valid; expected ${expected}`);
      }
      return Object.fromEntries(keys.map((k, i) => [k, parts[i]])) as Record<K, string>;
    },
  };
}
