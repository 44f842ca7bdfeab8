import clinical from '../../../templates/checklists/clinical.json';
import cmc from '../../../templates/checklists/cmc-secretome.json';
import ind from '../../../templates/checklists/ind-initial.json';
import preIndMeeting from '../../../templates/checklists/pre-ind-meeting.json';
import preclinical from '../../../templates/checklists/preclinical.json';
import { assertUniqueAcrossTemplates, crossTemplateIdIssues, parseChecklistTemplate, ChecklistTemplateError, type ChecklistTemplate } from '../../domain/checklistTemplate';
import type { ServiceContext } from '../context';
import { AppError } from '../errors';

/** The shipped templates, validated when this module loads (a broken file stops start-up, naming file and item). */
export const DEFAULT_CHECKLIST_TEMPLATES: readonly ChecklistTemplate[] = (() => {
  const templates = [
    parseChecklistTemplate(ind, 'templates/checklists/ind-initial.json'),
    parseChecklistTemplate(cmc, 'templates/checklists/cmc-secretome.json'),
    parseChecklistTemplate(preclinical, 'templates/checklists/preclinical.json'),
    parseChecklistTemplate(preIndMeeting, 'templates/checklists/pre-ind-meeting.json'),
    parseChecklistTemplate(clinical, 'templates/checklists/clinical.json'),
  ];
  assertUniqueAcrossTemplates(templates);
  return templates;
})();

/** Defaults plus the organisation's imported templates (stored validated; parsed again on use). */
export function allChecklistTemplates(ctx: ServiceContext): ChecklistTemplate[] {
  const imported = ctx.repos.checklists.importedTemplates().map((row) => parseChecklistTemplate(JSON.parse(row.body), row.file_name));
  return [...DEFAULT_CHECKLIST_TEMPLATES, ...imported];
}

export function isImported(templateId: string): boolean {
  return !DEFAULT_CHECKLIST_TEMPLATES.some((t) => t.id === templateId);
}

/**
 * Validates an organisation's template file completely before anything is stored: JSON syntax,
 * the template schema (errors name the item and field), and ids that would collide with the
 * shipped templates. Re-importing a template with the same id replaces the earlier import.
 */
export function validateImport(ctx: ServiceContext, fileName: string, content: string): ChecklistTemplate {
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch (error) {
    const detail = error instanceof SyntaxError ? error.message : 'unreadable';
    throw new AppError('VALIDATION', `${fileName} is not valid JSON (${detail}). Nothing was imported.`, [{ path: 'content', message: detail }]);
  }
  let template: ChecklistTemplate;
  try {
    template = parseChecklistTemplate(json, fileName);
  } catch (error) {
    if (error instanceof ChecklistTemplateError) {
      throw new AppError('VALIDATION', `${error.message}\nNothing was imported.`, error.issues.map((i) => ({ path: i.path, message: i.message })));
    }
    throw error;
  }
  if (DEFAULT_CHECKLIST_TEMPLATES.some((t) => t.id === template.id)) {
    throw new AppError('CONFLICT', `${fileName}: the template id "${template.id}" is one of the shipped templates. Give your template its own id (and prefix its item ids with it). Nothing was imported.`);
  }
  const others = allChecklistTemplates(ctx).filter((t) => t.id !== template.id);
  const clashes = crossTemplateIdIssues([...others, template]);
  if (clashes.length > 0) {
    throw new AppError('VALIDATION', `${fileName}: ${clashes.join('; ')}. Nothing was imported.`, clashes.map((message) => ({ path: 'items', message })));
  }
  return template;
}
