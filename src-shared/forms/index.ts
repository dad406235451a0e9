// Form logic shared by the portal and the citizen app. It is plain TypeScript without ajv, because
// the kiosk's content security policy forbids the code generation that ajv needs.
export * from './paths.ts';
export * from './conditions.ts';
export * from './formats.ts';
