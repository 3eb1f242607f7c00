// Sample events in events/ for functions that API Gateway does not call carry a marker naming
// their function, so `npm run replay` never guesses:
//   { "_bankline": { "function": "closure-starter", "tenant": "old bank" }, ...the event }
// `tenant` (optional, default the sample tenant) is whose API key resolves `{{..._id}}`
// placeholders. Replay strips the marker: the handler receives exactly what AWS would send.

export const MARKER_KEY = '_bankline';

export interface SampleMarker {
  readonly function: string;
  readonly tenant?: string;
}

export class MarkerError extends Error {}

export const markerOf = (event: Record<string, unknown>): SampleMarker | undefined => {
  const marker = event[MARKER_KEY];
  if (marker === undefined) return undefined;
  const { function: name, tenant } = (marker ?? {}) as Record<string, unknown>;
  if (typeof name !== 'string' || (tenant !== undefined && typeof tenant !== 'string')) {
    throw new MarkerError(`"${MARKER_KEY}" must be {"function": "<registry name>", "tenant"?: "<tenant name>"}`);
  }
  return { function: name, ...(tenant === undefined ? {} : { tenant }) };
};

export const withMarker = (marker: SampleMarker, event: unknown): Record<string, unknown> => ({
  [MARKER_KEY]: marker,
  ...(event as object),
});

export const withoutMarker = (event: Record<string, unknown>): Record<string, unknown> => {
  const { [MARKER_KEY]: _marker, ...rest } = event;
  return rest;
};
