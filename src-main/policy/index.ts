// Machine policy: schema, layer reading, validation and the error page for a broken policy.
export * from './schema.ts';
export * from './policy-error.ts';
export * from './registry.ts';
export { createRegQueryReader, parseRegQueryOutput } from './reg-query.ts';
export { machinePolicyFile } from './layers.ts';
export { loadPolicy, parsePolicyFlags, type EffectivePolicy, type PolicyEntry, type PolicyEnvironment, type PolicyResult } from './resolve.ts';
export { checkPolicyDocument, checkPolicyValue } from './validate.ts';
export { hashAdminPin, verifyAdminPin } from './pin-hash.ts';
export { policyErrorDataUrl, policyErrorHtml } from './error-page.ts';
