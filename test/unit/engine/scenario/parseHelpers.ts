/** Shared helpers of the scenario parser tests. */
import { parseScenario, scenarioErrorsText } from '../../../../src/engine/scenario/parse';
import type { InputError, Scenario } from '../../../../src/engine/types';

/** Every error of an invalid scenario (throws when it parses). */
export const errorsOf = (value: unknown): InputError[] => {
  const r = parseScenario(value);
  if (r.ok) throw new Error('expected errors');
  return [...r.errors];
};

/** The parsed scenario (throws with its errors when invalid). */
export const scenarioOf = (value: unknown): Scenario => {
  const r = parseScenario(value);
  if (!r.ok) throw new Error(scenarioErrorsText(r.errors, 'test'));
  return r.scenario;
};

/** The first error at `path`, asserting there is one. */
export const at = (value: unknown, path: string): string => {
  const errors = errorsOf(value);
  const e = errors.find((x) => x.path === path);
  if (!e) throw new Error(`no error at ${path}; got ${JSON.stringify(errors)}`);
  return e.message;
};
