// Ownership marks: how a create the engine forgot (an `up` killed or cancelled while the create was in
// flight) finds the object it made instead of making a second one. Dynamic providers' create() gets no
// URN, so each resource class passes its own URN as the internal input `__owner` (program side, where
// pulumi.createUrn knows the project, stack, type, name and parent). Creates write a mark derived from
// it (a mesh tag, a gateway label, a secret's generated name) and look for it before creating.
//
// The key is dropped whenever check sees the resource in state (olds non-empty): a create with those
// inputs can only be a `--replace` of the object already recorded, which carries the same mark and must
// never be taken for a forgotten create. Replacements the provider's diff asks for are checked again by
// the engine without olds, so they keep the key; their old object differs in a create-only field, which
// the kinds compare before taking an owned object (docs/adoption.md "Interrupted creates").
import { createHash } from "node:crypto";
import type { Props } from "../schema";

export const OWNER_INPUT = "__owner";

/** The mesh tag key carrying the mark. Not a user tag: hidden from `tags`, never removed by a tag update. */
export const OWNER_TAG = "asm-pulumi:owner";
/** The IstioGateway label carrying the mark (label values: at most 63 characters, alphanumeric ends). */
export const OWNER_LABEL = "asm-pulumi/owner";

/** 32 lowercase hex characters: fits a tag value, a label value and part of a resource name. */
export function ownerMark(ownerKey: string): string {
  return createHash("sha256").update(ownerKey).digest("hex").slice(0, 32);
}

function hasState(olds: Props): boolean {
  return Object.keys(olds).some((k) => !k.startsWith("__"));
}

/** Checked inputs with the owner key kept only for a resource not yet in state (see the top of this file). */
export function withOwnerInput(olds: Props | undefined, news: Props, checked: Props): Props {
  const { [OWNER_INPUT]: _dropped, ...rest } = checked;
  const owner = news[OWNER_INPUT];
  return typeof owner === "string" && owner !== "" && !hasState(olds ?? {}) ? { ...rest, [OWNER_INPUT]: owner } : rest;
}

/** The owner key create received, if any (states and programs from older versions have none). */
export function ownerKeyOf(inputs: Props): string | undefined {
  const owner = inputs[OWNER_INPUT];
  return typeof owner === "string" && owner !== "" ? owner : undefined;
}
