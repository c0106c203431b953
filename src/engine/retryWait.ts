/** The wait before a consumer's retry. Pure. */
import type { RetryPolicy } from './types';

/** The wait in ms before retry `n` (1 = the first, after the first failed attempt): `backoffMs × factor^(n − 1)` (scenario.md, Consumers: `retry`). */
export const retryWaitMs = (retry: RetryPolicy, n: number): number => retry.backoffMs * Math.pow(retry.factor, n - 1);
