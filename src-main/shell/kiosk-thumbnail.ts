// Thumbnails of scanned images with Electron's nativeImage: 240 px wide PNGs, so the scan picker
// does not carry whole scans through IPC for a preview.
import { nativeImage } from 'electron';
import type { ThumbnailMaker } from '../kiosk/scanner-folder.ts';

const THUMBNAIL_WIDTH = 240;

export const nativeImageThumbnail: ThumbnailMaker = async (bytes) => {
  const image = nativeImage.createFromBuffer(bytes);
  if (image.isEmpty()) return null;
  return image.resize({ width: THUMBNAIL_WIDTH, quality: 'good' }).toDataURL();
};
