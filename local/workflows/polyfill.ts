// aws-local-stepfunctions 3 calls Promise.withResolvers (Node 22+); the twin runs on Node 20.
// Imported before the library, once.

export type Resolvers<T> = { promise: Promise<T>; resolve: (value: T | PromiseLike<T>) => void; reject: (reason?: unknown) => void };

const promiseConstructor = Promise as unknown as { withResolvers?: <T>() => Resolvers<T> };

if (typeof promiseConstructor.withResolvers !== 'function') {
  promiseConstructor.withResolvers = <T>(): Resolvers<T> => {
    let resolve!: Resolvers<T>['resolve'];
    let reject!: Resolvers<T>['reject'];
    const promise = new Promise<T>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  };
}

/** The same, typed for this repository's ES2023 lib. */
export const deferred = <T>(): Resolvers<T> => (promiseConstructor.withResolvers as <U>() => Resolvers<U>)<T>();
