/** The scheduler registry: one factory per `scheduler.kind`. */
import type { SchedulerKind } from '../types';
import { poolScheduler, serialScheduler } from './pool';
import type { SchedulerFactory } from './scheduler';

export type { Scheduler, SchedulerFactory, SchedulerHost } from './scheduler';

/** Every scheduling strategy by kind. */
export const schedulers: Readonly<Record<SchedulerKind, SchedulerFactory>> = {
  serial: serialScheduler,
  pool: (config, host) => poolScheduler(config, host),
  autoscale: (config, host) => poolScheduler(config, host),
  partitioned: (config, host) => poolScheduler(config, host),
  'single-writer': (config, host) => poolScheduler(config, host),
  'capacity-aware': (config, host) => poolScheduler(config, host),
};
