// Logger and console: what the script logs is captured by the runtime (the CLI prints it only
// with a debug flag), as Apps Script keeps it in the execution log.
// https://developers.google.com/apps-script/reference/base/logger
// https://developers.google.com/apps-script/reference/base/console
import { inspect } from 'node:util';
import type { ServiceContext } from './context';
import { recordCall } from './script-app';
import { formatString } from './utilities';

export interface LogLine {
  level: 'log' | 'info' | 'warn' | 'error' | 'debug';
  text: string;
}

export interface LogSink {
  lines: LogLine[];
  /** Also print each line on stderr. */
  echo: boolean;
}

function show(value: unknown): string {
  return typeof value === 'string' ? value : inspect(value, { depth: 4, breakLength: Infinity });
}

export function createLogging(ctx: ServiceContext, sink: LogSink) {
  const write = (level: LogLine['level'], text: string) => {
    sink.lines.push({ level, text });
    if (sink.echo) process.stderr.write(`[${level}] ${text}\n`);
  };
  let logText = '';
  const logger = {
    log(data: unknown, ...values: unknown[]) {
      recordCall(ctx, 'Logger', 'log');
      const text = typeof data === 'string' && values.length > 0 ? formatString(data, values) : show(data);
      logText += `${text}\n`;
      write('log', text);
      return logger;
    },
    getLog: (): string => logText,
    clear: () => {
      logText = '';
    },
  };
  const level = (name: LogLine['level']) => (...args: unknown[]) => {
    recordCall(ctx, 'console', name);
    write(name, args.map(show).join(' '));
  };
  const console = { log: level('log'), info: level('info'), warn: level('warn'), error: level('error'), debug: level('debug') };
  return { Logger: logger, console };
}
