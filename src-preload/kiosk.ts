// Preload for the kiosk window. The kiosk API object is exposed here once its IPC contract exists.
export {};
