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
const byLocale = new Map<string, Map<string, string>>();

function namesIn(locale: string): Map<string, string> {
  const cached = byLocale.get(locale);
  if (cached) return cached;
  const names = new Map<string, string>();
  let display: Intl.DisplayNames | null = null;
  try {
    display = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
  } catch {
    display = null;
  }
  if (display) {
    for (let first = 65; first <= 90; first += 1) {
      for (let second = 65; second <= 90; second += 1) {
        const code = String.fromCharCode(first, second);
        if (NOT_COUNTRIES.test(code)) continue;
        const name = display.of(code);
        if (name && name !== code) names.set(name.toLocaleLowerCase(locale), code);
      }
    }
  }
  byLocale.set(locale, names);
  return names;
}

function lookup(candidate: string, locales: readonly string[]): string | null {
  const key = candidate.trim().toLowerCase();
  if (!key) return null;
  if (ALIASES[key]) return ALIASES[key];
  for (const locale of locales) {
    const code = namesIn(locale).get(candidate.trim().toLocaleLowerCase(locale));
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
  const locales = ['en', ...(pageLanguage ? [pageLanguage] : [])];
  const parts = location.split(/[,，、،\n]/).map((part) => part.trim());
  for (const part of [...parts].reverse()) {
    const code = lookup(part, locales);
    if (code) return code;
  }
  return lookup(location, locales);
}
