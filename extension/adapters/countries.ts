/**
 * Country names as pages show them ("Tokyo, Japan", "Milano, Lombardia, Italia", an address's
 * last line) → ISO 3166 alpha-2, using the browser's own localized region names (Intl.DisplayNames),
 * so any UI language the page is in works without a table of our own.
 */

const ALIASES: Record<string, string> = {
  usa: 'US',
  'u.s.a.': 'US',
  'united states of america': 'US',
  uk: 'GB',
  'great britain': 'GB',
  england: 'GB',
  uae: 'AE',
  'the netherlands': 'NL',
};

// Codes Intl knows that are not countries (EU, UN, "Unknown Region", private-use X…/Q…).
const NOT_COUNTRIES = /^(EU|EZ|UN|ZZ|AA|Q[M-Z]|X[A-Z])$/;
/**
 * Asked first: where most leads are. Asking Intl for a region's name costs tens of microseconds
 * (over 600 two-letter codes took 50 ms of a LinkedIn page load), so names are looked up lazily,
 * common countries first, and the search stops at the first match.
 */
const LIKELY_CODES = ['US', 'GB', 'JP', 'IT', 'AE', 'DE', 'FR', 'ES', 'NL', 'CA', 'AU', 'IN', 'SG', 'CH', 'IE', 'SE'];

function* regionCodes(): Generator<string> {
  yield* LIKELY_CODES;
  for (let first = 65; first <= 90; first += 1) {
    for (let second = 65; second <= 90; second += 1) {
      const code = String.fromCharCode(first, second);
      if (!NOT_COUNTRIES.test(code) && !LIKELY_CODES.includes(code)) yield code;
    }
  }
}

/** Region names in one language, learnt as far as the lookups so far needed. */
interface RegionNames {
  known: Map<string, string>;
  display: Intl.DisplayNames | null;
  pending: Generator<string>;
}

const byLocale = new Map<string, RegionNames>();

function regionNamesIn(locale: string): RegionNames {
  let names = byLocale.get(locale);
  if (!names) {
    let display: Intl.DisplayNames | null = null;
    try {
      display = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
    } catch {
      display = null;
    }
    names = { known: new Map(), display, pending: regionCodes() };
    byLocale.set(locale, names);
  }
  return names;
}

/** The code whose name in `locale` is `name` (lower-cased), asking Intl only until it is found. */
function codeNamed(name: string, locale: string): string | null {
  const names = regionNamesIn(locale);
  const known = names.known.get(name);
  if (known) return known;
  if (!names.display) return null;
  for (let next = names.pending.next(); !next.done; next = names.pending.next()) {
    const code = next.value;
    const regionName = names.display.of(code);
    if (!regionName || regionName === code) continue;
    const key = regionName.toLocaleLowerCase(locale);
    if (!names.known.has(key)) names.known.set(key, code);
    if (key === name) return code;
  }
  return null;
}

function lookup(candidate: string, locales: readonly string[]): string | null {
  const key = candidate.trim().toLowerCase();
  if (!key) return null;
  if (ALIASES[key]) return ALIASES[key];
  for (const locale of locales) {
    const code = codeNamed(candidate.trim().toLocaleLowerCase(locale), locale);
    if (code) return code;
  }
  return null;
}

/**
 * The country a location or address names, or null. Tries the last comma/line-separated part
 * first (where LinkedIn and address formats put the country), then the others, then the whole.
 */
export function countryCodeFrom(location: string | null | undefined, pageLanguage?: string | null): string | null {
  if (!location) return null;
  // The page's own language first: that is the language its location text is in.
  const locales = pageLanguage && pageLanguage !== 'en' ? [pageLanguage, 'en'] : ['en'];
  const parts = location.split(/[,，、،\n]/).map((part) => part.trim());
  for (const part of [...parts].reverse()) {
    const code = lookup(part, locales);
    if (code) return code;
  }
  return lookup(location, locales);
}
