import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Prose } from './prose.tsx';

const html = (text: string) => renderToStaticMarkup(createElement(Prose, { text }));

describe('Prose', () => {
  it('joins wrapped lines and splits paragraphs on blank lines', () => {
    expect(html('A retailer forecasts\ndemand daily.\n\nSecond paragraph.')).toBe('<div lang="en"><p>A retailer forecasts demand daily.</p><p>Second paragraph.</p></div>');
  });

  it('turns dash and numbered lines into lists, keeping wrapped continuations in their item', () => {
    expect(html('Two uses:\n- Clinicians see a score\n  in the ward app.\n- Nightly batch.')).toBe(
      '<div lang="en"><p>Two uses:</p><ul><li>Clinicians see a score in the ward app.</li><li>Nightly batch.</li></ul></div>',
    );
    expect(html('1. First\n2) Second')).toBe('<div lang="en"><ol><li>First</li><li>Second</li></ol></div>');
  });

  it('escapes markup in item text', () => {
    expect(html('Use <b>care</b> & "quotes"')).toBe('<div lang="en"><p>Use &lt;b&gt;care&lt;/b&gt; &amp; &quot;quotes&quot;</p></div>');
  });
});
