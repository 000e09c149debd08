import { it } from 'vitest';
import { adapters } from '..';
import { loadFixture, navigateInPlace } from './fixturePages';
it('smoke', () => {
  for (const [file, id] of [['gmail/thread.html','gmail'],['gmail/compose.html','gmail'],['gmail/inbox.html','gmail'],['outlook/reading.html','outlook'],['outlook/compose.html','outlook'],['outlook/inbox.html','outlook'],['linkedin/profile.html','linkedin'],['linkedin/feed.html','linkedin'],['linkedin/hostile-profile.html','linkedin'],['hubspot/contact-record.html','hubspot'],['hubspot/contacts-index.html','hubspot'],['salesforce/lead-record.html','salesforce'],['salesforce/home.html','salesforce']] as const) {
    const { doc, url } = loadFixture(file);
    const a = adapters.find((x) => x.id === id)!;
    const logger = { warn: (l: string) => console.log('WARN', l) };
    console.log(file, a.matches(url), a.personKey(doc, url), JSON.stringify(a.extract(doc, url, { logger })), a.anchor(doc, url)?.tagName, a.composeBody?.(doc)?.tagName);
    if (doc.querySelector('[data-fixture-navigate]')) { const u = navigateInPlace(doc, url); console.log('  ->', u.href, a.personKey(doc, u), JSON.stringify(a.extract(doc, u, { logger }))); }
  }
});
