// Covers every display besides the kiosk's own with a blank window, so that no desktop shows on a
// second screen of the terminal.
import { BrowserWindow, screen, type Display } from 'electron';

export interface DisplayCover {
  /** Windows that cover the other displays right now. */
  readonly windows: BrowserWindow[];
  update(): void;
  dispose(): void;
}

function coverWindow(display: Display): BrowserWindow {
  const { x, y, width, height } = display.bounds;
  const window = new BrowserWindow({
    x, y, width, height,
    frame: false,
    kiosk: true,
    fullscreen: true,
    closable: false,
    minimizable: false,
    movable: false,
    resizable: false,
    focusable: false,
    skipTaskbar: true,
    backgroundColor: '#1d1d1b',
    show: true,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, devTools: false },
  });
  window.on('close', (event) => event.preventDefault());
  return window;
}

export function coverOtherDisplays(kioskDisplayId: () => number): DisplayCover {
  let covers = new Map<number, BrowserWindow>();

  const update = () => {
    const wanted = screen.getAllDisplays().filter((display) => display.id !== kioskDisplayId());
    const next = new Map<number, BrowserWindow>();
    for (const display of wanted) next.set(display.id, covers.get(display.id) ?? coverWindow(display));
    for (const [id, window] of covers) if (!next.has(id)) window.destroy();
    covers = next;
  };

  update();
  screen.on('display-added', update);
  screen.on('display-removed', update);
  screen.on('display-metrics-changed', update);

  return {
    get windows() {
      return [...covers.values()];
    },
    update,
    dispose: () => {
      screen.off('display-added', update);
      screen.off('display-removed', update);
      screen.off('display-metrics-changed', update);
      for (const window of covers.values()) window.destroy();
      covers.clear();
    },
  };
}
