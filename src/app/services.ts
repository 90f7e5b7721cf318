import type { DataSource } from 'typeorm';
import type { Config } from '../core/config/config';
import type { Clock } from '../core/clock';
import type { Logger } from '../core/logger';
import { TokenService } from '../core/auth/tokens';
import { GATE_CACHE_MS, RequestGate } from '../modules/access/admission.gate';
import { AccessLogWriter } from '../modules/access/access-log';
import { AccessCheckpoints } from '../modules/access/access-checkpoint';
import { BudgetService } from '../core/limits/budget.service';
import { BudgetStore, MemoryBudgetStore } from '../core/limits/budget.store';
import { PwdService, VERIFY_ATTEMPTS_PER_DAY } from '../modules/pwd/pwd.service';
import { storeAlert } from '../modules/access/alerts';
import { UsageRecorder } from '../modules/access/usage.recorder';
import { ScrapingDetector } from '../modules/access/scraping.detector';
import { OversightService } from '../modules/oversight/oversight.service';
import { recordAdminAudit } from '../modules/oversight/admin-audit';
import { AccessRecords } from '../modules/access/access.records';
import { OrganizationService } from '../modules/organization/organization.service';
import { MouService } from '../modules/mou/mou.service';
import { DestructionService } from '../modules/mou/destruction.service';
import { SopService } from '../modules/sop/sop.service';
import { PurposeService } from '../modules/purpose/purpose.service';
import { PurposeLoadWatch } from '../modules/access/purpose.load';
import { ConsentService } from '../modules/consent/consent.service';
import type { Replay } from '../core/auth/proofs';
import { SopSweep } from '../modules/sop/sop.sweep';
import { ApplicationService } from '../modules/application/application.service';
import { ApplicationAccessService } from '../modules/application/application-access.service';
import { StaffService } from '../modules/staff/staff.service';
import { OutboxDrainer } from '../modules/staff/outbox.drainer';
import { LogMailer, LogSmsSender, SmtpMailer } from '../modules/staff/outbox.mailer';
import { OutboxService } from '../modules/staff/outbox.service';
import { LoginLimiter } from '../modules/staff/login.limiter';
import { ClientAuthLimiter } from '../modules/application/oauth.limiter';
import type Redis from 'ioredis';
import { ApplicationStatusService } from '../modules/me/me.service';
import { createMetrics } from '../core/http/observability';
import { BenefitService, UNKNOWN_REPORT_UDIDS_PER_DAY } from '../modules/benefit/benefit.service';
import { BenefitAnalyticsService } from '../modules/benefit/benefit.analytics';
import { ReciprocityService } from '../modules/access/reciprocity.service';
import type { DisclosureSubscribers } from '../modules/access/disclosure.ledger';
import { PersonSignInService } from '../modules/person/person.service';
import { PersonRecordService } from '../modules/person/person.view';

/**
 * The services of one running instance, each given its dependencies (other services, config values,
 * clock, logger) by constructor here: the one place the object graph is wired (no DI framework).
 */
export function createServices(deps: { ds: DataSource; config: Config; clock: Clock; log: Logger; budgetStore?: BudgetStore; redis?: Redis | null }) {
  const counters = { redis: deps.redis ?? null, prefix: deps.config.redisKeyPrefix };
  const tokens = new TokenService(deps.config.jwtSecret, () => deps.clock.now());
  const usage = new UsageRecorder(deps.ds, deps.log);
  const checkpoints = new AccessCheckpoints(deps.ds, deps.config.signingKeys, deps.clock, deps.log, {
    everyEvents: deps.config.checkpointEveryEvents, everyMs: deps.config.checkpointEveryMs, file: deps.config.checkpointFile,
  });
  const accessLog = new AccessLogWriter(deps.ds, deps.log, undefined, (head) => checkpoints.noteHead(head));
  const reciprocity = new ReciprocityService(deps.ds, deps.clock, deps.log, deps.config.benefitReportingGraceDays);
  const gate = new RequestGate(deps.ds, deps.clock, GATE_CACHE_MS, reciprocity);
  const metrics = createMetrics({ accessLogBacklog: () => accessLog.backlog });
  const scraping = new ScrapingDetector({ ds: deps.ds, log: deps.log, clock: deps.clock, gate, usage, autoSuspend: deps.config.scrapingAutoSuspend, counters,
    onRaise: (kind) => metrics.alertsRaised.inc({ kind }) });
  // The disclosure ledger's subscribers: detection and the reciprocity clock see every disclosure.
  const disclosureSubscribers: DisclosureSubscribers = {
    lookedUp: (app, udid, found) => scraping.observeLookup(app, udid, found),
    served: (app, udids) => scraping.observeServed(app, udids),
    firstAccess: (app, at) => reciprocity.noteAccess(app, at, () => gate.noteReciprocity(app, { firstRecordAccessAt: at })),
    purposeLoad: (app, purposeId, recordsToday) => purposeLoad.observe(app, purposeId, recordsToday),
  };
  const accessRecords = new AccessRecords(usage, recordAdminAudit);
  // The SOP module hears of MoU ends and application steps through these (it is built after the services it uses).
  let sop: SopService | null = null;
  const sopSteps = {
    mouEnded: (...a: Parameters<SopService['mouEnded']>) => sop!.mouEnded(...a),
    afterCommit: () => sop!.afterCommit(),
    applicationDisabled: (...a: Parameters<SopService['applicationDisabled']>) => sop!.applicationDisabled(...a),
    ipsEmptied: (...a: Parameters<SopService['ipsEmptied']>) => sop!.ipsEmptied(...a),
  };
  const mou = new MouService(gate, sopSteps);
  const purposes = new PurposeService(mou, gate);
  const application = new ApplicationService(gate, sopSteps, purposes);
  // Email goes to SMTP_URL; in development without it, to the log; otherwise it waits in the table.
  // SMS (sign-in codes): no gateway is integrated, so the development log, else they wait in the table.
  const { smtpUrl, mailFrom } = deps.config;
  const mailer = smtpUrl ? new SmtpMailer(smtpUrl, mailFrom!) : deps.config.nodeEnv === 'development' ? new LogMailer(deps.log) : null;
  const outbox = new OutboxDrainer(deps.ds, deps.clock, deps.log, mailer, {
    sms: deps.config.nodeEnv === 'development' ? new LogSmsSender(deps.log) : null,
    pollMs: deps.config.mailPollMs, maxAttempts: deps.config.mailMaxAttempts, messageIdDomain: mailFrom?.replace(/^.*@|>$/g, '') || 'udid-exchange.invalid',
  });
  const staff = new StaffService(gate, outbox);
  const outboxAdmin = new OutboxService(outbox);
  sop = new SopService(mou, application, staff, outboxAdmin);
  const sopSweep = new SopSweep(deps.ds, deps.clock, deps.log, sop, deps.config.sopSweepMs);
  const budgetStore = deps.budgetStore ?? new MemoryBudgetStore();
  const budget = new BudgetService(budgetStore, deps.clock);
  const purposeLoad = new PurposeLoadWatch(budgetStore, deps.clock, deps.log, (id) => gate.purposeOf(...id), (app, at, evidence) => {
    metrics.alertsRaised.inc({ kind: 'PURPOSE_LOAD_EXCEEDED' });
    void storeAlert(deps.ds, deps.log, { applicationId: app, kind: 'PURPOSE_LOAD_EXCEEDED', windowStart: at, at, evidence });
  });
  const benefit = new BenefitService(gate, (app, unknownToday, at) => {
    metrics.alertsRaised.inc({ kind: 'EXISTENCE_PROBING' });
    void storeAlert(deps.ds, deps.log, { applicationId: app, kind: 'EXISTENCE_PROBING', windowStart: at, at,
      evidence: { unknownUdidsToday: unknownToday, threshold: UNKNOWN_REPORT_UDIDS_PER_DAY } });
  }, (ctx, udids) => pwd.cardsOf(ctx, udids));
  const pwd = new PwdService((app, udid, at) => {
    metrics.alertsRaised.inc({ kind: 'VERIFY_BRUTE_FORCE' });
    void storeAlert(deps.ds, deps.log, { applicationId: app, kind: 'VERIFY_BRUTE_FORCE', windowStart: at, at,
      evidence: { udid, failedAttempts: VERIFY_ATTEMPTS_PER_DAY, attemptsPerDay: VERIFY_ATTEMPTS_PER_DAY } });
  });
  const consents = new ConsentService(deps.ds, gate, (id) => application.clientKeysOf(deps.ds.manager, id));
  return {
    tokens,
    gate,
    accessLog,
    checkpoints,
    metrics,
    budget,
    usage,
    scraping,
    disclosureSubscribers,
    pwd,
    accessRecords,
    oversight: new OversightService(accessRecords),
    reciprocity,
    benefit,
    benefitAnalytics: new BenefitAnalyticsService(reciprocity, accessRecords),
    organization: new OrganizationService(gate, staff, counters),
    mou,
    purposes,
    consents,
    /** The once-only guard of client assertions and DPoP proofs (RFC 7523, 9449): shared across replicas with REDIS_URL. */
    replay: ((key, until) => budgetStore.claimOnce(`replay:${key}`, Math.max(1_000, until.getTime() - deps.clock.nowMs() + 60_000), deps.clock.nowMs())) as Replay,
    // The PwD's own view (/me/record): sign-in by a code sent through the outbox, then their record's reads, benefits and consents.
    personSignIn: new PersonSignInService(pwd, outboxAdmin, budgetStore, deps.config.jwtSecret),
    personRecord: new PersonRecordService(accessRecords, benefit, consents, () => accessLog.flush()),
    destruction: new DestructionService(mou, staff, outboxAdmin),
    sop,
    sopSweep,
    application,
    applicationAccess: new ApplicationAccessService(application, gate),
    staff,
    outbox,
    outboxAdmin,
    loginLimiter: new LoginLimiter(counters),
    clientAuthLimiter: new ClientAuthLimiter(counters),
    applicationStatus: new ApplicationStatusService(reciprocity, budget),
  };
}

export type Services = ReturnType<typeof createServices>;
