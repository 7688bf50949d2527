// The typed contract between the sidebar and the server: the sidebar may call exactly the
// functions src/index.ts exports, with their parameter and result types. A renamed or removed
// server function therefore breaks the sidebar's build, not the sidebar at run time.
import type * as server from '../index';

type Exports = typeof server;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the widest function type, used only as a filter
type AnyFunction = (...args: any[]) => any;

/** Every function export of src/index.ts, callable through google.script.run. */
export type ServerApi = { [K in keyof Exports as Exports[K] extends AnyFunction ? K : never]: Exports[K] };

export type ServerFunctionName = keyof ServerApi;

/** The arguments of server function `K`. */
export type ServerArgs<K extends ServerFunctionName> = Parameters<Extract<ServerApi[K], AnyFunction>>;

/** What a call to `K` resolves to on the client (google.script.run hands back the plain value). */
export type ServerResult<K extends ServerFunctionName> = Awaited<ReturnType<Extract<ServerApi[K], AnyFunction>>>;
