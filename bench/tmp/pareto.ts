import { SeededRandom } from "../../emulator/faults/rng";
type P = { firstMs: number; minMs: number; growth: number; maxMs: number };
function delay(p: P, k: number, t: number, r: number) {
  const c = k === 0 ? p.firstMs : Math.min(p.maxMs, p.minMs + p.growth * t);
  return Math.floor(c * (1 - 0.1 * r));
}
function detect(p: P, changeS: number, seed: number) {
  const rng = new SeededRandom(seed); let t = 0, polls = 1, k = 0;
  while (t < changeS * 1000) { t += delay(p, k++, t, rng.next()); polls++; }
  return { lag: t / 1000 - changeS, polls };
}
function mean(p: P, c: number, spread: number, n: number) {
  let s = 0, mx = 0; const d = new SeededRandom(99);
  for (let i = 1; i <= n; i++) { const ch = c * (1 + spread * (2 * d.next() - 1)); const r = detect(p, ch, i); s += r.lag; mx = Math.max(mx, r.polls); }
  return { lag: s / n, mx };
}
const N = 300;
const TS = [5, 10, 20, 30, 45, 60, 90, 120, 180, 300];
const cur: P = { firstMs: 1800, minMs: 1800, growth: 0.3, maxMs: 12000 };
const curLag = TS.map((T) => mean(cur, T, 0.1, N).lag);
const tol = Number(process.argv[2] ?? "0.25");
const rows: any[] = [];
for (let firstMs = 300; firstMs <= 3000; firstMs += 100)
 for (let minMs = 300; minMs <= 3000; minMs += 100)
  for (let g = 0.1; g <= 0.6001; g += 0.05)
   for (const maxMs of [10000, 12000, 15000]) {
    const p = { firstMs, minMs, growth: +g.toFixed(2), maxMs };
    if (mean(p, 60, 0.1, N).mx > 12 || mean(p, 60, 0, N).mx > 12) continue;
    let ok = true; const lags: number[] = [];
    for (let i = 0; i < TS.length && ok; i++) { const l = mean(p, TS[i], 0.1, N).lag; lags.push(l); if (l > curLag[i] + tol) ok = false; }
    if (!ok) continue;
    const l3 = mean(p, 3, 0, N).lag, l15 = mean(p, 1.5, 0, N).lag, l3s = mean(p, 3, 0.1, N).lag, l15s = mean(p, 1.5, 0.1, N).lag;
    rows.push({ ...p, q: +(l3 + 2 * l15).toFixed(2), qSpread: +(l3s + 2 * l15s).toFixed(2), worst: +Math.max(...lags.map((l, i) => l - curLag[i])).toFixed(2) });
   }
rows.sort((a, b) => a.qSpread - b.qSpread);
console.log("current lags", TS.map((T, i) => `${T}s:${curLag[i].toFixed(2)}`).join(" "), "q", (mean(cur, 3, 0, N).lag + 2 * mean(cur, 1.5, 0, N).lag).toFixed(2), "qSpread", (mean(cur, 3, 0.1, N).lag + 2 * mean(cur, 1.5, 0.1, N).lag).toFixed(2));
console.log("candidates", rows.length);
console.table(rows.slice(0, 12));
