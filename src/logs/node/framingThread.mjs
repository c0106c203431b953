// The framing thread's entry: the thread built ahead of time with the command line (dist/cli, see
// scripts/buildCli.mjs) when this file was copied there, else the TypeScript sources through tsx.
import { existsSync } from 'node:fs';

const built = [new URL('./framingThread.js', import.meta.url), new URL('../framingThread.js', import.meta.url)].find((url) => existsSync(url));
if (built && !import.meta.url.includes('/src/logs/node/')) await import(built.href);
else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('./framingThread.ts', import.meta.url).href);
}
