// Dependency rules of the layering in design.md, checked by `npm run deps`.
//
// A domain folder is any functions/<dir> that is not one of the edge or shared folders below, so a
// new domain (ledger, closure, mappings, ...) is covered the day its folder appears.
// routes/ and route-schemas/ are the parts of functions/routes.ts and functions/route-schemas.ts, not domains.
const NOT_DOMAIN = 'adapters|http|shared|wiring|streams|queues|schedules|workflows|routes|route-schemas';
/** A module inside a domain folder. */
const DOMAIN_MODULE = `^functions/(?!(?:${NOT_DOMAIN})/)[^/]+/`;
/** A domain folder itself (folder-scope rules see folder names without a trailing slash); group 1 is its name. */
const DOMAIN_FOLDER = `^functions/(?!(?:${NOT_DOMAIN})$)([^/]+)$`;
/** A domain folder or one below it. */
const DOMAIN_TREE = `^functions/(?!(?:${NOT_DOMAIN})(?:/|$))[^/]+(?:/|$)`;
// The AWS SDK v3 packages and their Smithy runtime, and the old v2 SDK; resolved or not.
const AWS_SDK = '^(?:node_modules/)?(?:@aws-sdk|@smithy|aws-sdk)(?:/|$)';
// Lambda's event and result types (@types/aws-lambda): the HTTP edge's shapes, not the domain's.
// Domains every other domain may build on: the outbox event model and Idempotency-Key rules.
const SHARED_KERNELS = 'events|idempotency';
const LAMBDA_TYPES = '^(?:node_modules/)?(?:@types/)?aws-lambda(?:/|$)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-stays-pure',
      severity: 'error',
      comment:
        'Domain folders hold rules, use-cases and ports; they reach storage and the outside world only through ports, never through adapters, HTTP (or the Lambda event types), the twin (local/), CDK (lib/) or an AWS SDK.',
      from: { path: DOMAIN_MODULE },
      to: { path: ['^functions/(?:adapters|http)/', '^local/', '^lib/', AWS_SDK, LAMBDA_TYPES] },
    },
    {
      name: 'no-cycles-between-domains',
      severity: 'error',
      comment: 'Domains talk through ports or outbox events; a domain that needs another one depends on it one way only.',
      scope: 'folder',
      from: { path: DOMAIN_FOLDER },
      to: { path: DOMAIN_TREE, pathNot: '^functions/$1(?:/|$)', circular: true },
    },
    {
      name: 'domains-only-share-kernels',
      severity: 'error',
      comment:
        'A business domain never imports another one; it may use the shared kernels events/ (outbox event model) and idempotency/. Other domains are reached through ports the importing domain declares and functions/wiring/ binds.',
      from: { path: `^functions/(?!(?:${NOT_DOMAIN})/)([^/]+)/` },
      to: { path: `^functions/(?!(?:${NOT_DOMAIN}|${SHARED_KERNELS})/)[^/]+/`, pathNot: '^functions/$1/' },
    },
    {
      name: 'routes-stay-pure-data',
      severity: 'error',
      comment:
        'functions/routes.ts and its parts under functions/routes/ are the route table the CDK app, the twin and every handler read: pure data, importing nothing but each other, so reading it never pulls handler code.',
      from: { path: '^functions/routes(?:\\.ts$|/)' },
      to: { pathNot: '^functions/routes(?:\\.ts$|/)' },
    },
    {
      name: 'route-schemas-not-in-lambdas',
      severity: 'error',
      comment:
        'functions/route-schemas.ts (and its parts under functions/route-schemas/) maps every route to its schemas for the OpenAPI document (lib/openapi/) and the tests; it pulls every domain, so no Lambda code imports it.',
      from: { path: '^functions/', pathNot: '^functions/route-schemas(?:\\.ts$|/)' },
      to: { path: '^functions/route-schemas(?:\\.ts$|/)' },
    },
    {
      name: 'functions-not-to-twin-or-cdk',
      severity: 'error',
      comment:
        'Lambda code is deployed alone: it must not import the local twin (local/) or the CDK app (lib/); those import functions/, never the other way.',
      from: { path: '^functions/' },
      to: { path: ['^local/', '^lib/'] },
    },
  ],
  options: {
    // Type-only imports count: a domain that names an SDK or HTTP type is coupled to it all the same.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    parser: 'swc',
    // Edges into these are kept (that is what the rules check); what they import in turn is not walked.
    doNotFollow: { path: ['node_modules', '^local/', '^lib/'] },
    exclude: { path: ['^cdk\\.out/', '^\\.bankline/', '^coverage/'] },
    moduleSystems: ['es6', 'cjs'],
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    // Folder-level cycles are derived from the folder metrics.
    metrics: true,
  },
};
