import { changedFields, newEvent, type EventType } from '../events/model.js';
import { AlreadyExists, notFound } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { type Page, retryOnConflict } from '../shared/page.js';
import type { AccountsContext } from './context.js';
import type { TemplateRecord } from './model.js';
import { TemplateNameTaken, type ListCriteria } from './ports.js';
import { assertReferences } from './references.js';
import type { PatchTemplateInput, TemplateInput } from './template-schemas.js';
import { newTemplate, patchTemplate, replaceTemplate } from './template-rules.js';
import { templateView } from './views.js';

// Account template use-cases (contract §5). Editing or deleting a template never touches the
// accounts created from it: their values were copied at creation.

const nameTaken = (name: string) => new AlreadyExists(`an account template named "${name}" already exists`);

const templateEvent = (ctx: AccountsContext, type: EventType, template: TemplateRecord, before?: TemplateRecord) =>
  newEvent(ctx.clock, {
    type,
    tenant: ctx.tenantId,
    resource_id: template.id,
    event_resource: templateView(template),
    ...(before ? { event_resource_changed_fields: changedFields(templateView(before), templateView(template)) } : {}),
    audit: ctx.audit,
  });

const withNameClaim = async <T>(name: string, write: () => Promise<T>): Promise<T> => {
  try {
    return await write();
  } catch (error) {
    if (error instanceof TemplateNameTaken) throw nameTaken(name);
    throw error;
  }
};

const checkReferences = (ctx: AccountsContext, template: TemplateRecord) =>
  assertReferences(ctx, template.template.account_type, template.template);

export const createTemplate = (ctx: AccountsContext, input: TemplateInput): Promise<TemplateRecord> =>
  retryOnConflict(async () => {
    const template = newTemplate(input, { id: newId(), tenant: ctx.tenantId, now: ctx.clock.now().toISOString() });
    // A line-of-credit template's product is guarded like an account's (products.ts).
    const { product } = await checkReferences(ctx, template);
    await withNameClaim(template.name, () =>
      ctx.templates.insertTemplate(template, templateEvent(ctx, 'ACCOUNT_TEMPLATE.CREATED', template), product),
    );
    return template;
  });

export const getTemplate = async (ctx: AccountsContext, id: string): Promise<TemplateRecord> => {
  const template = await ctx.templates.getTemplate(ctx.tenantId, id);
  if (!template) throw notFound('account template');
  return template;
};

const update = (
  ctx: AccountsContext,
  id: string,
  change: (current: TemplateRecord, now: string) => TemplateRecord,
): Promise<TemplateRecord> =>
  retryOnConflict(async () => {
    const current = await getTemplate(ctx, id);
    const next = change(current, ctx.clock.now().toISOString());
    const { product } = await checkReferences(ctx, next);
    const event = templateEvent(ctx, 'ACCOUNT_TEMPLATE.UPDATED', next, current);
    await withNameClaim(next.name, () => ctx.templates.replaceTemplate(next, current, event, product));
    return next;
  });

/** PUT: full replacement. */
export const putTemplate = (ctx: AccountsContext, id: string, input: TemplateInput) =>
  update(ctx, id, (current, now) => replaceTemplate(current, input, now));

/** v2 PATCH: partial update. */
export const updateTemplate = (ctx: AccountsContext, id: string, input: PatchTemplateInput) =>
  update(ctx, id, (current, now) => patchTemplate(current, input, now));

export const deleteTemplate = (ctx: AccountsContext, id: string): Promise<TemplateRecord> =>
  retryOnConflict(async () => {
    const current = await getTemplate(ctx, id);
    await ctx.templates.deleteTemplate(current, templateEvent(ctx, 'ACCOUNT_TEMPLATE.DELETED', current));
    return current;
  });

export const listTemplates = (ctx: AccountsContext, criteria: ListCriteria<TemplateRecord>): Promise<Page<TemplateRecord>> =>
  ctx.templates.listTemplates(ctx.tenantId, criteria);
