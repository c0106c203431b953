import { describe, expect, it } from 'vitest';
import { headerDomainNote } from '../../../src/logs/headerDomainNote';

describe('headerDomainNote', () => {
  it('names both domains; for a module (an id no bundled domain has) it says how `id` names the same domain', () => {
    expect(headerDomainNote('profiles', 'commerce')).toBe('the log\'s header names domain "profiles"; it was replayed with domain "commerce", as chosen');
    expect(headerDomainNote('seats', 'seats-v2')).toBe(
      'the log\'s header names domain "seats"; it was replayed with domain "seats-v2", as chosen (a domain module without `id` is named after its file; `id: "seats"` in it names the same domain)',
    );
  });
});
