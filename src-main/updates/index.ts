export * from './install-kind.ts';
export * from './decision.ts';
export * from './apply.ts';
