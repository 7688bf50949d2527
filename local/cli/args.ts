// Parses `pendamping <command> [options]` against the command table of WORKBOOK.md. Bad usage
// is a UsageError (exit code 2, with the usage text); everything else is the commands' job.
import { msg, type CliMessageKey, type Lang } from './messages';

export type CommandName = 'init' | 'generate' | 'recap' | 'email' | 'round' | 'edit' | 'demo' | 'workbench';

export interface CliOptions {
  workbook?: string;
  profile?: string;
  units?: string;
  force?: boolean;
  dryRun?: boolean;
  only?: string[];
  resend?: string[];
  outbox?: string;
  smtp?: string;
  reminders?: boolean;
  name?: string;
  deadline?: string;
  from?: string;
  dir?: string;
  port?: number;
  user?: string;
  quota?: number;
  failMailAfter?: number;
  now?: string;
  json?: boolean;
}

type Kind = 'flag' | 'text' | 'count' | 'date' | 'time' | 'email' | 'port' | 'list';

interface OptionSpec {
  flag: string;
  key: keyof CliOptions;
  kind: Kind;
  /** Shown in the usage text after the flag. */
  arg?: string;
}

const OPTIONS: Record<string, OptionSpec> = Object.fromEntries(
  (
    [
      ['--workbook', 'workbook', 'text', 'FILE.xlsx'],
      ['--profile', 'profile', 'text', 'ID'],
      ['--units', 'units', 'text', 'CSV'],
      ['--force', 'force', 'flag'],
      ['--dry-run', 'dryRun', 'flag'],
      ['--only', 'only', 'list', 'KODE,…'],
      ['--resend', 'resend', 'list', 'KODE,…'],
      ['--outbox', 'outbox', 'text', 'DIR'],
      ['--smtp', 'smtp', 'text', 'URL'],
      ['--reminders', 'reminders', 'flag'],
      ['--name', 'name', 'text', 'LABEL'],
      ['--deadline', 'deadline', 'date', 'YYYY-MM-DD'],
      ['--from', 'from', 'text', 'EDITS.csv'],
      ['--dir', 'dir', 'text', 'DIR'],
      ['--port', 'port', 'port', 'P'],
      ['--user', 'user', 'email', 'EMAIL'],
      ['--quota', 'quota', 'count', 'N'],
      ['--fail-mail-after', 'failMailAfter', 'count', 'N'],
      ['--now', 'now', 'time', 'ISO'],
      ['--json', 'json', 'flag'],
    ] as [string, keyof CliOptions, Kind, string?][]
  ).map(([flag, key, kind, arg]) => [flag, { flag, key, kind, arg }]),
);

const COMMON = ['--user', '--quota', '--fail-mail-after', '--now', '--json'];

interface CommandSpec {
  options: string[];
  required: string[];
}

/** The commands of WORKBOOK.md, in the order the usage text lists them. */
export const COMMANDS: Record<CommandName, CommandSpec> = {
  init: { options: ['--workbook', '--profile', '--units', '--force'], required: ['--workbook'] },
  generate: { options: ['--workbook'], required: ['--workbook'] },
  recap: { options: ['--workbook'], required: ['--workbook'] },
  email: {
    options: ['--workbook', '--dry-run', '--force', '--only', '--resend', '--outbox', '--smtp', '--reminders'],
    required: ['--workbook'],
  },
  round: { options: ['--workbook', '--name', '--deadline'], required: ['--workbook', '--name'] },
  edit: { options: ['--workbook', '--from'], required: ['--workbook', '--user', '--from'] },
  demo: { options: ['--dir'], required: [] },
  workbench: { options: ['--workbook', '--port'], required: ['--workbook'] },
};

export interface ParsedArgs {
  command: CommandName;
  options: CliOptions;
}

export class UsageError extends Error {
  constructor(
    readonly key: CliMessageKey,
    readonly params: Record<string, string | number>,
    /** The command, when it was recognised (the JSON output names it). */
    readonly command: string,
  ) {
    super(key);
  }
}

const EMAIL = /^[^\s@,]+@[^\s@,]+$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isCalendarDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

function convert(spec: OptionSpec, raw: string, command: string): CliOptions[keyof CliOptions] {
  const bad = (key: CliMessageKey): never => {
    throw new UsageError(key, { option: spec.flag, value: raw }, command);
  };
  switch (spec.kind) {
    case 'count':
      return /^\d+$/.test(raw) ? Number(raw) : bad('error.notInteger');
    case 'port':
      return /^\d+$/.test(raw) && Number(raw) <= 65535 ? Number(raw) : bad('error.notPort');
    case 'date':
      return isCalendarDate(raw) ? raw : bad('error.notDate');
    case 'time':
      return /^\d{4}-\d{2}-\d{2}/.test(raw) && !Number.isNaN(Date.parse(raw)) ? raw : bad('error.notTime');
    case 'email':
      return EMAIL.test(raw) ? raw.toLowerCase() : bad('error.notEmail');
    case 'list':
      return raw
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '');
    default:
      return raw;
  }
}

/** Whether the raw arguments ask for JSON output (known even when they fail to parse). */
export function wantsJson(argv: readonly string[]): boolean {
  return argv.includes('--json');
}

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const [first, ...rest] = argv;
  if (first === undefined || first.startsWith('-')) throw new UsageError('error.noCommand', {}, '');
  if (!Object.prototype.hasOwnProperty.call(COMMANDS, first)) throw new UsageError('error.unknownCommand', { name: first }, '');
  const command = first as CommandName;
  const allowed = new Set([...COMMANDS[command].options, ...COMMON]);
  const options: Record<string, unknown> = {};
  for (let i = 0; i < rest.length; i++) {
    const token = rest[i];
    if (!token.startsWith('--')) throw new UsageError('error.unexpectedArgument', { value: token }, command);
    const eq = token.indexOf('=');
    const flag = eq < 0 ? token : token.slice(0, eq);
    const spec = OPTIONS[flag];
    if (spec === undefined || !allowed.has(flag)) throw new UsageError('error.unknownOption', { option: flag, command }, command);
    if (spec.kind === 'flag') {
      if (eq >= 0) throw new UsageError('error.unknownOption', { option: token, command }, command);
      options[spec.key] = true;
      continue;
    }
    let raw: string | undefined;
    if (eq >= 0) raw = token.slice(eq + 1);
    else {
      raw = rest[i + 1];
      if (raw === undefined || raw.startsWith('--')) throw new UsageError('error.missingValue', { option: flag }, command);
      i++;
    }
    if (raw === '') throw new UsageError('error.missingValue', { option: flag }, command);
    options[spec.key] = convert(spec, raw, command);
  }
  for (const flag of COMMANDS[command].required) {
    if (options[OPTIONS[flag].key] === undefined) throw new UsageError('error.missingOption', { option: flag, command }, command);
  }
  return { command, options: options as CliOptions };
}

function synopsis(command: CommandName): string {
  const spec = COMMANDS[command];
  const parts = spec.options.map((flag) => {
    const o = OPTIONS[flag];
    const text = o.arg ? `${flag} ${o.arg}` : flag;
    return spec.required.includes(flag) ? text : `[${text}]`;
  });
  if (spec.required.includes('--user')) parts.push(`--user ${OPTIONS['--user'].arg}`);
  return [command, ...parts].join(' ');
}

/** The usage text (printed on stderr with exit code 2). */
export function usage(lang: Lang, defaultInitUser: string): string {
  const lines = [msg(lang, 'usage.title'), '', msg(lang, 'usage.commands')];
  for (const command of Object.keys(COMMANDS) as CommandName[]) {
    lines.push(`  ${synopsis(command)}`, `      ${msg(lang, `usage.cmd.${command}`)}`);
  }
  lines.push('', msg(lang, 'usage.common'));
  const common: [string, CliMessageKey][] = [
    ['--user', 'usage.opt.user'],
    ['--quota', 'usage.opt.quota'],
    ['--fail-mail-after', 'usage.opt.failMailAfter'],
    ['--now', 'usage.opt.now'],
    ['--json', 'usage.opt.json'],
  ];
  for (const [flag, key] of common) {
    const o = OPTIONS[flag];
    lines.push(`  ${(o.arg ? `${flag} ${o.arg}` : flag).padEnd(24)}${msg(lang, key)}`);
  }
  lines.push('', msg(lang, 'usage.initUser', { user: defaultInitUser }));
  return lines.join('\n');
}
