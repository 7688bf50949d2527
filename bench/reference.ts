// Runs the reference generation (bench/reference/Code.js) in the same local runtime the add-on
// runs in, on a copy of a workbook whose units are registered, and reports its modeled cost —
// or how far it got when Apps Script would have stopped it (6 minutes, or the cell limit).
import { LocalRuntime } from '../local/runtime';
import { loadWorkbook } from '../local/xlsx';

export interface ReferenceRun {
  /** Every unit got its tab. */
  completed: boolean;
  /** Tabs made before the end (or the stop). */
  tabs: number;
  modeledS: number;
  roundTrips: number;
  /** Why it stopped, when it did not complete ("Exceeded maximum execution time" …). */
  error?: string;
}

export async function runReference(file: string, user: string, codePath: string): Promise<ReferenceRun> {
  const workbook = await loadWorkbook(file);
  const runtime = await LocalRuntime.open({ workbook, user, codePath });
  const before = runtime.snapshot();
  let error: string | undefined;
  try {
    runtime.run('referenceGenerateTabs');
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  const after = runtime.snapshot();
  return {
    completed: error === undefined,
    tabs: workbook.sheets.filter((s) => s.title.startsWith('Ref ')).length,
    modeledS: Math.round(after.modeledMs - before.modeledMs) / 1000,
    roundTrips: after.roundTrips - before.roundTrips,
    ...(error !== undefined && { error }),
  };
}
