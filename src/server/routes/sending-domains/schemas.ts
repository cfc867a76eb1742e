// Shared zod shapes of the sending-domain routes (OpenAPI): the answer never has a private key.
import { z } from 'zod';
import { MAX_DOMAIN_LENGTH } from '../../../core/sending-domains/service.ts';

export const TAGS = ['sending-domains'];

export const DnsRecordCheckSchema = z.object({
  purpose: z.enum(['dkim-rsa', 'dkim-ed25519', 'spf', 'dmarc', 'return-path']),
  type: z.enum(['TXT', 'CNAME', 'MX']),
  name: z.string(),
  value: z.string(),
  found: z.boolean().nullable(),
  required: z.boolean(),
});

export const SendingDomainSchema = z.object({
  id: z.string(),
  accountId: z.string(),
  domain: z.string(),
  status: z.enum(['pending', 'verified', 'failing']),
  dkimSelector: z.string(),
  ed25519Selector: z.string().nullable(),
  records: z.array(DnsRecordCheckSchema),
  lastCheckedAt: z.string().nullable(),
  verifiedAt: z.string().nullable(),
  createdAt: z.string(),
});

export const AddSendingDomainBody = z
  .object({ domain: z.string().min(1).max(MAX_DOMAIN_LENGTH), ed25519: z.boolean().optional() })
  .strict();

export const DomainIdParams = z.object({ id: z.string().min(1).max(100) });
