import type { DataSource } from 'typeorm';
import { BlockList } from 'node:net';
import { Clock } from '../../core/clock';
import { DomainError } from '../../core/errors/errors';
import { fromDbBool, fromDbDate, fromDbDateTime } from '../../core/db/columns';
import { Principal } from '../../core/auth/principal';
import { TokenClaims } from '../../core/auth/tokens';
import { buildBlockList, ipInList } from '../../core/http/client-ip';
import { Role, Scope } from '../../core/authz/scopes';
import { AppBudget, DEFAULT_BUDGET } from '../../core/limits/budget.service';

/** What the gate needs to know about an application; cached for at most GATE_CACHE_MS. */
interface GateEntry {
  applicationId: number;
  appStatus: string;
  organizationId: number;
  orgStatus: string;
  approvedScopes: Scope[];
  /** DEPwD requires DPoP-bound tokens (RFC 9449). */
  dpopRequired: boolean;
  suspended: { kind: string | null; reason: string | null } | null;
  mous: { effectiveFrom: string; expiresOn: string; terminatedOn: string | null }[];
  allow: BlockList;
  budget: AppBudget;
  /** The purposes the application is approved for (granted, not revoked), by id. */
  purposes: Map<number, GatePurpose>;
  reciprocity: ReciprocityState;
  loadedAt: number;
  /** Purpose id and token scopes (space-joined) → the scopes still approved among them. */
  effectiveScopes: Map<string, ReadonlySet<Scope>>;
}

/** A purpose as the gate judges it: status, scopes and the budget of a token for it (its daily quota). */
export interface GatePurpose {
  id: number;
  code: string;
  status: string;
  reason: string | null;
  legalBasis: string;
  scopes: ReadonlySet<Scope>;
  estimatedDailyPersons: number;
  budget: AppBudget;
}

/** What the reciprocity rule (DESIGN.md §8) needs to know about an application. */
export interface ReciprocityState {
  firstRecordAccessAt: Date | null;
  lastBenefitReportAt: Date | null;
  reportingGraceFrom: Date | null;
  reciprocitySuspendedAt: Date | null;
}

/** The reciprocity rule (ReciprocityService, in this module). */
export interface ReciprocityCheck {
  /** Called while sharing is not suspended: records a RECIPROCITY suspension and returns its message when one is due, else null. */
  review(applicationId: number, state: ReciprocityState): Promise<string | null>;
}

/** The stated bound on how long a cached gate decision may outlive a change made on another replica. */
export const GATE_CACHE_MS = 5_000;

/**
 * The request gate (DESIGN.md §2–§3) for application tokens, in the SOP's order: application active →
 * organisation active → MoU in force today → source IP in the allowlist → sharing not suspended
 * (including the reciprocity rule, evaluated by the calendar on each admission).
 * Lookups are cached per application for GATE_CACHE_MS and invalidated at once by lifecycle steps
 * taken in this process.
 */
export class RequestGate {
  private cache = new Map<number, GateEntry>();
  private users = new Map<number, { status: string; role: Role; organizationId: number | null; loadedAt: number }>();

  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly cacheMs = GATE_CACHE_MS,
    private readonly reciprocity: ReciprocityCheck | null = null,
  ) {}

  invalidateApplication(applicationId: number): void {
    this.cache.delete(applicationId);
  }
  invalidateOrganization(organizationId: number): void {
    for (const [id, e] of this.cache) if (e.organizationId === organizationId) this.cache.delete(id);
  }
  invalidateAll(): void {
    this.cache.clear();
    this.users.clear();
  }
  invalidateUser(userId: number): void {
    this.users.delete(userId);
  }

  /** The reciprocity clock moved (first record read, benefit report accepted): update a cached entry in place, no reload. */
  noteReciprocity(applicationId: number, change: Partial<ReciprocityState>): void {
    const e = this.cache.get(applicationId);
    if (!e) return;
    if (change.firstRecordAccessAt && !e.reciprocity.firstRecordAccessAt) e.reciprocity.firstRecordAccessAt = change.firstRecordAccessAt;
    if (change.lastBenefitReportAt) e.reciprocity.lastBenefitReportAt = change.lastBenefitReportAt;
  }

  /**
   * User tokens: the account must still be ACTIVE (a disabled user's tokens stop working within
   * GATE_CACHE_MS, at once on this replica). Role and organisation come from the database, not the token.
   */
  async admitUser(claims: Extract<TokenClaims, { typ: 'user' }>): Promise<Principal> {
    const now = Date.now();
    let u = this.users.get(claims.userId);
    if (!u || now - u.loadedAt >= this.cacheMs) {
      const rows: Record<string, unknown>[] = await this.ds.query('SELECT status, role, organization_id FROM user_account WHERE id = ?', [claims.userId]);
      u = rows.length
        ? { status: String(rows[0].status), role: rows[0].role as Role, organizationId: rows[0].organization_id == null ? null : Number(rows[0].organization_id), loadedAt: now }
        : { status: 'MISSING', role: claims.role, organizationId: null, loadedAt: now };
      this.users.set(claims.userId, u);
    }
    if (u.status !== 'ACTIVE') {
      throw new DomainError('UNAUTHENTICATED', u.status === 'DISABLED'
        ? 'This account has been disabled; its tokens no longer work. Contact the NIC operator.'
        : 'This account cannot sign in; request a new token (POST /auth/login).');
    }
    return { kind: 'user', userId: claims.userId, role: u.role, organizationId: u.organizationId, email: claims.email };
  }

  /**
   * The budget of an application admitted by this gate, with the daily quota of the token's purpose
   * (fail closed: never a default for one it has not loaded).
   */
  budgetOf(applicationId: number, purposeId?: number): AppBudget {
    const e = this.cache.get(applicationId);
    const b = purposeId === undefined ? e?.budget : e?.purposes.get(purposeId)?.budget;
    if (!b) throw new Error(`the gate holds no budget for application ${applicationId}${purposeId === undefined ? '' : ` and purpose ${purposeId}`}; it was not admitted`);
    return b;
  }

  /** A purpose of an application admitted by this gate (the load alert reads its declared daily persons). */
  purposeOf(applicationId: number, purposeId: number): GatePurpose | undefined {
    return this.cache.get(applicationId)?.purposes.get(purposeId);
  }

  /**
   * `reportingOnly` tells whether the request only reports benefits (or reads `me`): such requests
   * pass a RECIPROCITY suspension, since reporting is how the application lifts it.
   */
  async admitApplication(claims: Extract<TokenClaims, { typ: 'app' }>, ip: string, reportingOnly?: () => boolean): Promise<Principal> {
    const e = await this.entry(claims.applicationId);
    if (!e || e.organizationId !== claims.organizationId) {
      throw new DomainError('UNAUTHENTICATED', 'The application of this token no longer exists; request a new token.');
    }
    if (e.dpopRequired && !claims.jkt) {
      throw new DomainError('UNAUTHENTICATED', 'This application must use DPoP-bound tokens (RFC 9449): request one with a DPoP proof at /oauth/token and send "Authorization: DPoP <token>" with a DPoP proof on every call.');
    }
    if (e.appStatus === 'DISABLED') {
      throw new DomainError('APPLICATION_DISABLED', 'This application has been disabled by NIC. Contact DEPwD to have it enabled again.');
    }
    if (e.appStatus !== 'APPROVED') {
      throw new DomainError('APPLICATION_DISABLED', 'This application is not approved yet; DEPwD must approve its scopes before it can call the API.');
    }
    if (e.orgStatus !== 'ACTIVE') {
      throw new DomainError('ORGANIZATION_NOT_ACTIVE', `Your organisation is ${e.orgStatus.toLowerCase()}, not active; access resumes only after DEPwD approval and NIC activation.`);
    }
    this.checkMou(e);
    if (!ipInList(e.allow, ip)) {
      throw new DomainError('IP_NOT_ALLOWED', `Calls from ${ip} are not allowed for this application; ask the integration engineer to allowlist your public IP.`, { sourceIp: ip });
    }
    if (!e.suspended && this.reciprocity) {
      const reason = await this.reciprocity.review(e.applicationId, e.reciprocity);
      if (reason) e.suspended = { kind: 'RECIPROCITY', reason };
    }
    if (e.suspended && !(e.suspended.kind === 'RECIPROCITY' && reportingOnly?.())) {
      throw new DomainError('SHARING_SUSPENDED', e.suspended.reason ?? 'Data sharing with this application is suspended by DEPwD.', { suspensionKind: e.suspended.kind });
    }
    const purpose = this.purposeFor(e, claims, reportingOnly);
    // A token never carries more than is approved now (for the application and for its purpose), even if
    // approval narrowed since it was issued. The effective set is kept with the cached entry (read-only,
    // shared by the requests of that token).
    const tokenScopes = `${purpose.id} ${claims.scopes.join(' ')}`;
    let scopes = e.effectiveScopes.get(tokenScopes);
    if (!scopes) {
      const approved = new Set(e.approvedScopes);
      scopes = new Set(claims.scopes.filter((s) => approved.has(s) && purpose.scopes.has(s)));
      if (e.effectiveScopes.size < 64) e.effectiveScopes.set(tokenScopes, scopes);
    }
    return {
      kind: 'application',
      applicationId: e.applicationId,
      organizationId: e.organizationId,
      clientId: claims.clientId,
      scopes,
      purposeId: purpose.id,
      purposeCode: purpose.code,
      consentRequired: purpose.legalBasis === 'CONSENT',
    };
  }

  /**
   * The token's purpose, approved for the application now. A token from before purposes names none: it
   * stands for the application's only purpose. A suspended purpose still lets benefit reporting through
   * (reporting is never blocked by a read restriction).
   */
  private purposeFor(e: GateEntry, claims: Extract<TokenClaims, { typ: 'app' }>, reportingOnly?: () => boolean): GatePurpose {
    const id = claims.purposeId ?? (e.purposes.size === 1 ? e.purposes.keys().next().value! : null);
    const purpose = id === null ? undefined : e.purposes.get(id);
    if (!purpose) {
      throw new DomainError('PURPOSE_NOT_APPROVED', claims.purposeId
        ? 'The purpose of this token is no longer one this application is approved for; request a new token naming an approved purpose (POST /oauth/token, purpose=).'
        : 'This token names no purpose; request a new token naming one of the application\'s approved purposes (POST /oauth/token, purpose=).');
    }
    if (purpose.status !== 'APPROVED' && !(purpose.status === 'SUSPENDED' && reportingOnly?.())) {
      throw new DomainError('PURPOSE_NOT_APPROVED', purpose.status === 'SUSPENDED'
        ? `Purpose ${purpose.code} is suspended by DEPwD${purpose.reason ? `: ${purpose.reason}` : ''}. Records cannot be read for it until DEPwD resumes it; benefit reporting goes on.`
        : `Purpose ${purpose.code} is ${purpose.status.toLowerCase()}, not approved; DEPwD approves purposes (approvePurpose).`, { purpose: purpose.code, purposeStatus: purpose.status });
    }
    return purpose;
  }

  /**
   * In force today: effective, not expired, not terminated. A new MoU after a lapse does not reopen
   * access by itself: recording it moves the organisation to DEACTIVATED (mou.service.ts), so the
   * organisation check above fails until DEPwD approves and NIC activates it again.
   */
  private checkMou(e: GateEntry): void {
    const today = this.clock.today();
    const inForce = e.mous.find((m) => m.effectiveFrom <= today && today < m.expiresOn && (!m.terminatedOn || today < m.terminatedOn));
    if (inForce) return;
    const latest = e.mous[0];
    if (latest?.terminatedOn && latest.terminatedOn <= today) {
      throw new DomainError('MOU_TERMINATED', `The MoU with DEPwD was terminated on ${latest.terminatedOn}; access stays off until a new MoU is signed and approved.`);
    }
    throw new DomainError('MOU_EXPIRED', latest
      ? `The MoU with DEPwD expired on ${latest.expiresOn}; access stays off until a new MoU is signed and approved.`
      : 'No MoU with DEPwD is in force for your organisation; access needs a signed MoU.');
  }

  private async entry(applicationId: number): Promise<GateEntry | null> {
    const now = Date.now();
    const hit = this.cache.get(applicationId);
    if (hit && now - hit.loadedAt < this.cacheMs) return hit;
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT a.id, a.status, a.organization_id, a.approved_scopes, a.sharing_suspended_at, a.sharing_suspension_kind,
              a.sharing_suspension_reason, a.cost_budget, a.cost_restore_rate, a.daily_record_quota, a.first_record_access_at, a.last_benefit_report_at,
              a.reporting_grace_from, a.reciprocity_suspended_at, a.dpop_required, o.status AS org_status
         FROM application a JOIN organization o ON o.id = a.organization_id WHERE a.id = ?`,
      [applicationId],
    );
    if (!rows.length) { this.cache.delete(applicationId); return null; }
    const r = rows[0];
    const orgId = Number(r.organization_id);
    const [mous, ips, purposes]: [Record<string, unknown>[], Record<string, unknown>[], Record<string, unknown>[]] = await Promise.all([
      this.ds.query('SELECT effective_from, expires_on, terminated_on FROM mou WHERE organization_id = ? ORDER BY effective_from DESC, id DESC', [orgId]),
      this.ds.query('SELECT cidr FROM application_ip WHERE application_id = ? AND revoked_at IS NULL', [applicationId]),
      this.ds.query(
        `SELECT p.id, p.code, p.status, p.status_reason, p.legal_basis, p.scopes, p.daily_record_quota, p.estimated_daily_persons
           FROM application_purpose ap JOIN purpose p ON p.id = ap.purpose_id WHERE ap.application_id = ? AND ap.revoked_at IS NULL`, [applicationId]),
    ]);
    const budget: AppBudget = {
      capacity: Number(r.cost_budget ?? DEFAULT_BUDGET.capacity),
      restoreRate: Math.max(1, Number(r.cost_restore_rate ?? DEFAULT_BUDGET.restoreRate)),
      dailyRecordQuota: Number(r.daily_record_quota ?? 0),
    };
    const entry: GateEntry = {
      applicationId,
      appStatus: String(r.status),
      organizationId: orgId,
      orgStatus: String(r.org_status),
      approvedScopes: r.approved_scopes ? JSON.parse(String(r.approved_scopes)) : [],
      dpopRequired: fromDbBool(r.dpop_required),
      suspended: r.sharing_suspended_at ? { kind: (r.sharing_suspension_kind as string) ?? null, reason: (r.sharing_suspension_reason as string) ?? null } : null,
      mous: mous.map((m) => ({
        effectiveFrom: fromDbDate(m.effective_from as string)!,
        expiresOn: fromDbDate(m.expires_on as string)!,
        terminatedOn: fromDbDate(m.terminated_on as string | null),
      })),
      allow: buildBlockList(ips.map((i) => String(i.cidr))),
      budget,
      purposes: new Map(purposes.map((p) => [Number(p.id), {
        id: Number(p.id), code: String(p.code), status: String(p.status), reason: (p.status_reason as string | null) ?? null, legalBasis: String(p.legal_basis),
        scopes: new Set(JSON.parse(String(p.scopes)) as Scope[]), estimatedDailyPersons: Number(p.estimated_daily_persons),
        // A purpose's quota is its own; 0 (not approved yet) is never "unlimited" here: at least 1 is required to read.
        budget: { ...budget, dailyRecordQuota: Math.max(1, Number(p.daily_record_quota)) },
      }])),
      reciprocity: {
        firstRecordAccessAt: fromDbDateTime(r.first_record_access_at as string | null),
        lastBenefitReportAt: fromDbDateTime(r.last_benefit_report_at as string | null),
        reportingGraceFrom: fromDbDateTime(r.reporting_grace_from as string | null),
        reciprocitySuspendedAt: fromDbDateTime(r.reciprocity_suspended_at as string | null),
      },
      loadedAt: now,
      effectiveScopes: new Map(),
    };
    this.cache.set(applicationId, entry);
    return entry;
  }
}
