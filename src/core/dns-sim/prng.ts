export { hashSeed, nextRandom, seededFloat, seededInt, seededShuffle, shuffleFrom, type PrngState } from '../random/prng.js';
