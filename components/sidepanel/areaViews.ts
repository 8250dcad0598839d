import { useEffect, useState, type ComponentType } from 'react';
import type { Area } from './areas';

// Each area is its own chunk, loaded when first opened, so the panel's first download stays small.
export const AREA_LOADERS: Record<Area, () => Promise<{ default: ComponentType }>> = {
  learn: () => import('../learn/LearnArea'),
  journal: () => import('../journal/JournalArea'),
  drafts: () => import('../drafts/DraftsArea'),
  packs: () => import('../packs/PacksArea'),
  settings: () => import('../settings/SettingsArea'),
};

export type LoadedAreas = Partial<Record<Area, ComponentType>>;

/** Loads the area the panel opens on before the first render, so it never flashes "Loading". */
export async function preloadArea(area: Area): Promise<LoadedAreas> {
  return { [area]: (await AREA_LOADERS[area]()).default };
}

/**
 * The component for `area`, or undefined while its chunk loads. Deliberately not React.lazy:
 * React holds a Suspense fallback on screen for at least 300 ms, which alone would break the side
 * panel's 150 ms first-render budget (measured by npm run bench).
 */
export function useAreaView(area: Area, preloaded: LoadedAreas = {}): ComponentType | undefined {
  const [loaded, setLoaded] = useState<LoadedAreas>(preloaded);
  const [failed, setFailed] = useState<Error | null>(null);
  useEffect(() => {
    if (loaded[area]) return;
    let alive = true;
    AREA_LOADERS[area]().then(
      (module) => alive && setLoaded((current) => ({ ...current, [area]: module.default })),
      (error: unknown) => alive && setFailed(error instanceof Error ? error : new Error(String(error))),
    );
    return () => {
      alive = false;
    };
  }, [area, loaded]);
  if (failed) throw failed;
  return loaded[area];
}
