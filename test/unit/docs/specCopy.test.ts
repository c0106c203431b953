import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const copy = new URL('../../../docs/spec/', import.meta.url);
const shared = new URL('../../../../shared/spec/', import.meta.url);

describe('docs/spec', () => {
  it('holds every contract, byte for byte as the team keeps it (checked where ../shared/spec is beside the checkout)', () => {
    const ours = readdirSync(copy).filter((f) => f.endsWith('.md')).sort();
    expect(ours).toEqual(expect.arrayContaining(['logs.md', 'domain-modules.md', 'sources.md']));
    if (!existsSync(shared)) return;
    expect(ours).toEqual(readdirSync(shared).filter((f) => f.endsWith('.md')).sort());
    for (const f of ours) expect(readFileSync(new URL(f, copy), 'utf8'), f).toBe(readFileSync(new URL(f, shared), 'utf8'));
  });
});
