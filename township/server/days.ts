/** Days as the township sees them: YYYY-MM-DD in Asia/Shanghai (UTC+8, no DST). */
export function shanghaiDay(d: Date): string {
  return new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10)
}
