/// <reference lib="dom" />
// The google.script.run of the workbench: injected into the real dist/Sidebar.html, it turns
// each call into a POST to the workbench server, which runs the bundle's function in the local
// runtime. Serialised with Function.prototype.toString, so the function must stay
// self-contained (no imports, no outer names).

interface RunBody {
  fn: string;
  args: unknown[];
}

function installScriptRun(endpoint: string): void {
  type Handler = ((value: unknown) => void) | null;
  const post = (body: RunBody): Promise<{ ok: boolean; value?: unknown; error?: string }> =>
    fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => {
      if (!r.ok) throw new Error(`NetworkError: HTTP ${r.status}`);
      return r.json();
    });
  // Tell the workbench page a call ended (it refreshes its grid), when the sidebar is its iframe.
  const ended = (fn: string) => {
    if (window.parent !== window) window.parent.postMessage({ type: 'pendamping-run', fn }, location.origin);
  };
  const runner = (success: Handler, failure: Handler): object =>
    new Proxy(
      {},
      {
        get(_target, prop) {
          if (prop === 'withSuccessHandler') return (fn: Handler) => runner(fn, failure);
          if (prop === 'withFailureHandler') return (fn: Handler) => runner(success, fn);
          if (typeof prop !== 'string') return undefined;
          return (...args: unknown[]) => {
            post({ fn: prop, args: JSON.parse(JSON.stringify(args)) as unknown[] }).then(
              (res) => {
                ended(prop);
                if (res.ok) success?.(res.value);
                else failure?.(new Error(res.error ?? 'error'));
              },
              (error: unknown) => {
                ended(prop);
                failure?.(error instanceof Error ? error : new Error(String(error)));
              },
            );
          };
        },
      },
    );
  // A link to a tab (…#gid=N) selects that tab in the workbench instead of leaving it.
  document.addEventListener('click', (event) => {
    const link = (event.target as Element | null)?.closest?.('a[href*="#gid="]');
    const gid = link ? /#gid=(\d+)/.exec(link.getAttribute('href') ?? '') : null;
    if (!gid || window.parent === window) return;
    event.preventDefault();
    window.parent.location.hash = `gid=${gid[1]}`;
  });
  (window as unknown as { google: object }).google = {
    script: { run: runner(null, null), host: { close: () => undefined, editor: { focus: () => undefined } } },
  };
}

/** The sidebar's HTML with the shim installed before the sidebar's own script runs. */
export function withScriptRunShim(sidebarHtml: string, endpoint: string): string {
  const shim = `<script>(${installScriptRun.toString()})(${JSON.stringify(endpoint)});</script>`;
  const at = sidebarHtml.indexOf('<script>');
  if (at < 0) throw new Error('Sidebar.html has no <script>');
  return sidebarHtml.slice(0, at) + shim + sidebarHtml.slice(at);
}
