import * as z from 'zod/mini';

// Building blocks for response schemas: the shapes Bankline answers with, strict, so a field the
// code did not mean to return fails a test (test/helpers/response-contract.ts checks every
// response of the integration and end-to-end suites against the OpenAPI document built from them).

export const dateTime = z.iso.datetime({ offset: true });
export const date = z.iso.date();
export const int = z.int();
/** Free-form JSON object returned exactly as the client sent it. */
export const jsonObject = z.record(z.string(), z.unknown());
export const currency = z.string().check(z.regex(/^[A-Z]{3}$/));

type ListShape<K extends string, S extends z.ZodMiniType> = { [P in K]: z.ZodMiniArray<S> } & {
  next_page_token: z.ZodMiniOptional<z.ZodMiniString<string>>;
};

/** A page of a list: the items under `key`, and `next_page_token` unless it is the last page. */
export const listOf = <K extends string, S extends z.ZodMiniType>(key: K, item: S) =>
  z.strictObject({ [key]: z.array(item), next_page_token: z.optional(z.string()) } as ListShape<K, S>);

/** `{}`: what Synctera answers where there is nothing to say (simulations, a revoked secret). */
export const emptySchema = z.strictObject({});

/** Synctera's error body (contract §1.6), `application/problem+json`, on every 4xx and 5xx. */
export const problemSchema = z.strictObject({
  type: z.string().check(z.regex(/^https:\/\/dev\.synctera\.com\/errors\/[a-z0-9-]+$/)),
  title: z.string(),
  status: z.int(),
  detail: z.string(),
  code: z.string().check(z.regex(/^[A-Z0-9_]+$/)),
});
