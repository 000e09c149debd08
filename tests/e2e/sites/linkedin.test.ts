import { describe, expect, it } from 'vitest';
import {
  CARD,
  cardAttributes,
  expectCardToFollowNavigation,
  itShowsNoCardOn,
  onPage,
  useSiteEnvironment,
} from '../helpers/leadlensSite';

const PROFILE_URL = 'https://www.linkedin.com/in/haruka-sato-demo/';
const FEED_URL = 'https://www.linkedin.com/feed/';
const HOSTILE_URL = 'https://www.linkedin.com/in/hostile-test/';

describe('LinkedIn', () => {
  const env = useSiteEnvironment({
    [PROFILE_URL]: 'linkedin/profile.html',
    [FEED_URL]: 'linkedin/feed.html',
    [HOSTILE_URL]: 'linkedin/hostile-profile.html',
  });

  it('shows on a profile what the API computes for that lead, and follows in-place navigation to the next profile', () =>
    onPage(env(), PROFILE_URL, async (page) => {
      // Profiles carry no email: the lead is found by its LinkedIn URL.
      await expectCardToFollowNavigation(
        env(),
        page,
        { linkedin: 'https://www.linkedin.com/in/haruka-sato-demo' },
        { linkedin: 'https://www.linkedin.com/in/giulia-romano-demo' },
      );
      expect((await cardAttributes(page))?.quadrant).toBe('nurture');
    }));

  itShowsNoCardOn(env, FEED_URL, 'the feed');

  it('renders a hostile profile as text: no element from its markup, unknown interest', () =>
    onPage(env(), HOSTILE_URL, async (page) => {
      const card = page.locator(CARD);
      await card.waitFor();
      const rendered = await card.evaluate((element) => ({
        elements: element.querySelectorAll('img, script, iframe, [onerror]').length,
        label: element.getAttribute('aria-label'),
        text: element.textContent ?? '',
      }));
      expect(rendered.elements).toBe(0);
      expect(rendered.label).toContain('<img src=x onerror=alert(1)>');
      expect(rendered.text).toContain('Interest unknown');
      expect((await cardAttributes(page))?.stage).toBe('unknown');
    }));
});
