export const median = (xs) => quantile(xs, 0.5)
export function quantile(xs, q) {
  if (!xs.length) return NaN
  const s = [...xs].sort((a, b) => a - b)
  // nearest rank: p95 of 10 samples is the 10th (the largest), of 20 the 19th; honest for small n
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]
}
export const max = (xs) => (xs.length ? Math.max(...xs) : 0)
export const round = (x, d = 1) => (Number.isFinite(x) ? Math.round(x * 10 ** d) / 10 ** d : x)
