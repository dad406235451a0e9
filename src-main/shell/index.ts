// Electron entry point. Only this folder imports electron; all logic lives in plain Node modules.
import { app } from 'electron';

app.whenReady().then(() => {
  // The windows for clerk and kiosk mode are created here once machine policy decides the mode.
});
