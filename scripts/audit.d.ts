// Types of scripts/audit.js for the TypeScript tests (test/unit/audit.test.ts).
export interface AuditRun { stdout: string; stderr?: string; status?: number | null; error?: (Error & { code?: string }) | undefined }
export interface AuditException { package: string; advisory: string; reason: string }
export interface AuditAdvisory { package: string; advisory: string; severity: string; title: string; range: string }
export function decide(run: AuditRun, exceptionsFile: unknown): { code: 0 | 1 | 2 | 3; lines: string[] };
export function failingAdvisories(report: unknown): AuditAdvisory[];
