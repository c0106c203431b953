/** The lesson panel shows a sample's lesson, else the open scenario's own description, else nothing; closed, nothing for that document. */
import { describe, expect, it } from 'vitest';
import { lessonShown, UNTITLED, type LessonInputs } from '../../../renderer/lib/lessonShown';
import type { SampleScenario } from '../../../renderer/lib/samples';

const flashSale: SampleScenario = {
  file: 'flash-sale.json',
  name: 'Flash sale',
  summary: 'Stale reads oversell.',
  domain: 'commerce',
  idea: 'Intelligent concurrency control',
  view: 'Compare',
  description: 'Eight workers **oversell**.',
  value: { name: 'Flash sale', description: 'Eight workers **oversell**.' },
};
const own = { name: 'My lesson', description: '# Why\n\n- one\n- two' };
const inputs = (over: Partial<LessonInputs>): LessonInputs => ({ raw: own, generation: 3, closedGeneration: -1, ...over });

describe('what the lesson panel shows', () => {
  it("shows the sample's lesson while its document is open, with the document's description as edited", () => {
    expect(lessonShown(inputs({ raw: flashSale.value, sample: { sample: flashSale, generation: 3 } }))).toEqual({ kind: 'sample', sample: flashSale, description: 'Eight workers **oversell**.' });
    const edited = { ...flashSale.value, description: 'Edited.' };
    expect(lessonShown(inputs({ raw: edited, sample: { sample: flashSale, generation: 3 } }))).toMatchObject({ kind: 'sample', description: 'Edited.' });
    // a sample's lesson stays even with its description cleared: its name, summary and "Show me" teach
    expect(lessonShown(inputs({ raw: { name: 'Flash sale' }, sample: { sample: flashSale, generation: 3 } }))).toMatchObject({ kind: 'sample', description: '' });
  });

  it("shows a scenario's own description, named by the scenario, once another scenario replaced the sample", () => {
    expect(lessonShown(inputs({ sample: { sample: flashSale, generation: 2 } }))).toEqual({ kind: 'own', name: 'My lesson', description: own.description });
    expect(lessonShown(inputs({}))).toEqual({ kind: 'own', name: 'My lesson', description: own.description });
    expect(lessonShown(inputs({ raw: { name: '  ', description: 'x' } }))).toEqual({ kind: 'own', name: UNTITLED, description: 'x' });
  });

  it('shows nothing without a scenario, without a description (empty, white space, not a string) or once closed for that document', () => {
    expect(lessonShown(inputs({ raw: undefined }))).toBeUndefined();
    for (const description of [undefined, '', ' \n\t', 42]) expect(lessonShown(inputs({ raw: { name: 'n', description } }))).toBeUndefined();
    expect(lessonShown(inputs({ closedGeneration: 3 }))).toBeUndefined();
    expect(lessonShown(inputs({ closedGeneration: 3, sample: { sample: flashSale, generation: 3 } }))).toBeUndefined();
  });

  it('closed for one document, shows again for the next one opened', () => {
    expect(lessonShown(inputs({ closedGeneration: 2 }))).toMatchObject({ kind: 'own' });
    expect(lessonShown(inputs({ closedGeneration: 2, sample: { sample: flashSale, generation: 3 } }))).toMatchObject({ kind: 'sample' });
  });
});
