import { placeCallout, spotlightBox, type Box, type Placement } from '../../../../lib/overlay/geometry';

const viewport = { width: 1000, height: 800 };
const callout = { width: 300, height: 200 };
const GAP = 12;
const MARGIN = 8;
const box = (left: number, top: number, width: number, height: number): Box => ({ left, top, width, height });
/** Where the centred callout goes in this viewport. */
const CENTRE: Placement = { left: 350, top: 300, side: 'centre' };

describe('spotlightBox', () => {
  it('grows the target by 6px on every side by default', () => {
    expect(spotlightBox(box(100, 50, 200, 40))).toEqual(box(94, 44, 212, 52));
  });

  it('takes another padding, including none', () => {
    expect(spotlightBox(box(100, 50, 200, 40), 10)).toEqual(box(90, 40, 220, 60));
    expect(spotlightBox(box(100, 50, 200, 40), 0)).toEqual(box(100, 50, 200, 40));
  });

  it('keeps a zero-size target visible as a small square', () => {
    expect(spotlightBox(box(10, 10, 0, 0))).toEqual(box(4, 4, 12, 12));
  });
});

describe('placeCallout', () => {
  describe('which side', () => {
    it('goes below the target when it fits, aligned with its left edge', () => {
      expect(placeCallout(box(100, 100, 200, 40), callout, viewport)).toEqual({ left: 100, top: 152, side: 'below' });
    });

    it('goes below when it fits exactly, margin included', () => {
      // 540 + 40 + 12 + 200 + 8 = 800.
      expect(placeCallout(box(100, 540, 200, 40), callout, viewport).side).toBe('below');
      expect(placeCallout(box(100, 541, 200, 40), callout, viewport).side).toBe('above');
    });

    it('goes above when there is no room below', () => {
      expect(placeCallout(box(100, 700, 200, 40), callout, viewport)).toEqual({ left: 100, top: 488, side: 'above' });
    });

    it('goes right when a tall target leaves no room above or below', () => {
      expect(placeCallout(box(100, 50, 200, 700), callout, viewport)).toEqual({ left: 312, top: 50, side: 'right' });
    });

    it('goes left when a tall target on the right leaves room only on its left', () => {
      expect(placeCallout(box(600, 50, 300, 700), callout, viewport)).toEqual({ left: 288, top: 50, side: 'left' });
    });

    it('overlaps the bottom of the viewport, centred, when the target fills the screen', () => {
      expect(placeCallout(box(0, 0, 1000, 800), callout, viewport)).toEqual({ left: 350, top: 592, side: 'centre' });
    });

    it('honours a custom gap and margin', () => {
      expect(placeCallout(box(100, 100, 200, 40), callout, viewport, 20, 16)).toEqual({ left: 100, top: 160, side: 'below' });
      expect(placeCallout(box(0, 100, 200, 40), callout, viewport, 20, 16)).toEqual({ left: 16, top: 160, side: 'below' });
    });
  });

  describe('centred', () => {
    it('when there is no target', () => {
      expect(placeCallout(null, callout, viewport)).toEqual(CENTRE);
    });

    it.each([
      ['wholly above the viewport', box(100, -100, 200, 40)],
      ['wholly below it', box(100, 900, 200, 40)],
      ['wholly left of it', box(-400, 100, 200, 40)],
      ['wholly right of it', box(1200, 100, 200, 40)],
      ['far away after a scroll', box(100, 50_000, 200, 40)],
    ])('when the target is off screen: %s', (_label, target) => {
      expect(placeCallout(target, callout, viewport)).toEqual(CENTRE);
    });

    it('but not when the target is only partly off screen', () => {
      expect(placeCallout(box(100, -30, 200, 50), callout, viewport)).toEqual({ left: 100, top: 32, side: 'below' });
    });

    it('within the margin when the viewport is narrower than the callout', () => {
      const narrow = { width: 280, height: 800 };
      expect(placeCallout(null, callout, narrow)).toEqual({ left: 8, top: 300, side: 'centre' });
    });
  });

  describe('clamping inside the viewport', () => {
    it('pulls a callout aligned with a target near the right edge back inside', () => {
      expect(placeCallout(box(900, 100, 80, 40), callout, viewport)).toEqual({ left: 692, top: 152, side: 'below' });
    });

    it('pushes a callout aligned with a target that starts left of the viewport inside', () => {
      expect(placeCallout(box(-50, 100, 200, 40), callout, viewport)).toEqual({ left: 8, top: 152, side: 'below' });
    });

    it('clamps the top of a callout beside a target that starts above the viewport', () => {
      expect(placeCallout(box(100, -100, 200, 950), callout, viewport)).toEqual({ left: 312, top: 8, side: 'right' });
    });

    it('pulls the top of a callout beside a low target up so its bottom stays inside', () => {
      // A tall callout (500px) has room neither above nor below a target at 400–500px.
      const tall = { width: 300, height: 500 };
      expect(placeCallout(box(100, 400, 200, 100), tall, viewport)).toEqual({ left: 312, top: 292, side: 'right' });
      expect(placeCallout(box(600, 400, 300, 100), tall, viewport)).toEqual({ left: 288, top: 292, side: 'left' });
    });

    it('keeps the callout inside the viewport and off the target for every target on a grid', () => {
      const failures: string[] = [];
      for (let left = -150; left <= 1100; left += 50) {
        for (let top = -150; top <= 900; top += 50) {
          for (const [width, height] of [[0, 0], [40, 40], [200, 40], [40, 600], [700, 700], [1000, 800]] as const) {
            const target = box(left, top, width, height);
            const p = placeCallout(target, callout, viewport);
            const label = `${JSON.stringify(target)} → ${JSON.stringify(p)}`;
            if (p.left < MARGIN || p.left + callout.width > viewport.width - MARGIN) failures.push(`outside horizontally: ${label}`);
            if (p.top < MARGIN || p.top + callout.height > viewport.height - MARGIN) failures.push(`outside vertically: ${label}`);
            const overlaps =
              p.left < left + width + GAP && p.left + callout.width + GAP > left && p.top < top + height + GAP && p.top + callout.height + GAP > top;
            if (p.side !== 'centre' && overlaps) failures.push(`covers the target: ${label}`);
          }
        }
      }
      expect(failures).toEqual([]);
    });
  });

  // The overlay's CSS caps the callout at 100vh - 16px, so the DOM never asks for this; the pure
  // function should still keep the callout's top (its title) on screen.
  it('keeps a callout taller than the viewport at the top margin beside a huge target', () => {
    const tall = { width: 300, height: 900 };
    expect(placeCallout(box(0, 0, 1000, 800), tall, viewport).top).toBeGreaterThanOrEqual(MARGIN);
  });

  it('keeps a callout taller than the viewport at the top margin when centred', () => {
    expect(placeCallout(null, { width: 300, height: 900 }, viewport).top).toBe(MARGIN);
  });
});
