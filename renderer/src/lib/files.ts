/** True inside the desktop app (native dialogs, the system file manager); false in a browser. */
export const isDesktop = typeof window !== 'undefined' && !!window.rpt;

export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * Saves a file the user asked for: the native save dialog in the desktop app, a download in the
 * browser. Resolves to where it went (the path, or the downloaded name), or null when cancelled.
 */
export async function saveFile(name: string, data: Uint8Array, mime: string): Promise<string | null> {
  if (window.rpt) return window.rpt.saveFile(name, data);
  const url = URL.createObjectURL(new Blob([data as BlobPart], { type: mime }));
  try {
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.append(a);
    a.click();
    a.remove();
  } finally {
    // Give the browser a moment to start the download before the URL goes away.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
  return name;
}

export function showFile(path: string) {
  return window.rpt?.showFile(path);
}

/** Opens a linked document with its application (desktop only); resolves to an error message or ''. */
export async function openDocument(path: string): Promise<string> {
  if (!window.rpt) return 'Opening documents works in the desktop app; in the browser, open the file from its folder.';
  return window.rpt.openDocument(path);
}

/** Reads a file the user picked, as text (bundles and template files are JSON). */
export function readText(file: File): Promise<string> {
  return file.text();
}
