/** The decider kernel's public surface. */
export * from './types';
export * from './schema';
export * from './authorization';
export * from './overlay';
export * from './decideBatch';
