import type { Checklist, ChecklistItem, SignatureView } from '../../contract';
import { ITEM_STATUS_LABELS, SIGNATURE_STATE_LABELS } from '../../contract';
import { itemEntries } from './itemCells';
import { para, note } from './word/blocks';
import { section, type ReportSection } from './word/report';
import { table } from './word/tables';

export interface EvidenceCounts {
  /** Approved items with a valid electronic signature. */
  signedApprovals: number;
  /** Approved items without one (approved before signatures, or their signature superseded or failing). */
  unsignedApprovals: number;
  /** Approved or submitted items with no linked document and no note saying where the evidence is. */
  doneWithoutEvidence: number;
}

const isDoneStatus = (item: ChecklistItem) => item.status === 'approved' || item.status === 'submitted';
const hasEvidence = (item: ChecklistItem) => item.documentPath.trim() !== '' || item.notes.trim() !== '';

export function validApprovalOf(item: ChecklistItem, signatures: readonly SignatureView[]): SignatureView | undefined {
  return signatures.find((s) => s.kind === 'checklist_item' && s.recordId === item.id && s.state === 'valid');
}

/** The three counts readiness shows separately: signed approvals, unsigned (legacy) approvals, done without evidence. */
export function evidenceCounts(checklists: readonly Checklist[], signatures: readonly SignatureView[]): EvidenceCounts {
  const items = checklists.flatMap((c) => c.items).filter((i) => i.applicable);
  const approved = items.filter((i) => i.status === 'approved');
  const signed = approved.filter((i) => validApprovalOf(i, signatures)).length;
  return { signedApprovals: signed, unsignedApprovals: approved.length - signed, doneWithoutEvidence: items.filter((i) => isDoneStatus(i) && !hasEvidence(i)).length };
}

export const countsLine = (c: EvidenceCounts) =>
  `${c.signedApprovals} approved with an electronic signature; ${c.unsignedApprovals} approved without one (legacy or superseded); ${c.doneWithoutEvidence} done without evidence`;

/** Per done item: what stands behind the status (document, note, who signed and when). */
export function evidenceSection(checklists: readonly Checklist[], signatures: readonly SignatureView[]): ReportSection {
  const done = itemEntries(checklists, (i) => i.applicable && isDoneStatus(i));
  return section({
    title: 'Evidence behind done items',
    landscape: true,
    empty: done.length === 0 && 'No item is approved or submitted yet.',
    children: [
      para(countsLine(evidenceCounts(checklists, signatures)) + '.'),
      table({
        rows: done,
        columns: [
          { header: 'Item', width: 28, cell: ({ item }) => item.title },
          { header: 'Status', width: 9, cell: ({ item }) => ITEM_STATUS_LABELS[item.status] },
          { header: 'Linked document', width: 18, cell: ({ item }) => item.documentPath.trim() || '—' },
          { header: 'Note (where the evidence is)', width: 18, cell: ({ item }) => item.notes.trim() || (hasEvidence(item) ? '—' : 'No evidence recorded') },
          {
            header: 'Approved by (signature)',
            width: 27,
            cell: ({ item }) => validApprovalOf(item, signatures)?.manifestation ?? (item.status === 'approved' ? 'No valid electronic signature (legacy approval)' : '—'),
          },
        ],
      }),
    ],
  });
}

/** Every electronic signature of the product, as 21 CFR 11.50 asks: printed name, date and time with zone, meaning; and its state. */
export function signaturesSection(signatures: readonly SignatureView[]): ReportSection {
  return section({
    title: 'Electronic signatures',
    landscape: true,
    empty: signatures.length === 0 && 'No electronic signature on this product yet.',
    children: [
      note('Each signature covers a hash of the signed record at signing time, signed with this installation\'s Ed25519 key. A change to the record afterwards supersedes the signature.'),
      table({
        rows: [...signatures],
        columns: [
          { header: 'Signed record', width: 30, cell: (s) => s.record },
          { header: 'Printed name', width: 16, cell: (s) => s.printedName },
          { header: 'Meaning', width: 14, cell: (s) => s.meaning },
          { header: 'Date and time', width: 20, cell: (s) => s.manifestation.split(' — ').slice(2).join(' — ') },
          { header: 'State', width: 20, cell: (s) => (s.state === 'valid' ? SIGNATURE_STATE_LABELS.valid : `${SIGNATURE_STATE_LABELS[s.state]}${s.state === 'invalid' ? `: ${s.problems.join('; ')}` : ''}`) },
        ],
      }),
    ],
  });
}

const SIGNATURE_COLUMNS = ['Name (printed)', 'Role', 'Signature meaning\n(review / approval / responsibility / authorship)', 'Signature', 'Date and time'];
const SIGNATURE_WIDTHS = [22, 18, 24, 22, 14];

/** Signature block in the form 21 CFR 11.50 asks a signed record to show. */
export function signOffSection(subject: string, signed: readonly SignatureView[] = []): ReportSection {
  return section({
    title: 'Sign-off',
    children: [
      para(`By signing, each person below records that they have ${subject}, with the meaning they state.`),
      note('21 CFR 11.50: a signed record shows the printed name of the signer, the date and time of signing, and the meaning of the signature (such as review, approval, responsibility or authorship).'),
      table({
        rowHeight: 720,
        rows: [...signed, ...Array.from({ length: Math.max(1, 4 - signed.length) }, () => null)],
        columns: SIGNATURE_COLUMNS.map((header, i) => ({
          header,
          width: SIGNATURE_WIDTHS[i]!,
          // Electronic signatures fill their rows (name, meaning, "Signed electronically", date and time with zone); the rest stay blank for ink.
          cell: (s: SignatureView | null) => (s === null ? '' : [s.printedName, '', s.meaning, `Signed electronically (key ${s.keyFingerprint.slice(0, 9)})`, s.manifestation.split(' — ').slice(2).join(' — ')][i]!),
        })),
      }),
    ],
  });
}
