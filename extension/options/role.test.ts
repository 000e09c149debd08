import { describe, expect, it } from 'vitest';
import type { ApiCallResult } from '../lib/messages';
import { roleFromTokenListAnswer } from './role';

const answer = (status: number, ok: boolean, message: string | null = null): ApiCallResult => ({
  ok,
  status,
  etag: null,
  body: null,
  kind: ok ? null : 'rejected',
  message,
  errors: [],
});

describe('role inference from the admin-only token list', () => {
  it('is admin when the list answers', () => {
    expect(roleFromTokenListAnswer(answer(200, true))).toBe('admin');
  });
  it('reads the role a 403 names, else says member', () => {
    expect(
      roleFromTokenListAnswer(answer(403, false, 'This needs the admin role; the token "ann" has marketer.')),
    ).toBe('marketer');
    expect(roleFromTokenListAnswer(answer(403, false, 'This needs the admin role; the token "bo" has rep.'))).toBe(
      'rep',
    );
    expect(roleFromTokenListAnswer(answer(403, false, 'Forbidden'))).toBe('member');
  });
  it('cannot tell when the token is refused or the API is away', () => {
    expect(roleFromTokenListAnswer(answer(401, false))).toBeNull();
    expect(roleFromTokenListAnswer({ ...answer(0, false), status: null })).toBeNull();
  });
});
