/** `purestream sweep`: not built yet. */
import { EXIT, type CliCommand } from '../io';

export const sweepCommand: CliCommand = async (_args, io) => {
  io.err('purestream sweep: not available yet\n');
  return EXIT.usage;
};
