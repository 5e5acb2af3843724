/**
 * Recycled keys for the rows of a virtual list. A row that scrolled out gives
 * its key to a row that scrolls in, so Vue patches the texts of the same
 * elements instead of unmounting one row of cards and mounting another each
 * frame (NoticeVirtualList). Rows still in view keep their key.
 */
export class RowSlots {
  private readonly slotOf = new Map<number, number>()

  /** Keys for these row indexes (the rows in view now, in order). */
  assign(indexes: readonly number[]): number[] {
    const inView = new Set(indexes)
    const free: number[] = []
    for (const [index, slot] of this.slotOf) {
      if (inView.has(index)) continue
      free.push(slot)
      this.slotOf.delete(index)
    }
    const taken = new Set(this.slotOf.values())
    let next = 0
    return indexes.map((index) => {
      let slot = this.slotOf.get(index)
      if (slot !== undefined) return slot
      slot = free.pop()
      if (slot === undefined) {
        while (taken.has(next)) next++
        slot = next
      }
      taken.add(slot)
      this.slotOf.set(index, slot)
      return slot
    })
  }
}
