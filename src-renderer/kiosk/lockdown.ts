// Renderer side of the kiosk lockdown. The main process denies new windows, navigation, downloads
// and permissions; this script keeps the page from even trying: drops outside an attachment zone,
// window.open, printing, context menus, file pickers and Ctrl+wheel zoom do nothing.

/** Elements with this attribute accept dropped files; no other place does. */
export const DROP_ZONE_ATTRIBUTE = 'data-attachment-drop-zone';

function insideDropZone(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest(`[${DROP_ZONE_ATTRIBUTE}]`) !== null;
}

function disable(target: object, name: string, replacement: unknown): void {
  Object.defineProperty(target, name, { value: replacement, writable: false, configurable: false });
}

function removeFileInputs(root: ParentNode): void {
  for (const input of root.querySelectorAll('input[type="file"]')) {
    input.remove();
    console.error('kiosk: removed a file input; the kiosk takes documents from the scanner folder only');
  }
}

export function installRendererLockdown(win: Window & typeof globalThis): void {
  const doc = win.document;

  for (const type of ['dragover', 'dragenter', 'drop'] as const) {
    win.addEventListener(type, (event) => {
      if (insideDropZone(event.target)) return;
      event.preventDefault();
      event.stopPropagation();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'none';
    }, true);
  }
  // Dragging a link or image out of the page could hand its URL to another program.
  win.addEventListener('dragstart', (event) => event.preventDefault(), true);

  win.addEventListener('contextmenu', (event) => event.preventDefault(), true);
  win.addEventListener('auxclick', (event) => event.preventDefault(), true);
  win.addEventListener('wheel', (event) => {
    if (event.ctrlKey) event.preventDefault();
  }, { capture: true, passive: false });

  // Links never leave the app: the citizen app has none that should, and a new tab is a way out.
  win.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
    if (!(link instanceof HTMLAnchorElement)) return;
    const foreign = new URL(link.href, win.location.href).origin !== win.location.origin;
    if (foreign || link.target === '_blank' || link.hasAttribute('download')) event.preventDefault();
  }, true);

  disable(win, 'open', () => null);
  disable(win, 'print', () => undefined);
  for (const picker of ['showOpenFilePicker', 'showSaveFilePicker', 'showDirectoryPicker']) disable(win, picker, undefined);

  removeFileInputs(doc);
  new MutationObserver(() => removeFileInputs(doc)).observe(doc.documentElement, { childList: true, subtree: true });
}
