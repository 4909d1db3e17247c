// Compile-time checks of the helpers in types.ts (vitest's expectTypeOf is checked by vue-tsc
// in `npm run build`; at run time these are no-ops).
import { describe, expectTypeOf, it } from 'vitest';
import type { Answer, Body, Item, Query } from './types';

describe('API type helpers', () => {
  it('pick bodies, answers, query parameters and list items out of the generated paths', () => {
    expectTypeOf<Body<'post', '/api/v1/requests'>['category']>().toEqualTypeOf<string>();
    expectTypeOf<Body<'post', '/api/v1/requests'>['location']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Answer<'post', '/api/v1/requests', 201>['tracking_code']>().toEqualTypeOf<string>();
    expectTypeOf<Answer<'get', '/api/v1/track/{code}'>['resolved_at']>().toEqualTypeOf<string | null>();
    expectTypeOf<Answer<'get', '/api/v1/track/{code}', 404>>().toHaveProperty('error');
    expectTypeOf<Item<Answer<'get', '/api/v1/requests'>>['id']>().toEqualTypeOf<number>();
    expectTypeOf<Query<'get', '/api/v1/requests'>>().not.toBeNever();
    // A route the API tests never answered successfully has no answer schema.
    expectTypeOf<Answer<'post', '/api/v1/timebank/services/{id}/dispute'>>().toBeNever();
  });
});
