import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { compactVerify, createLocalJWKSet, JSONWebKeySet } from 'jose';
import { ASYMMETRIC_ALGS } from '../../core/auth/proofs';
import type { RequestContext } from '../../core/request/context';
import type { ApplicationPrincipal } from '../../core/auth/principal';
import type { RequestGate } from '../access/admission.gate';
import type { ConsentCheck } from '../access/disclosure.ledger';
import { addDays } from '../../core/clock';
import { Role, Scope } from '../../core/authz/scopes';
import { badInput, conflict, forbidden, notFound } from '../../core/errors/errors';
import { fieldsInScope } from '../pwd/pwd.rules';
import { ConsentEntity, ConsentFrequencyUnit, ConsentRevokedBy } from './consent.entity';
import { RecordConsentInput } from './consent.inputs';
import { ConsentArtefactType, ConsentStatus, toConsent } from './consent.types';

/** At most this many consents are listed at once. */
const LIST_LIMIT = 200;
const MAX_VALIDITY_DAYS = 366;


/**
 * Consent artefacts (DESIGN.md §11; DPDP Act 2023 s6): recorded by the application that obtained the
 * consent, for a CONSENT purpose; a record under such a purpose is disclosed only while a live consent
 * covers that UDID, those fields and today. Revocation (by the partner, the person, or DEPwD) is at once.
 */
export class ConsentService implements ConsentCheck {
  constructor(
    private readonly ds: DataSource,
    private readonly gate: RequestGate,
    /** The application's registered public keys (the application module's), to check the partner's signature. */
    private readonly clientKeysOf: (applicationId: number) => Promise<JSONWebKeySet | null> = async () => null,
  ) {}

  /**
   * The partner's signature of the consent, required when its application has registered keys: a compact
   * JWS by one of them whose payload names exactly this UDID, purpose, fields and validity.
   */
  private async partnerSignature(p: ApplicationPrincipal, code: string, input: RecordConsentInput, fields: string[]): Promise<string | null> {
    const jwks = await this.clientKeysOf(p.applicationId);
    if (!jwks) return input.partnerSignature ? Promise.reject(badInput('This application has registered no keys (registerClientKeys); send the consent without partnerSignature.')) : null;
    if (!input.partnerSignature) throw badInput('This application has registered keys: sign the consent (partnerSignature, a compact JWS of {udid, purpose, fields, validFrom, validTo}).');
    let claimed: Record<string, unknown>;
    try {
      const { payload } = await compactVerify(input.partnerSignature, createLocalJWKSet(jwks), { algorithms: ASYMMETRIC_ALGS });
      claimed = JSON.parse(new TextDecoder().decode(payload));
    } catch {
      throw badInput('partnerSignature is not a JWS by one of this application\'s registered keys.');
    }
    const same = claimed.udid === input.udid && claimed.purpose === code && claimed.validFrom === input.validFrom && claimed.validTo === input.validTo
      && Array.isArray(claimed.fields) && claimed.fields.length === fields.length && fields.every((f) => (claimed.fields as unknown[]).includes(f));
    if (!same) throw badInput('partnerSignature signs another consent (udid, purpose, fields, validFrom or validTo differ).');
    return input.partnerSignature;
  }

  private consentPurpose(ctx: RequestContext): { p: ApplicationPrincipal; scopes: ReadonlySet<Scope>; code: string } {
    const p = ctx.principal;
    if (p.kind !== 'application') throw forbidden('Consents are recorded by the application that obtained them, with its token.');
    const purpose = this.gate.purposeOf(p.applicationId, p.purposeId);
    if (!purpose) throw forbidden('The purpose of this token is not approved for this application.');
    if (!p.consentRequired) throw badInput(`Purpose ${p.purposeCode} rests on a State benefit (s7(b)), not on consent; consents are recorded for CONSENT purposes.`);
    return { p, scopes: purpose.scopes, code: purpose.code };
  }

  async record(ctx: RequestContext, input: RecordConsentInput): Promise<ConsentArtefactType> {
    const { p, scopes, code } = this.consentPurpose(ctx);
    const today = ctx.clock.today();
    const fields = [...new Set(input.fields)];
    const allowed = new Set(fieldsInScope(fields, scopes));
    const outside = fields.filter((f) => !allowed.has(f));
    if (outside.length) throw badInput(`Not fields the purpose ${code} may read: ${outside.join(', ')}.`, { fields: outside });
    if (input.validTo < input.validFrom) throw badInput('validTo must not be before validFrom.');
    if (input.validTo < today) throw badInput(`validTo ${input.validTo} is in the past.`);
    if (addDays(input.validFrom, MAX_VALIDITY_DAYS) < input.validTo) throw badInput(`A consent covers at most ${MAX_VALIDITY_DAYS} days; record a new one when it ends.`);
    const frequency = { unit: input.frequency?.unit ?? ConsentFrequencyUnit.DAY, value: input.frequency?.value ?? 1 };
    const signature = await this.partnerSignature(p, code, input, fields);
    const consentId = randomUUID();
    const now = ctx.clock.now();
    // The API Setu ConsentArtifact shape, written once, with the partner's signature when its application has keys.
    const artefact = JSON.stringify({
      ver: '1.0', consentId, timestamp: now.toISOString(),
      DataConsumer: { id: `org:${p.organizationId}`, type: 'ORGANIZATION', application: p.clientId },
      DataProvider: { id: 'DEPwD-UDID', type: 'GOVERNMENT' },
      Purpose: { code, legalBasis: 'CONSENT' },
      User: { idType: 'UDID', idNumber: input.udid },
      Data: { fields },
      Permission: { access: 'VIEW', dateRange: { from: input.validFrom, to: input.validTo }, frequency: { unit: frequency.unit, value: frequency.value, repeats: 0 } },
      Signature: signature,
    });
    const saved = await this.ds.getRepository(ConsentEntity).save(this.ds.getRepository(ConsentEntity).create({
      consentId, organizationId: p.organizationId, applicationId: p.applicationId, purposeId: p.purposeId, udid: input.udid, fields,
      validFrom: input.validFrom, validTo: input.validTo, frequencyUnit: frequency.unit, frequencyValue: frequency.value, artefact,
      recordedAt: now, revokedAt: null, revokedBy: null,
    }));
    return toConsent(saved, code, today);
  }

  /** The partner (its own organisation's consents), DEPwD, or the person (`byPerson`: the UDID signed in on /me/record). */
  async revoke(ctx: RequestContext | null, consentId: string, byPerson?: { udid: string; now: Date; today: string }): Promise<ConsentArtefactType> {
    const c = await this.ds.getRepository(ConsentEntity).findOneBy({ consentId: consentId.slice(0, 36) });
    let by: ConsentRevokedBy;
    if (byPerson) {
      if (!c || c.udid !== byPerson.udid) throw notFound('No consent with this id for your record.');
      by = ConsentRevokedBy.PERSON;
    } else {
      const p = ctx!.principal;
      if (p.kind === 'application') {
        if (!c || c.organizationId !== p.organizationId) throw notFound('No consent with this id in your organisation.');
        by = ConsentRevokedBy.PARTNER;
      } else if (p.kind === 'user' && p.role === Role.PARTNER_ADMIN) {
        if (!c || c.organizationId !== p.organizationId) throw notFound('No consent with this id in your organisation.');
        by = ConsentRevokedBy.PARTNER;
      } else if (p.kind === 'user' && p.role === Role.DEPWD_ADMIN) {
        if (!c) throw notFound('No consent with this id.');
        by = ConsentRevokedBy.DEPWD;
      } else {
        throw forbidden('Only the consent\'s organisation (its application or partner admin), DEPwD or the person can revoke it.');
      }
    }
    const now = byPerson?.now ?? ctx!.clock.now();
    const today = byPerson?.today ?? ctx!.clock.today();
    if (c.revokedAt) throw conflict(`Consent ${c.consentId} was already revoked on ${c.revokedAt.toISOString()}.`);
    const r = await this.ds.createQueryBuilder().update(ConsentEntity).set({ revokedAt: now, revokedBy: by })
      .where('id = :id AND revoked_at IS NULL', { id: c.id }).execute();
    if (!r.affected) throw conflict(`Consent ${c.consentId} was already revoked.`);
    return toConsent({ ...c, revokedAt: now, revokedBy: by }, await this.purposeCode(c.purposeId), today);
  }

  /** Newest first: an application sees its organisation's, staff every one; by UDID and status. */
  async list(ctx: RequestContext, udid: string | null, status: ConsentStatus | null): Promise<ConsentArtefactType[]> {
    const qb = this.ds.getRepository(ConsentEntity).createQueryBuilder('c').orderBy('c.id', 'DESC').take(LIST_LIMIT);
    const p = ctx.principal;
    if (p.kind === 'application') qb.andWhere('c.organization_id = :org', { org: p.organizationId });
    else if (p.kind === 'user' && p.role === Role.PARTNER_ADMIN) qb.andWhere('c.organization_id = :org', { org: p.organizationId ?? -1 });
    if (udid) qb.andWhere('c.udid = :udid', { udid });
    const today = ctx.clock.today();
    const rows = await ctx.db.read().getMany(qb);
    const codes = await this.purposeCodes(rows.map((r) => r.purposeId));
    return rows.map((r) => toConsent(r, codes.get(r.purposeId) ?? '?', today)).filter((c) => !status || c.status === status);
  }

  /** A person's consents, newest first (their own view). */
  async ofPerson(udid: string, today: string): Promise<ConsentArtefactType[]> {
    const rows = await this.ds.getRepository(ConsentEntity).find({ where: { udid }, order: { id: 'DESC' }, take: LIST_LIMIT });
    const codes = await this.purposeCodes(rows.map((r) => r.purposeId));
    return rows.map((r) => toConsent(r, codes.get(r.purposeId) ?? '?', today));
  }

  /**
   * A person's consents with the names they know them by (organisation, application, purpose), newest
   * first: the PwD's own view (/me/record).
   */
  async ofPersonNamed(udid: string, today: string): Promise<(ConsentArtefactType & { organizationName: string; applicationName: string; purposeDescription: string })[]> {
    const consents = await this.ofPerson(udid, today);
    if (!consents.length) return [];
    const ids = [...new Set(consents.map((c) => c.consentId))];
    const rows: { consent_id: string; organization_name: string; application_name: string; purpose_description: string }[] = await this.ds.query(
      `SELECT c.consent_id, o.name AS organization_name, a.name AS application_name, p.description AS purpose_description
         FROM consent c JOIN organization o ON o.id = c.organization_id JOIN application a ON a.id = c.application_id JOIN purpose p ON p.id = c.purpose_id
        WHERE c.consent_id IN (${ids.map(() => '?').join(',')})`, ids);
    const names = new Map(rows.map((r) => [r.consent_id, r]));
    return consents.map((c) => {
      const n = names.get(c.consentId);
      return Object.assign(c, { organizationName: n?.organization_name ?? '?', applicationName: n?.application_name ?? '?', purposeDescription: n?.purpose_description ?? '' });
    });
  }

  /** UDID → the id of a live consent covering `fields` today (absent: not covered). Read from the primary each time: revocation is at once. */
  async covering(p: ApplicationPrincipal, udids: string[], fields: readonly string[], today: string): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    const unique = [...new Set(udids)];
    const needed = fields.filter((f) => f !== 'udid' && f !== 'cardStatus');
    if (!unique.length) return out;
    const rows: { udid: string; consent_id: string; fields: string }[] = await this.ds.query(
      `SELECT udid, consent_id, fields FROM consent
        WHERE purpose_id = ? AND organization_id = ? AND revoked_at IS NULL AND valid_from <= ? AND valid_to >= ? AND udid IN (${unique.map(() => '?').join(',')})
        ORDER BY id DESC`,
      [p.purposeId, p.organizationId, today, today, ...unique]);
    for (const r of rows) {
      if (out.has(r.udid)) continue;
      const agreed = new Set(JSON.parse(r.fields) as string[]);
      if (needed.every((f) => agreed.has(f))) out.set(r.udid, r.consent_id);
    }
    return out;
  }

  private async purposeCode(id: number): Promise<string> {
    return (await this.purposeCodes([id])).get(id) ?? '?';
  }

  private async purposeCodes(ids: number[]): Promise<Map<number, string>> {
    const unique = [...new Set(ids)];
    if (!unique.length) return new Map();
    const rows: { id: number; code: string }[] = await this.ds.query(`SELECT id, code FROM purpose WHERE id IN (${unique.map(() => '?').join(',')})`, unique);
    return new Map(rows.map((r) => [Number(r.id), String(r.code)]));
  }
}

