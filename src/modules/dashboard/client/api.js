// The dashboard reads and acts only through POST /graphql, with the staff Bearer token.
export class SessionExpired extends Error {}

export function graphql(endpoint, token) {
  return async (query, variables = {}) => {
    const res = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    if (res.status === 401) throw new SessionExpired('Your session has expired. Sign in again.');
    const body = await res.json().catch(() => null);
    if (!body) throw new Error(`The server answered HTTP ${res.status} without a GraphQL body.`);
    if (body.errors?.length) {
      const e = body.errors[0];
      throw new Error(`${e.message}${e.extensions?.code ? ` (${e.extensions.code})` : ''}`);
    }
    return body.data;
  };
}

export const Q = {
  coverage: `query DashboardCoverage($from: Date, $to: Date) {
    reciprocityByApplication(from: $from, to: $to) {
      applicationId applicationName organizationName recordsAccessed distinctPwdsAccessed pwdsReportedBenefited benefitReports coverageRatio
      reporting { status lastReportAt dueBy graceDays message }
    }
  }`,
  benefits: `query DashboardBenefits($groupBy: [BenefitGroupBy!]!, $from: Date!, $to: Date!) {
    benefitSummary(groupBy: $groupBy, from: $from, to: $to) {
      periods
      groups { key label stateCode schemeCode periodStart periodEnd reports beneficiaries totalAmountPaise }
      total { reports beneficiaries totalAmountPaise }
    }
  }`,
  alerts: `query DashboardAlerts($status: AlertStatus, $kind: ScrapingAlertKind, $first: Int, $after: String) {
    scrapingAlerts(status: $status, kind: $kind, first: $first, after: $after) {
      edges { node {
        id applicationId applicationName kind status autoSuspended raisedAt windowStart windowEnd
        acknowledgedAt acknowledgedBy resolvedAt resolvedBy resolution
        evidence { lookups unknownLookups unknownShare distinctLookups distinctUnknown distinctUnknownShare prefix runningFrom runningTo runLength
          distinctRecords threshold normPerWindow normWindows udid failedAttempts attemptsPerDay unknownUdidsToday
          purpose purposeId estimatedDailyPersons distinctRecordsToday day }
      } }
      pageInfo { hasNextPage endCursor }
    }
  }`,
  mous: `query DashboardMous {
    mous(filter: { expiringSoon: true, expiringWithinDays: 90 }, first: 100) {
      edges { node { id reference organizationId purpose effectiveFrom expiresOn daysLeft status } }
    }
    organizations(first: 100) { edges { node { id name } } }
  }`,
  acknowledge: `mutation DashboardAcknowledge($id: ID!, $note: String) { acknowledgeScrapingAlert(id: $id, note: $note) { id status acknowledgedAt } }`,
  resolve: `mutation DashboardResolve($id: ID!, $resolution: String!) { resolveScrapingAlert(id: $id, resolution: $resolution) { id status resolvedAt resolution } }`,
};

/** Every alert page for the charts (newest first), at most `max` alerts. */
export async function allAlerts(gql, max = 500) {
  const out = [];
  let after = null;
  for (;;) {
    const d = await gql(Q.alerts, { first: 100, after });
    out.push(...d.scrapingAlerts.edges.map((e) => e.node));
    if (!d.scrapingAlerts.pageInfo.hasNextPage || out.length >= max) return out;
    after = d.scrapingAlerts.pageInfo.endCursor;
  }
}
