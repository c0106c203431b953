/**
 * The bank sample's rules as a bundled domain would run them: the same source
 * (samples/domains/bank.ts) imported into this thread and built into a DomainModule without the
 * loader — no worker, no `node:vm` context, no guards. The bench's baseline for a module domain.
 */
import bank from '../samples/domains/bank';
import { toDomainModule } from '../src/engine/module/bundled';

/** The bank, bundled. */
export const bankTwin = toDomainModule(bank);
