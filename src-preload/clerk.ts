// Preload for the clerk window. The clerk API object is exposed here once its IPC contract exists.
export {};
