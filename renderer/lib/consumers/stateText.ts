/** A state store's streams as the Consumers view prints them: pretty JSON, streams in natural order (o-2 before o-10). Pure. */
import { naturalOrder } from '../../../src/engine/text/naturalOrder';

/** `state` as two-space JSON with its keys in natural order, cut to at most `max` characters. */
export function stateText(state: Readonly<Record<string, unknown>>, max: number): string {
  const keys = Object.keys(state).sort(naturalOrder);
  if (keys.length === 0) return '{}';
  // written entry by entry: an object would put keys like "10" before the rest, whatever order they were added in
  let text = '{';
  for (const [i, key] of keys.entries()) {
    text += `${i > 0 ? ',' : ''}\n  ${JSON.stringify(key)}: ${(JSON.stringify(state[key], null, 2) ?? 'null').replaceAll('\n', '\n  ')}`;
    if (text.length > max) return text.slice(0, max);
  }
  return `${text}\n}`.slice(0, max);
}
