/** Where commands write: the terminal, or a buffer in tests. */
export interface Io {
  out(line: string): void
  err(line: string): void
  /** now, for generated_at and the lint's today */
  now(): Date
}

export const consoleIo: Io = {
  out: (l) => process.stdout.write(l + '\n'),
  err: (l) => process.stderr.write(l + '\n'),
  now: () => new Date(),
}

/** YYYY-MM-DD in China (UTC+8) */
export function chinaDay(d: Date): string {
  return new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10)
}

/** RFC 3339 in +08:00, e.g. 2026-11-27T09:00:00+08:00 */
export function chinaDateTime(d: Date): string {
  return new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 19) + '+08:00'
}

/** thrown for a mistake of the person at the terminal: printed without a stack, exit code 2 */
export class UsageError extends Error {}
