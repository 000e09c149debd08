import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FixtureServer, startFixtureServer } from './helpers/fixtureServer';
import { type ExtensionBrowser, launchWithExtension } from './helpers/launchWithExtension';

const PROFILE_URL = 'https://www.linkedin.com/in/demo-person/';
const UNSUPPORTED_URL = 'https://news.example.com/article';
const CARD = '[data-testid="leadlens-card"]';

describe('overlay in the production build', () => {
  let fixtures: FixtureServer;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    fixtures = await startFixtureServer({
      [PROFILE_URL]: 'linkedin/profile-demo-person.html',
      [UNSUPPORTED_URL]: 'unsupported/article.html',
    });
    browser = await launchWithExtension({ fixtures });
  });

  afterAll(async () => {
    await browser?.close();
    await fixtures?.close();
  });

  it('mounts the card in an open shadow root on a LinkedIn profile', async () => {
    const page = await browser.newPage();
    await page.goto(PROFILE_URL);
    const card = page.locator(CARD);
    await card.waitFor({ state: 'visible' });

    const inShadowRoot = await page.evaluate(() => {
      const host = document.querySelector('leadlens-overlay');
      return Boolean(host?.shadowRoot?.querySelector('[data-testid="leadlens-card"]'));
    });
    expect(inShadowRoot).toBe(true);
    // The page's own DOM never contains the card: it lives only in the shadow root.
    expect(await page.evaluate(() => document.querySelectorAll('[data-testid="leadlens-card"]').length)).toBe(0);

    const attributes = await card.evaluate((element) => ({
      quadrant: element.getAttribute('data-quadrant'),
      score: element.getAttribute('data-score'),
      fit: element.getAttribute('data-fit'),
      interest: element.getAttribute('data-interest'),
      stage: element.getAttribute('data-stage'),
      persona: element.getAttribute('data-persona'),
      modelVersion: element.getAttribute('data-model-version'),
    }));
    expect(['hot', 'nurture', 'explore', 'disqualify']).toContain(attributes.quadrant);
    for (const value of [attributes.score, attributes.fit, attributes.interest]) {
      expect(value).toMatch(/^\d+$/);
      expect(Number(value)).toBeGreaterThanOrEqual(0);
      expect(Number(value)).toBeLessThanOrEqual(100);
    }
    expect(attributes.stage).toMatch(/^[a-z_]+$/);
    expect(attributes.persona).not.toBeNull();
    expect(attributes.modelVersion).toMatch(/^\d+$/);
    await page.close();
  });

  it('stays off sites it has no match pattern for', async () => {
    const page = await browser.newPage();
    await page.goto(UNSUPPORTED_URL);
    await expect.poll(() => page.title()).toContain('does not support');
    // Give a content script, if one were injected, time to mount before asserting absence.
    await page.waitForTimeout(1_000);
    expect(await page.locator('leadlens-overlay').count()).toBe(0);
    await page.close();
  });
});
