/** Which scenario value the JSON tab's text stands for. Pure. */
import { parseJsonText } from '../../src/engine/jsonText';

/** The scenario value JSON text stands for, or undefined when it does not parse to an object (it stays a draft). */
export function scenarioOfText(text: string): Readonly<Record<string, unknown>> | undefined {
  try {
    const value = parseJsonText(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Readonly<Record<string, unknown>>) : undefined;
  } catch {
    return undefined;
  }
}
