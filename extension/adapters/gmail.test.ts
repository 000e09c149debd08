import { describe, expect, it, vi } from 'vitest';
import { ProspectFactsSchema } from '../../shared';
import { gmailAdapter } from './gmail';
import { loadFixture, navigateInPlace, navigationTarget, withoutClassNames } from './testing/fixturePages';

const HARUKA = { email: 'haruka.sato@sakura-fg.example.jp', name: '佐藤 遥', domain: 'sakura-fg.example.jp' };
const KENJI = { email: 'kenji.ito@sakura-fg.example.jp', name: '伊藤 健二', domain: 'sakura-fg.example.jp' };
const GIULIA = {
  email: 'giulia.romano@banca-aurora.example.it',
  name: 'Giulia Romano',
  domain: 'banca-aurora.example.it',
};
const OMAR = { email: 'omar.haddad@falcon-studio.example.ae', name: 'عمر حداد', domain: 'falcon-studio.example.ae' };
const MAX = { email: 'max.student@uni-mail.example.de', name: 'Max Becker', domain: 'uni-mail.example.de' };

const quiet = () => ({ warn: vi.fn() });

describe('Gmail adapter', () => {
  it('shows the latest sender of the open thread who is not the rep, and the rest as others', () => {
    const { doc, url } = loadFixture('gmail/thread.html');
    const logger = quiet();
    const people = gmailAdapter.extract(doc, url, { logger });
    expect(people).toEqual({
      primary: { role: 'sender', facts: HARUKA },
      others: [{ role: 'recipient', facts: KENJI }],
    });
    expect(ProspectFactsSchema.parse(people.primary?.facts)).toEqual(people.primary?.facts);
    expect(logger.warn).not.toHaveBeenCalled();
    expect(gmailAdapter.composeBody?.(doc)).toBeNull();
    expect(gmailAdapter.anchor(doc, url)?.querySelector('h2[data-thread-perm-id]')).not.toBeNull();
  });

  it('follows in-place navigation to the next thread', () => {
    const { doc, url } = loadFixture('gmail/thread.html');
    const before = gmailAdapter.personKey(doc, url);
    const next = navigateInPlace(doc, url);
    expect(next.href).toBe(navigationTarget('gmail/thread.html').href);
    const after = gmailAdapter.personKey(doc, next);
    expect(before).toBe('gmail:sender:haruka.sato@sakura-fg.example.jp');
    expect(after).toBe('gmail:sender:giulia.romano@banca-aurora.example.it');
    expect(gmailAdapter.extract(doc, next, { logger: quiet() })).toEqual({
      primary: { role: 'sender', facts: GIULIA },
      others: [],
    });
  });

  it('while writing, shows the first "To" recipient and finds the editable body', () => {
    const { doc, url } = loadFixture('gmail/compose.html');
    expect(gmailAdapter.extract(doc, url, { logger: quiet() })).toEqual({
      primary: { role: 'recipient', facts: OMAR },
      others: [{ role: 'recipient', facts: MAX }],
    });
    expect(gmailAdapter.personKey(doc, url)).toBe('gmail:recipient:omar.haddad@falcon-studio.example.ae');
    const body = gmailAdapter.composeBody?.(doc);
    expect(body?.getAttribute('aria-label')).toBe('Message Body');
    expect(body?.getAttribute('contenteditable')).toBe('true');
    expect(gmailAdapter.anchor(doc, url)?.getAttribute('role')).toBe('dialog');
  });

  it('picks up an address typed into "To" before it becomes a chip, and a new person changes the key', () => {
    const { doc, url } = loadFixture('gmail/compose.html');
    for (const chip of doc.querySelectorAll('[data-hovercard-id]')) chip.remove();
    const input = doc.querySelector('input[aria-label="To recipients"]') as HTMLInputElement;
    input.value = 'Giulia Romano <Giulia.Romano@banca-aurora.example.it>';
    expect(gmailAdapter.extract(doc, url, { logger: quiet() }).primary).toEqual({ role: 'recipient', facts: GIULIA });
    expect(gmailAdapter.personKey(doc, url)).toBe('gmail:recipient:giulia.romano@banca-aurora.example.it');
  });

  it('has nobody on the inbox list, though the list names senders', () => {
    const { doc, url } = loadFixture('gmail/inbox.html');
    const logger = quiet();
    expect(gmailAdapter.extract(doc, url, { logger })).toEqual({ primary: null, others: [] });
    expect(gmailAdapter.personKey(doc, url)).toBeNull();
    expect(gmailAdapter.composeBody?.(doc)).toBeNull();
    expect(logger.warn).not.toHaveBeenCalled();
  });

  it('still extracts after every class name changed (stable attributes and ARIA only)', () => {
    for (const file of ['gmail/thread.html', 'gmail/compose.html']) {
      const original = loadFixture(file);
      const renamed = loadFixture(file);
      withoutClassNames(renamed.doc);
      expect(gmailAdapter.extract(renamed.doc, renamed.url, { logger: quiet() }).primary).not.toBeNull();
      expect(gmailAdapter.extract(renamed.doc, renamed.url, { logger: quiet() })).toEqual(
        gmailAdapter.extract(original.doc, original.url, { logger: quiet() }),
      );
    }
    const { doc } = loadFixture('gmail/compose.html');
    expect(gmailAdapter.composeBody?.(withoutClassNames(doc))).not.toBeNull();
  });

  it('reports a thread whose senders can no longer be found', () => {
    const { doc, url } = loadFixture('gmail/thread.html');
    for (const element of doc.querySelectorAll('[email], [data-hovercard-id]')) element.remove();
    const logger = quiet();
    expect(gmailAdapter.extract(doc, url, { logger }).primary).toBeNull();
    expect(logger.warn).toHaveBeenCalledExactlyOnceWith('[leadlens] gmail.sender: no selector matched');
  });
});
