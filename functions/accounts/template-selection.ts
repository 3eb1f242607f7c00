import { badRequest, NotFound, RuleViolation } from '../shared/errors.js';
import type { AccountsContext } from './context.js';
import type { TemplateRecord } from './model.js';
import type { CreateAccountInput } from './schemas.js';
import { assertCreatableType } from './template-rules.js';

// Which template an account is created from (contract §2.4, `account_template_id`): the one
// named, or else the single enabled template of the requested type. One read either way.

export const selectTemplate = async (ctx: AccountsContext, input: CreateAccountInput): Promise<TemplateRecord> => {
  const requestedType = input.account_type === undefined ? undefined : assertCreatableType(input.account_type);
  if (input.account_template_id !== undefined) {
    const id = input.account_template_id.toLowerCase();
    const template = await ctx.templates.getTemplate(ctx.tenantId, id);
    if (!template) throw new NotFound(`account_template_id: account template ${id} not found`);
    if (!template.is_enabled) {
      throw new RuleViolation(`account_template_id: account template ${id} is disabled and cannot be used to create accounts`);
    }
    if (requestedType !== undefined && requestedType !== template.template.account_type) {
      throw badRequest(
        `account_type ${requestedType} does not match account_type ${template.template.account_type} of account template ${id}`,
      );
    }
    return template;
  }
  if (requestedType === undefined) throw badRequest('account_type is required when account_template_id is not sent');
  const enabled = (await ctx.templates.templatesOfType(ctx.tenantId, requestedType)).filter((t) => t.is_enabled);
  if (enabled.length === 0) {
    throw badRequest(`no enabled account template of account_type ${requestedType}; create or enable one, or send account_template_id`);
  }
  if (enabled.length > 1) {
    throw badRequest(
      `${enabled.length} enabled account templates of account_type ${requestedType} match; send account_template_id to choose one`,
    );
  }
  return enabled[0]!;
};
