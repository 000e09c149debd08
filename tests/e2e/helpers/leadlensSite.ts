import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { defaultModel } from '../../../shared';
import { type FixtureRoutes, type FixtureServer, startFixtureServer } from './fixtureServer';
import { type ExtensionBrowser, launchWithExtension } from './launchWithExtension';
import { CHROME_EXTENSION_DIR } from './paths';
import { startWorker, type TestWorker } from './worker';

export const CARD = '[data-testid="leadlens-card"]';
const DAY_MS = 86_400_000;

/**
 * The people of the saved pages in tests/fixtures, stored with everything their pages show (so
 * page facts add nothing and the card must equal the API's score), plus firmographics the pages
 * don't show. Their behaviour puts them in four different quadrants of the default model.
 */
export const FIXTURE_LEADS = [
  {
    email: 'haruka.sato@sakura-fg.example.jp',
    name: '佐藤 遥',
    title: 'マーケティング部長',
    company: 'Sakura Financial Group',
    domain: 'sakura-fg.example.jp',
    industry: 'Financial services',
    employees: 12000,
    country: 'JP',
    linkedinUrl: 'https://www.linkedin.com/in/haruka-sato-demo',
    lifecycleStage: 'mql',
  },
  {
    email: 'giulia.romano@banca-aurora.example.it',
    name: 'Giulia Romano',
    title: 'Responsabile Marketing',
    company: 'Banca Aurora',
    domain: 'banca-aurora.example.it',
    industry: 'Banking',
    employees: 3000,
    country: 'IT',
    linkedinUrl: 'https://www.linkedin.com/in/giulia-romano-demo',
    lifecycleStage: 'mql',
    leadStatus: 'attempting_contact',
  },
  {
    email: 'omar.haddad@falcon-studio.example.ae',
    name: 'عمر حداد',
    // Stored as marketing manager (the CRM page shows an older title; the stored record wins).
    title: 'مدير التسويق',
    company: 'Falcon Studio',
    domain: 'falcon-studio.example.ae',
    industry: 'Design',
    employees: 8,
    country: 'AE',
    lifecycleStage: 'lead',
    leadStatus: 'attempting_contact',
  },
  {
    email: 'max.student@uni-mail.example.de',
    name: 'Max Becker',
    title: 'Student',
    company: 'Universität Beispiel',
    domain: 'uni-mail.example.de',
    country: 'DE',
    lifecycleStage: 'subscriber',
    leadStatus: 'new',
  },
] as const;

function fixtureEvents(now: number) {
  const at = (daysAgo: number) => new Date(now - daysAgo * DAY_MS).toISOString();
  const event = (email: string, type: string, daysAgo: number, n: number) => ({
    id: `e2e_${email.split('@')[0]?.replace(/\W/g, '_')}_${type}_${n}`,
    email,
    type,
    at: at(daysAgo),
  });
  const haruka = FIXTURE_LEADS[0].email;
  const giulia = FIXTURE_LEADS[1].email;
  const omar = FIXTURE_LEADS[2].email;
  return [
    event(haruka, 'demo_request', 1, 1),
    event(haruka, 'pricing_view', 2, 1),
    event(haruka, 'pricing_view', 3, 2),
    event(giulia, 'email_open', 4, 1),
    event(giulia, 'page_view', 5, 1),
    event(omar, 'demo_request', 2, 1),
    event(omar, 'pricing_view', 2, 1),
    event(omar, 'webinar_attended', 6, 1),
  ];
}

/** The values of the card's contract attributes (DESIGN.md §8). */
export interface CardAttributes {
  quadrant: string | null;
  score: string | null;
  fit: string | null;
  interest: string | null;
  stage: string | null;
  persona: string | null;
  modelVersion: string | null;
}

interface LookupAnswer {
  lead: { id: string; email: string; lifecycleStage: string; leadStatus?: string };
  score: {
    quadrant: string;
    score: number;
    fit: number;
    interest: number;
    stage: string;
    personas: { id: string }[];
    modelVersion: number;
  };
}

export interface SiteEnvironment {
  worker: TestWorker;
  fixtures: FixtureServer;
  browser: ExtensionBrowser;
  /** The API's answer for a person, by email or LinkedIn URL. */
  lookup(query: { email: string } | { linkedin: string }): Promise<LookupAnswer>;
  /** What the card must show for that person: the lookup's score as contract attributes. */
  expectedAttributes(query: { email: string } | { linkedin: string }): Promise<CardAttributes>;
  close(): Promise<void>;
}

/** Reads the card's contract attributes (null when no card is on the page). */
export async function cardAttributes(page: Page): Promise<CardAttributes | null> {
  const card = page.locator(CARD);
  if ((await card.count()) === 0) return null;
  return card.evaluate((element) => ({
    quadrant: element.getAttribute('data-quadrant'),
    score: element.getAttribute('data-score'),
    fit: element.getAttribute('data-fit'),
    interest: element.getAttribute('data-interest'),
    stage: element.getAttribute('data-stage'),
    persona: element.getAttribute('data-persona'),
    modelVersion: element.getAttribute('data-model-version'),
  }));
}

/** Waits until the card shows exactly `expected` (the first paint may be a page-facts-only score). */
export async function expectCardToShow(page: Page, expected: CardAttributes, timeout = 30_000): Promise<void> {
  await expect.poll(() => cardAttributes(page), { timeout, interval: 250 }).toEqual(expected);
}

/**
 * A private copy of the built extension, so a `wxt build` started elsewhere while the tests run
 * (it empties .output first) cannot pull files from under the browser.
 */
async function snapshotExtension(): Promise<{ dir: string; remove(): Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), 'leadlens-extension-'));
  const dir = join(root, 'chrome-mv3');
  await cp(CHROME_EXTENSION_DIR, dir, { recursive: true });
  return { dir, remove: () => rm(root, { recursive: true, force: true }) };
}

/** Opens the options page and saves the connection as a user would. */
export async function connectExtension(browser: ExtensionBrowser, worker: TestWorker): Promise<void> {
  const page = await browser.openOptionsPage();
  await page.locator('input[name="apiUrl"]').fill(worker.url);
  await page.locator('input[name="token"]').fill(worker.adminToken);
  await page.locator('[data-testid="save-connection"]').click();
  await page.locator('[data-testid="connection-status"][data-state="saved"]').waitFor();
  await page.close();
}

/**
 * Everything a site test needs: a local Worker with the default model published and the fixture
 * people and their events stored, the fixture pages served on the real host names, and Chromium
 * with the built extension connected to that Worker through its options page.
 */
export async function startSiteEnvironment(routes: FixtureRoutes): Promise<SiteEnvironment> {
  const worker = await startWorker();
  let fixtures: FixtureServer | undefined;
  let browser: ExtensionBrowser | undefined;
  let extension: Awaited<ReturnType<typeof snapshotExtension>> | undefined;
  try {
    extension = await snapshotExtension();
    const published = await worker.api('POST', '/v1/model/versions', {
      model: defaultModel,
      note: 'e2e: default model',
    });
    if (published.status !== 201 && published.status !== 200) {
      throw new Error(`publishing the model failed: ${published.status} ${JSON.stringify(published.body)}`);
    }
    const upsert = await worker.api<{ rejected?: unknown[] }>('PUT', '/v1/leads', FIXTURE_LEADS);
    if (upsert.status >= 300 || (upsert.body.rejected?.length ?? 0) > 0) {
      throw new Error(`storing the fixture leads failed: ${upsert.status} ${JSON.stringify(upsert.body)}`);
    }
    const events = await worker.api<{ rejected: unknown[] }>('POST', '/v1/events', fixtureEvents(Date.now()));
    if (events.status >= 300 || events.body.rejected.length > 0) {
      throw new Error(`storing the fixture events failed: ${events.status} ${JSON.stringify(events.body)}`);
    }

    fixtures = await startFixtureServer(routes);
    browser = await launchWithExtension({ fixtures, extensionDir: extension.dir });
    await connectExtension(browser, worker);
  } catch (error) {
    await browser?.close();
    await fixtures?.close();
    await extension?.remove();
    await worker.stop();
    throw error;
  }

  async function lookup(query: { email: string } | { linkedin: string }): Promise<LookupAnswer> {
    const search =
      'email' in query ? `email=${encodeURIComponent(query.email)}` : `linkedin=${encodeURIComponent(query.linkedin)}`;
    const answer = await worker.api<LookupAnswer>('GET', `/v1/leads/lookup?${search}`);
    if (answer.status !== 200) throw new Error(`lookup ${search}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  }

  const ready = { worker, fixtures, browser, extension };
  return {
    ...ready,
    lookup,
    async expectedAttributes(query) {
      const { score } = await lookup(query);
      return {
        quadrant: score.quadrant,
        score: String(score.score),
        fit: String(score.fit),
        interest: String(score.interest),
        stage: score.stage,
        persona: score.personas[0]?.id ?? '',
        modelVersion: String(score.modelVersion),
      };
    },
    async close() {
      await ready.browser.close();
      await ready.fixtures.close();
      await ready.extension.remove();
      await worker.stop();
    },
  };
}

/** Clicks the fixture's stand-in for the site's client-side router (tests/fixtures/fixture-navigation.js). */
export async function navigateInPlace(page: Page): Promise<void> {
  const before = page.url();
  await page.locator('[data-fixture-navigate]').click();
  await expect.poll(() => page.url()).not.toBe(before);
}

/**
 * Asserts that a page without a person gets no card (after giving the content script time to
 * run) — and no overlay at all: nothing is mounted until a person shows up.
 */
export async function expectNoCard(page: Page): Promise<void> {
  await page.waitForTimeout(1_500);
  expect(await page.locator(CARD).count()).toBe(0);
  expect(await page.locator('leadlens-overlay').count()).toBe(0);
}

/**
 * Types a greeting and a sign-off into an email body, puts the caret between them, and clicks the
 * card's first "Insert": the talking point must land at the caret, as plain text.
 */
export async function expectInsertAtCaret(page: Page, bodySelector: string): Promise<void> {
  const body = page.locator(bodySelector);
  await body.click();
  await page.keyboard.type('Dear colleague, ');
  await page.keyboard.type('Best regards');
  for (let i = 0; i < 'Best regards'.length; i++) await page.keyboard.press('ArrowLeft');

  const card = page.locator(CARD);
  const point = (await card.locator('.ll-points li .ll-text').first().textContent()) ?? '';
  expect(point.length).toBeGreaterThan(0);
  await card
    .getByRole('button', { name: /^Insert talking point/ })
    .first()
    .click();

  await expect.poll(() => body.textContent()).toBe(`Dear colleague, ${point}Best regards`);
  expect(await body.locator('img, script, a').count()).toBe(0);
  expect(await card.getByRole('status').filter({ hasText: 'Inserted into the email.' }).count()).toBe(1);
}

/** The lead's timeline from the API (stage entries, attempts, events). */
export async function timelineOf(env: SiteEnvironment, leadId: string) {
  const answer = await env.worker.api<{
    timeline: { kind: string; channel?: string; reason?: string; stage?: string }[];
  }>('GET', `/v1/leads/${encodeURIComponent(leadId)}/timeline`);
  expect(answer.status).toBe(200);
  return answer.body.timeline;
}

type PersonQuery = { email: string } | { linkedin: string };

/**
 * One site's suite environment: started before its tests (Worker, fixtures, browser), closed
 * after. Returns the getter tests use.
 */
export function useSiteEnvironment(routes: FixtureRoutes): () => SiteEnvironment {
  let env: SiteEnvironment | undefined;
  beforeAll(async () => {
    env = await startSiteEnvironment(routes);
  }, 180_000);
  afterAll(async () => {
    await env?.close();
  });
  return () => {
    if (!env) throw new Error('the site environment did not start');
    return env;
  };
}

/** Opens `url` in a new tab, runs `check`, closes the tab (also when the check fails). */
export async function onPage(env: SiteEnvironment, url: string, check: (page: Page) => Promise<void>): Promise<void> {
  const page = await env.browser.newPage();
  try {
    await page.goto(url);
    await check(page);
  } finally {
    await page.close();
  }
}

/**
 * The card on `page` equals what the API computes for `first`; after the site's in-place
 * (pushState) navigation it equals what the API computes for `second`.
 */
export async function expectCardToFollowNavigation(
  env: SiteEnvironment,
  page: Page,
  first: PersonQuery,
  second: PersonQuery,
): Promise<void> {
  await expectCardToShow(page, await env.expectedAttributes(first));
  await navigateInPlace(page);
  await expectCardToShow(page, await env.expectedAttributes(second));
}

/** The "page without a person" test every site has. */
export function itShowsNoCardOn(env: () => SiteEnvironment, url: string, page: string): void {
  it(`shows no card on ${page} (no person)`, () => onPage(env(), url, expectNoCard));
}
