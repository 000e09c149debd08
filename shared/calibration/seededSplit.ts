/** mulberry32: a tiny, well-mixed 32-bit PRNG, so a split depends only on its seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled(indices: number[], random: () => number): number[] {
  const out = indices.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const tmp = out[i] as number;
    out[i] = out[j] as number;
    out[j] = tmp;
  }
  return out;
}

export interface TrainTestSplit {
  /** Indices into the input, ascending. */
  train: number[];
  test: number[];
}

/**
 * Deterministic train/test split, stratified by outcome: converted and not-converted leads are
 * shuffled separately (same seed → same split) and `testShare` of each is held out, so both
 * halves keep the overall close rate and the held-out AUC varies less between seeds.
 */
export function stratifiedSplit(outcomes: readonly boolean[], testShare: number, seed: number): TrainTestSplit {
  const random = seededRandom(seed);
  const train: number[] = [];
  const test: number[] = [];
  for (const outcome of [true, false]) {
    const members = outcomes.flatMap((o, index) => (o === outcome ? [index] : []));
    const order = shuffled(members, random);
    const testCount = Math.round(members.length * testShare);
    test.push(...order.slice(0, testCount));
    train.push(...order.slice(testCount));
  }
  return { train: train.sort((a, b) => a - b), test: test.sort((a, b) => a - b) };
}
