/**
 * Process entry of the CLI: wires the real process to `main`. Stdout is written with
 * backpressure; an interrupted run (Ctrl-C, SIGTERM) removes the temporary files it was writing
 * and exits 130 / 143; an error that escapes everything still ends in one line (exit 70).
 */
import { internalError, main } from './main';
import { removeTemps, removeTempsOnSignals } from './tempFiles';
import { muteKafkajsNegativeTimeout } from '../sources/kafka/kafkajsWarning';

// kafkajs's harmless negative timer on every Kafka connection (tulios/kafkajs#1751); other warnings still print
muteKafkajsNegativeTimeout();

const debug = process.argv.includes('--debug');

/** Ends the process after an error nothing else caught, leaving no temporary file behind. */
const crash = (error: unknown): void => {
  removeTemps();
  process.exit(internalError(error, debug, { err: (t) => process.stderr.write(t) }));
};
process.on('uncaughtException', crash);
process.on('unhandledRejection', crash);

/** Commands handling Ctrl-C themselves right now (a live tail). */
let interruptible = 0;
removeTempsOnSignals(() => interruptible > 0);

process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  // the reader went away (`| head`): nothing more to say
  if (e.code === 'EPIPE') process.exit(0);
  crash(e);
});

const code = await main(process.argv.slice(2), {
  out: (t) => process.stdout.write(t),
  write: (t) => new Promise<void>((done) => (process.stdout.write(t) ? done() : process.stdout.once('drain', done))),
  err: (t) => process.stderr.write(t),
  errIsTTY: Boolean(process.stderr.isTTY),
  cwd: process.cwd(),
  onInterrupt: (handler) => {
    // the first Ctrl-C asks the command to finish; a second one ends the process at once
    let asked = false;
    const listener = () => {
      if (asked) {
        removeTemps();
        process.exit(130);
      }
      asked = true;
      handler();
    };
    interruptible++;
    process.on('SIGINT', listener);
    return () => {
      interruptible--;
      process.off('SIGINT', listener);
    };
  },
});
process.exitCode = code;
