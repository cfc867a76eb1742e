import { z } from 'zod';
import { MAX_TOKEN_LENGTH } from '../../../core/tokens/signed-token.ts';

export const TokenParamsSchema = z.object({ token: z.string().min(1).max(MAX_TOKEN_LENGTH) });
