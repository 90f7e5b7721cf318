import type { Clock } from '../../core/clock';
import type { Logger } from '../../core/logger';
import type { BudgetStore } from '../../core/limits/budget.store';
import type { GatePurpose } from './admission.gate';

/**
 * PURPOSE_LOAD_EXCEEDED (DESIGN.md §11): a purpose whose distinct records today pass the daily persons
 * its partner declared raises one alert a day. The once-a-day guard is a counter of the shared store,
 * so several replicas raise it once between them; a local set spares the store the later calls.
 */
export class PurposeLoadWatch {
  private raised = new Set<string>();

  constructor(
    private readonly store: BudgetStore,
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly purposeOf: (id: [applicationId: number, purposeId: number]) => GatePurpose | undefined,
    private readonly raise: (applicationId: number, at: Date, evidence: Record<string, unknown>) => void,
  ) {}

  observe(applicationId: number, purposeId: number, recordsToday: number): void {
    const p = this.purposeOf([applicationId, purposeId]);
    if (!p || recordsToday <= p.estimatedDailyPersons) return;
    const day = this.clock.today();
    const key = `${purposeId}:${day}`;
    if (this.raised.has(key)) return;
    if (this.raised.size > 10_000) this.raised.clear();
    this.raised.add(key);
    this.store.countDaily(`purpose-load:${purposeId}`, day, 1).then((n) => {
      if (n === 1) {
        this.raise(applicationId, this.clock.now(), {
          purpose: p.code, purposeId, estimatedDailyPersons: p.estimatedDailyPersons, distinctRecordsToday: recordsToday, day,
        });
      }
    }, (err: Error) => {
      // Not counted: let a later reservation try again.
      this.raised.delete(key);
      this.log.warn({ err: err.message, purposeId }, 'could not count a purpose load alert');
    });
  }
}
