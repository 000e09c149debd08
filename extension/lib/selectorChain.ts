import { toPlainText } from './plainText';

/**
 * Selector chains, InboxSDK style: every field an adapter reads has an ordered list of ways to
 * find it — stable attributes first, then ARIA labels, structured data and the URL, class names
 * last — and the first one that yields visible text wins. Sites rename classes weekly; they rarely
 * change all of those at once. When every way fails for a field the page should have, one warning
 * line says so, which is how a site redesign gets noticed instead of silently showing less.
 */

/** One way to read a value off the page; returns nothing when its target is not there. */
export type Probe = (root: ParentNode) => string | null | undefined;

/** Where misses are reported. Injected so tests can watch it and production can dedupe it. */
export interface MissLogger {
  warn(line: string): void;
}

/** Reports each distinct line once per page session: adapters run on every DOM change. */
export function createMissLogger(sink: (line: string) => void = (line) => console.warn(line)): MissLogger {
  const seen = new Set<string>();
  return {
    warn(line) {
      if (seen.has(line)) return;
      seen.add(line);
      sink(line);
    },
  };
}

/** For cheap checks (person keys) that run constantly and must not report anything. */
export const SILENT_MISS_LOGGER: MissLogger = { warn() {} };

/** The longest text a probe hands on; callers cap further to their schema limits. */
const MAX_READ_LENGTH = 4000;

export function missLine(site: string, field: string): string {
  return `[leadlens] ${site}.${field}: no selector matched`;
}

/** Text of the first element matching `selector` that has any visible text. */
export function textOf(selector: string): Probe {
  return (root) => {
    for (const element of root.querySelectorAll(selector)) {
      const text = toPlainText(element.textContent, MAX_READ_LENGTH);
      if (text) return text;
    }
    return null;
  };
}

/**
 * An attribute of the first matching element; with `pattern`, its first capture group
 * (e.g. the name out of `aria-label="Current company: Acme. Click to skip…"`).
 */
export function attrOf(selector: string, attribute: string, pattern?: RegExp): Probe {
  return (root) => {
    for (const element of root.querySelectorAll(selector)) {
      const value = element.getAttribute(attribute);
      if (!value) continue;
      const picked = pattern ? pattern.exec(value)?.[1] : value;
      const text = toPlainText(picked, MAX_READ_LENGTH);
      if (text) return text;
    }
    return null;
  };
}

/** The current value of the first matching form control (property first: the user may have typed). */
export function controlValueOf(selector: string): Probe {
  return (root) => {
    for (const element of root.querySelectorAll(selector)) {
      const value =
        'value' in element && typeof element.value === 'string' ? element.value : element.getAttribute('value');
      const text = toPlainText(value, MAX_READ_LENGTH);
      if (text) return text;
    }
    return null;
  };
}

/** A value out of the page's JSON-LD blocks (`<script type="application/ld+json">`). */
export function jsonLdOf(pick: (item: Record<string, unknown>) => unknown): Probe {
  return (root) => {
    for (const script of root.querySelectorAll('script[type="application/ld+json"]')) {
      let data: unknown;
      try {
        data = JSON.parse(script.textContent ?? '');
      } catch {
        continue;
      }
      const items = Array.isArray(data) ? data : [data];
      for (const item of items) {
        if (!item || typeof item !== 'object') continue;
        const value = pick(item as Record<string, unknown>);
        const text = typeof value === 'string' ? toPlainText(value, MAX_READ_LENGTH) : '';
        if (text) return text;
      }
    }
    return null;
  };
}

/** A value known without looking at the page (from the URL, or computed by the adapter). */
export function known(value: string | null | undefined): Probe {
  return () => value;
}

/** Post-processes another probe's result (e.g. keep the part of a headline before " at "). */
export function mapped(probe: Probe, transform: (text: string) => string | null | undefined): Probe {
  return (root) => {
    const text = probe(root);
    return text ? transform(text) : null;
  };
}

export interface ReadOptions {
  /** The page should have this field; when nothing matches, the miss is reported. */
  expected?: boolean;
}

export interface ChainReader {
  /** First visible text any probe yields, in order; undefined when none does. */
  read(field: string, probes: readonly Probe[], options?: ReadOptions): string | undefined;
  /** First element any selector matches, in order; reports an expected miss like `read`. */
  element(field: string, selectors: readonly string[], options?: ReadOptions): Element | null;
}

/** A reader for one site and one part of the page (`root`), reporting misses as `<site>.<field>`. */
export function createChainReader(site: string, root: ParentNode, logger: MissLogger): ChainReader {
  return {
    read(field, probes, options = {}) {
      for (const probe of probes) {
        const text = toPlainText(probe(root), MAX_READ_LENGTH);
        if (text) return text;
      }
      if (options.expected) logger.warn(missLine(site, field));
      return undefined;
    },
    element(field, selectors, options = {}) {
      const found = firstElement(root, selectors);
      if (!found && options.expected) logger.warn(missLine(site, field));
      return found;
    },
  };
}

/** First element matching any of `selectors`, trying them in order (not in document order). */
export function firstElement(root: ParentNode, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    const found = root.querySelector(selector);
    if (found) return found;
  }
  return null;
}

/**
 * The nearest ancestor of `element` (itself included) that contains something matching one of
 * `selectors` — e.g. the compose window around an editor, found by what it holds (a "To" field)
 * rather than by its ever-changing class names.
 */
export function ancestorContaining(element: Element, selectors: readonly string[]): Element | null {
  for (let current: Element | null = element; current; current = current.parentElement) {
    if (firstElement(current, selectors)) return current;
  }
  return null;
}
