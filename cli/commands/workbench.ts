// `pendamping workbench`: serves the workbench web page (the real sidebar over the workbook)
// on 127.0.0.1 until the process is asked to stop.
import { existsSync } from 'node:fs';
import { startWorkbench } from '../workbench/server';
import { msg } from '../messages';
import { CliError, NO_METRICS } from '../result';
import { workbookPath, type Command } from './common';

export const workbench: Command = async (options, io) => {
  const file = workbookPath(options, io);
  if (!existsSync(file)) throw new CliError('error.fileMissing', { file });
  const server = await startWorkbench({
    file,
    ...(options.port !== undefined && { port: options.port }),
    ...(options.user !== undefined && { user: options.user }),
  });
  const lang = server.lang;
  if (options.json) io.announce(JSON.stringify({ ok: true, command: 'workbench', url: server.url, metrics: NO_METRICS }));
  else io.announce(msg(lang, 'workbench.listening', { url: server.url }));
  await io.stopped;
  await server.close();
  return { ok: true, lang, metrics: NO_METRICS, fields: { url: server.url }, lines: [], printed: true };
};
