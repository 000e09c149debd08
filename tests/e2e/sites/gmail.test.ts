import { describe, expect, it } from 'vitest';
import {
  cardAttributes,
  expectCardToFollowNavigation,
  expectCardToShow,
  expectInsertAtCaret,
  itShowsNoCardOn,
  onPage,
  useSiteEnvironment,
} from '../helpers/leadlensSite';

const THREAD_URL = 'https://mail.google.com/mail/u/1/#inbox/FMfcgzQXJGvbRfTlNqBXwXhDfMsDpNjv';
const COMPOSE_URL = 'https://mail.google.com/mail/u/2/#inbox?compose=new';
const INBOX_URL = 'https://mail.google.com/mail/u/0/#inbox';

describe('Gmail', () => {
  const env = useSiteEnvironment({
    [THREAD_URL]: 'gmail/thread.html',
    [COMPOSE_URL]: 'gmail/compose.html',
    [INBOX_URL]: 'gmail/inbox.html',
  });

  it('shows the sender of the open thread as the API scores them, and the next thread after in-place navigation', () =>
    onPage(env(), THREAD_URL, async (page) => {
      await expectCardToFollowNavigation(
        env(),
        page,
        { email: 'haruka.sato@sakura-fg.example.jp' },
        { email: 'giulia.romano@banca-aurora.example.it' },
      );
    }));

  itShowsNoCardOn(env, INBOX_URL, 'the inbox');

  it('shows the first recipient of a draft and inserts a talking point at the caret of its body', () =>
    onPage(env(), COMPOSE_URL, async (page) => {
      await expectCardToShow(page, await env().expectedAttributes({ email: 'omar.haddad@falcon-studio.example.ae' }));
      expect((await cardAttributes(page))?.quadrant).toBe('explore');
      await expectInsertAtCaret(page, 'div[aria-label="Message Body"][contenteditable="true"]');
    }));
});
