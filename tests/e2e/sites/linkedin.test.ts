import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CARD,
  cardAttributes,
  expectCardToShow,
  expectNoCard,
  navigateInPlace,
  type SiteEnvironment,
  startSiteEnvironment,
} from '../helpers/leadlensSite';

const PROFILE_URL = 'https://www.linkedin.com/in/haruka-sato-demo/';
const FEED_URL = 'https://www.linkedin.com/feed/';
const HOSTILE_URL = 'https://www.linkedin.com/in/hostile-test/';

describe('LinkedIn', () => {
  let env: SiteEnvironment;

  beforeAll(async () => {
    env = await startSiteEnvironment({
      [PROFILE_URL]: 'linkedin/profile.html',
      [FEED_URL]: 'linkedin/feed.html',
      [HOSTILE_URL]: 'linkedin/hostile-profile.html',
    });
  }, 180_000);

  afterAll(async () => {
    await env?.close();
  });

  it('shows on a profile what the API computes for that lead, and follows in-place navigation to the next profile', async () => {
    const page = await env.browser.newPage();
    await page.goto(PROFILE_URL);
    await expectCardToShow(page, await env.expectedAttributes({ linkedin: 'https://www.linkedin.com/in/haruka-sato-demo' }));
    expect((await cardAttributes(page))?.quadrant).toBe('hot');

    await navigateInPlace(page);
    await expectCardToShow(page, await env.expectedAttributes({ linkedin: 'https://www.linkedin.com/in/giulia-romano-demo' }));
    expect((await cardAttributes(page))?.quadrant).toBe('nurture');
    await page.close();
  });

  it('shows no card on the feed (no person)', async () => {
    const page = await env.browser.newPage();
    await page.goto(FEED_URL);
    await expectNoCard(page);
    await page.close();
  });

  it('renders a hostile profile as text: no element from its markup, unknown interest', async () => {
    const page = await env.browser.newPage();
    await page.goto(HOSTILE_URL);
    const card = page.locator(CARD);
    await card.waitFor();
    const rendered = await card.evaluate((element) => ({
      images: element.querySelectorAll('img, script, iframe, [onerror]').length,
      label: element.getAttribute('aria-label'),
      text: element.textContent ?? '',
    }));
    expect(rendered.images).toBe(0);
    expect(rendered.label).toContain('<img src=x onerror=alert(1)>');
    expect(rendered.text).toContain('Interest unknown');
    expect((await cardAttributes(page))?.persona).not.toBeNull();
    await page.close();
  });
});
