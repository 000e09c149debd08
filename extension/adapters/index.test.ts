import { describe, expect, it } from 'vitest';
import { adapterFor, adapters } from '.';
import { loadFixture } from './testing/fixturePages';

describe('adapterFor', () => {
  it.each([
    ['gmail/thread.html', 'gmail'],
    ['outlook/reading.html', 'outlook'],
    ['linkedin/feed.html', 'linkedin'],
    ['hubspot/contacts-index.html', 'hubspot'],
    ['salesforce/home.html', 'salesforce'],
  ])('picks the adapter for every page of the site (%s → %s)', (file, id) => {
    expect(adapterFor(loadFixture(file).url)?.id).toBe(id);
  });

  it('has one adapter per site and none for other pages', () => {
    expect(adapters.map((adapter) => adapter.id)).toEqual(['gmail', 'outlook', 'linkedin', 'hubspot', 'salesforce']);
    expect(adapterFor(new URL('https://news.example.com/article'))).toBeNull();
    expect(adapterFor(new URL('https://docs.google.com/document/d/1'))).toBeNull();
  });

  it('only Gmail and Outlook have a compose body', () => {
    expect(adapters.filter((adapter) => adapter.composeBody).map((adapter) => adapter.id)).toEqual([
      'gmail',
      'outlook',
    ]);
  });
});
