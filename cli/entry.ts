// Entry point of the `pendamping` command (built to build/cli.cjs, run by bin/pendamping.js).
// `email` runs supervised (cli/supervisor.ts), so that Ctrl-C stops it between two messages.
import { environmentLang, main } from './main';
import { needsSupervisor, stopSignal, supervise } from './supervisor';

const argv = process.argv.slice(2);
const run = needsSupervisor(argv, process.env)
  ? supervise(__filename, argv, environmentLang(process.env), process.stderr)
  : main(argv, { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd(), ...stopSignal(process.env) });

run.then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
