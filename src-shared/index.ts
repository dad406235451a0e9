// Public surface of the shared contract.
export * from './status.ts';
export * from './domain.ts';
export * from './catalog.ts';
export * from './api.ts';
export * from './dates.ts';
export * from './fees.ts';
