// Public surface of the citizen app package for its hosts (kiosk window, portal web pages).
export { mountCitizenApp, createCitizenQueryClient, type MountOptions, type MountedCitizenApp } from './mount.tsx';
export { BackendUnavailableError, ProblemError, type CitizenBackend } from './backend.ts';
export { createCitizenStore, type CitizenStore } from './store.ts';
export { LOCALES, type Locale } from './i18n/messages.ts';
