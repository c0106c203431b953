/** Domain modules written to a temporary folder for the tests: variants of a small counter domain, good and bad. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A small Purestream-shaped domain; `decideBody` replaces its decide's body. */
export const counter = (decideBody = "return command.data.by > 0 ? accept({ type: 'Added', data: { id: command.data.id, by: command.data.by } }) : reject('not-positive', 'add more than 0');") => `
import { accept, reject } from 'purestream/domain';
export default {
  decide(command, state) {
    ${decideBody}
  },
  evolve: (count, event) => ({ total: (count?.total ?? 0) + event.data.by }),
  streamOf: (event) => 'counter:' + event.data.id,
  partitionKey: (command) => 'counter:' + command.data.id,
  commandSchemas: { Add: { type: 'object', properties: { id: { type: 'string' }, by: { type: 'integer' } }, required: ['id', 'by'], additionalProperties: false } },
  eventSchemas: { Added: { type: 'object', properties: { id: { type: 'string' }, by: { type: 'integer' } }, required: ['id', 'by'] } },
};
`;

/** A scenario of three Adds for a module at `./<file>`. */
export const counterScenario = (file: string) =>
  JSON.stringify({
    format: 'purestream/scenario@1',
    name: 'counter',
    domain: `./${file}`,
    commands: [
      { type: 'Add', data: { id: 'a', by: 2 } },
      { type: 'Add', data: { id: 'a', by: 0 } },
      { type: 'Add', data: { id: 'b', by: 1 } },
    ],
    runs: [{ name: 'serial' }, { name: 'two keys', scheduler: { kind: 'partitioned', workers: 2 } }],
  });

/** Writes `files` (name → text) into a fresh temporary folder; returns its path. */
export function folderWith(files: Readonly<Record<string, string>>): string {
  const dir = mkdtempSync(join(tmpdir(), 'purestream-modules-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}
