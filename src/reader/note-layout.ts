/**
 * Where open note cards go: each wants to sit at its passage (its anchor), and no two may
 * overlap. Cards are placed in order of their anchors, each at its anchor or just below the
 * card before it.
 */

export interface CardBox {
  id: string;
  /** Wanted top, in the cards' container coordinates. */
  anchor: number;
  height: number;
}

/** Tops for the cards, so that none overlaps another (a `gap` between neighbours). */
export function stackCards(boxes: readonly CardBox[], gap: number): Map<string, number> {
  const tops = new Map<string, number>();
  let bottom = -Infinity;
  for (const box of [...boxes].sort((a, b) => a.anchor - b.anchor)) {
    const top = Math.max(box.anchor, bottom + gap);
    tops.set(box.id, Math.round(top));
    bottom = top + box.height;
  }
  return tops;
}
