import { describe, expect, it, vi } from 'vitest';
import {
  ancestorContaining,
  attrOf,
  controlValueOf,
  createChainReader,
  createMissLogger,
  jsonLdOf,
  known,
  mapped,
  textOf,
} from './selectorChain';

function page(html: string): Document {
  return new DOMParser().parseFromString(`<!doctype html><body>${html}</body>`, 'text/html');
}

describe('selector chains', () => {
  const doc = page(`
    <h1 class="x1"> </h1>
    <h1 class="x2">  Giulia&#x200B; Romano </h1>
    <button aria-label="Current company: Banca Aurora. Click to skip to experience card">Banca Aurora</button>
    <input name="jobtitle" value="Responsabile Marketing">
    <script type="application/ld+json">{ not json</script>
    <script type="application/ld+json">[{"@type":"Organization"},{"@type":"Person","jobTitle":"CMO"}]</script>
  `);

  it('takes the first probe that yields visible text, in the order given', () => {
    const read = createChainReader('test', doc, { warn: vi.fn() });
    expect(read.read('name', [textOf('.missing'), textOf('h1'), known('fallback')])).toBe('Giulia Romano');
    expect(read.read('name', [known('from the URL'), textOf('h1')])).toBe('from the URL');
  });

  it('reads attributes (optionally a capture group), form values and JSON-LD', () => {
    const read = createChainReader('test', doc, { warn: vi.fn() });
    expect(read.read('company', [attrOf('button', 'aria-label', /^Current company:\s*(.+?)\.\s*Click/)])).toBe(
      'Banca Aurora',
    );
    expect(read.read('title', [controlValueOf('input[name="jobtitle"]')])).toBe('Responsabile Marketing');
    expect(read.read('title', [jsonLdOf((item) => (item['@type'] === 'Person' ? item.jobTitle : null))])).toBe('CMO');
    expect(read.read('title', [mapped(textOf('h1'), (text) => text.split(' ')[1])])).toBe('Romano');
  });

  it('reports an expected field that nothing matched as one line naming site and field', () => {
    const warn = vi.fn();
    const read = createChainReader('linkedin', doc, { warn });
    expect(read.read('headline', [textOf('.text-body-medium'), attrOf('[data-x]', 'data-x')], { expected: true })).toBe(
      undefined,
    );
    expect(warn).toHaveBeenCalledExactlyOnceWith('[leadlens] linkedin.headline: no selector matched');
  });

  it('stays quiet for optional fields and for fields it found', () => {
    const warn = vi.fn();
    const read = createChainReader('linkedin', doc, { warn });
    read.read('location', [textOf('.location')]);
    read.read('name', [textOf('h1')], { expected: true });
    expect(read.element('anchor', ['h1'], { expected: true })?.className).toBe('x1');
    expect(warn).not.toHaveBeenCalled();
    read.element('anchor', ['section'], { expected: true });
    expect(warn).toHaveBeenCalledWith('[leadlens] linkedin.anchor: no selector matched');
  });

  it('the default logger reports each miss once per page session, not on every re-render', () => {
    const sink = vi.fn();
    const logger = createMissLogger(sink);
    const read = createChainReader('hubspot', doc, logger);
    for (let render = 0; render < 5; render += 1) read.read('email', [textOf('.email')], { expected: true });
    read.read('firstname', [textOf('.first')], { expected: true });
    expect(sink.mock.calls).toEqual([
      ['[leadlens] hubspot.email: no selector matched'],
      ['[leadlens] hubspot.firstname: no selector matched'],
    ]);
  });

  it('finds the container of an element by what it holds', () => {
    const compose = page(
      `<div id="window"><div id="header"><input name="to"></div><div><div id="body" contenteditable="true"></div></div></div>`,
    );
    const body = compose.getElementById('body') as Element;
    expect(ancestorContaining(body, ['[name="to"]'])?.id).toBe('window');
    expect(ancestorContaining(body, ['[name="cc"]'])).toBeNull();
  });
});
