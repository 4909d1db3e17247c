// Whether a resident can afford a catalogue item, said before they press 兑换: the server
// still decides (stock, limits), but a button that can only be refused is shown disabled
// with the reason.

/** Points still missing to redeem `quantity` of an item; 0 when the balance covers it. */
export function pointsShort(balance: number | null | undefined, pricePoints: number, quantity = 1): number {
  return Math.max(0, pricePoints * quantity - Math.max(0, balance ?? 0));
}
