/** The parameters a sweep of one run offers (from the run as written), with a sensible first range each. Pure. */

/** A parameter a sweep can vary, and the range the form starts with. */
export interface ParamChoice {
  readonly path: string;
  readonly label: string;
  readonly from: number;
  readonly to: number;
  readonly step: number;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The run's sweepable parameters: scheduler workers (or max for autoscale; none for one queue), serviceMs, each consumer's failureRate, the seed. */
export function paramChoices(run: unknown): ParamChoice[] {
  const r = isRecord(run) ? run : {};
  const scheduler = isRecord(r.scheduler) ? r.scheduler : {};
  const choices: ParamChoice[] = [];
  // one queue (serial, the default) has no workers to vary
  if (scheduler.kind === 'autoscale') choices.push({ path: 'scheduler.max', label: 'autoscale max workers', from: 1, to: 16, step: 1 });
  else if (scheduler.kind !== undefined && scheduler.kind !== 'serial') choices.push({ path: 'scheduler.workers', label: 'scheduler workers', from: 1, to: 16, step: 1 });
  choices.push({ path: 'serviceMs', label: 'decision time (serviceMs)', from: 5, to: 50, step: 5 });
  const consumers = Array.isArray(r.consumers) ? r.consumers : [];
  consumers.forEach((c, i) => {
    const name = isRecord(c) && typeof c.name === 'string' ? c.name : `consumer ${i + 1}`;
    choices.push({ path: `consumers[${i}].failureRate`, label: `${name}: failureRate`, from: 0, to: 0.5, step: 0.1 });
  });
  choices.push({ path: 'seed', label: 'seed', from: 1, to: 20, step: 1 });
  return choices;
}

/** The `PATH=FROM..TO:STEP` spec the CLI takes for a range. */
export const rangeSpec = (path: string, from: number, to: number, step: number): string => `${path}=${from}..${to}:${step}`;

/** Whether a swept parameter takes whole numbers only (worker counts and seeds). */
export const takesWholeNumbers = (path: string): boolean => path === 'seed' || /^scheduler\.(workers|max)$/.test(path);
