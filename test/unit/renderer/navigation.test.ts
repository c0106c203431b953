/** The web mode's routing, unsaved-work check and scenario file names, as plain functions. */
import { describe, expect, it } from 'vitest';
import { hashOfView, unknownRoute, viewOfHash } from '../../../renderer/lib/route';
import { VIEWS as NAMED } from '../../../renderer/src/state/Workbench.svelte';
import { scenarioBadge, unsavedWork } from '../../../renderer/lib/unsavedWork';
import { fileSlug, scenarioFileName } from '../../../renderer/lib/scenarioFileName';

const VIEWS = ['start', 'editor', 'runs', 'graph', 'eventlog'] as const;

describe('each view has its own URL', () => {
  it('round-trips every view through its hash', () => {
    for (const v of VIEWS) expect(viewOfHash(hashOfView(v), VIEWS, 'start')).toBe(v);
    expect(hashOfView('runs')).toBe('#/runs');
    expect(viewOfHash('#/graph/', VIEWS, 'start')).toBe('graph');
  });
  it.each(['', '#', '#/', '#/nope', '#runs', '#/RUNS', '#/runs?x=1', '#/../runs', '#/constructor', '#/__proto__', '#/runs/graph', `#/${'a'.repeat(5000)}`])(
    'falls back to Start for %j',
    (hash) => expect(viewOfHash(hash, VIEWS, 'start')).toBe('start'),
  );
});

describe('a hash that names no view', () => {
  const eventLog = { id: 'eventlog', label: 'Event log' };
  it('names the view it most likely meant: by a typo, by its label, or by a shared start', () => {
    expect(unknownRoute('#/events', NAMED)).toEqual({ typed: 'events', nearest: eventLog });
    expect(unknownRoute('#/event-log', NAMED)).toEqual({ typed: 'event-log', nearest: eventLog });
    expect(unknownRoute('#/scenario', NAMED)).toEqual({ typed: 'scenario', nearest: { id: 'editor', label: 'Scenario' } });
    expect(unknownRoute('#/RUNS', NAMED)).toEqual({ typed: 'RUNS', nearest: { id: 'runs', label: 'Runs' } });
    expect(unknownRoute('#/log', NAMED)).toEqual({ typed: 'log', nearest: { id: 'logs', label: 'Logs' } });
    expect(unknownRoute('#/metric/', NAMED)?.nearest?.id).toBe('metrics');
  });
  it('says what was typed, cut, even when nothing is near', () => {
    expect(unknownRoute('#/zz', NAMED)).toEqual({ typed: 'zz' });
    expect(unknownRoute('#/quux%20bar', NAMED)).toEqual({ typed: 'quux bar' });
    expect(unknownRoute('#/%E0%A4%A', NAMED)).toEqual({ typed: '%E0%A4%A' });
    expect(unknownRoute(`#/${'a'.repeat(5000)}`, NAMED)?.typed).toBe(`${'a'.repeat(40)}…`);
  });
  it.each(['', '#', '#/', '#/runs', '#/graph/'])('is nothing for %j', (hash) => expect(unknownRoute(hash, NAMED)).toBeUndefined());
});

describe('unsaved work', () => {
  it('is nothing when all is kept', () => expect(unsavedWork({ scenarioEdited: false, workspaceChanged: false, runNotKept: false })).toEqual([]));
  it('names each kind of unsaved work', () => {
    expect(unsavedWork({ scenarioEdited: true, workspaceChanged: true, runNotKept: true })).toEqual(['scenario edits', 'a run that is not in the workspace', 'workspace changes not saved to its file']);
    expect(unsavedWork({ scenarioEdited: false, workspaceChanged: false, runNotKept: true })).toEqual(['a run that is not in the workspace']);
  });
});

describe("the open scenario's badge", () => {
  it('is nothing for a scenario with nothing unsaved, even one downloaded', () => {
    expect(scenarioBadge(false)).toBeUndefined();
    expect(scenarioBadge(false, 'flash-sale.json')).toBeUndefined();
  });
  it('says unsaved for edits; edits only in a download (a copy, not a save) say so, and the tooltip that they are unsaved', () => {
    expect(scenarioBadge(true)).toEqual({ text: 'unsaved', title: 'Unsaved changes' });
    expect(scenarioBadge(true, 'flash-sale.json')).toEqual({
      text: 'downloaded',
      title: 'Downloaded as flash-sale.json, a file of its own in your downloads: the edits are not saved in the app (Save keeps them in the workspace)',
    });
  });
});

describe('"Download scenario" file names', () => {
  it.each([
    [{ raw: { name: 'Flash sale' }, fileName: 'untitled.json' }, 'flash-sale.json'],
    [{ raw: { name: 'Flash sale' }, fileName: 'flash-sale.json' }, 'flash-sale.json'],
    [{ raw: { name: 'a/b\\c:d' }, fileName: 'untitled.json' }, 'a-b-c-d.json'],
    [{ raw: {}, fileName: 'untitled.json' }, 'scenario.json'],
    [{ raw: { name: '   ' }, fileName: 'untitled.json' }, 'scenario.json'],
    [{ raw: { name: 'x' }, fileName: 'Scenario.JSON' }, 'Scenario.JSON'],
    // renamed since its file was named: the new name; named as it was: its file
    [{ raw: { name: 'Concert' }, fileName: 'new-commerce.json', fileTitle: 'New commerce scenario' }, 'concert.json'],
    [{ raw: { name: 'New commerce scenario' }, fileName: 'new-commerce.json', fileTitle: 'New commerce scenario' }, 'new-commerce.json'],
    [{ raw: { name: 'Café: 20 seats' }, fileName: 'flash-sale.json', fileTitle: 'Flash sale' }, 'cafe-20-seats.json'],
  ])('%j → %s', (doc, name) => expect(scenarioFileName(doc)).toBe(name));

  it('slugs a title safely: accents dropped, letters of any script kept, long titles cut at a word, names Windows reserves avoided', () => {
    expect(fileSlug('Stadium World Tour 2026 — Friday night presale for the final date in the Olympic Stadium', 'scenario')).toBe('stadium-world-tour-2026-friday-night-presale-for-the-final');
    expect(fileSlug('Ünïcødé «Konzert» 東京', 'scenario')).toBe('unicøde-konzert-東京');
    expect(fileSlug('../../etc/passwd', 'scenario')).toBe('etc-passwd');
    expect(fileSlug('CON', 'scenario')).toBe('con-scenario');
    expect(fileSlug('—', 'scenario')).toBe('scenario');
    expect(fileSlug('a'.repeat(80), 'scenario')).toBe('a'.repeat(60));
  });
});
