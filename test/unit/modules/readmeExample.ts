/** The README's complete small module and its test (`// counter.ts …`, `// counter.test.ts …`), as the files a user writes. */
import { readFileSync } from 'node:fs';

/** File name → text, as the README shows them. */
export function readmeCounterFiles(): Readonly<Record<'counter.ts' | 'counter.test.ts', string>> {
  const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
  const block = /```ts\n\/\/ counter\.ts\n([\s\S]*?)```/.exec(readme)![1];
  const [module, test] = block.split('// counter.test.ts');
  return { 'counter.ts': module, 'counter.test.ts': test.split('\n').slice(1).join('\n') };
}
