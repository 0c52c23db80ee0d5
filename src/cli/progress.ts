// A one-line progress display on a terminal's standard error: reports read, parsed, written and
// failed, the rate and, once the listing has ended and the total is known, a bar, the percentage
// read and an ETA. Log lines are printed above it.
import type { SyncProgress } from "../sync/run-sync.js";

export function formatProgress(p: SyncProgress, elapsedMs: number): string {
  const seconds = Math.max(elapsedMs / 1000, 0.001);
  const rate = p.read / seconds;
  const total = p.listingDone ? `/${p.listed}` : "";
  let eta = "";
  if (p.listingDone && rate > 0 && p.read < p.listed) eta = `, ETA ${formatDuration(((p.listed - p.read) / rate) * 1000)}`;
  const bar = p.listingDone && p.listed > 0 ? `${progressBar(p.read / p.listed)} ` : "";
  return `${bar}read ${p.read}${total}, parsed ${p.parsed}, written ${p.written}, failed ${p.failed} (${Math.round(rate)}/s${eta})`;
}

const BAR_WIDTH = 20;

/** `[#####---------------]  25%`: ASCII, so a terminal without UTF-8 draws it too; never past 100%. */
export function progressBar(fraction: number): string {
  const f = Math.min(Math.max(fraction, 0), 1);
  const filled = Math.floor(f * BAR_WIDTH);
  return `[${"#".repeat(filled)}${"-".repeat(BAR_WIDTH - filled)}] ${String(Math.floor(f * 100)).padStart(3)}%`;
}

export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  return m < 60 ? `${m}m${String(s % 60).padStart(2, "0")}s` : `${Math.floor(m / 60)}h${String(m % 60).padStart(2, "0")}m`;
}

export class ProgressDisplay {
  private last: SyncProgress | undefined;
  /** A caller-formatted line (scan's progress), drawn instead of a sync progress. */
  private line: string | undefined;
  private lastDrawn = 0;
  private shown = false;
  private readonly started = Date.now();

  constructor(
    private readonly out: { write(text: string): unknown },
    private readonly enabled: boolean,
    private readonly intervalMs = 150,
  ) {}

  update(progress: SyncProgress): void {
    this.last = progress;
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.lastDrawn < this.intervalMs) return;
    this.lastDrawn = now;
    this.draw();
  }

  /** Show a line of the caller's own (throttled like update). */
  updateLine(line: string): void {
    this.line = line;
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.lastDrawn < this.intervalMs) return;
    this.lastDrawn = now;
    this.draw();
  }

  /** Print a log line above the progress line. */
  log(line: string): void {
    if (this.shown) this.out.write("\r\x1b[K");
    this.out.write(line);
    if (this.shown && (this.last !== undefined || this.line !== undefined)) this.draw();
  }

  stop(): void {
    if (this.shown) this.out.write("\r\x1b[K");
    this.shown = false;
  }

  private draw(): void {
    const text = this.line ?? (this.last === undefined ? undefined : formatProgress(this.last, Date.now() - this.started));
    if (text === undefined) return;
    this.out.write(`\r\x1b[K${text}`);
    this.shown = true;
  }
}
