const TWIPS_PER_PIXEL = 15; // 96 px to the inch

/** Width and height from a PNG's IHDR chunk; null when the bytes are not a PNG. */
export function pngSize(png: Uint8Array): { width: number; height: number } | null {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (png.length < 24 || signature.some((b, i) => png[i] !== b)) return null;
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** Display size (pixels at 96 dpi) that fits an image to the text width, keeping its aspect ratio. */
export function fitImage(pixelWidth: number, pixelHeight: number, widthTwips: number, maxHeightTwips: number): { width: number; height: number } {
  const maxW = widthTwips / TWIPS_PER_PIXEL;
  const maxH = maxHeightTwips / TWIPS_PER_PIXEL;
  const scale = Math.min(maxW / pixelWidth, maxH / pixelHeight);
  return { width: Math.round(pixelWidth * scale), height: Math.round(pixelHeight * scale) };
}
