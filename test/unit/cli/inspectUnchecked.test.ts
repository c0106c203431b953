/**
 * A log of which the domain read none of the events is never reported healthy on the command line
 * (trial A M1): the text says the invariants were not checked and why, `--json` says
 * `invariantsChecked: false`, and `--fail-on violations` fails (exit 3) saying why — as the app does.
 */
import { describe, expect, it } from 'vitest';
import { cli } from './cliHarness';

const dir = new URL('../../fixtures/logs/verdict-trial/', import.meta.url).pathname;
const opts = { cwd: dir };
/** The homegrown orders log read as the bundled commerce domain's: every event an unknown type or invalid data. */
const wrongDomain = ['inspect', 'homegrown.ndjson', '--map', 'homegrown.map.json', '--domain', 'commerce', '--skip-invalid'];

describe('inspect with a domain that read none of the events', () => {
  it('says "not checked" and why in the text, never "invariant violations: none"', async () => {
    const r = await cli(wrongDomain, opts);
    expect(r.code).toBe(0);
    expect(r.out).not.toContain('invariant violations: none');
    expect(r.out).toContain("invariant violations: not checked — none of the log's 11 events could be read by domain commerce (9 records of invalid data, the first on line 1: data.sku: is required;");
    expect(r.out).toContain("the payloads do not match the domain's schemas");
  });

  it('says invariantsChecked: false in --json (violations: [] claims nothing then)', async () => {
    const r = await cli([...wrongDomain, '--json'], opts);
    const report = JSON.parse(r.out);
    expect(report).toMatchObject({ violations: [], invariantsChecked: false, eventsChecked: 0, events: 11 });
  });

  it('fails --fail-on violations as bad input (exit 1: nothing was found, logs.md keeps 3 for that) with the failing line saying why: a CI gate never passes on an unchecked log', async () => {
    const r = await cli([...wrongDomain, '--fail-on', 'violations'], opts);
    expect(r.code).toBe(1);
    expect(r.err).toBe("failing: invariants not checked: none of the log's 11 events could be read by domain commerce (--fail-on violations)\n");
    // anomalies only: the gate is on what it names
    expect((await cli([...wrongDomain, '--fail-on', 'drift'], opts)).code).toBe(0);
  });

  it("says nothing of it when the domain read every event (the log's own domain), and no invariantsChecked member", async () => {
    const own = ['inspect', 'homegrown.ndjson', '--map', 'homegrown.map.json', '--domain', './orders.ts'];
    const r = await cli([...own, '--json'], opts);
    const report = JSON.parse(r.out);
    expect(report.invariantsChecked).toBeUndefined();
    expect(report.eventsChecked).toBeUndefined();
    expect(report.violations).toHaveLength(4);
  });
});
