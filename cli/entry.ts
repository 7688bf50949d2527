// Entry point of the `pendamping` command (built to build/cli.cjs, run by bin/pendamping.js).
// `email` runs supervised (cli/supervisor.ts), so that Ctrl-C stops it between two messages.
// The supervisor loads none of the command's modules (the runtime, exceljs, HyperFormula): it
// starts the command's own process and passes Ctrl-C on.
import { environmentLang } from './messages';
import { needsSupervisor, stopSignal, supervise } from './supervisor';

const argv = process.argv.slice(2);
const run = needsSupervisor(argv, process.env)
  ? supervise(__filename, argv, environmentLang(process.env), process.stderr)
  : import('./main').then(({ main }) => main(argv, { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd(), ...stopSignal(process.env) }));

run.then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
