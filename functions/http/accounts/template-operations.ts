import * as z from 'zod/mini';
import { KNOWN_ACCOUNT_TYPES } from '../../accounts/enums.js';
import { patchTemplateSchema, TEMPLATE_READ_ONLY, templateSchema } from '../../accounts/template-schemas.js';
import { createTemplate, deleteTemplate, getTemplate, listTemplates, putTemplate, updateTemplate } from '../../accounts/templates.js';
import { templateView } from '../../accounts/views.js';
import { withoutReadOnly } from '../../shared/schemas/common.js';
import { parseWith } from '../../shared/validation.js';
import { created, ok, type ApiRequest, type Operation } from '../api-request.js';
import { listBody, pagingOf, pagingParams, parseQuery } from '../list-query.js';
import { accountsContext, pathId } from './context.js';

// `/accounts/templates[/{template_id}]` (contract §5); PATCH is the v2 partial update.

export const templateListQuery = z.strictObject({ ...pagingParams, account_type: z.optional(z.enum(KNOWN_ACCOUNT_TYPES)) });

const bodyOf = <S extends z.ZodMiniType>(request: ApiRequest, schema: S): z.infer<S> =>
  parseWith(schema, withoutReadOnly(request.body, TEMPLATE_READ_ONLY));

const create: Operation = async (request) =>
  created(templateView(await createTemplate(accountsContext(request), bodyOf(request, templateSchema))));

const get: Operation = async (request) => ok(templateView(await getTemplate(accountsContext(request), pathId(request, 'template_id'))));

const put: Operation = async (request) =>
  ok(templateView(await putTemplate(accountsContext(request), pathId(request, 'template_id'), bodyOf(request, templateSchema))));

const patch: Operation = async (request) =>
  ok(templateView(await updateTemplate(accountsContext(request), pathId(request, 'template_id'), bodyOf(request, patchTemplateSchema))));

const remove: Operation = async (request) => {
  const removed = await deleteTemplate(accountsContext(request), pathId(request, 'template_id'));
  return ok({ id: removed.id, resource: 'account_template' });
};

const list: Operation = async (request) => {
  const q = parseQuery(request, templateListQuery);
  const { scope, ...paging } = await pagingOf(request, {});
  const type = q.account_type;
  const page = await listTemplates(accountsContext(request), {
    ...paging,
    ...(type ? { match: (t) => t.template.account_type === type } : {}),
  });
  return ok(listBody(request, 'account_templates', scope, page, templateView));
};

export const templateOperations = { create, get, put, patch, remove, list };
