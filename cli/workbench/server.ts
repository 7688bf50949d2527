// The workbench: a page on 127.0.0.1 that shows the workbook's tabs as a grid, the add-on's
// own menu as onOpen records it, and the real dist/Sidebar.html in an iframe whose
// google.script.run calls the bundle in the local runtime. Every request loads the workbook
// under its lock, runs as the selected user and saves atomically (withWorkbook), so the CLI
// and the workbench can work on the same file.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { protectionsLost } from '../commands/edit';
import { DEFAULT_CODE_PATH, LocalRuntime } from '../../local/runtime';
import type { WorkbookModel } from '../../local/model/types';
import type { UiEvent } from '../../local/services/spreadsheet/ui';
import { withWorkbook } from '../../local/workbook-file';
import { workbenchPageHtml } from './page';
import { withScriptRunShim } from './shim';
import { gridOf, usersOf, type WorkbenchUser } from './view';

export interface WorkbenchOptions {
  file: string;
  /** Default 0: any free port. */
  port?: number;
  /** The acting user at start; default the workbook's first admin. */
  user?: string;
}

export interface Workbench {
  url: string;
  /** The workbook's language when the workbench started. */
  lang: 'id' | 'en';
  close(): Promise<void>;
}

const MAX_BODY = 1_000_000;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

interface PanelSummary {
  ok: boolean;
  lang?: string;
}

export async function startWorkbench(opts: WorkbenchOptions): Promise<Workbench> {
  const codePath = DEFAULT_CODE_PATH;
  // Findings emails go as .eml files into `outbox/` beside the workbook.
  const outbox = join(dirname(opts.file), 'outbox');
  // One request at a time: the runtime and the file are not shared between executions.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };
  let user = opts.user ?? '';

  const session = <T>(readOnly: boolean, work: (runtime: LocalRuntime, workbook: WorkbookModel) => T): Promise<T> =>
    serial(() =>
      withWorkbook(opts.file, { readOnly }, async (workbook) => {
        const runtime = await LocalRuntime.open({ workbook, user: user || workbook.owner, outbox, codePath });
        return work(runtime, workbook);
      }),
    );

  const panel = (runtime: LocalRuntime): PanelSummary => runtime.run('getPanelState') as PanelSummary;
  const start = await session(true, (runtime, workbook) => ({ ...panel(runtime), admin: usersOf(workbook).find((u) => u.role === 'admin')?.email ?? '' }));
  if (user === '') user = start.admin;
  const lang = start.lang === 'en' ? 'en' : 'id';

  const sidebarHtml = () => withScriptRunShim(readFileSync(join(dirname(codePath), 'Sidebar.html'), 'utf8'), '/api/run');

  /** The page's view: users, menu (onOpen as the current user), the grid. */
  const view = () =>
    session(true, (runtime, workbook) => {
      runtime.runAs({ authMode: 'LIMITED' }, 'onOpen', { authMode: 'LIMITED' });
      const users: WorkbenchUser[] = usersOf(workbook);
      return { user: user || workbook.owner, users, menus: runtime.ui.menus, sheets: gridOf(workbook) };
    });

  /** Runs a server function of the bundle as the current user; dialogs are answered OK/YES. */
  const run = (fn: string, args: unknown[]) =>
    session(false, (runtime) => {
      runtime.ui.answer(...Array.from({ length: 20 }, () => ({ button: 'YES' as const })));
      try {
        const value = runtime.run(fn, ...args);
        const dialogs = (runtime.ui.events as UiEvent[])
          .map((e) => (e.kind === 'alert' || e.kind === 'prompt' ? e.prompt : ''))
          .filter((d) => d !== '');
        return { ok: true, value: value ?? null, dialogs };
      } catch (error) {
        return { ok: false, error: error instanceof Error ? error.message : String(error) };
      }
    });

  const edit = (sheet: string, a1: string, value: string) =>
    session(false, (runtime) => {
      const lost = protectionsLost(runtime, lang);
      return lost.length > 0 ? { ok: false, reason: lost.join(' ') } : runtime.edit(user || runtime.workbook.owner, sheet, a1, value);
    });

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500;
      send(res, status, 'text/plain; charset=utf-8', error instanceof Error ? error.message : String(error));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // Only this page may talk to the server: no other host name (DNS rebinding), no other origin.
    if (req.headers.host !== new URL(origin).host) throw new HttpError(421, 'wrong host');
    const url = new URL(req.url ?? '/', origin);
    if (req.method === 'GET') {
      if (url.pathname === '/') return send(res, 200, 'text/html; charset=utf-8', workbenchPageHtml(lang));
      if (url.pathname === '/sidebar') return send(res, 200, 'text/html; charset=utf-8', sidebarHtml());
      if (url.pathname === '/api/view') return json(res, await view());
      throw new HttpError(404, 'not found');
    }
    if (req.method !== 'POST') throw new HttpError(405, 'method not allowed');
    if (req.headers.origin !== undefined && req.headers.origin !== origin) throw new HttpError(403, 'wrong origin');
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) throw new HttpError(415, 'JSON only');
    const body = (await readJson(req)) as Record<string, unknown>;
    if (url.pathname === '/api/run') {
      const args = Array.isArray(body.args) ? body.args : [];
      return json(res, await run(String(body.fn ?? ''), args));
    }
    if (url.pathname === '/api/edit') return json(res, await edit(String(body.sheet ?? ''), String(body.a1 ?? ''), String(body.value ?? '')));
    if (url.pathname === '/api/user') {
      user = String(body.user ?? '').trim();
      return json(res, { ok: true, user });
    }
    throw new HttpError(404, 'not found');
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    url,
    lang,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'self'; script-src 'unsafe-inline' 'self'; style-src 'unsafe-inline' 'self'; img-src 'self' data:; frame-ancestors 'self'",
  });
  res.end(body);
}

function json(res: ServerResponse, value: unknown): void {
  send(res, 200, 'application/json; charset=utf-8', JSON.stringify(value));
}

function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) reject(new HttpError(413, 'request too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch {
        reject(new HttpError(400, 'bad JSON'));
      }
    });
    req.on('error', reject);
  });
}
