export interface GenerateOptions { items: number; seed?: number; revision?: number; now?: number; openEvery?: number; mark?: string }
export function rng(seed: number): () => number
export function generateFeed(o: GenerateOptions): Record<string, unknown> & { items: Record<string, unknown>[] }
export function feedBytes(o: GenerateOptions): Buffer
