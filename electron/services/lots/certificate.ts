import type { Document } from 'docx';
import { JUDGEMENT_LABELS, LOT_PURPOSE_LABELS, LOT_STATUS_LABELS, SPEC_PHASE_LABELS, type LotView, type Product } from '../../contract';
import { cellMuted, cellText, cellWarning, note, para } from '../exports/word/blocks';
import type { Paper } from '../exports/word/page';
import { createReport, section } from '../exports/word/report';
import { table } from '../exports/word/tables';

export interface CertificateOptions {
  product: Product;
  view: LotView;
  paper?: Paper;
  generatedAt: string | Date;
}

/** The lot's conclusion in one sentence, as QA would sign it. */
export function conclusion(view: LotView): string {
  const { lot } = view;
  const spec = `specification v${view.spec.version} (${SPEC_PHASE_LABELS[view.spec.phase]})`;
  if (lot.counts.oos === 0 && lot.releaseBlockers.length === 0 && lot.counts.missing === view.lines.filter((l) => !l.attribute.required && l.judgement === 'missing').length) {
    return `Lot ${lot.lotNumber} meets ${spec}: every required result conforms.`;
  }
  const oos = view.lines.filter((l) => l.judgement === 'oos').map((l) => l.attribute.name);
  const missing = view.lines.filter((l) => l.judgement === 'missing' && l.attribute.required).map((l) => l.attribute.name);
  return [
    `Lot ${lot.lotNumber} does not meet every criterion of ${spec}.`,
    oos.length > 0 ? `Out of specification: ${oos.join(', ')}.` : '',
    missing.length > 0 ? `Results missing: ${missing.join(', ')}.` : '',
    lot.deviation ? `Deviation recorded: ${lot.deviation}` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/** A certificate of analysis for one lot: identification, each specified test with its result and judgement, the conclusion and sign-off lines. */
export function buildCertificate({ product, view, paper, generatedAt }: CertificateOptions): Document {
  const { lot } = view;
  return createReport({
    title: 'Certificate of analysis',
    subtitle: `Lot ${lot.lotNumber}${lot.illustrative ? ' — ILLUSTRATIVE EXAMPLE DATA' : ''}`,
    product,
    paper,
    generatedAt,
    tableOfContents: false,
    coverRows: [
      ['Lot number', lot.lotNumber],
      ['Purpose', LOT_PURPOSE_LABELS[lot.purpose]],
      ['Manufacture date', lot.manufacturedOn],
      ['Process version', lot.processVersion],
      ['Source', lot.source || '—'],
      ['Scale', lot.scale || '—'],
      ['Expiry / retest', [lot.expiryOn && `expiry ${lot.expiryOn}`, lot.retestOn && `retest ${lot.retestOn}`].filter(Boolean).join(', ') || '—'],
      ['Specification', `Version ${view.spec.version}, ${SPEC_PHASE_LABELS[view.spec.phase]}`],
      ['Status', `${LOT_STATUS_LABELS[lot.status]}${lot.releasedOn ? ` on ${lot.releasedOn}` : ''}`],
    ],
    sections: [
      section({
        title: 'Results against the specification',
        children: [
          table({
            rows: view.lines,
            columns: [
              { header: 'Test', width: 22, cell: (l) => [cellText(l.attribute.name), ...(l.attribute.required ? [] : [cellMuted('not required for release')])] },
              { header: 'Method', width: 22, cell: (l) => l.result?.method || l.attribute.method },
              { header: 'Acceptance criterion', width: 20, cell: (l) => l.attribute.criterion },
              { header: 'Result', width: 18, cell: (l) => (l.result ? [cellText(`${l.result.value}${l.attribute.unit ? ` ${l.attribute.unit}` : ''}`), cellMuted(`tested ${l.result.testedOn}${l.result.analyst ? `, ${l.result.analyst}` : ''}`)] : '—') },
              {
                header: 'Judgement',
                width: 18,
                cell: (l) =>
                  l.judgement === 'oos'
                    ? [cellWarning('Out of specification'), ...(l.result?.investigation ? [cellMuted(`Investigation: ${l.result.investigation}`)] : [cellWarning('No investigation recorded')])]
                    : JUDGEMENT_LABELS[l.judgement],
              },
            ],
          }),
          para(conclusion(view)),
          ...(lot.illustrative ? [note('Illustrative example data, not from a real manufacturing record.')] : []),
        ],
      }),
      section({
        title: 'Sign-off',
        children: [
          table({
            rows: ['Tested by (QC analyst)', 'Reviewed by (QC)', 'Released by (QA / qualified person)'],
            rowHeight: 720,
            columns: [
              { header: 'Role', width: 34, cell: (r) => r },
              { header: 'Name', width: 26, cell: () => '' },
              { header: 'Signature', width: 24, cell: () => '' },
              { header: 'Date', width: 16, cell: () => '' },
            ],
          }),
        ],
      }),
    ],
  });
}
