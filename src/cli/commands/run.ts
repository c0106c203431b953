/** `purestream run`: not built yet. */
import { EXIT, type CliCommand } from '../io';

export const runCommand: CliCommand = async (_args, io) => {
  io.err('purestream run: not available yet\n');
  return EXIT.usage;
};
