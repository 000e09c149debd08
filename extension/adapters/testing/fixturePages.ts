import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Test helpers for the saved-page fixtures in tests/fixtures (see pages.json there). */

// A path, not a URL: under happy-dom the global URL is the DOM's, which node:fs does not accept.
const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../../../tests/fixtures');

interface FixturePage {
  site: string;
  file: string;
  url: string;
  navigatesTo?: string;
}

const pages: FixturePage[] = JSON.parse(readFileSync(join(FIXTURES, 'pages.json'), 'utf8')).pages;

export interface LoadedFixture {
  doc: Document;
  /** The real-site URL the page was saved from. */
  url: URL;
}

/** Parses a fixture the way a saved page is: no scripts run, the page's URL as listed in pages.json. */
export function loadFixture(file: string): LoadedFixture {
  const page = pages.find((candidate) => candidate.file === file);
  if (!page) throw new Error(`${file} is not listed in tests/fixtures/pages.json`);
  const html = readFileSync(join(FIXTURES, file), 'utf8');
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return { doc, url: new URL(page.url) };
}

/**
 * Does what the fixture's navigation button does in a browser (tests/fixtures/fixture-navigation.js):
 * swaps the next person in from its <template> and returns the URL the page pushes.
 */
export function navigateInPlace(doc: Document, url: URL): URL {
  const button = doc.querySelector<HTMLElement>('[data-fixture-navigate]');
  const template = button && doc.getElementById(button.dataset.fixtureNavigate ?? '');
  if (!button || !(template && 'content' in template)) throw new Error('fixture has no in-place navigation');
  const { replaces, deactivates, appendsTo, pathFrom, pathTo, hash, title } = (template as HTMLTemplateElement).dataset;
  const content = (template as HTMLTemplateElement).content.cloneNode(true);
  if (replaces) doc.querySelector(replaces)?.replaceWith(content);
  if (deactivates && appendsTo) {
    const previous = doc.querySelector(deactivates);
    previous?.classList.remove('active');
    previous?.setAttribute('hidden', '');
    doc.querySelector(appendsTo)?.append(content);
  }
  const next = new URL(url);
  if (pathFrom && pathTo) next.pathname = next.pathname.replace(pathFrom, pathTo);
  if (hash) next.hash = hash;
  if (title) doc.title = title;
  button.remove();
  return next;
}

/** The page after a redesign that renamed every class: only attributes, ARIA and structure are left. */
export function withoutClassNames(doc: Document): Document {
  for (const element of doc.querySelectorAll('[class]')) element.removeAttribute('class');
  return doc;
}

/** The URL listed for a fixture's in-place navigation target. */
export function navigationTarget(file: string): URL {
  const target = pages.find((candidate) => candidate.file === file)?.navigatesTo;
  if (!target) throw new Error(`${file} has no navigatesTo in pages.json`);
  return new URL(target);
}
