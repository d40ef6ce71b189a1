// Seeded randomness. Every random figure in the world (failover durations, lag jitter, checker phases) is
// a pure function of the world's seed and a key naming what it is for, so a world file replays the same
// game day no matter in which order drctl happens to send its requests.

/** A number in [0, 1) determined by the seed and the keys. */
export function seededUnit(seed: number, ...keys: Array<string | number>): number {
  let hash = (seed ^ 0x9e3779b9) >>> 0;
  for (const char of keys.join('\u0000')) {
    hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
  }
  return mulberry32(hash)();
}

/** A value between min and max (inclusive of min), determined by the seed and the keys. */
export function seededBetween(seed: number, min: number, max: number, ...keys: Array<string | number>): number {
  return min + (max - min) * seededUnit(seed, ...keys);
}

/** A sequential generator (the engine's retry jitter under --sim: a run draws in the same order every time). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
