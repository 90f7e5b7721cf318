/** One PwD record returned to a partner (DESIGN.md §7). */
export interface AccessEventInput {
  applicationId: number;
  organizationId: number;
  udid: string;
  source: 'pwd' | 'pwds' | 'verifyUdid' | 'benefitReport';
  scopes: string;
  fields: string;
  operationName: string | null;
  requestId: string;
  sourceIp: string;
  occurredAt: Date;
  /** The purpose of the token (DESIGN.md §11); absent on events from before purposes. */
  purposeId?: number | null;
  /** The consent artefact that covered the disclosure (CONSENT purposes). */
  consentId?: string | null;
}

/** Where resolvers put access events. The implementation batches them off the request path. */
export interface AccessEventSink {
  record(event: AccessEventInput): void;
}
