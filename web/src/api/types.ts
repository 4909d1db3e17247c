// The API's request and response shapes, read from the server's OpenAPI document
// (openapi.json, copied from `gongzhi openapi`; schema.gen.ts is what openapi-typescript makes
// of it — `npm run api-types` after copying a new one, schema.test.ts fails when forgotten).
//
//   Body<'post', '/api/v1/requests'>              what the route takes as JSON
//   Answer<'get', '/api/v1/track/{code}'>         what it answers with 200 (or the status given)
//   Query<'get', '/api/v1/requests'>              its query parameters
//   Item<Answer<'get', '/api/v1/requests'>>       one element of a list answer's `items`
//
// The document is inferred from what the API tests sent and got back, so it has no string
// enums (a status is `string`; the modules narrow it with `Omit<…> & { status: Status }`), and
// a field the tests only ever saw as null is typed `null` (the modules widen it the same way).
// A route the tests never answered successfully has no answer schema: Answer gives `never`,
// and the module keeps its own interface.
import type { paths } from './schema.gen';

export type { paths };

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** The paths that have an operation for this method. */
export type PathOf<M extends Method> = {
  [P in keyof paths]: paths[P] extends { [K in M]: object } ? P : never;
}[keyof paths];

/** The operation object of `M P`. */
export type Operation<M extends Method, P extends PathOf<M>> = paths[P] extends { [K in M]: infer O } ? O : never;

type Json<T> = T extends { content: { 'application/json': infer J } } ? J : never;

/** The JSON request body of `M P`. */
export type Body<M extends Method, P extends PathOf<M>> = Operation<M, P> extends { requestBody?: infer R }
  ? Json<NonNullable<R>>
  : never;

/** The JSON answer of `M P` with status S (200 unless given). */
export type Answer<M extends Method, P extends PathOf<M>, S extends number = 200> = Operation<M, P> extends {
  responses: infer R;
}
  ? S extends keyof R
    ? Json<R[S]>
    : never
  : never;

/** The query parameters of `M P`. */
export type Query<M extends Method, P extends PathOf<M>> = Operation<M, P> extends {
  parameters: { query?: infer Q };
}
  ? NonNullable<Q>
  : never;

/** One element of a list answer's `items`. */
export type Item<A> = A extends { items: (infer I)[] } ? I : never;

/** T with the keys of U replaced by U's types (narrowing strings to unions, widening nulls). */
export type With<T, U> = Omit<T, keyof U> & U;
