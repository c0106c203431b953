/** Shared EnactResult values: the hot path returns constants instead of allocating. */
import type { EnactResult } from './interpreter';

/** The result of every successful enactment (frozen, shared). */
export const ENACTED: EnactResult = Object.freeze({ type: 'enacted' });

/** The result of an idempotent interpreter seeing an event id again. */
export const alreadyEnacted = (eventId: string): EnactResult => ({ type: 'ignored', reason: `event ${eventId} was already enacted` });

/** A failed enactment, with the thrown error's message. */
export const failed = (error: unknown): EnactResult => ({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
