/** `purestream export`: not built yet. */
import { EXIT, type CliCommand } from '../io';

export const exportCommand: CliCommand = async (_args, io) => {
  io.err('purestream export: not available yet\n');
  return EXIT.usage;
};
