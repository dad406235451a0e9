// Public surface of the clerk main-process modules for the shell, the tests and the harness.
export { createClerkServices, InvalidClerkArgumentError } from './clerk-services.ts';
export type { ClerkChannelName, ClerkHandlers, ClerkServices, ClerkServicesOptions, SaveFileRequest } from './clerk-services.ts';
export { createMemorySecretStore, createPlainFileSecretStore } from './session/secret-store.ts';
export type { SecretStore } from './session/secret-store.ts';
export { renderApplicationDocument } from './documents/application-document.ts';
