/**
 * Process entry of the CLI: wires the real process to `main`. Stdout is written with
 * backpressure; an interrupted run (Ctrl-C, SIGTERM) removes the temporary files it was writing
 * and exits 130 / 143, except a command that ends itself on either (a live tail: its report); an error that escapes everything still ends in one line (exit 70); a
 * closed output pipe (`| head -1`, stdout or stderr) ends it quietly with exit 0, or with the
 * verdict a command gave before its output (`inspect --fail-on` failing: 3).
 */
import { internalError, main } from './main';
import { removeTemps, removeTempsOnSignals } from './tempFiles';
import { muteKafkajsNegativeTimeout } from '../sources/kafka/kafkajsWarning';

// kafkajs's harmless negative timer on every Kafka connection (tulios/kafkajs#1751); other warnings still print
muteKafkajsNegativeTimeout();

const debug = process.argv.includes('--debug');

/** A write to a pipe whose reader went away (`| head -1`, stderr too with `2>&1`). */
const closedPipe = (error: unknown): boolean => (error as NodeJS.ErrnoException | undefined)?.code === 'EPIPE';

/** The exit code and stderr line a command said it ends with before writing its output (`inspect --fail-on` failing), and whether the line was written. */
let verdict: { code: number; reason: string; said: boolean } | undefined;

/**
 * Ends the process after an error nothing else caught, leaving no temporary file behind; a closed
 * pipe ends it quietly, exit 0 (nothing more can be said, and the reader took what it wanted) —
 * unless the command already knew it fails: then with its code (3) and line (on stderr, if open).
 */
const crash = (error: unknown): void => {
  removeTemps();
  if (closedPipe(error)) {
    if (verdict && !verdict.said) {
      verdict.said = true;
      try {
        process.stderr.write(verdict.reason);
      } catch {
        // stderr is the closed pipe: the code says it
      }
    }
    process.exit(verdict?.code ?? 0);
  }
  process.exit(internalError(error, debug, { err: (t) => process.stderr.write(t) }));
};
process.on('uncaughtException', crash);
process.on('unhandledRejection', crash);

/** Commands handling Ctrl-C and SIGTERM themselves right now (a live tail). */
let interruptible = 0;
removeTempsOnSignals(() => interruptible > 0);

// the reader went away (`| head`, `2>&1 | head`): nothing more to say (see crash)
process.stdout.on('error', crash);
process.stderr.on('error', crash);

const code = await main(process.argv.slice(2), {
  out: (t) => process.stdout.write(t),
  write: (t) => new Promise<void>((done) => (process.stdout.write(t) ? done() : process.stdout.once('drain', done))),
  err: (t) => {
    if (verdict && t === verdict.reason) verdict.said = true;
    process.stderr.write(t);
  },
  verdict: (code, reason) => void (verdict = { code, reason, said: false }),
  errIsTTY: Boolean(process.stderr.isTTY),
  cwd: process.cwd(),
  onInterrupt: (handler) => {
    // the first Ctrl-C or SIGTERM (systemd, Kubernetes, `kill`) asks the command to finish, with its
    // report and last position; a second one ends the process at once
    let asked = false;
    const listener = (signal: NodeJS.Signals) => {
      if (asked) {
        removeTemps();
        process.exit(signal === 'SIGTERM' ? 143 : 130);
      }
      asked = true;
      handler();
    };
    interruptible++;
    process.on('SIGINT', listener);
    process.on('SIGTERM', listener);
    return () => {
      interruptible--;
      process.off('SIGINT', listener);
      process.off('SIGTERM', listener);
    };
  },
});
process.exitCode = code;
