import { z } from 'zod';

/** The contracts of the LTI 1.3 tool's administration. */

/** A platform endpoint: https, or http on this machine (a platform under test). */
const endpoint = z
  .string()
  .trim()
  .max(500)
  .url('is not a web address')
  .refine((u) => u.startsWith('https://') || /^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?\//.test(u), 'must start with https:// (http only for localhost)');

/** POST /api/admin/lti/platforms and `certprep lti register`: a platform as its administrator reads it off the platform's tool settings. */
export const registerPlatformSchema = z.strictObject({
  issuer: endpoint,
  clientId: z.string().trim().min(1).max(255),
  deploymentIds: z.array(z.string().trim().min(1).max(255)).min(1, 'name at least one deployment id').max(50),
  authUrl: endpoint,
  tokenUrl: endpoint,
  jwksUrl: endpoint,
});
export type RegisterPlatform = z.infer<typeof registerPlatformSchema>;
export const platformSchema = registerPlatformSchema.extend({ id: z.string(), registeredAt: z.string() });
export type Platform = z.infer<typeof platformSchema>;
