import { describe, it } from 'vitest';
import {
  expectCardToFollowNavigation,
  expectCardToShow,
  expectInsertAtCaret,
  itShowsNoCardOn,
  onPage,
  useSiteEnvironment,
} from '../helpers/leadlensSite';

const READING_URL = 'https://outlook.office.com/mail/inbox/id/AAQkADAwATM0MDAAMS1iNTcwLWE4NDItMDACLTAwCgAQAGiulia';
const COMPOSE_URL = 'https://outlook.office.com/mail/deeplink/compose';
const INBOX_URL = 'https://outlook.office.com/mail/inbox';

describe('Outlook on the web', () => {
  const env = useSiteEnvironment({
    [READING_URL]: 'outlook/reading.html',
    [COMPOSE_URL]: 'outlook/compose.html',
    [INBOX_URL]: 'outlook/inbox.html',
  });

  it('shows the sender of the open message as the API scores them, and the next message after in-place navigation', () =>
    onPage(env(), READING_URL, (page) =>
      expectCardToFollowNavigation(
        env(),
        page,
        { email: 'giulia.romano@banca-aurora.example.it' },
        { email: 'omar.haddad@falcon-studio.example.ae' },
      ),
    ));

  itShowsNoCardOn(env, INBOX_URL, 'the inbox');

  it('inserts a talking point for the recipient at the caret of the message body', () =>
    onPage(env(), COMPOSE_URL, async (page) => {
      await expectCardToShow(page, await env().expectedAttributes({ email: 'haruka.sato@sakura-fg.example.jp' }));
      await expectInsertAtCaret(page, 'div[role="textbox"][aria-label^="Message body"]');
    }));
});
