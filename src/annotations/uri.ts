/**
 * URIs and date-times as the W3C Web Annotation model wants them.
 *
 * The model speaks of IRIs, but its test suite checks JSON Schema `format: "uri"`, so every
 * identifier Marginalia writes is an ASCII URI (RFC 3986): non-ASCII characters and characters
 * that RFC 3986 does not allow where they stand are percent-encoded (UTF-8), host names are
 * punycoded. `isUri` and `isDateTime` are the checks the test suite helper uses for the two
 * formats; they are strict, so passing them means passing any laxer reading too.
 */

const unreserved = String.raw`A-Za-z0-9\-._~`;
const subDelims = "!$&'()*+,;=";
const pctEncoded = '%[0-9A-Fa-f]{2}';
const pchar = `(?:[${unreserved}${subDelims}:@]|${pctEncoded})`;
const scheme = String.raw`[A-Za-z][A-Za-z0-9+\-.]*`;
const userinfo = `(?:[${unreserved}${subDelims}:]|${pctEncoded})*`;
// IPv6 literals are only checked for their alphabet; IPvFuture follows RFC 3986.
const ipLiteral = String.raw`\[(?:[0-9A-Fa-f:.]+|[vV][0-9A-Fa-f]+\.[${unreserved}${subDelims}:]+)\]`;
const regName = `(?:[${unreserved}${subDelims}]|${pctEncoded})*`;
const authority = String.raw`(?:${userinfo}@)?(?:${ipLiteral}|${regName})(?::\d*)?`;
const pathAbempty = `(?:/${pchar}*)*`;
const pathAbsolute = `/(?:${pchar}+(?:/${pchar}*)*)?`;
const pathRootless = `${pchar}+(?:/${pchar}*)*`;
const queryOrFragment = `(?:${pchar}|[/?])*`;
const uriPattern = new RegExp(
  String.raw`^${scheme}:(?://${authority}${pathAbempty}|${pathAbsolute}|${pathRootless}|)(?:\?${queryOrFragment})?(?:#${queryOrFragment})?$`,
);

/** Whether `value` is an absolute URI (RFC 3986 `URI`: scheme, hierarchy, query, fragment). */
export function isUri(value: string): boolean {
  return uriPattern.test(value);
}

const dateTimePattern =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:Z|([+-])(\d{2}):(\d{2}))$/i;

/**
 * Whether `value` is an RFC 3339 `date-time` (what xsd:dateTime values in the model look
 * like): a full date, a time, and `Z` or an offset. Days are checked against the month,
 * leap years included; second 60 (a leap second) is allowed.
 */
export function isDateTime(value: string): boolean {
  const match = dateTimePattern.exec(value);
  if (!match) return false;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return false;
  if (hour > 23 || minute > 59 || second > 60) return false;
  if (match[7] !== undefined && (Number(match[8]) > 23 || Number(match[9]) > 59)) return false;
  return true;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Characters that may stand as they are in a path, query or fragment (RFC 3986 `pchar`, `/`, `?`). */
const allowedInTail = new RegExp(`[${unreserved}${subDelims}:@/?]`);
const encoder = new TextEncoder();

/** Percent-encode what RFC 3986 does not allow in a path, query or fragment; keep valid `%XX`. */
function encodeTail(text: string): string {
  let out = '';
  for (let index = 0; index < text.length; index++) {
    const char = text[index] as string;
    if (allowedInTail.test(char)) {
      out += char;
    } else if (char === '%' && /^[0-9A-Fa-f]{2}$/.test(text.slice(index + 1, index + 3))) {
      out += char;
    } else {
      const codePoint = text.codePointAt(index) as number;
      const whole = String.fromCodePoint(codePoint);
      index += whole.length - 1;
      for (const byte of encoder.encode(whole)) {
        out += '%' + byte.toString(16).toUpperCase().padStart(2, '0');
      }
    }
  }
  return out;
}

/**
 * The absolute URI for `input` (an IRI or a URL as people write it), or `undefined` when
 * `input` is not an absolute IRI at all. The result passes `isUri`.
 */
export function toUri(input: string): string | undefined {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return undefined;
  }
  const href = url.href;
  const colon = href.indexOf(':');
  const schemePart = href.slice(0, colon + 1);
  let rest = href.slice(colon + 1);
  let authorityPart = '';
  if (rest.startsWith('//')) {
    const end = rest.slice(2).search(/[/?#]/);
    authorityPart = end === -1 ? rest : rest.slice(0, end + 2);
    rest = rest.slice(authorityPart.length);
  }
  const hash = rest.indexOf('#');
  const head = hash === -1 ? rest : rest.slice(0, hash);
  const fragment = hash === -1 ? undefined : rest.slice(hash + 1);
  const uri =
    schemePart +
    authorityPart +
    encodeTail(head) +
    (fragment === undefined ? '' : '#' + encodeTail(fragment));
  return isUri(uri) ? uri : undefined;
}

/** The URI for a web address, or `undefined` unless it is an absolute `http:` or `https:` URL. */
export function toWebUri(input: string): string | undefined {
  const uri = toUri(input);
  return uri !== undefined && /^https?:\/\//i.test(uri) ? uri : undefined;
}

/**
 * `https://doi.org/…` for a DOI, or `undefined` when `doi` does not look like one
 * (`10.` prefix, a slash, a suffix). Accepts the bare DOI, `doi:…` and DOI URLs.
 */
export function doiUri(doi: string): string | undefined {
  const bare = doi
    .trim()
    .replace(/^doi:\s*/i, '')
    .replace(/^https?:\/\/(?:dx\.)?doi\.org\//i, '');
  if (!/^10\.[^/\s]+\/\S+$/.test(bare)) return undefined;
  const path = bare.split('/').map(encodeURIComponent).join('/');
  return toUri(`https://doi.org/${path}`);
}
