// Ownership marks: how a create the engine forgot (an `up` killed or cancelled while the create was in
// flight) finds the object it made instead of making a second one. Dynamic providers' create() gets no
// URN, so each resource class passes its own URN as the internal input `__owner` (program side, where
// pulumi.createUrn knows the project, stack, type, name and parent). Creates write a mark derived from
// it (a mesh tag, a gateway label, a secret's generated name) and look for it before creating.
//
// A create may look for its mark only when the check before it saw no state for the resource. When check
// sees the resource in state (olds non-empty), a create with those inputs can only be a `--replace` of the
// object already recorded, which carries the same mark and must never be taken for a forgotten create.
// Replacements the provider's diff asks for are checked again by the engine without olds, so they may look;
// their old object differs in a create-only field, which the kinds compare before taking an owned object
// (docs/adoption.md "Interrupted creates"). The inputs themselves keep the recorded key either way: a key
// that came and went between old and new inputs would show as `-__owner` in every update's preview.
import { createHash } from "node:crypto";
import type { Props } from "../schema";

export const OWNER_INPUT = "__owner";

/** Mesh tag keys the provider writes (marks); never a user tag: hidden from `tags`, never removed by a tag update. */
export const PROVIDER_TAG_PREFIX = "asm-pulumi:";
/** The mesh tag key carrying the mesh's own mark. */
export const OWNER_TAG = `${PROVIDER_TAG_PREFIX}owner`;
/** The IstioGateway label carrying the mark (label values: at most 63 characters, alphanumeric ends). */
export const OWNER_LABEL = "asm-pulumi/owner";

/** 32 lowercase hex characters: fits a tag value, a label value and part of a resource name. */
export function ownerMark(ownerKey: string): string {
  return createHash("sha256").update(ownerKey).digest("hex").slice(0, 32);
}

function hasState(olds: Props): boolean {
  return Object.keys(olds).some((k) => !k.startsWith("__"));
}

/**
 * Owner keys whose latest check saw the resource in state, in this provider process. Check and create of one
 * deployment run in the same process, and the engine checks right before each create, so the latest check
 * of a key decides whether its create may look for the mark.
 */
const checkedInState = new Set<string>();

/**
 * Owner keys this process has checked against state at least once. A create of such a key is a replacement
 * (diff-driven or `--replace`): a new object, never an adoption, whatever the adopt inputs still say.
 */
const seenInState = new Set<string>();

/** Checked inputs with the owner key: the one recorded in state when there is state, else the program's. */
export function withOwnerInput(olds: Props | undefined, news: Props, checked: Props): Props {
  const { [OWNER_INPUT]: _dropped, ...rest } = checked;
  const given = ownerKeyOf(news);
  const inState = hasState(olds ?? {});
  if (given !== undefined) {
    if (inState) {
      checkedInState.add(given);
      seenInState.add(given);
    } else checkedInState.delete(given);
  }
  // States from before owner keys have none: adding one to an existing resource would show as a change.
  const owner = inState ? ownerKeyOf(olds ?? {}) : given;
  return owner !== undefined ? { ...rest, [OWNER_INPUT]: owner } : rest;
}

/** The owner key a create may look for its mark with: none after a check that saw the resource in state. */
export function lookupOwnerOf(inputs: Props): string | undefined {
  const owner = ownerKeyOf(inputs);
  return owner !== undefined && !checkedInState.has(owner) ? owner : undefined;
}

/** The owner key create received, if any (states and programs from older versions have none). */
export function ownerKeyOf(inputs: Props): string | undefined {
  const owner = inputs[OWNER_INPUT];
  return typeof owner === "string" && owner !== "" ? owner : undefined;
}

/**
 * `target` with the owner key of `source`, if it has one. Outputs carry the key as inputs do, because a
 * refresh hands read only the outputs and takes the inputs read returns for the new recorded inputs.
 */
export function withRecordedOwner(source: Props, target: Props): Props {
  const owner = ownerKeyOf(source);
  return owner === undefined ? target : { ...target, [OWNER_INPUT]: owner };
}

/**
 * Records that a resource with these recorded properties is in state (a diff's olds). The engine diffs the
 * dependents of a resource replaced delete-before-replace before it deletes them, and may create them later
 * without another check against state: their create is a replacement all the same.
 */
export function noteInState(olds: Props): void {
  const owner = ownerKeyOf(olds);
  if (owner !== undefined) seenInState.add(owner);
}

/**
 * Whether the adopt inputs (the create-time-only fields) may take effect in this create: not for a replacement.
 * A program kept its adopt input after the adoption, so a later replacement would otherwise try to take over
 * an object on the new mesh, or the very mesh it is replacing. Without an owner key (programs of older
 * versions) the adopt inputs apply as given.
 */
export function mayAdopt(inputs: Props): boolean {
  const owner = ownerKeyOf(inputs);
  return owner === undefined || !seenInState.has(owner);
}
