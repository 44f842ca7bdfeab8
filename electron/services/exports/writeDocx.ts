import { type Document, Packer } from 'docx';
import { FILE_SUFFIXES, writeFileAtomic } from '../files';

export async function toBuffer(doc: Document): Promise<Buffer> {
  return Packer.toBuffer(doc);
}

/** The document's bytes with the suffix its file must have, for saveExport. */
export async function docxFile(doc: Document): Promise<{ bytes: Buffer; suffix: typeof FILE_SUFFIXES.docx }> {
  return { bytes: await toBuffer(doc), suffix: FILE_SUFFIXES.docx };
}

/** The document as a .docx file, written atomically (see writeFileAtomic): never a partial file. */
export async function writeDocxAtomic(doc: Document, outPath: string): Promise<{ path: string; bytes: number }> {
  return writeFileAtomic(outPath, await toBuffer(doc), FILE_SUFFIXES.docx);
}
