// Driving a send in batches: each call of the server is one short execution that reports what
// it did and whether anything is left. Shared by Kirim (findings) and Putaran (reminders).

export interface BatchTotals {
  sent: number;
  skipped: number;
  failed: number;
  queued: number;
  /** Units whose last send has an unknown outcome, as the last batch counts them. */
  unknown: number;
}

export interface BatchAnswer extends Omit<BatchTotals, 'unknown'> {
  done: boolean;
  unknown?: number;
}

/**
 * Calls `next` until a batch says it is done, adding up what each did; `progress` hears the
 * number of messages handled (sent or failed) after each batch. `next` throws on a failure.
 */
export async function runBatches(next: () => Promise<BatchAnswer>, progress: (handled: number) => void): Promise<BatchTotals> {
  const totals: BatchTotals = { sent: 0, skipped: 0, failed: 0, queued: 0, unknown: 0 };
  for (;;) {
    const batch = await next();
    totals.sent += batch.sent;
    totals.failed += batch.failed;
    totals.skipped += batch.skipped;
    totals.queued = batch.queued;
    totals.unknown = batch.unknown ?? 0;
    progress(totals.sent + totals.failed);
    if (batch.done) return totals;
  }
}
