/**
 * `purestream/domain`: what a domain module's author imports (domain-modules.md) — the types of
 * both shapes, the decision helpers, JSON Schema helpers, and given/when/then for testing a module
 * without the app — and the bundled domains (`commerce`, `profiles`, as their authors wrote them:
 * what a test copied from a run of a bundled domain imports). On the command line the module
 * loader provides this module to the modules it loads; in a project it is the package export
 * `purestream/domain`.
 */
export type {
  AuthorizationContext,
  AuthorizationRule,
  AuthorizationRules,
  CapacityHook,
  Command,
  CommandEnvelope,
  CommandId,
  CommandMetadata,
  Decider,
  Decision,
  DomainEvent,
  EmmettCommand,
  EmmettDecider,
  Invariant,
  JsonSchema,
  JsonType,
  Rejection,
  SqlProjection,
  SqlStatement,
  StateView,
  StreamId,
  TableDeclaration,
} from '../../../domain/kernel';
export { accept, reject, object, str, int, num } from '../../../domain/kernel';
export { given, asEmmettDecider, rejectionCode, DecisionRejected, type GivenEvent, type TestCommand } from './testing';
export { commerce, profiles } from '../../../domain';
