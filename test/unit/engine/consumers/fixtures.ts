/** Real event logs for interpreter tests: commands decided serially by the kernel, events enveloped. */
import initSqlJs from 'sql.js';
import type { SqlJsStatic } from 'sql.js';
import { commandId, decideInput, type AnyDomainModule } from '../../../../domain/kernel';
import { StateStore } from '../../../../src/engine/consumers/stateStore';
import type { LogEntry } from '../../../../src/engine/types';

let sqlJs: Promise<SqlJsStatic> | undefined;
/** The sql.js module, initialised once per test file. */
export const loadSqlJs = (): Promise<SqlJsStatic> => (sqlJs ??= initSqlJs());

/** A command as tests write it; ids default to c1, c2, … and `at` to 10 × position. */
export interface Cmd {
  readonly type: string;
  readonly data: unknown;
  readonly actor?: string;
}

/** Decides each command against the state so far and returns the appended log (rejections append nothing). */
export function logOf(decider: AnyDomainModule, commands: readonly Cmd[]): LogEntry[] {
  const state = new StateStore(decider);
  const log: LogEntry[] = [];
  commands.forEach((c, i) => {
    const at = 10 * (i + 1);
    const outcome = decideInput(decider, { id: commandId(`c${i + 1}`), type: c.type, data: c.data, at, ...(c.actor ? { actor: c.actor } : {}) }, state);
    for (const e of outcome.events) {
      const entry: LogEntry = { ...e, seq: log.length + 1, appendedAt: at + 1 };
      log.push(entry);
      state.enact(entry, at + 1);
    }
  });
  return log;
}

/** A commerce story: restock, three orders (one rejected for stock), a cancel and a ship. */
export const commerceCommands: readonly Cmd[] = [
  { type: 'RestockItem', data: { sku: 'tee', qty: 5 } },
  { type: 'RestockItem', data: { sku: 'mug', qty: 2, warehouse: 'east' } },
  { type: 'PlaceOrder', data: { orderId: 'o1', customerId: 'ann', sku: 'tee', qty: 2 } },
  { type: 'PlaceOrder', data: { orderId: 'o2', customerId: 'bob', sku: 'mug', qty: 2, warehouse: 'east' } },
  { type: 'PlaceOrder', data: { orderId: 'o3', customerId: 'cy', sku: 'mug', qty: 1, warehouse: 'east' } },
  { type: 'CancelOrder', data: { orderId: 'o1' } },
  { type: 'ShipOrder', data: { orderId: 'o2' } },
];

const person = { first: 'Ada', last: 'Lovelace' };
/** A profiles story: two profiles, an update, gallery adds and a removal from the middle. */
export const profilesCommands: readonly Cmd[] = [
  { type: 'AddProfile', data: { profileId: 'p1', userId: 'ada', title: 'Hi', bio: 'math', name: person } },
  { type: 'AddProfile', data: { profileId: 'p2', userId: 'bo', title: 'Yo', bio: '', name: { first: 'Bo', last: 'B' } } },
  { type: 'UpdateProfile', data: { profileId: 'p1', title: 'Hello', bio: 'engines', name: person }, actor: 'ada' },
  { type: 'AddGalleryImage', data: { profileId: 'p1', imageRef: 'a.png' } },
  { type: 'AddGalleryImage', data: { profileId: 'p1', imageRef: 'b.png' } },
  { type: 'AddGalleryImage', data: { profileId: 'p1', imageRef: 'c.png' } },
  { type: 'RemoveGalleryImage', data: { profileId: 'p1', imageRef: 'b.png' } },
  { type: 'AddGalleryImage', data: { profileId: 'p1', imageRef: 'd.png' } },
];
