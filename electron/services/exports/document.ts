/*
 * What callers outside this folder use: the Word files are built by the builders next to this
 * file (indChecklist, plan, auditExtract, planningSummary) from the toolkit in word/.
 */
export { PAPER_SIZES, type Paper } from './word/page';
export { docxFile, toBuffer, writeDocxAtomic } from './writeDocx';
export { saveExport } from './save';
