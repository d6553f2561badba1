import { nextRandom, type PrngState } from '../../../src/core/random/prng.js';

/** `count` texts of up to seven pieces each drawn from `pieces`, the same for the same seed. */
export function randomTexts(pieces: readonly string[], seed: PrngState, count: number): string[] {
  const texts: string[] = [];
  let state = seed;
  for (let round = 0; round < count; round++) {
    let draw = nextRandom(state);
    const length = Math.floor(draw.value * 8);
    let text = '';
    for (let index = 0; index < length; index++) {
      draw = nextRandom(draw.state);
      text += pieces[Math.floor(draw.value * pieces.length)];
    }
    state = draw.state;
    texts.push(text);
  }
  return texts;
}
