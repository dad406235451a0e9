// Base64 for attachment bytes in the browser, where Buffer does not exist.

/** Encodes in chunks because String.fromCharCode with millions of arguments overflows the stack. */
export function bytesToBase64(bytes: Uint8Array): string {
  const chunkSize = 0x8000;
  let binary = '';
  for (let offset = 0; offset < bytes.length; offset += chunkSize) {
    binary += String.fromCharCode(...bytes.subarray(offset, offset + chunkSize));
  }
  return btoa(binary);
}

/** Decodes only the first `maxBytes` bytes, enough to read a file signature. */
export function base64Prefix(base64: string, maxBytes: number): Uint8Array {
  const characters = Math.ceil(maxBytes / 3) * 4;
  const binary = atob(base64.slice(0, characters));
  return Uint8Array.from(binary, (character) => character.charCodeAt(0));
}
