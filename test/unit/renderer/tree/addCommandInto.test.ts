import { describe, expect, it } from 'vitest';
import { addCommandInto as intoList } from '../../../../renderer/lib/tree/addCommandInto';
import { insertionPoint } from '../../../../renderer/lib/tree/commandTree';
import type { NodePath, RawDoc } from '../../../../renderer/lib/tree/nodePath';
import type { ResolvedNodes } from '../../../../renderer/lib/tree/resolvedNodes';
import { raw, resolve } from './arrivalFixture';

/** What the label says with `selected` selected: from the list Add command inserts into. */
const addCommandInto = (doc: RawDoc | undefined, selected: NodePath, resolved: ResolvedNodes | undefined) => intoList(doc, doc ? insertionPoint(doc, selected).list : [], resolved);

describe('addCommandInto', () => {
  const resolved = resolve(raw);
  it('names the batch or offline group a new command goes into', () => {
    expect(addCommandInto(raw, ['commands', 2], resolved)).toBe('batch b1');
    expect(addCommandInto(raw, ['commands', 2, 'items', 1], resolved)).toBe('batch inner');
    expect(addCommandInto(raw, ['commands', 2], undefined)).toBe('the selected batch');
    expect(addCommandInto(raw, ['commands', 4], resolved)).toBe('offline phone');
  });
  it('names the batch a command selected inside it belongs to: the new one goes after it, in that batch', () => {
    expect(addCommandInto(raw, ['commands', 2, 'items', 0], resolved)).toBe('batch b1');
  });
  it("is nothing when the command goes into the scenario's own list", () => {
    expect(addCommandInto(raw, ['commands', 0], resolved)).toBeUndefined();
    expect(addCommandInto(raw, ['commands'], resolved)).toBeUndefined();
    expect(addCommandInto(undefined, ['commands'], undefined)).toBeUndefined();
  });
});
