/** The Logs view's verdict names decision drift and stale decisions beside violations and anomalies, and never calls a log with either, or a log read without a domain, healthy. */
import { describe, expect, it } from 'vitest';
import { liveHealth, logHealth } from '../../../../renderer/lib/inspector/logHealth';
import type { InspectionSummary } from '../../../../renderer/lib/workspace/logsProtocol';

const FIELDS = { id: '/id', type: '/type', stream: null, time: null };
const report = (anomalies: number, violations: number, drift: number, stale?: number) =>
  ({
    ...(stale !== undefined ? { staleDecisions: { count: stale, first: [] } } : {}),
    events: 212,
    commands: 153,
    anomalies: Array.from({ length: anomalies }, () => ({ kind: 'gap', line: 1, message: '' })),
    violations: Array.from({ length: violations }, () => ({})),
    drift: Array.from({ length: drift }, (_, i) => ({ commandId: `c${i}`, recorded: ['OrderShipped'], now: 'rejected: order-cancelled' })),
    domain: 'commerce',
    profile: 'cloudevents',
    fieldsUsed: FIELDS,
    tombstones: 0,
    systemEvents: 0,
    otherRecords: 0,
  }) as unknown as InspectionSummary;

describe('logHealth', () => {
  it('says first that the invariants were not checked when the domain read none of the events, never "healthy" nor only the anomalies (trial A p5)', () => {
    const unchecked = { ...report(14, 0, 0), commands: 0, events: 11, invariantsChecked: false, eventsChecked: 0 } as InspectionSummary;
    expect(logHealth(unchecked)).toMatchObject({ tone: 'bad', label: 'not checked', text: "Invariants not checked: none of the log's 11 events could be read by domain commerce; 14 anomalies in 11 events." });
    expect(logHealth({ ...unchecked, anomalies: [] }).text).toBe("Invariants not checked: none of the log's 11 events could be read by domain commerce; 11 events read.");
  });

  it('says how many decisions drift after the violations and anomalies, as a piece of its own the view can link', () => {
    const health = logHealth(report(4, 1, 4));
    expect(health).toEqual({
      tone: 'bad',
      label: 'violations',
      text: "1 invariant violation and 4 anomalies in 212 events, and 4 decisions today's rules decide otherwise.",
      parts: [
        { kind: 'words', text: '1 invariant violation and 4 anomalies in 212 events, and ' },
        { kind: 'drift', text: "4 decisions today's rules decide otherwise" },
        { kind: 'words', text: '.' },
      ],
    });
    expect(logHealth(report(1, 0, 1)).text).toBe("1 anomaly in 212 events, and 1 decision today's rules decide otherwise.");
  });

  it('drift alone is a warning, not healthy', () => {
    expect(logHealth(report(0, 0, 2))).toEqual({
      tone: 'warn',
      label: 'decision drift',
      text: "212 events read: no anomalies, every invariant holds, but 2 decisions today's rules decide otherwise.",
      parts: [
        { kind: 'words', text: '212 events read: no anomalies, every invariant holds, but ' },
        { kind: 'drift', text: "2 decisions today's rules decide otherwise" },
        { kind: 'words', text: '.' },
      ],
    });
  });

  it('without drift the verdict has no drift phrase', () => {
    const text = '212 events read: no anomalies, every invariant holds.';
    expect(logHealth(report(0, 0, 0))).toEqual({ tone: 'ok', label: 'healthy', text, parts: [{ kind: 'words', text }] });
    expect(logHealth(report(0, 1, 0)).parts.map((p) => p.kind)).toEqual(['words']);
  });

  it('without a domain a log with no anomaly is not called healthy: it says what was checked and that a domain checks the rest', () => {
    // the trial's 4-workers library log, opened before a domain was chosen (it oversold: only its domain can tell)
    const text = '212 events read: no anomalies — choose a domain to check its invariants and decisions.';
    expect(logHealth({ ...report(0, 0, 0), domain: null } as InspectionSummary)).toEqual({ tone: 'unchecked', label: 'no anomalies', text, parts: [{ kind: 'words', text }] });
    // what it finds without a domain is said as with one
    expect(logHealth({ ...report(2, 0, 0), domain: null } as InspectionSummary)).toMatchObject({ tone: 'warn', label: 'anomalies', text: '2 anomalies in 212 events.' });
  });

  it('gives the sentence in pieces that make it whole, the drift phrase a piece alone', () => {
    for (const r of [report(4, 1, 4), report(1, 0, 1), report(0, 0, 2), report(0, 0, 0)]) {
      const health = logHealth(r);
      expect(health.parts.map((p) => p.text).join('')).toBe(health.text);
      expect(health.parts.filter((p) => p.kind === 'drift').map((p) => p.text)).toEqual(r.drift.length ? [`${r.drift.length === 1 ? '1 decision' : `${r.drift.length} decisions`} today's rules decide otherwise`] : []);
    }
  });
});

describe('logHealth: stale decisions', () => {
  it('a log whose only finding is stale decisions is a warning that names them, not healthy, as a piece the view links', () => {
    // the trial: an exported "8 workers" log read without its oversell (drift none, invariants hold)
    expect(logHealth(report(0, 0, 0, 102))).toEqual({
      tone: 'warn',
      label: 'stale decisions',
      text: '212 events read: no anomalies, every invariant holds, but 102 stale decisions.',
      parts: [
        { kind: 'words', text: '212 events read: no anomalies, every invariant holds, but ' },
        { kind: 'stale', text: '102 stale decisions' },
        { kind: 'words', text: '.' },
      ],
    });
    expect(logHealth(report(0, 0, 0, 1)).text).toBe('212 events read: no anomalies, every invariant holds, but 1 stale decision.');
  });

  it('names them after the violations, anomalies and drift, as the bundled sample log has them all', () => {
    const sample = logHealth(report(4, 1, 4, 102));
    expect(sample).toMatchObject({ tone: 'bad', label: 'violations', text: "1 invariant violation and 4 anomalies in 212 events, 4 decisions today's rules decide otherwise and 102 stale decisions." });
    expect(sample.parts.filter((p) => p.kind !== 'words')).toEqual([
      { kind: 'drift', text: "4 decisions today's rules decide otherwise" },
      { kind: 'stale', text: '102 stale decisions' },
    ]);
    expect(logHealth(report(2, 0, 0, 3))).toMatchObject({ tone: 'warn', label: 'anomalies', text: '2 anomalies in 212 events, and 3 stale decisions.' });
    // drift leads the label when both are there
    expect(logHealth(report(0, 0, 2, 3))).toMatchObject({ tone: 'warn', label: 'decision drift', text: "212 events read: no anomalies, every invariant holds, but 2 decisions today's rules decide otherwise and 3 stale decisions." });
  });

  it('a log read without a domain says its stale decisions (found without one), and still asks for a domain', () => {
    expect(logHealth({ ...report(0, 0, 0, 5), domain: null } as InspectionSummary)).toEqual({
      tone: 'warn',
      label: 'stale decisions',
      text: '212 events read: no anomalies, but 5 stale decisions — choose a domain to check its invariants and decisions.',
      parts: [
        { kind: 'words', text: '212 events read: no anomalies, but ' },
        { kind: 'stale', text: '5 stale decisions' },
        { kind: 'words', text: ' — choose a domain to check its invariants and decisions.' },
      ],
    });
  });

  it('none found, or no command records to check, changes nothing', () => {
    expect(logHealth(report(0, 0, 0, 0))).toEqual(logHealth(report(0, 0, 0)));
    expect(logHealth(report(4, 1, 4, 0))).toEqual(logHealth(report(4, 1, 4)));
  });
});

describe('liveHealth', () => {
  it('counts the stale decisions found so far after the rest; alone they are a warning', () => {
    expect(liveHealth({ events: 60, commands: 40, types: {}, anomalies: 0, violations: 0, staleDecisions: 3 })).toEqual({ tone: 'warn', text: '60 events so far: no anomalies, every invariant holds, but 3 stale decisions' });
    expect(liveHealth({ events: 60, commands: 40, types: {}, anomalies: 0, staleDecisions: 1 })).toEqual({ tone: 'warn', text: '60 events so far: no anomalies, but 1 stale decision' });
    expect(liveHealth({ events: 60, commands: 40, types: {}, anomalies: 2, violations: 1, staleDecisions: 3 })).toEqual({ tone: 'bad', text: '1 invariant violation and 2 anomalies in 60 events, and 3 stale decisions so far' });
    expect(liveHealth({ events: 60, commands: 40, types: {}, anomalies: 0, violations: 0, staleDecisions: 0 })).toEqual({ tone: 'ok', text: '60 events so far: no anomalies, every invariant holds' });
  });


  it("counts what a read found so far as the finished verdict does: a violation found is said, never \"0 anomalies\"", () => {
    // the trial's live read: 60 events, a violation found already
    expect(liveHealth({ events: 60, commands: 0, types: {}, anomalies: 0, violations: 1 })).toEqual({ tone: 'bad', text: '1 invariant violation in 60 events so far' });
    expect(liveHealth({ events: 212, commands: 153, types: {}, anomalies: 4, violations: 2 })).toEqual({ tone: 'bad', text: '2 invariant violations and 4 anomalies in 212 events so far' });
    // the finished verdict's first words are the same
    expect(logHealth(report(4, 2, 0)).text.startsWith('2 invariant violations and 4 anomalies in 212 events')).toBe(true);
    expect(liveHealth({ events: 212, commands: 0, types: {}, anomalies: 1, violations: 0 })).toEqual({ tone: 'warn', text: '1 anomaly in 212 events so far' });
  });

  it('says none found so far; every invariant holding only when a domain checks them', () => {
    expect(liveHealth({ events: 5, commands: 0, types: {}, anomalies: 0, violations: 0 })).toEqual({ tone: 'ok', text: '5 events so far: no anomalies, every invariant holds' });
    expect(liveHealth({ events: 1, commands: 0, types: {}, anomalies: 0 })).toEqual({ tone: 'ok', text: '1 event so far: no anomalies' });
  });
});
