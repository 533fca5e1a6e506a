import { z } from 'zod';

/** The claim names of LTI 1.3 Core, Deep Linking 2.0, Assignment and Grade Services 2.0 and Names and Role Provisioning 2.0. */
export const CLAIM = {
  messageType: 'https://purl.imsglobal.org/spec/lti/claim/message_type',
  version: 'https://purl.imsglobal.org/spec/lti/claim/version',
  deploymentId: 'https://purl.imsglobal.org/spec/lti/claim/deployment_id',
  targetLinkUri: 'https://purl.imsglobal.org/spec/lti/claim/target_link_uri',
  resourceLink: 'https://purl.imsglobal.org/spec/lti/claim/resource_link',
  roles: 'https://purl.imsglobal.org/spec/lti/claim/roles',
  context: 'https://purl.imsglobal.org/spec/lti/claim/context',
  custom: 'https://purl.imsglobal.org/spec/lti/claim/custom',
  launchPresentation: 'https://purl.imsglobal.org/spec/lti/claim/launch_presentation',
  ags: 'https://purl.imsglobal.org/spec/lti-ags/claim/endpoint',
  nrps: 'https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice',
  deepLinking: 'https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings',
  contentItems: 'https://purl.imsglobal.org/spec/lti-dl/claim/content_items',
  dlData: 'https://purl.imsglobal.org/spec/lti-dl/claim/data',
} as const;

export const SCOPE = {
  lineItem: 'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem',
  score: 'https://purl.imsglobal.org/spec/lti-ags/scope/score',
  memberships: 'https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly',
} as const;

const url = z.string().url();
/** The claims the tool reads from a launch's id_token (its signature and registered claims are checked by `jose` first). */
export const launchClaimsSchema = z.object({
  sub: z.string().min(1).max(255),
  name: z.string().max(200).optional(),
  given_name: z.string().max(100).optional(),
  family_name: z.string().max(100).optional(),
  email: z.string().email().max(254).optional().catch(undefined),
  locale: z.string().max(20).optional(),
  [CLAIM.messageType]: z.string(),
  [CLAIM.version]: z.string(),
  [CLAIM.deploymentId]: z.string().min(1).max(255),
  [CLAIM.targetLinkUri]: url,
  [CLAIM.roles]: z.array(z.string()),
  [CLAIM.resourceLink]: z.object({ id: z.string().min(1).max(255), title: z.string().max(255).optional() }).optional(),
  [CLAIM.context]: z.object({ id: z.string().min(1).max(255), label: z.string().max(255).optional(), title: z.string().max(255).optional() }).optional(),
  [CLAIM.custom]: z.record(z.string(), z.unknown()).optional(),
  [CLAIM.ags]: z.object({ scope: z.array(z.string()).default([]), lineitems: url.optional(), lineitem: url.optional() }).optional(),
  [CLAIM.nrps]: z.object({ context_memberships_url: url }).optional(),
  [CLAIM.deepLinking]: z.object({ deep_link_return_url: url, accept_types: z.array(z.string()).default([]), data: z.string().max(4096).optional() }).optional(),
});
export type LaunchClaims = z.infer<typeof launchClaimsSchema>;

/** An LTI role (a full URI or the short form of LTI 1.3 §A.2) as certprep sees it: instructors become tutors. */
export function isInstructor(roles: readonly string[]): boolean {
  return roles.some((r) => /(?:membership#|^)(Instructor|ContentDeveloper|Administrator|Mentor)$/.test(r) || /membership\/Instructor#TeachingAssistant$/.test(r) || /institution\/person#Administrator$/.test(r));
}

/** The name to show for a platform's user, from what it shares (LTI allows sharing none). */
export function displayName(c: { name?: string | undefined; given_name?: string | undefined; family_name?: string | undefined }, fallback: string): string {
  return (c.name?.trim() || [c.given_name, c.family_name].filter(Boolean).join(' ').trim() || fallback).slice(0, 100);
}
