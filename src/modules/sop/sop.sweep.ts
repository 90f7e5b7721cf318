import type { DataSource } from 'typeorm';
import type { Clock } from '../../core/clock';
import type { Logger } from '../../core/logger';
import type { SopService } from './sop.service';

/**
 * Runs the SOP sweep on an interval (started with the server, stopped on close): MoUs that ended by the
 * calendar get their notices and tasks. Safe on any number of replicas (SopService.sweep is idempotent
 * and decided by a unique key); one pass at a time per process.
 */
export class SopSweep {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(private readonly ds: DataSource, private readonly clock: Clock, private readonly log: Logger, private readonly sop: SopService, private readonly intervalMs: number) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => { void this.runOnce().catch((err) => this.log.error({ err }, 'sop sweep failed')); }, this.intervalMs);
    this.timer.unref();
    void this.runOnce().catch((err) => this.log.error({ err }, 'sop sweep failed'));
  }

  /** One pass now (tests, and the timer); a pass already running is awaited instead of started twice. */
  runOnce(): Promise<number> {
    if (!this.running) {
      this.running = this.sop.sweep(this.ds, this.clock, this.log)
        .then((n) => { if (n) this.log.info({ handled: n }, 'sop sweep: ended MoUs handled'); return n; })
        .finally(() => { this.running = null; });
    }
    return this.running;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }
}
