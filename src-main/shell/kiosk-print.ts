// Silent printing of the receipt from the main process: the HTML goes into a hidden window
// without scripts and is printed to the policy's printer without a dialog.
import { BrowserWindow } from 'electron';
import type { ReceiptPrinter } from '../kiosk/kiosk-services.ts';

/** 80 mm roll: width in microns; the height is one A4 length, and the roll printer cuts after the content. */
const ROLL_PAGE_SIZE = { width: 80_000, height: 297_000 };

export const printReceiptSilently: ReceiptPrinter = async (html, { deviceName, paper }) => {
  const window = new BrowserWindow({
    show: false,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, partition: 'kiosk-receipt-print' },
  });

  try {
    await window.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
    await new Promise<void>((resolve, reject) => {
      window.webContents.print(
        {
          silent: true,
          printBackground: false,
          ...(deviceName ? { deviceName } : {}),
          pageSize: paper === 'a4' ? 'A4' : ROLL_PAGE_SIZE,
          margins: { marginType: 'none' },
        },
        (success, reason) => (success ? resolve() : reject(new Error(`printing failed: ${reason}`))),
      );
    });
  } finally {
    window.destroy();
  }
};
