/** Process entry of the CLI: wires the real process to `main`. */
import { main } from './main';

process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

const code = await main(process.argv.slice(2), {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  errIsTTY: Boolean(process.stderr.isTTY),
  cwd: process.cwd(),
  onInterrupt: (handler) => {
    // the first Ctrl-C asks the command to finish; a second one ends the process at once
    let asked = false;
    const listener = () => {
      if (asked) process.exit(130);
      asked = true;
      handler();
    };
    process.on('SIGINT', listener);
    return () => process.off('SIGINT', listener);
  },
});
process.exitCode = code;
