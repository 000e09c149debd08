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

// Codes Intl knows that are not countries (EU, UN, "Unknown Region", private-use X…/Q…), and retired
// ISO 3166 codes Intl still names after today's country (RH "Zimbabwe", VD "Vietnam", YD "Yemen", …):
// the walk below meets them first alphabetically, and a fit rule on "ZW" must match Zimbabwe.
const NOT_COUNTRIES = /^(EU|EZ|UN|ZZ|AA|Q[M-Z]|X[A-Z]|AN|BU|CS|DD|DY|FX|HV|NH|NT|RH|SU|TP|VD|YD|YU|ZR)$/;
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

/**
 * English region names → code, as Intl.DisplayNames (Node 20's ICU) names them, in the order the
 * Intl search below asks (common countries first; the first code for a name wins, as there).
 * Creating an `Intl.DisplayNames` loads the locale's region data: ~20–40 ms of the first extract
 * on a LinkedIn, HubSpot or Salesforce page, before the card could ask for its data. English
 * names, the common case, are found here without it; Intl still answers every other language and
 * any name this table lacks.
 */
const ENGLISH_NAMES =
  'united states=US|united kingdom=GB|japan=JP|italy=IT|united arab emirates=AE|germany=DE|france=FR|' +
  'spain=ES|netherlands=NL|canada=CA|australia=AU|india=IN|singapore=SG|switzerland=CH|ireland=IE|' +
  'sweden=SE|ascension island=AC|andorra=AD|afghanistan=AF|antigua & barbuda=AG|anguilla=AI|albania=AL|' +
  'armenia=AM|curaçao=CW|angola=AO|antarctica=AQ|argentina=AR|american samoa=AS|austria=AT|aruba=AW|' +
  'åland islands=AX|azerbaijan=AZ|bosnia & herzegovina=BA|barbados=BB|bangladesh=BD|belgium=BE|' +
  'burkina faso=BF|bulgaria=BG|bahrain=BH|burundi=BI|benin=BJ|st. barthélemy=BL|bermuda=BM|brunei=BN|' +
  'bolivia=BO|caribbean netherlands=BQ|brazil=BR|bahamas=BS|bhutan=BT|myanmar (burma)=MM|' +
  'bouvet island=BV|botswana=BW|belarus=BY|belize=BZ|cocos (keeling) islands=CC|congo - kinshasa=CD|' +
  'central african republic=CF|congo - brazzaville=CG|côte d’ivoire=CI|cook islands=CK|chile=CL|' +
  'cameroon=CM|china=CN|colombia=CO|clipperton island=CP|sark=CQ|costa rica=CR|serbia=RS|cuba=CU|' +
  'cape verde=CV|christmas island=CX|cyprus=CY|czechia=CZ|diego garcia=DG|djibouti=DJ|denmark=DK|' +
  'dominica=DM|dominican republic=DO|algeria=DZ|ceuta & melilla=EA|ecuador=EC|estonia=EE|egypt=EG|' +
  'western sahara=EH|eritrea=ER|ethiopia=ET|finland=FI|fiji=FJ|falkland islands=FK|micronesia=FM|' +
  'faroe islands=FO|gabon=GA|grenada=GD|georgia=GE|french guiana=GF|guernsey=GG|ghana=GH|gibraltar=GI|' +
  'greenland=GL|gambia=GM|guinea=GN|guadeloupe=GP|equatorial guinea=GQ|greece=GR|' +
  'south georgia & south sandwich islands=GS|guatemala=GT|guam=GU|guinea-bissau=GW|guyana=GY|' +
  'hong kong sar china=HK|heard & mcdonald islands=HM|honduras=HN|croatia=HR|haiti=HT|hungary=HU|' +
  'canary islands=IC|indonesia=ID|israel=IL|isle of man=IM|british indian ocean territory=IO|iraq=IQ|' +
  'iran=IR|iceland=IS|jersey=JE|jamaica=JM|jordan=JO|kenya=KE|kyrgyzstan=KG|cambodia=KH|kiribati=KI|' +
  'comoros=KM|st. kitts & nevis=KN|north korea=KP|south korea=KR|kuwait=KW|cayman islands=KY|' +
  'kazakhstan=KZ|laos=LA|lebanon=LB|st. lucia=LC|liechtenstein=LI|sri lanka=LK|liberia=LR|lesotho=LS|' +
  'lithuania=LT|luxembourg=LU|latvia=LV|libya=LY|morocco=MA|monaco=MC|moldova=MD|montenegro=ME|' +
  'st. martin=MF|madagascar=MG|marshall islands=MH|north macedonia=MK|mali=ML|mongolia=MN|' +
  'macao sar china=MO|northern mariana islands=MP|martinique=MQ|mauritania=MR|montserrat=MS|malta=MT|' +
  'mauritius=MU|maldives=MV|malawi=MW|mexico=MX|malaysia=MY|mozambique=MZ|namibia=NA|new caledonia=NC|' +
  'niger=NE|norfolk island=NF|nigeria=NG|vanuatu=VU|nicaragua=NI|norway=NO|nepal=NP|nauru=NR|niue=NU|' +
  'new zealand=NZ|oman=OM|panama=PA|peru=PE|french polynesia=PF|papua new guinea=PG|philippines=PH|' +
  'pakistan=PK|poland=PL|st. pierre & miquelon=PM|pitcairn islands=PN|puerto rico=PR|' +
  'palestinian territories=PS|portugal=PT|palau=PW|paraguay=PY|qatar=QA|réunion=RE|zimbabwe=ZW|' +
  'romania=RO|russia=RU|rwanda=RW|saudi arabia=SA|solomon islands=SB|seychelles=SC|sudan=SD|' +
  'st. helena=SH|slovenia=SI|svalbard & jan mayen=SJ|slovakia=SK|sierra leone=SL|san marino=SM|' +
  'senegal=SN|somalia=SO|suriname=SR|south sudan=SS|são tomé & príncipe=ST|el salvador=SV|' +
  'sint maarten=SX|syria=SY|eswatini=SZ|tristan da cunha=TA|turks & caicos islands=TC|chad=TD|' +
  'french southern territories=TF|togo=TG|thailand=TH|tajikistan=TJ|tokelau=TK|timor-leste=TL|' +
  'turkmenistan=TM|tunisia=TN|tonga=TO|türkiye=TR|trinidad & tobago=TT|tuvalu=TV|taiwan=TW|tanzania=TZ|' +
  'ukraine=UA|uganda=UG|u.s. outlying islands=UM|uruguay=UY|uzbekistan=UZ|vatican city=VA|' +
  'st. vincent & grenadines=VC|vietnam=VN|venezuela=VE|british virgin islands=VG|u.s. virgin islands=VI|' +
  'wallis & futuna=WF|samoa=WS|yemen=YE|mayotte=YT|south africa=ZA|zambia=ZM';

let englishNames: Map<string, string> | null = null;

function englishCode(key: string): string | null {
  if (!englishNames) {
    englishNames = new Map();
    for (const entry of ENGLISH_NAMES.split('|')) {
      const at = entry.lastIndexOf('=');
      englishNames.set(entry.slice(0, at), entry.slice(at + 1));
    }
  }
  return englishNames.get(key) ?? null;
}

function lookup(candidate: string, locales: readonly string[]): string | null {
  const key = candidate.trim().toLowerCase();
  if (!key) return null;
  if (ALIASES[key]) return ALIASES[key];
  const english = englishCode(key);
  if (english) return english;
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
