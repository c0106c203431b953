/** `purestream compare`: not built yet. */
import { EXIT, type CliCommand } from '../io';

export const compareCommand: CliCommand = async (_args, io) => {
  io.err('purestream compare: not available yet\n');
  return EXIT.usage;
};
