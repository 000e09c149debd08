/** Milliseconds per hour and per day, for clock arithmetic on epoch milliseconds. */
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

function digitsAt(text: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/**
 * Epoch milliseconds of an ISO 8601 date-time such as `2025-03-01T09:30:00.000Z` or `…+09:00`.
 * Scoring parses every event's timestamp on every call, and `Date.parse` is several times slower
 * than reading the digits directly; anything outside the common shape falls back to `Date.parse`.
 * Returns NaN for text that is not a date.
 */
export function parseIsoMs(text: string): number {
  const length = text.length;
  // Fast path: `toISOString()` output (YYYY-MM-DDTHH:MM:SS.sssZ), the shape stored events have.
  if (length === 24 && text.charCodeAt(23) === 90 && text.charCodeAt(19) === 46) {
    const y0 = text.charCodeAt(0) - 48;
    const y1 = text.charCodeAt(1) - 48;
    const y2 = text.charCodeAt(2) - 48;
    const y3 = text.charCodeAt(3) - 48;
    const mo0 = text.charCodeAt(5) - 48;
    const mo1 = text.charCodeAt(6) - 48;
    const d0 = text.charCodeAt(8) - 48;
    const d1 = text.charCodeAt(9) - 48;
    const h0 = text.charCodeAt(11) - 48;
    const h1 = text.charCodeAt(12) - 48;
    const mi0 = text.charCodeAt(14) - 48;
    const mi1 = text.charCodeAt(15) - 48;
    const s0 = text.charCodeAt(17) - 48;
    const s1 = text.charCodeAt(18) - 48;
    const f0 = text.charCodeAt(20) - 48;
    const f1 = text.charCodeAt(21) - 48;
    const f2 = text.charCodeAt(22) - 48;
    // Each value is a digit iff 0..9; OR-ing them and comparing unsigned catches any non-digit (negative or > 15).
    const anyNonDigit =
      (y0 | y1 | y2 | y3 | mo0 | mo1 | d0 | d1 | h0 | h1 | mi0 | mi1 | s0 | s1 | f0 | f1 | f2) >>> 0 > 15;
    const month = mo0 * 10 + mo1;
    const day = d0 * 10 + d1;
    const hour = h0 * 10 + h1;
    const minute = mi0 * 10 + mi1;
    const second = s0 * 10 + s1;
    if (
      !anyNonDigit &&
      y0 <= 9 &&
      y1 <= 9 &&
      y2 <= 9 &&
      y3 <= 9 &&
      mo1 <= 9 &&
      d1 <= 9 &&
      h1 <= 9 &&
      mi1 <= 9 &&
      s1 <= 9 &&
      f0 <= 9 &&
      f1 <= 9 &&
      f2 <= 9 &&
      month >= 1 &&
      month <= 12 &&
      day >= 1 &&
      day <= 31 &&
      hour <= 23 &&
      minute <= 59 &&
      second <= 59 &&
      text.charCodeAt(4) === 45 &&
      text.charCodeAt(7) === 45 &&
      text.charCodeAt(10) === 84 &&
      text.charCodeAt(13) === 58 &&
      text.charCodeAt(16) === 58
    ) {
      const days = daysFromCivil(y0 * 1000 + y1 * 100 + y2 * 10 + y3, month, day);
      return days * 86_400_000 + hour * 3_600_000 + minute * 60_000 + second * 1000 + f0 * 100 + f1 * 10 + f2;
    }
  }
  if (
    length < 17 ||
    text.charCodeAt(4) !== 45 ||
    text.charCodeAt(7) !== 45 ||
    (text.charCodeAt(10) | 32) !== 116 ||
    text.charCodeAt(13) !== 58
  ) {
    return Date.parse(text);
  }
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  const hour = digitsAt(text, 11, 2);
  const minute = digitsAt(text, 14, 2);
  if (
    year < 0 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > 31 ||
    hour < 0 ||
    hour > 23 ||
    minute < 0 ||
    minute > 59
  ) {
    return Date.parse(text);
  }
  let i = 16;
  let second = 0;
  let millis = 0;
  if (text.charCodeAt(i) === 58) {
    second = digitsAt(text, 17, 2);
    if (second < 0 || second > 59) return Date.parse(text);
    i = 19;
    const separator = text.charCodeAt(i);
    if (separator === 46 || separator === 44) {
      i++;
      let scale = 100;
      const fractionStart = i;
      while (i < length) {
        const digit = text.charCodeAt(i) - 48;
        if (digit < 0 || digit > 9) break;
        millis += digit * scale;
        scale /= 10;
        i++;
      }
      if (i === fractionStart) return Date.parse(text);
      millis = Math.floor(millis);
    }
  }
  let offsetMinutes = 0;
  const zone = text.charCodeAt(i);
  if ((zone | 32) === 122 && i + 1 === length) {
    offsetMinutes = 0;
  } else if ((zone === 43 || zone === 45) && (i + 6 === length || i + 5 === length)) {
    const offsetHours = digitsAt(text, i + 1, 2);
    const colon = i + 6 === length ? 1 : 0;
    if (colon === 1 && text.charCodeAt(i + 3) !== 58) return Date.parse(text);
    const offsetMins = digitsAt(text, i + 3 + colon, 2);
    if (offsetHours < 0 || offsetMins < 0) return Date.parse(text);
    offsetMinutes = (offsetHours * 60 + offsetMins) * (zone === 45 ? -1 : 1);
  } else {
    // No zone means local time, which only Date knows.
    return Date.parse(text);
  }
  const days = daysFromCivil(year, month, day);
  return ((days * 24 + hour) * 60 + minute - offsetMinutes) * 60_000 + second * 1000 + millis;
}

/** `now` as epoch milliseconds; shared/ never reads the clock itself. */
export function toEpochMs(now: Date | string | number): number {
  const ms = typeof now === 'number' ? now : typeof now === 'string' ? parseIsoMs(now) : now.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`not a date: ${String(now)}`);
  return ms;
}

/** "00" … "99", so formatting pads without building intermediate strings. */
const TWO_DIGITS = Array.from({ length: 100 }, (_, n) => (n < 10 ? `0${n}` : `${n}`));
/** 0000-01-01T00:00:00.000Z and the first instant after 9999: outside, `toISOString` writes 6-digit years. */
const FOUR_DIGIT_YEARS_FROM = -62_167_219_200_000;
const FOUR_DIGIT_YEARS_UNTIL = 253_402_300_800_000;

/**
 * `new Date(ms).toISOString()` without the Date: every score with an SLA clock formats two instants,
 * and allocating a Date for each cost about as much as the rest of the clock. Same output (tested
 * against toISOString); fractional milliseconds and years outside 0000–9999 go through Date.
 */
export function toIso(ms: number): string {
  if (!Number.isInteger(ms) || ms < FOUR_DIGIT_YEARS_FROM || ms >= FOUR_DIGIT_YEARS_UNTIL) {
    return new Date(ms).toISOString();
  }
  const days = Math.floor(ms / DAY_MS);
  let rest = ms - days * DAY_MS;
  const hour = Math.floor(rest / HOUR_MS);
  rest -= hour * HOUR_MS;
  const minute = Math.floor(rest / 60_000);
  rest -= minute * 60_000;
  const second = Math.floor(rest / 1000);
  const millis = rest - second * 1000;
  // Civil date from days since 1970-01-01 (H. Hinnant's civil_from_days, the inverse of daysFromCivil).
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  const hundreds = Math.floor(millis / 100);
  return `${TWO_DIGITS[Math.floor(year / 100)]}${TWO_DIGITS[year % 100]}-${TWO_DIGITS[month]}-${TWO_DIGITS[day]}T${
    TWO_DIGITS[hour]
  }:${TWO_DIGITS[minute]}:${TWO_DIGITS[second]}.${hundreds}${TWO_DIGITS[millis - hundreds * 100]}Z`;
}
