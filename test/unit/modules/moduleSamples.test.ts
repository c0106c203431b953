/**
 * The domain-module samples (samples/domains) double as fixtures: each scenario runs with its
 * module in the module's worker and shows the lesson its `x-expect` claims.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scenarioDomain } from '../../../src/cli/domainArgument';
import { parseScenarioText } from '../../../src/cli/loadScenario';
import { checkClaims, type Claim } from '../../../src/engine/claims/checkClaims';
import type { DryRunResult } from '../../../src/engine/api';
import type { ModuleHost } from '../../../src/modules/moduleHost';
import { virtualToIso } from '../../../src/engine/virtualTime';

const dir = new URL('../../../samples/domains/', import.meta.url).pathname;
const scenarios = readdirSync(dir).filter((f) => f.endsWith('.scenario.json'));
const hosts: ModuleHost[] = [];
afterAll(async () => Promise.all(hosts.map((h) => h.close())));

describe('domain-module samples', () => {
  it('are a bank (Purestream shape) and a cart (Emmett shape)', () => {
    expect(scenarios.sort()).toEqual(['bank.scenario.json', 'cart.scenario.json']);
  });

  it.each(scenarios)('%s states a lesson and shows it', async (file) => {
    const text = readFileSync(join(dir, file), 'utf8');
    const domain = (await scenarioDomain(file, text, undefined, { cwd: dir, out: () => undefined, err: () => undefined, errIsTTY: false }))!;
    const host = domain.host!;
    hosts.push(host);
    const scenario = parseScenarioText(text, file, domain.info);
    expect(scenario.description.length).toBeGreaterThan(80);
    const claims = scenario.extensions['x-expect'] as Claim[];
    const { report } = await host.run(scenario);
    const dryRuns = new Map<string, DryRunResult>();
    for (const c of claims) if (typeof c.dryRun === 'string') dryRuns.set(c.dryRun, await host.dryRun(scenario, c.dryRun));
    expect(checkClaims(claims, { result: { report, traces: [] }, dryRun: (id) => dryRuns.get(id)! })).toEqual([]);
  });

  it("an Emmett decide's metadata.now is the command's at on the virtual clock's epoch, the instant exports write", async () => {
    const file = 'cart.scenario.json';
    const text = readFileSync(join(dir, file), 'utf8');
    const host = (await scenarioDomain(file, text, undefined, { cwd: dir, out: () => undefined, err: () => undefined, errIsTTY: false }))!.host!;
    hosts.push(host);
    const scenario = parseScenarioText(text, file, host.info);
    const { report } = await host.run(scenario);
    const cart = report.runs[0].finalState['shopping_cart-c-1'] as { confirmedAt?: string };
    // ConfirmShoppingCart c-1 arrives at virtual 10 ms: 2026-01-01T00:00:00.010Z, as a CloudEvent's `time` says
    expect(cart.confirmedAt).toBe(virtualToIso(10));
    expect(cart.confirmedAt).toBe('2026-01-01T00:00:00.010Z');
  });
});
