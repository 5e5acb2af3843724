export function median(xs: number[]): number
export function quantile(xs: number[], q: number): number
export function max(xs: number[]): number
export function round(x: number, d?: number): number
