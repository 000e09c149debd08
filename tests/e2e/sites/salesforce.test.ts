import { describe, expect, it } from 'vitest';
import {
  CARD,
  cardAttributes,
  expectCardToFollowNavigation,
  expectCardToShow,
  itShowsNoCardOn,
  onPage,
  useSiteEnvironment,
} from '../helpers/leadlensSite';

const LEAD_URL = 'https://leadlens-demo.lightning.force.com/lightning/r/Lead/00Q5g00000Ab12CEAR/view';
const HOME_URL = 'https://leadlens-demo.lightning.force.com/lightning/page/home';
const HARUKA = { email: 'haruka.sato@sakura-fg.example.jp' };

describe('Salesforce Lightning', () => {
  const env = useSiteEnvironment({ [LEAD_URL]: 'salesforce/lead-record.html', [HOME_URL]: 'salesforce/home.html' });

  itShowsNoCardOn(env, HOME_URL, 'the home page');

  it('shows the lead record as the API scores it; after navigating to a contact, accepting it moves it to SAL', () =>
    onPage(env(), LEAD_URL, async (page) => {
      const card = page.locator(CARD);
      await expectCardToShow(page, await env().expectedAttributes({ email: 'omar.haddad@falcon-studio.example.ae' }));
      // A lead (not an MQL) cannot be accepted in the default model: the card offers no Accept.
      expect(await card.getByRole('button', { name: 'Accept (SAL)' }).count()).toBe(0);

      await expectCardToFollowNavigation(env(), page, { email: 'omar.haddad@falcon-studio.example.ae' }, HARUKA);
      expect((await cardAttributes(page))?.stage).toBe('mql');

      await card.getByRole('button', { name: 'Accept (SAL)' }).click();
      await expect.poll(async () => (await env().lookup(HARUKA)).lead.lifecycleStage, { timeout: 20_000 }).toBe('sal');
      await expectCardToShow(page, await env().expectedAttributes(HARUKA));
      expect((await cardAttributes(page))?.stage).toBe('sal');
    }));
});
