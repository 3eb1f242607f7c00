// Stands in for node:stream/web in Lambda bundles (lib/bundling.ts aliases it). @middy/core
// imports ReadableStream from there at load, for streamed responses no Bankline handler
// returns, and loading web streams costs every cold start about a millisecond. Each export is
// the real one, fetched from Node on first read (getBuiltinModule is not an import, so the
// alias does not apply to it).
let real;
const load = () => {
  real ??= process.getBuiltinModule('node:stream/web');
  return real;
};

const NAMES = [
  'ReadableStream',
  'ReadableStreamDefaultReader',
  'ReadableStreamBYOBReader',
  'ReadableStreamBYOBRequest',
  'ReadableByteStreamController',
  'ReadableStreamDefaultController',
  'TransformStream',
  'TransformStreamDefaultController',
  'WritableStream',
  'WritableStreamDefaultWriter',
  'WritableStreamDefaultController',
  'ByteLengthQueuingStrategy',
  'CountQueuingStrategy',
  'TextEncoderStream',
  'TextDecoderStream',
  'CompressionStream',
  'DecompressionStream',
];

for (const name of NAMES) Object.defineProperty(module.exports, name, { enumerable: true, get: () => load()[name] });
