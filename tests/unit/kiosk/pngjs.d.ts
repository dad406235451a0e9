// Types for the part of pngjs (a dependency of qrcode, shipped without types) that the receipt
// test uses to read the QR code back.
declare module 'pngjs' {
  export const PNG: {
    sync: { read(buffer: Buffer): { width: number; height: number; data: Buffer } };
  };
}
