import fdaIndPhase12 from '../../../templates/pathways/fda-ind-secretome-phase1-2.json';
import fdaInd from '../../../templates/pathways/fda-ind-secretome.json';
import { parsePathwayTemplate, type PathwayTemplate } from '../../domain/pathwayTemplate';
import { AppError } from '../errors';

/**
 * The shipped pathway templates, bundled with the app and validated when this module loads:
 * a broken template stops start-up with a message naming the file and field, rather than
 * failing halfway through creating a product.
 */
export const PATHWAY_TEMPLATES: readonly PathwayTemplate[] = [
  parsePathwayTemplate(fdaInd, 'templates/pathways/fda-ind-secretome.json'),
  parsePathwayTemplate(fdaIndPhase12, 'templates/pathways/fda-ind-secretome-phase1-2.json'),
];

export const DEFAULT_PATHWAY_TEMPLATE_ID = PATHWAY_TEMPLATES[0]!.id;

export function pathwayTemplate(id: string): PathwayTemplate {
  const template = PATHWAY_TEMPLATES.find((t) => t.id === id);
  if (!template) {
    throw new AppError('NOT_FOUND', `There is no pathway template "${id}". Choose one of: ${PATHWAY_TEMPLATES.map((t) => t.id).join(', ')}.`, [
      { path: 'templateId', message: `Unknown template "${id}"` },
    ]);
  }
  return template;
}
