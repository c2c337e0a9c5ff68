import { escapeHtml, html, jsonScript, raw } from './html';

describe('html tagged template', () => {
  it('escapes interpolated text by default', () => {
    const name = '<script>alert("x")</script> & \'y\'';
    expect(html`<p>${name}</p>`.value).toBe(
      '<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;</p>',
    );
  });

  it('keeps nested templates and raw markup, flattens lists, prints nothing for null/undefined/false', () => {
    const items = ['a<', 'b'].map((x) => html`<li>${x}</li>`);
    expect(html`<ul>${items}</ul>${null}${undefined}${false}${raw('<br>')}${0}`.value).toBe(
      '<ul><li>a&lt;</li><li>b</li></ul><br>0',
    );
  });

  it('escapes attribute-breaking characters', () => {
    expect(escapeHtml('" onmouseover=`x`')).toBe('&quot; onmouseover=&#96;x&#96;');
  });

  it('jsonScript cannot be closed by data', () => {
    expect(jsonScript('d', { a: '</script><b>' }).value).not.toContain('</script><b>');
  });
});
