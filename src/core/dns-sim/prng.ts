export { hashSeed, nextRandom, seededFloat, seededInt, seededShuffle, type PrngState } from '../random/prng.js';
