/** The bundled domains, by id, as their authors wrote them (the engine derives their DomainModules). */
import { commerce } from './commerce';
import { profiles } from './profiles';

export { commerce, profiles };

/** Every bundled domain, in display order. */
export const domains = [commerce, profiles] as const;

/** The ids of the bundled domains, in display order. */
export const bundledIds: readonly string[] = /* @__PURE__ */ domains.map((d) => d.id);
