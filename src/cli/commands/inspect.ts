/** `purestream inspect`: not built yet. */
import { EXIT, type CliCommand } from '../io';

export const inspectCommand: CliCommand = async (_args, io) => {
  io.err('purestream inspect: not available yet\n');
  return EXIT.usage;
};
