// `pendamping demo [--dir DIR]`: see cli/demo.ts; with --latihan, the practice workbook of cli/latihan.ts.
import { runDemo } from '../demo';
import { runPractice } from '../latihan';
import { CliError } from '../result';
import type { Command } from './common';

export const demo: Command = (options, io) => {
  if (options.latihan) return runPractice(options, io);
  if (options.peserta !== undefined) throw new CliError('error.pesertaWithoutLatihan');
  return runDemo(options, io);
};
