/**
 * The bundled domains as DomainModules (built once, unguarded: they ship with the app), and
 * `toDomainModule` for anything a test or tool hands over — a module already built, or what an
 * author wrote in either shape (built once per object). Pure.
 */
import { domains } from '../../../domain';
import type { AnyDomainModule } from '../../../domain/kernel';
import { domainModule } from './domainModule';

const built = /* @__PURE__ */ new WeakMap<object, AnyDomainModule>();

/** True for a DomainModule (what `domainModule` returns), as opposed to what an author wrote. */
const isBuilt = (value: object): value is AnyDomainModule => typeof (value as AnyDomainModule).commandCheck === 'function' && typeof (value as AnyDomainModule).keyed === 'boolean';

/** The DomainModule of a domain in either shape, or the module itself; throws DomainShapeError for anything else. */
export function toDomainModule(domain: object): AnyDomainModule {
  if (isBuilt(domain)) return domain;
  let module = built.get(domain);
  if (!module) {
    module = domainModule(domain);
    built.set(domain, module);
  }
  return module;
}

/** Every bundled domain, in display order. */
export const bundledDomains: readonly AnyDomainModule[] = /* @__PURE__ */ domains.map((d) => toDomainModule(d));

/** A bundled domain by id; undefined when there is none. */
export const bundledDomain = (id: string): AnyDomainModule | undefined => bundledDomains.find((d) => d.id === id);

/** The domain a scenario runs with: the one given (a loaded module), else its bundled domain by id. */
export function domainFor(scenario: { readonly domain: string }, given?: AnyDomainModule): AnyDomainModule {
  const domain = given ?? bundledDomain(scenario.domain);
  if (!domain) throw new Error(`unknown domain "${scenario.domain}" (a domain module must be loaded and passed in)`);
  return domain;
}
