import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { firstSentence, groupByIdea, IDEA_ORDER, lessonDryRunId, lessonPlace, lessonViewId, OTHER_IDEA, pathOfId, samplesFrom } from '../../../renderer/lib/samples';
import { VIEWS } from '../../../renderer/src/state/Workbench.svelte';

const bundled = (): Record<string, unknown> =>
  Object.fromEntries(readdirSync('samples/scenarios').filter((f) => f.endsWith('.json')).map((f) => [`samples/scenarios/${f}`, JSON.parse(readFileSync(`samples/scenarios/${f}`, 'utf8'))]));

describe('samples', () => {
  it('summarizes a Markdown description by its first sentence as plain text', () => {
    expect(firstSentence('Decisions are *data*, so `how` matters.  Second one.')).toBe('Decisions are data, so how matters.');
    expect(firstSentence('no full stop')).toBe('no full stop');
  });

  it('sorts glob-imported samples by file name', () => {
    const s = samplesFrom({ '../b.json': { default: { name: 'B', domain: 'commerce', description: 'Bee.' } }, '../a.json': { default: { name: 'A' } } });
    expect(s.map((x) => [x.file, x.name, x.summary, x.domain])).toEqual([['a.json', 'A', '', '?'], ['b.json', 'B', 'Bee.', 'commerce']]);
  });

  it('takes the one-line lesson, idea and view from the x- fields', () => {
    const [s] = samplesFrom({ 'a.json': { name: 'A', description: 'Long. Text.', 'x-lesson': 'The lesson.', 'x-idea': 'Dry run', 'x-view': 'Decision' } });
    expect([s.summary, s.idea, s.view, s.description]).toEqual(['The lesson.', 'Dry run', 'Decision', 'Long. Text.']);
  });

  it('groups samples by idea in teaching order, unknown ideas next, samples without an idea last', () => {
    const groups = groupByIdea(
      samplesFrom({
        'z.json': { name: 'Z' },
        'd.json': { name: 'D', 'x-idea': 'Dry run' },
        'q.json': { name: 'Q', 'x-idea': 'Quirks' },
        'c.json': { name: 'C', 'x-idea': 'Intelligent concurrency control' },
        'c2.json': { name: 'C2', 'x-idea': 'Intelligent concurrency control' },
      }),
    );
    expect(groups.map((g) => [g.idea, g.samples.map((s) => s.name)])).toEqual([
      ['Intelligent concurrency control', ['C', 'C2']],
      ['Dry run', ['D']],
      ['Quirks', ['Q']],
      [OTHER_IDEA, ['Z']],
    ]);
  });

  it('every bundled sample names a known idea, a lesson and a view the workbench has', () => {
    const samples = samplesFrom(bundled());
    for (const s of samples) {
      expect(IDEA_ORDER, s.file).toContain(s.idea);
      expect(lessonViewId(s.view), `${s.file}: x-view ${s.view}`).toBeDefined();
      expect(s.summary.length, s.file).toBeGreaterThan(10);
    }
    expect(new Set(samples.map((s) => s.idea)).size).toBe(IDEA_ORDER.length);
  });

  it('says where a lesson shows in the words on screen: a view by its name, a panel after its view\'s tab', () => {
    expect(lessonPlace('Compare')).toBe('Compare');
    expect(lessonPlace('Decision')).toBe('Scenario › Decision');
    expect(lessonPlace(' decision ')).toBe('Scenario › Decision');
  });

  it('every bundled sample\'s place names the tab of the view it opens (first, or as the view\'s own last word: "Causation graph")', () => {
    for (const s of samplesFrom(bundled())) {
      const place = lessonPlace(s.view!).toLowerCase();
      const tab = VIEWS.find((v) => v.id === lessonViewId(s.view))!.label.toLowerCase();
      expect(place.startsWith(tab) || place.endsWith(tab), `${s.file}: shows in "${lessonPlace(s.view!)}", tab "${tab}"`).toBe(true);
    }
  });

  it('finds the command a Decision lesson dry-runs first', () => {
    expect(lessonDryRunId({ 'x-expect': [{ run: 'a' }, { dryRun: 'third-order', rejected: 'x' }, { dryRun: 'other' }] })).toBe('third-order');
    expect(lessonDryRunId({})).toBeUndefined();
  });
});

describe('pathOfId', () => {
  it('finds a command or batch by id, also inside batches and repeats', () => {
    const raw = { commands: [{ type: 'A', id: 'a' }, { batch: 'all-or-nothing', id: 'b', items: [{ type: 'C', id: 'c' }] }, { repeat: 2, template: { type: 'D', id: 'd' } }] };
    expect(pathOfId(raw, 'a')).toEqual(['commands', 0]);
    expect(pathOfId(raw, 'b')).toEqual(['commands', 1]);
    expect(pathOfId(raw, 'c')).toEqual(['commands', 1, 'items', 0]);
    expect(pathOfId(raw, 'd')).toEqual(['commands', 2, 'template']);
    expect(pathOfId(raw, 'x')).toBeUndefined();
  });
});
