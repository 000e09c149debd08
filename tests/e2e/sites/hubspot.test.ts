import { describe, expect, it } from 'vitest';
import {
  CARD,
  cardAttributes,
  expectCardToFollowNavigation,
  expectCardToShow,
  itShowsNoCardOn,
  onPage,
  timelineOf,
  useSiteEnvironment,
} from '../helpers/leadlensSite';

const RECORD_URL = 'https://app.hubspot.com/contacts/8765432/record/0-1/51234';
const INDEX_URL = 'https://app.hubspot.com/contacts/8765432/objects/0-1/views/all/list';
const GIULIA = { email: 'giulia.romano@banca-aurora.example.it' };

describe('HubSpot', () => {
  const env = useSiteEnvironment({
    [RECORD_URL]: 'hubspot/contact-record.html',
    [INDEX_URL]: 'hubspot/contacts-index.html',
  });

  it('shows the contact record as the API scores it, and the next contact after in-place navigation', () =>
    onPage(env(), RECORD_URL, async (page) => {
      await expectCardToFollowNavigation(env(), page, GIULIA, { email: 'max.student@uni-mail.example.de' });
      expect((await cardAttributes(page))?.quadrant).toBe('disqualify');
    }));

  itShowsNoCardOn(env, INDEX_URL, 'the contacts index');

  it('logs a connect attempt that reaches the lead timeline, then returns the lead with a reason', () =>
    onPage(env(), RECORD_URL, async (page) => {
      const { lead } = await env().lookup(GIULIA);
      await expectCardToShow(page, await env().expectedAttributes(GIULIA));
      const card = page.locator(CARD);

      await card.getByLabel('Channel').selectOption('phone');
      await card.getByRole('button', { name: 'Log attempt' }).click();
      await expect
        .poll(async () => (await timelineOf(env(), lead.id)).filter((entry) => entry.kind === 'attempt'), {
          timeout: 20_000,
        })
        .toEqual([expect.objectContaining({ kind: 'attempt', channel: 'phone' })]);

      await card.getByRole('button', { name: 'Return', exact: true }).click();
      await card.getByRole('button', { name: 'Return to marketing' }).click();
      expect(await card.getByRole('alert').textContent()).toBe('A reason is required.');
      await card.getByLabel('Why is it returned?').fill('No budget before next fiscal year');
      await card.getByRole('button', { name: 'Return to marketing' }).click();

      await expect
        .poll(async () => (await timelineOf(env(), lead.id)).filter((entry) => entry.kind === 'stage').at(-1), {
          timeout: 20_000,
        })
        .toMatchObject({ stage: 'lead', reason: 'No budget before next fiscal year' });
      // The card follows without a reload: the background refreshes the lead once the API confirmed.
      await expectCardToShow(page, await env().expectedAttributes(GIULIA));
      expect((await cardAttributes(page))?.stage).toBe('lead');
    }));
});
