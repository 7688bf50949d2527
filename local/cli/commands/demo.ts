// `pendamping demo [--dir DIR]`: see local/demo.ts.
import { runDemo } from '../../demo';
import type { Command } from './common';

export const demo: Command = (options, io) => runDemo(options, io);
