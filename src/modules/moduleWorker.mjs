// The module worker's entry: TypeScript sources run through tsx, as the CLI's own (bin/purestream.mjs).
import { register } from 'tsx/esm/api';

register();
await import('./moduleWorker.ts');
