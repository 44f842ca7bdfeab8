import fs from 'node:fs';
import path from 'node:path';
import type { ServiceContext } from '../context';

/** Executables and scripts are never "documents": a linked file must be something to read. */
const EXECUTABLE_EXTENSIONS = new Set(['.exe', '.bat', '.cmd', '.com', '.msi', '.ps1', '.sh', '.app', '.scr', '.vbs', '.jar', '.js', '.lnk', '.desktop', '.appimage', '.deb', '.rpm', '.dmg', '.pkg']);

/** Whether a linked document is there now (null: nothing linked). A file-system call: keep it out of write transactions. */
export function documentExists(p: string): boolean | null {
  if (!p) return null;
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

/** Checks a linked document path: an existing local file, not a URL and not a program. */
export function checkDocumentPath(p: string): string | null {
  if (p === '') return null;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(p)) return 'Link a local file, not a web address.';
  if (!path.isAbsolute(p)) return 'Give the full path of the file (e.g. /home/you/IND/cover-letter.docx or C:\\IND\\cover-letter.docx).';
  if (EXECUTABLE_EXTENSIONS.has(path.extname(p).toLowerCase())) return 'Programs and scripts cannot be linked as documents.';
  if (!documentExists(p)) return `There is no file at ${p}. Check the path, or save the document first.`;
  return null;
}

/**
 * Why the desktop shell must not open a path, or null if it may: only a document linked on a
 * checklist item, and only if it still passes the checks a link must pass.
 */
export function openableDocumentProblem(ctx: ServiceContext, p: string): string | null {
  if (!ctx.repos.checklists.isLinkedDocument(p)) return 'This file is not linked on any checklist item.';
  return checkDocumentPath(p);
}
