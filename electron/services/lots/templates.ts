import cm from '../../../templates/specifications/conditioned-medium.json';
import ev from '../../../templates/specifications/ev.json';
import { SpecTemplate } from '../../contract';

/** Suggested starting specifications per product type (with citations), checked against the contract on load. */
export const SPEC_TEMPLATES: SpecTemplate[] = [ev, cm].map((t) => SpecTemplate.parse({ ...t, $comment: undefined }));

/** The template that suits a product's secretome fraction (exosomes use the EV one). */
export function templateFor(fraction: string): SpecTemplate | undefined {
  const wanted = fraction === 'exosome' ? 'ev' : fraction;
  return SPEC_TEMPLATES.find((t) => t.fraction === wanted);
}
