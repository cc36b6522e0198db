import { z } from 'zod';
import { AuditPage, AuditQuery, AuditVerification } from '../domain/audit';

export const auditCalls = {
  'audit:list': { input: AuditQuery, output: AuditPage },
  'audit:verify': { input: z.object({}).strict(), output: AuditVerification },
} as const;
