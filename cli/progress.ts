// A one-line progress bar on stderr, drawn only when stderr is a terminal: piped output and
// --json consumers never see control characters.

export interface Progress {
  /** Shows `label` with `done` of `total` (total 0 = a step without a known size). */
  update(label: string, done: number, total: number): void;
  /** Clears the line. */
  end(): void;
}

const WIDTH = 24;

export function progressOn(stream: NodeJS.WriteStream): Progress {
  if (!stream.isTTY) return { update: () => undefined, end: () => undefined };
  let drawn = false;
  let last = '';
  return {
    update(label, done, total) {
      let line: string;
      if (total > 0) {
        const ratio = Math.max(0, Math.min(1, done / total));
        const filled = Math.round(ratio * WIDTH);
        line = `[${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${done}/${total} ${label}`;
      } else line = `… ${label}`;
      const columns = stream.columns || 80;
      line = line.slice(0, columns - 1);
      if (line === last) return;
      last = line;
      stream.write(`\r\x1b[2K${line}`);
      drawn = true;
    },
    end() {
      if (drawn) stream.write('\r\x1b[2K');
      drawn = false;
      last = '';
    },
  };
}
