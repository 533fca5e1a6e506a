/** The interface in English: the LTI 1.3 tool's administration (spread into `en.ts`). */
export const enLti = {
  ltiTitle: 'LTI 1.3 platforms',
  ltiIntro: 'The platforms (a Moodle site, say) whose courses may launch certprep. Give the platform this tool’s public keys: {jwks}.',
  ltiNone: 'No platform registered yet.',
  ltiPlatformLine: 'client id {client} · deployments {deployments}',
  ltiRemove: 'Remove',
  ltiRemoveConfirm: 'Remove {issuer}? Its courses will no longer launch certprep.',
  ltiRemoved: '{issuer} was removed.',
  ltiRegister: 'Register a platform',
  ltiRegisterButton: 'Register',
  ltiRegistered: '{issuer} is registered.',
  lti_issuer: 'Platform ID (issuer)',
  lti_clientId: 'Client ID',
  lti_deploymentIds: 'Deployment IDs (separated by commas)',
  lti_authUrl: 'Authentication request URL',
  lti_tokenUrl: 'Access token URL',
  lti_jwksUrl: 'Public keyset URL',
};
