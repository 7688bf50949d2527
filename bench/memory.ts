// Peak memory of a measured step: process.memoryUsage().rss sampled on a timer and at every
// progress report of the command, plus the process's own high-water mark (getrusage maxRSS),
// which also catches peaks inside long synchronous work where no sample can run.

const MB = 1024 * 1024;

export interface PeakMemory {
  /** Highest sampled RSS during the step, in MB. */
  sampledMb: number;
  /** The process's RSS high-water mark at the end of the step, in MB. */
  maxRssMb: number;
}

export class MemorySampler {
  private peak = 0;
  private timer: NodeJS.Timeout | undefined;

  start(): void {
    this.peak = process.memoryUsage.rss();
    this.timer = setInterval(() => this.sample(), 10);
  }

  sample(): void {
    this.peak = Math.max(this.peak, process.memoryUsage.rss());
  }

  stop(): PeakMemory {
    this.sample();
    clearInterval(this.timer);
    return { sampledMb: round(this.peak / MB), maxRssMb: round((process.resourceUsage().maxRSS * 1024) / MB) };
  }
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
