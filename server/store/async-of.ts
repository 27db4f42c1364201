/** The asynchronous face of a set of synchronous functions: what the main thread calls for work done in another. */
export type AsyncOf<T> = { [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : never };
