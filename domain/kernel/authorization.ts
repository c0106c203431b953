/** The central authorization policy: one pure function for every domain and command. */
import type { AnyDomainModule, AuthorizationContext, CommandEnvelope, Rejection, StateView } from './types';

/** The code every denied command is rejected with. */
export const UNAUTHORIZED = 'unauthorized';

/** The default rule, applied to every command: the actor must be a non-empty string. */
export const defaultRule = (command: CommandEnvelope): string | undefined =>
  typeof command.actor === 'string' && command.actor.length > 0 ? undefined : 'the command has no actor';

/**
 * Runs the default rule, then the rule the domain registered for the command's type.
 * Pure; returns the rejection when denied, undefined when allowed.
 */
export function authorize(
  domain: AnyDomainModule,
  command: CommandEnvelope,
  state: StateView<unknown>,
  context: AuthorizationContext,
): Rejection | undefined {
  const denied =
    defaultRule(command) ??
    (domain.authorization as Readonly<Record<string, ((c: CommandEnvelope, s: StateView<unknown>, x: AuthorizationContext) => string | undefined) | undefined>>)[command.type]?.(
      command,
      state,
      context,
    );
  return denied === undefined ? undefined : { code: UNAUTHORIZED, message: denied };
}
