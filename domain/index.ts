/** The bundled domains, by id. */
import type { AnyDecider } from './kernel';
import { commerce } from './commerce';
import { profiles } from './profiles';

export { commerce, profiles };

/** Every bundled domain, in display order. */
export const domains: readonly AnyDecider[] = [commerce, profiles];

/** Looks a bundled domain up by id; undefined when there is none. */
export const domainById = (id: string): AnyDecider | undefined => domains.find((d) => d.id === id);
