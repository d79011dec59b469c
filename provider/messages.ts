// The one way message parts are joined. Texts from the API, Node's network errors and our own hints
// end in various ways ("does not exist.", "[RequestId …]", no punctuation at all); joined naively they
// read "does not exist.; give …" or run together ("127.0.0.1:18205POST http://…"). Every place that
// puts two texts into one message goes through joinMessage. Dependency-free: every layer may use it.

export type Separator = "; " | ". " | ": " | ", ";

const TRAILING = /[\s.;:,]+$/;

/** `first` and `second` joined by `sep`, without doubled or clashing punctuation; empty parts are dropped. */
export function joinMessage(first: string, sep: Separator, second: string): string {
  const head = first.trimEnd();
  const tail = second.trim();
  if (tail === "") return head;
  if (head === "") return tail;
  // A question or exclamation keeps its mark; a sentence starts after it.
  if (sep === ". " && /[?!]$/.test(head)) return `${head} ${tail}`;
  const bare = head.replace(TRAILING, "");
  return `${bare === "" ? head : bare}${sep}${tail}`;
}

/** Several parts joined by `sep` (see joinMessage). */
export function joinMessages(parts: readonly string[], sep: Separator): string {
  return parts.reduce((acc, part) => joinMessage(acc, sep, part), "");
}

/** `text` without a final period, for use before a parenthesis or inside a longer sentence. */
export function clause(text: string): string {
  return text.trimEnd().replace(/\.+$/, "");
}
