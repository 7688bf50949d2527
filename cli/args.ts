// Parses `pendamping <command> [options]` against the command table of docs/WORKBOOK.md. Bad usage
// is a UsageError (exit code 2, with the usage text); everything else is the commands' job.
// Adding an option: a field of CliOptions, a line of OPTIONS, its key in its commands' lists.
import { parseArgs as parseTokens } from 'node:util';
import { msg, type CliMessageKey, type Lang } from './messages';

export type CommandName = 'init' | 'generate' | 'recap' | 'email' | 'round' | 'edit' | 'demo' | 'workbench' | 'guide' | 'share' | 'report';

export interface CliOptions {
  workbook?: string;
  profile?: string;
  units?: string;
  force?: boolean;
  repair?: boolean;
  dryRun?: boolean;
  only?: string[];
  resend?: string[];
  outbox?: string;
  smtp?: string;
  reminders?: boolean;
  includeUnverified?: boolean;
  undo?: boolean;
  name?: string;
  deadline?: string;
  from?: string;
  dir?: string;
  out?: string;
  port?: number;
  user?: string;
  quota?: number;
  failMailAfter?: number;
  now?: string;
  json?: boolean;
  latihan?: boolean;
  peserta?: number;
}

type Kind = 'flag' | 'text' | 'count' | 'date' | 'time' | 'email' | 'port' | 'list';

/** An option: how its value is read and what the usage text shows after its flag. */
type OptionSpec = [kind: Kind, arg?: string];

/** Every option, one line each; its flag is its key in kebab case (dryRun → --dry-run). */
const OPTIONS: Record<keyof CliOptions, OptionSpec> = {
  workbook: ['text', 'FILE.xlsx'],
  profile: ['text', 'ID'],
  units: ['text', 'CSV'],
  force: ['flag'],
  repair: ['flag'],
  dryRun: ['flag'],
  only: ['list', 'KODE,…'],
  resend: ['list', 'KODE,…'],
  outbox: ['text', 'DIR'],
  smtp: ['text', 'URL'],
  reminders: ['flag'],
  undo: ['flag'],
  name: ['text', 'LABEL'],
  deadline: ['date', 'YYYY-MM-DD'],
  from: ['text', 'EDITS.csv'],
  dir: ['text', 'DIR'],
  out: ['text', 'DIR'],
  port: ['port', 'P'],
  user: ['email', 'EMAIL'],
  quota: ['count', 'N'],
  failMailAfter: ['count', 'N'],
  now: ['time', 'ISO'],
  json: ['flag'],
  includeUnverified: ['flag'],
  latihan: ['flag'],
  peserta: ['count', 'N'],
};

type OptionKey = keyof CliOptions;
const flagOf = (key: OptionKey) => `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
const KEYS = Object.keys(OPTIONS) as OptionKey[];
/** node:util parseArgs' option table: a flag takes no value, every other option one string. */
const PARSE_OPTIONS = Object.fromEntries(KEYS.map((key) => [flagOf(key).slice(2), { type: OPTIONS[key][0] === 'flag' ? ('boolean' as const) : ('string' as const) }]));
const KEY_OF_NAME = new Map(KEYS.map((key) => [flagOf(key).slice(2), key]));

const COMMON = ['user', 'quota', 'failMailAfter', 'now', 'json'] as const satisfies readonly OptionKey[];

interface CommandSpec {
  options: OptionKey[];
  required: OptionKey[];
  /** Exactly one of these must be given. */
  oneOf?: OptionKey[];
}

/** The commands of docs/WORKBOOK.md, in the order the usage text lists them. */
export const COMMANDS: Record<CommandName, CommandSpec> = {
  init: { options: ['workbook', 'profile', 'units', 'force', 'repair'], required: ['workbook'] },
  generate: { options: ['workbook'], required: ['workbook'] },
  recap: { options: ['workbook'], required: ['workbook'] },
  email: { options: ['workbook', 'dryRun', 'force', 'only', 'resend', 'outbox', 'smtp', 'reminders', 'includeUnverified'], required: ['workbook'] },
  round: { options: ['workbook', 'name', 'deadline', 'force', 'undo'], required: ['workbook'], oneOf: ['name', 'undo'] },
  edit: { options: ['workbook', 'from'], required: ['workbook', 'user', 'from'] },
  demo: { options: ['dir', 'latihan', 'peserta'], required: [] },
  workbench: { options: ['workbook', 'port'], required: ['workbook'] },
  guide: { options: ['out'], required: ['out'] },
  share: { options: ['workbook', 'dryRun'], required: ['workbook'] },
  report: { options: ['workbook', 'only', 'out'], required: ['workbook'] },
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

function convert(key: OptionKey, raw: string, command: string): CliOptions[OptionKey] {
  const bad = (message: CliMessageKey): never => {
    throw new UsageError(message, { option: flagOf(key), value: raw }, command);
  };
  switch (OPTIONS[key][0]) {
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

/** `pendamping <command> [options]`: node:util parseArgs splits the options, the command's table decides what is allowed. */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const [first, ...rest] = argv;
  if (first === undefined || first.startsWith('-')) throw new UsageError('error.noCommand', {}, '');
  if (!Object.prototype.hasOwnProperty.call(COMMANDS, first)) throw new UsageError('error.unknownCommand', { name: first }, '');
  const command = first as CommandName;
  const usageError = (key: CliMessageKey, params: Record<string, string>) => new UsageError(key, params, command);
  const allowed = new Set<OptionKey>([...COMMANDS[command].options, ...COMMON]);
  const options: Record<string, unknown> = {};
  const { tokens } = parseTokens({ args: rest, options: PARSE_OPTIONS, strict: false, allowPositionals: true, tokens: true });
  for (const token of tokens) {
    if (token.kind === 'positional') throw usageError('error.unexpectedArgument', { value: token.value });
    if (token.kind === 'option-terminator') throw usageError('error.unknownOption', { option: '--', command });
    if (!token.rawName.startsWith('--')) throw usageError('error.unexpectedArgument', { value: rest[token.index] });
    const key = KEY_OF_NAME.get(token.name);
    if (key === undefined || !allowed.has(key)) throw usageError('error.unknownOption', { option: token.rawName, command });
    if (OPTIONS[key][0] === 'flag') {
      if (token.value !== undefined) throw usageError('error.unknownOption', { option: rest[token.index], command });
      options[key] = true;
      continue;
    }
    // A value is missing, empty, or the next option (given without '=').
    if (token.value === undefined || token.value === '' || (!token.inlineValue && token.value.startsWith('--'))) {
      throw usageError('error.missingValue', { option: token.rawName });
    }
    options[key] = convert(key, token.value, command);
  }
  for (const key of COMMANDS[command].required) {
    if (options[key] === undefined) throw usageError('error.missingOption', { option: flagOf(key), command });
  }
  const oneOf = COMMANDS[command].oneOf ?? [];
  if (oneOf.length > 0 && oneOf.filter((key) => options[key] !== undefined).length !== 1) {
    throw usageError('error.oneOf', { options: oneOf.map(flagOf).join(' | '), command });
  }
  return { command, options: options as CliOptions };
}

/** `--flag ARG`, or just the flag. */
const shown = (key: OptionKey) => (OPTIONS[key][1] ? `${flagOf(key)} ${OPTIONS[key][1]}` : flagOf(key));

function synopsis(command: CommandName): string {
  const spec = COMMANDS[command];
  const oneOf = spec.oneOf ?? [];
  const parts = spec.options.flatMap((key) => {
    if (oneOf.includes(key)) return key === oneOf[0] ? [`(${oneOf.map(shown).join(' | ')})`] : [];
    return [spec.required.includes(key) ? shown(key) : `[${shown(key)}]`];
  });
  if (spec.required.includes('user')) parts.push(shown('user'));
  return [command, ...parts].join(' ');
}

/** The usage text (printed on stderr with exit code 2). */
export function usage(lang: Lang, defaultInitUser: string): string {
  const lines = [msg(lang, 'usage.title'), '', msg(lang, 'usage.commands')];
  for (const command of Object.keys(COMMANDS) as CommandName[]) {
    lines.push(`  ${synopsis(command)}`, `      ${msg(lang, `usage.cmd.${command}`)}`);
  }
  lines.push('', msg(lang, 'usage.common'));
  for (const key of COMMON) lines.push(`  ${shown(key).padEnd(24)}${msg(lang, `usage.opt.${key}`)}`);
  lines.push('', msg(lang, 'usage.initUser', { user: defaultInitUser }));
  return lines.join('\n');
}
