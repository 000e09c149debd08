import { describe, expect, it, vi } from 'vitest';
import { ProspectFactsSchema } from '../../shared';
import { outlookAdapter } from './outlook';
import { loadFixture, navigateInPlace, navigationTarget, withoutClassNames } from './testing/fixturePages';

const GIULIA = {
  email: 'giulia.romano@banca-aurora.example.it',
  name: 'Giulia Romano',
  domain: 'banca-aurora.example.it',
};
const OMAR = { email: 'omar.haddad@falcon-studio.example.ae', name: 'عمر حداد', domain: 'falcon-studio.example.ae' };
const HARUKA = { email: 'haruka.sato@sakura-fg.example.jp', name: '佐藤 遥', domain: 'sakura-fg.example.jp' };

const quiet = () => ({ warn: vi.fn() });

describe('Outlook adapter', () => {
  it("shows the reading pane's latest sender who is not the rep", () => {
    const { doc, url } = loadFixture('outlook/reading.html');
    const logger = quiet();
    const people = outlookAdapter.extract(doc, url, { logger });
    expect(people).toEqual({ primary: { role: 'sender', facts: GIULIA }, others: [] });
    expect(ProspectFactsSchema.parse(people.primary?.facts)).toEqual(GIULIA);
    expect(logger.warn).not.toHaveBeenCalled();
    expect(outlookAdapter.composeBody?.(doc)).toBeNull();
    expect(outlookAdapter.anchor(doc, url)?.textContent).toBe('Proposta per Banca Aurora');
  });

  it('follows selecting the next message in place', () => {
    const { doc, url } = loadFixture('outlook/reading.html');
    const before = outlookAdapter.personKey(doc, url);
    const next = navigateInPlace(doc, url);
    expect(next.href).toBe(navigationTarget('outlook/reading.html').href);
    expect(before).toBe('outlook:sender:giulia.romano@banca-aurora.example.it');
    expect(outlookAdapter.personKey(doc, next)).toBe('outlook:sender:omar.haddad@falcon-studio.example.ae');
    expect(outlookAdapter.extract(doc, next, { logger: quiet() })).toEqual({
      primary: { role: 'sender', facts: OMAR },
      others: [],
    });
  });

  it('while writing, shows the first "To" recipient and finds the editable body', () => {
    const { doc, url } = loadFixture('outlook/compose.html');
    expect(outlookAdapter.extract(doc, url, { logger: quiet() })).toEqual({
      primary: { role: 'recipient', facts: HARUKA },
      others: [],
    });
    const body = outlookAdapter.composeBody?.(doc);
    expect(body?.getAttribute('aria-label')).toBe('Message body, press Alt+F10 to exit');
    expect(outlookAdapter.anchor(doc, url)?.contains(body as Node)).toBe(true);
  });

  it('has nobody when no message is selected, though the list names senders', () => {
    const { doc, url } = loadFixture('outlook/inbox.html');
    const logger = quiet();
    expect(outlookAdapter.extract(doc, url, { logger })).toEqual({ primary: null, others: [] });
    expect(outlookAdapter.personKey(doc, url)).toBeNull();
    expect(logger.warn).not.toHaveBeenCalled();
  });

  it('still extracts after every class name changed', () => {
    for (const file of ['outlook/reading.html', 'outlook/compose.html']) {
      const original = loadFixture(file);
      const renamed = loadFixture(file);
      withoutClassNames(renamed.doc);
      expect(outlookAdapter.extract(renamed.doc, renamed.url, { logger: quiet() }).primary).not.toBeNull();
      expect(outlookAdapter.extract(renamed.doc, renamed.url, { logger: quiet() })).toEqual(
        outlookAdapter.extract(original.doc, original.url, { logger: quiet() }),
      );
    }
  });

  it('reports an open message whose sender can no longer be found', () => {
    const { doc, url } = loadFixture('outlook/reading.html');
    for (const element of doc.querySelectorAll('[aria-label^="From:"]')) element.removeAttribute('aria-label');
    for (const element of doc.querySelectorAll('.OZZZK')) element.removeAttribute('class');
    const logger = quiet();
    outlookAdapter.extract(doc, url, { logger });
    expect(logger.warn).toHaveBeenCalledExactlyOnceWith('[leadlens] outlook.sender: no selector matched');
  });
});
