import { describe, expect, it } from 'vitest';
import { headerDomainNote, namedDomainNote } from '../../../src/logs/headerDomainNote';
import { domainOfSource, sourceOf } from '../../../src/logs/cloudEventWriter';

describe('headerDomainNote', () => {
  it('names both domains; for a module (an id no bundled domain has) it says how `id` names the same domain', () => {
    expect(headerDomainNote('profiles', 'commerce')).toBe('the log\'s header names domain "profiles"; it was replayed with domain "commerce", as chosen');
    expect(headerDomainNote('seats', 'seats-v2')).toBe(
      'the log\'s header names domain "seats"; it was replayed with domain "seats-v2", as chosen (a domain module without `id` is named after its file; `id: "seats"` in it names the same domain)',
    );
  });

  it('when the chosen domain does not know some of the types, says to replay with the domain named: bundled by its id, else its module (nothing of `id`: another domain); a log refused was read with the domain, not replayed', () => {
    expect(headerDomainNote('profiles', 'commerce', true)).toBe(
      'the log\'s header names domain "profiles"; it was replayed with domain "commerce", as chosen; "commerce" does not know some of its types: replay it with domain "profiles" instead',
    );
    expect(namedDomainNote({ domain: 'profiles', by: 'header' }, 'commerce', true, true)).toBe(
      'the log\'s header names domain "profiles"; it was read with domain "commerce", as chosen; "commerce" does not know some of its types: replay it with domain "profiles" instead',
    );
    expect(headerDomainNote('library', 'commerce', true)).toBe(
      'the log\'s header names domain "library"; it was replayed with domain "commerce", as chosen; "commerce" does not know some of its types: replay it with the domain module of "library" instead',
    );
  });
});

describe('namedDomainNote of CloudEvents', () => {
  it('names the source that names the domain, in the same words as a header', () => {
    const named = { domain: 'commerce', by: 'source', source: '/purestream/commerce' } as const;
    expect(namedDomainNote(named, 'profiles')).toBe('the log\'s CloudEvents source "/purestream/commerce" names domain "commerce"; it was replayed with domain "profiles", as chosen');
    expect(namedDomainNote(named, 'library', true)).toBe(
      'the log\'s CloudEvents source "/purestream/commerce" names domain "commerce"; it was replayed with domain "library", as chosen; "library" does not know some of its types: replay it with domain "commerce" instead',
    );
  });
});

describe('domainOfSource', () => {
  it('reads back the domain sourceOf wrote, and nothing from another source', () => {
    for (const domain of ['commerce', 'library', 'seats-v2']) expect(domainOfSource(sourceOf(domain))).toBe(domain);
    for (const source of ['/purestream/', '/purestream/a/b', 'https://shop.example/orders', 'purestream/commerce', '/purestreams/x']) expect(domainOfSource(source)).toBeUndefined();
  });
});
