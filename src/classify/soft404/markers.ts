// Default not-found pages of well-known servers and frameworks, as patterns over normalized text
// (lower case, punctuation as spaces). They are specific enough to count on any thin page, and
// the requested path they often echo is matched loosely.

export interface Marker {
  name: string;
  pattern: RegExp;
}

const ANY = '(?: \\S+){0,12}';

export const FRAMEWORK_MARKERS: readonly Marker[] = [
  { name: 'Express', pattern: /^cannot (?:get|head)(?: \S+){0,8}$/ },
  { name: 'Apache', pattern: new RegExp(`the requested url${ANY} was not found on this server`) },
  { name: 'Flask/Werkzeug', pattern: /the requested url was not found on the server if you entered the url manually/ },
  { name: 'nginx', pattern: /^404 not found(?: 404 not found)? nginx\b/ },
  { name: 'IIS', pattern: /404 file or directory not found|http error 404 0 not found|the resource you are looking for might have been removed had its name changed or is temporarily unavailable/ },
  { name: 'ASP.NET', pattern: /the resource cannot be found|http 404 the resource you are looking for or one of its dependencies/ },
  { name: 'Spring Boot', pattern: /whitelabel error page|this application has no explicit mapping for error/ },
  { name: 'Django', pattern: /page not found 404(?: request method|.*using the urlconf defined in)/ },
  { name: 'Rails', pattern: /the page you were looking for doesn't exist you may have mistyped the address or the page may have moved/ },
  { name: 'Next.js', pattern: /\b404 this page could not be found\b/ },
  { name: 'Vercel', pattern: /\b404 not found code not found\b/ },
  { name: 'bare server default', pattern: /^(?:not found )?404 not found$/ },
  { name: 'Tomcat', pattern: /\bhttp status 404 not found\b/ },
  { name: 'Jetty', pattern: /\bhttp error 404 not found\b/ },
  { name: 'GitHub Pages', pattern: /the site configured at this address does not contain the requested file|404 file not found .*github pages/ },
  { name: 'Netlify', pattern: /looks like you've followed a broken link or entered a url that doesn't exist on this site/ },
  { name: 'Docusaurus', pattern: /we could not find what you were looking for/ },
  { name: 'Gatsby', pattern: /you just hit a route that doesn't exist the sadness/ },
  { name: 'VuePress', pattern: /^404 (?:there's nothing here|how did we get here|that's a four oh four|looks like we've got some broken links)/ },
  { name: 'VitePress', pattern: /^404 page not found but if you don't change your direction/ },
  { name: 'WordPress', pattern: /it looks like nothing was found at this location|oops that page can't be found/ },
  { name: 'Hugo', pattern: /^404 page not found$/ },
  { name: 'Jekyll', pattern: /^404 page not found the requested page could not be found/ },
  { name: 'Ghost', pattern: /^404 page not found go to the front page/ },
  { name: 'Magento', pattern: /whoops our bad the page you requested was not found/ },
  { name: 'Shopify', pattern: /404 page not found the page you requested does not exist/ },
  { name: 'Blogger', pattern: /the page you were looking for in this blog does not exist/ },
  { name: 'Read the Docs', pattern: /maze not found|we're not able to find the page you requested/ },
  { name: 'Sphinx', pattern: /unfortunately we couldn't find the content you were looking for/ },
  { name: 'Drupal', pattern: /^page not found the requested page could not be found/ },
];

/** The first framework marker found in a normalized text. */
export function findMarker(normalized: string): Marker | undefined {
  if (normalized === '') return undefined;
  return FRAMEWORK_MARKERS.find((m) => m.pattern.test(normalized));
}

// Headline words that say "error" without saying which: evidence only together with others.
const WEAK_HEADLINES = new Set([
  '404', 'not found', 'oops', 'error', 'whoops', 'uh oh', 'sorry', 'nothing found', 'page missing',
  'nicht gefunden', 'introuvable', 'no encontrado', 'non trovato', 'não encontrado', 'niet gevonden',
  'не найдено', 'ошибка', 'oups', 'hoppla', 'ups', 'upps', 'ops', 'fehler', 'erreur', 'errore',
]);

const TITLE_SEPARATORS = / [|–—·:»›\-] | [|–—·»›]|[|–—·»›] /;

/** Parts of a title split at site-name separators ("Page not found | Acme" → two parts). */
export function titleParts(title: string): string[] {
  return title.split(TITLE_SEPARATORS).map((p) => p.trim()).filter((p) => p !== '');
}

/** Whether a normalized headline is only a weak error word, optionally with "404"/"error". */
export function isWeakHeadline(normalized: string): boolean {
  if (WEAK_HEADLINES.has(normalized)) return true;
  const stripped = normalized.replace(/\b(?:404|error|oops|sorry)\b/g, ' ').replace(/\s+/g, ' ').trim();
  return stripped !== normalized && (stripped === '' || WEAK_HEADLINES.has(stripped));
}
