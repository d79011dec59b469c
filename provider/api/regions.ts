// The regions ASM serves. The reference's CLI region table lists these against the one endpoint
// servicemesh.aliyuncs.com (research/asm-api.md §6.1, seed 003 "4.CLI"); a RegionId outside it is a typo
// far more often than a new region, and a typo would otherwise create a mesh in the wrong place or fail
// only after the create was sent. A region ASM adds later is accepted once a stack lists it in
// asm:extraRegions or ASM_EXTRA_REGIONS (docs/configuration.md).
export const ASM_REGIONS: readonly string[] = [
  "cn-hangzhou", "cn-shanghai", "cn-beijing", "cn-zhangjiakou", "cn-shenzhen", "us-west-1", "ap-southeast-1",
];

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row.push(Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = row;
  }
  return prev[b.length];
}

/** The known region nearest to `value`, when it is near enough to be what was meant (a typo or two). */
export function closestRegion(value: string, known: readonly string[]): string | undefined {
  let best: { region: string; distance: number } | undefined;
  for (const region of known) {
    const distance = editDistance(value.toLowerCase(), region);
    if (!best || distance < best.distance) best = { region, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(best.region.length / 4)) ? best.region : undefined;
}

/**
 * Why `value` is not a region ASM serves, or undefined when it is one (or one of `extra`). `source` says
 * where the value came from when it was not the field itself, e.g. "alicloud:region".
 */
export function regionProblem(value: string, extra: readonly string[], source?: string): string | undefined {
  const known = [...ASM_REGIONS, ...extra];
  if (known.includes(value)) return undefined;
  const near = closestRegion(value, known);
  return (
    `"${value}"${source ? ` (from ${source})` : ""} is not a region ASM serves; ` +
    (near ? `did you mean ${near}? ` : "") +
    `known regions: ${known.join(", ")}. ` +
    "To use a region not listed, add it to the stack config asm:extraRegions or the ASM_EXTRA_REGIONS environment variable (comma-separated)"
  );
}
