import fs from 'node:fs';
import path from 'node:path';
import type { ServiceContext } from '../context';

/**
 * What a linked document may be: an allow-list of document types (a deny-list of programs had
 * holes: .hta, .cpl, .pyw, a trailing dot, no extension at all). Checked on the name given and on
 * the file it really is, after symbolic links.
 */
export const DOCUMENT_EXTENSIONS: ReadonlySet<string> = new Set([
  '.pdf', '.doc', '.docx', '.xls', '.xlsx', '.ppt', '.pptx', '.txt', '.csv', '.rtf', '.odt', '.ods', '.odp', '.md',
  '.png', '.jpg', '.jpeg', '.gif', '.tif', '.tiff', '.bmp', '.webp', '.msg', '.eml',
]);

const DOCUMENT_TYPES = 'PDF, Word, Excel, PowerPoint, OpenDocument, text, CSV, RTF, images or e-mails';

/** Whether a linked document is there now (null: nothing linked). A file-system call: keep it out of write transactions. */
export function documentExists(p: string): boolean | null {
  if (!p) return null;
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

function typeProblem(name: string, what: string): string | null {
  // Windows drops trailing dots and spaces ("evil.sh." opens evil.sh): such a name is never a document.
  if (/[. ]$/.test(name)) return `${what} ends in a dot or a space; give the file's real name.`;
  const ext = path.extname(name).toLowerCase();
  if (!DOCUMENT_EXTENSIONS.has(ext)) return `${what} is not a document type that can be linked (${ext === '' ? 'it has no extension' : ext}). Link ${DOCUMENT_TYPES}.`;
  return null;
}

/** The checks on the path alone (no file-system access): also what a bundle's paths must pass. */
export function documentPathShapeProblem(p: string): string | null {
  const windowsDrive = /^[a-z]:[\\/]/i.test(p);
  if (!windowsDrive && /^[a-z][a-z0-9+.-]*:/i.test(p)) return 'Link a local file, not a web address or another kind of link.';
  if (!path.isAbsolute(p) && !windowsDrive) return 'Give the full path of the file (e.g. /home/you/IND/cover-letter.docx or C:\\IND\\cover-letter.docx).';
  // A colon after the drive names an NTFS alternate stream (report.pdf:payload.exe).
  if (p.slice(windowsDrive ? 2 : 0).includes(':')) return 'A file path cannot contain ":" (after the drive letter).';
  const nameProblem = typeProblem(path.basename(p), 'The file');
  if (nameProblem) return nameProblem;
  return null;
}

/**
 * Checks a linked document path: an absolute local path (not a URL), of an allowed document type,
 * whose real file (symbolic links resolved) exists, is a regular file of an allowed type too,
 * and is not marked executable. Returns why not, or null.
 */
export function checkDocumentPath(p: string): string | null {
  if (p === '') return null;
  const shape = documentPathShapeProblem(p);
  if (shape) return shape;
  let real: string;
  try {
    real = fs.realpathSync(p);
  } catch {
    return `There is no file at ${p}. Check the path, or save the document first.`;
  }
  const stat = fs.statSync(real);
  if (!stat.isFile()) return `${p} is not a file. Link the document itself.`;
  if (real !== path.resolve(p)) {
    const targetProblem = typeProblem(path.basename(real), `The link points to ${real}, which`);
    if (targetProblem) return targetProblem;
  }
  // Windows has no execute bit; elsewhere a document marked executable is a program in disguise.
  if (process.platform !== 'win32' && (stat.mode & 0o111) !== 0) return `${real} is marked as a program (executable). Remove that mark (chmod a-x) if it is a document, then link it.`;
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

/**
 * What the desktop shell opens for a linked document, checked at the moment of opening (the file
 * may have been replaced since it was linked): the real file, so a link swapped after the check
 * is not followed to somewhere else.
 */
export function documentToOpen(ctx: ServiceContext, p: string): { path: string } | { problem: string } {
  const problem = openableDocumentProblem(ctx, p);
  if (problem) return { problem };
  return { path: fs.realpathSync(p) };
}
