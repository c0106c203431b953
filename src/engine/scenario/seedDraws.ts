/**
 * What a scenario's seed drives in one of its runs. Every draw of a run comes from the seeded
 * source (../random.ts), and only from these: a repeat's jitter in the commands or the setup
 * (`jitterMs` ≥ 1: ./expand.ts), a service time drawn from a distribution (../sim/simulation.ts),
 * a consumer's latency or attempt time drawn from one, and a consumer's failure or duplicate rate
 * strictly between 0 and 1 (../sim/consumerLane.ts; `chance` draws nothing at 0 or 1, and an
 * at-most-once consumer never duplicates). A run with none of them gives the same result whatever
 * the seed. A distribution that can only give one value (uniform from 5 to 5) draws nothing that
 * matters. Pure.
 */
import type { Duration, RunConfig, Scenario, ScenarioNode } from '../types';

/** Whether a duration's draws can differ: a uniform range wider than a point, an exponential with a mean above 0. */
const varies = (d: Duration | undefined): boolean => typeof d === 'object' && (d.dist === 'uniform' ? d.max > d.min : d.mean > 0);

/** Strictly between 0 and 1: a rate that draws. */
const drawsChance = (p: number): boolean => p > 0 && p < 1;

/** Whether a node, or one inside it, has a repeat with jitter. */
function jitters(node: ScenarioNode): boolean {
  if ('repeat' in node) return node.jitterMs !== undefined && node.jitterMs >= 1 ? true : jitters(node.template);
  if ('items' in node) return (node.items as readonly ScenarioNode[]).some(jitters);
  return false;
}

/**
 * What the seed drives in run `run` (its config, or its name in `scenario`), in words
 * ("repeat jitter of the commands", "the service time", "“mail” failure rate 0.3"); empty when the
 * seed changes nothing in it.
 */
export function seedDraws(scenario: Pick<Scenario, 'setup' | 'commands' | 'runs'>, run: string | RunConfig): string[] {
  const config = typeof run === 'string' ? scenario.runs.find((r) => r.name === run) : run;
  const out: string[] = [];
  if (scenario.commands.some(jitters)) out.push('repeat jitter of the commands');
  if (scenario.setup.some(jitters)) out.push('repeat jitter of the setup');
  if (!config) return out;
  if (varies(config.serviceMs)) out.push('the service time');
  for (const c of config.consumers) {
    const name = `“${c.name}”`;
    if (varies(c.latencyMs)) out.push(`${name} latency`);
    if (varies((c as { enactMs?: Duration }).enactMs)) out.push(`${name} attempt time`);
    if (drawsChance(c.failureRate)) out.push(`${name} failure rate ${c.failureRate}`);
    if (c.delivery !== 'at-most-once' && drawsChance(c.duplicateRate)) out.push(`${name} duplicate rate ${c.duplicateRate}`);
  }
  return out;
}
