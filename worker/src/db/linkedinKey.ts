/**
 * The canonical key of a LinkedIn profile URL, so that the variants people paste
 * (`https://www.linkedin.com/in/Jane-Doe/`, `http://jp.linkedin.com/in/jane-doe?locale=ja`,
 * `linkedin.com/in/jane%2Ddoe`, or just `jane-doe`) find the same lead.
 * Returns undefined for input that names no profile.
 */
export function linkedinKey(input: string): string | undefined {
  const raw = input.trim();
  if (raw === '') return undefined;
  let path: string;
  if (/linkedin\.com/i.test(raw)) {
    const withScheme = /^[a-z]+:\/\//i.test(raw) ? raw : `https://${raw}`;
    let url: URL;
    try {
      url = new URL(withScheme);
    } catch {
      return undefined;
    }
    path = url.pathname;
  } else if (raw.includes('/')) {
    path = raw.startsWith('/') ? raw : `/${raw}`;
  } else {
    // A bare slug is a public profile id.
    path = `/in/${raw}`;
  }
  const segments = path
    .split('/')
    .filter((s) => s !== '')
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
  if (segments.length === 0) return undefined;
  const [kind, id] = segments;
  // Public profiles (`in`, legacy `pub`) are identified by their slug; sub-pages (`/details/…`) are the same person.
  if (kind && id && ['in', 'pub'].includes(kind.toLowerCase())) {
    return `${kind}/${id}`.normalize('NFC').toLowerCase();
  }
  return segments.join('/').normalize('NFC').toLowerCase();
}
