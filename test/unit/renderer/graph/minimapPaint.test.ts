import { describe, expect, it } from 'vitest';
import { minimapPaint } from '../../../../renderer/lib/graph/minimapPaint';

describe('minimapPaint', () => {
  it('fills a node, red when rejected; outlines a batch, red when rejected', () => {
    expect(minimapPaint({ kind: 'command', outcome: 'accepted' })).toEqual({ fill: 'var(--border-strong)', stroke: 'transparent' });
    expect(minimapPaint({ kind: 'event', outcome: 'event' })).toEqual({ fill: 'var(--border-strong)', stroke: 'transparent' });
    expect(minimapPaint({ kind: 'rejection', outcome: 'rejected' })).toEqual({ fill: 'var(--bad)', stroke: 'transparent' });
    expect(minimapPaint({ kind: 'batch', outcome: 'accepted' })).toEqual({ fill: 'transparent', stroke: 'var(--warn)' });
    expect(minimapPaint({ kind: 'batch', outcome: 'rejected' })).toEqual({ fill: 'transparent', stroke: 'var(--bad)' });
  });
});
