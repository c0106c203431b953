/** The scheduler registry: one factory per `scheduler.kind` (a new strategy is one file and one line here). */
import type { SchedulerKind } from '../types';
import { autoscaleScheduler } from './autoscale';
import { capacityAwareScheduler } from './capacityAware';
import { partitionedScheduler } from './partitioned';
import { poolScheduler, serialScheduler } from './pool';
import type { SchedulerFactory } from './scheduler';
import { singleWriterScheduler } from './singleWriter';

export type { Scheduler, SchedulerFactory, SchedulerHost } from './scheduler';

/** Every scheduling strategy by kind. */
export const schedulers: Readonly<Record<SchedulerKind, SchedulerFactory>> = {
  serial: serialScheduler,
  pool: (config, host) => poolScheduler(config, host),
  autoscale: autoscaleScheduler,
  partitioned: partitionedScheduler,
  'single-writer': singleWriterScheduler,
  'capacity-aware': capacityAwareScheduler,
};
