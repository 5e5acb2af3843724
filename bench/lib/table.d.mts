export interface Target { text: string; max?: number; min?: number; ratio?: boolean; unit?: string }
export const TARGETS: Record<string, Target>
export function checkTarget(t: Target, kiosk: number, floor?: number): { met: boolean | null; text: string; value: number }
export interface TableRow { metric: string; kiosk: string; floor: string; ratio: string; target: string; met: string; ok: boolean | null }
export function tableRow(metric: string, o: { kiosk: number | string; floor?: number; target?: string }): TableRow
export const COLUMNS: string[]
export function cellWidth(s: unknown): number
export function formatTable(rows: Partial<TableRow>[]): string
