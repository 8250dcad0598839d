/** Pure placement maths for the spotlight and callout. No DOM: rectangles in, positions out. */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export type Side = 'below' | 'above' | 'right' | 'left' | 'centre';

export interface Placement {
  left: number;
  top: number;
  side: Side;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(Math.max(v, lo), Math.max(lo, hi));

/** The spotlight: the target grown by `pad` on every side. */
export function spotlightBox(target: Box, pad = 6): Box {
  return { left: target.left - pad, top: target.top - pad, width: target.width + pad * 2, height: target.height + pad * 2 };
}

/**
 * Where the callout goes: below the target if it fits, else above, right, left; centred when
 * there is no target or the target is off screen. Always inside the viewport by `margin`.
 */
export function placeCallout(target: Box | null, callout: { width: number; height: number }, viewport: { width: number; height: number }, gap = 12, margin = 8): Placement {
  const maxLeft = viewport.width - callout.width - margin;
  const maxTop = viewport.height - callout.height - margin;
  const centre: Placement = { left: clamp((viewport.width - callout.width) / 2, margin, maxLeft), top: clamp((viewport.height - callout.height) / 2, margin, maxTop), side: 'centre' };
  if (!target) return centre;
  const offscreen = target.top + target.height < 0 || target.top > viewport.height || target.left + target.width < 0 || target.left > viewport.width;
  if (offscreen) return centre;
  const alignedLeft = clamp(target.left, margin, maxLeft);
  const alignedTop = clamp(target.top, margin, maxTop);
  if (target.top + target.height + gap + callout.height + margin <= viewport.height) {
    return { left: alignedLeft, top: target.top + target.height + gap, side: 'below' };
  }
  if (target.top - gap - callout.height >= margin) {
    return { left: alignedLeft, top: target.top - gap - callout.height, side: 'above' };
  }
  if (target.left + target.width + gap + callout.width + margin <= viewport.width) {
    return { left: target.left + target.width + gap, top: alignedTop, side: 'right' };
  }
  if (target.left - gap - callout.width >= margin) {
    return { left: target.left - gap - callout.width, top: alignedTop, side: 'left' };
  }
  // Nowhere beside it fits (a huge target): overlap the bottom of the viewport.
  return { left: clamp((viewport.width - callout.width) / 2, margin, maxLeft), top: Math.max(margin, maxTop), side: 'centre' };
}
