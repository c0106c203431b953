import { describe, expect, it } from 'vitest';
import { markdownHtml, parseInline, parseMarkdown } from '../../../../renderer/lib/text/markdown';

describe('lesson markdown', () => {
  it('reads bold, em and code as styled runs and leaves the rest as text', () => {
    expect(parseInline('a **b** *c* `d<e>` f_g_h 2 * 3')).toEqual([
      { kind: 'text', text: 'a ' },
      { kind: 'strong', text: 'b' },
      { kind: 'text', text: ' ' },
      { kind: 'em', text: 'c' },
      { kind: 'text', text: ' ' },
      { kind: 'code', text: 'd<e>' },
      { kind: 'text', text: ' f_g_h 2 * 3' },
    ]);
  });

  it('splits paragraphs at blank lines and gathers list items, continuing wrapped items', () => {
    const blocks = parseMarkdown('One\ntwo.\n\n- **a** first\n  more\n- b\n\n1. x\n2. y\nAfter.');
    expect(blocks).toEqual([
      { kind: 'paragraph', inlines: [{ kind: 'text', text: 'One two.' }] },
      { kind: 'list', ordered: false, items: [[{ kind: 'strong', text: 'a' }, { kind: 'text', text: ' first more' }], [{ kind: 'text', text: 'b' }]] },
      { kind: 'list', ordered: true, items: [[{ kind: 'text', text: 'x' }], [{ kind: 'text', text: 'y After.' }]] },
    ]);
  });

  it('reads `#` to `######` lines as headings that end the paragraph or list before them', () => {
    expect(parseMarkdown('Intro\n# Why **stale** reads\n- a\n## Then ##\n###### Six\n####### seven\n#hashtag')).toEqual([
      { kind: 'paragraph', inlines: [{ kind: 'text', text: 'Intro' }] },
      { kind: 'heading', level: 1, inlines: [{ kind: 'text', text: 'Why ' }, { kind: 'strong', text: 'stale' }, { kind: 'text', text: ' reads' }] },
      { kind: 'list', ordered: false, items: [[{ kind: 'text', text: 'a' }]] },
      { kind: 'heading', level: 2, inlines: [{ kind: 'text', text: 'Then' }] },
      { kind: 'heading', level: 6, inlines: [{ kind: 'text', text: 'Six' }] },
      { kind: 'paragraph', inlines: [{ kind: 'text', text: '####### seven #hashtag' }] },
    ]);
    // a `#` typed before its text shows nothing yet
    expect(parseMarkdown('# \nText')).toEqual([{ kind: 'paragraph', inlines: [{ kind: 'text', text: 'Text' }] }]);
  });

  it('keeps HTML as text', () => {
    expect(parseMarkdown('<img src=x onerror=alert(1)>')).toEqual([{ kind: 'paragraph', inlines: [{ kind: 'text', text: '<img src=x onerror=alert(1)>' }] }]);
    expect(parseMarkdown('# <script>alert(1)</script>')).toEqual([{ kind: 'heading', level: 1, inlines: [{ kind: 'text', text: '<script>alert(1)</script>' }] }]);
  });

  it('writes HTML for a standalone page: paragraphs, lists, bold, em and code, every text escaped', () => {
    expect(markdownHtml('Only **100** in *stock*, see `a<b>`.\n\n- one & two\n- <script>x</script>\n\n1. first')).toBe(
      '<p>Only <strong>100</strong> in <em>stock</em>, see <code>a&lt;b&gt;</code>.</p>\n<ul><li>one &amp; two</li><li>&lt;script&gt;x&lt;/script&gt;</li></ul>\n<ol><li>first</li></ol>',
    );
    expect(markdownHtml('**<img src=x onerror="alert(1)">**')).toBe('<p><strong>&lt;img src=x onerror=&quot;alert(1)&quot;&gt;</strong></p>');
    expect(markdownHtml('')).toBe('');
  });
});
