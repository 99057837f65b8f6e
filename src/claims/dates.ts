/**
 * Dates of CSL items (`issued`, `accessed`, …), read from any of the forms a claims file may use
 * and normalised to CSL `date-parts`:
 *
 * | written                              | read as                          |
 * | ------------------------------------ | -------------------------------- |
 * | `2024-02-20` (YAML date or text)     | `{date-parts: [[2024, 2, 20]]}`  |
 * | `"2024-02"`                          | `{date-parts: [[2024, 2]]}`      |
 * | `"2024"` or `2024`                   | `{date-parts: [[2024]]}`         |
 * | `2024-02-20T09:30:00+01:00`          | `{date-parts: [[2024, 2, 20]]}`  (the day as written) |
 * | `{date-parts: [[2024, 2, 20]]}`      | itself, parts as numbers         |
 * | `{date-parts: [[2020], [2021]]}`     | a range, as is                   |
 * | `{raw: "2024-02-20"}`                | `{date-parts: [[2024, 2, 20]]}`  |
 * | `{literal: "Spring 1990s"}`, `{raw: "c. 1850"}` | kept as is, for the style to print |
 *
 * The day is always the one written: no time zone is ever applied.
 */
import { show } from './describe.ts';
import { isRecord } from './tree.ts';
import type { CslDate } from './types.ts';

export type DateReading = { date: CslDate } | { problem: string };

const datePattern = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const dateTimePattern =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt]|\s+)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[Zz]|[+-]\d{1,2}(?::?\d{2})?)?$/;

/** Read one date value; `problem` says what is wrong with it, in a few words. */
export function readDate(value: unknown): DateReading {
  if (typeof value === 'string') return readDateText(value);
  if (typeof value === 'number') {
    return Number.isInteger(value) ? checkParts([[value]]) : { problem: `${value} is not a year` };
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return { problem: 'the date does not exist' };
    return checkParts([[value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate()]]);
  }
  if (isRecord(value)) return readDateObject(value);
  return {
    problem: `a date cannot be ${Array.isArray(value) ? 'a list' : value === null ? 'empty' : `a ${typeof value}`}`,
  };
}

function readDateText(text: string): DateReading {
  const trimmed = text.trim();
  const match = datePattern.exec(trimmed) ?? dateTimePattern.exec(trimmed);
  if (!match) return { problem: `${show(trimmed, 40)} is not written YYYY-MM-DD, YYYY-MM or YYYY` };
  const parts = [match[1], match[2], match[3]].filter((part) => part !== undefined).map(Number);
  return checkParts([parts]);
}

function readDateObject(object: Record<string, unknown>): DateReading {
  const extras: CslDate = {};
  for (const key of ['season', 'circa', 'literal', 'raw'] as const) {
    const extra = object[key];
    if (extra === undefined) continue;
    if (key === 'season' || key === 'circa') {
      if (!['string', 'number', ...(key === 'circa' ? ['boolean'] : [])].includes(typeof extra)) {
        return { problem: `"${key}" must be ${key === 'circa' ? 'true, false, ' : ''}a number or text` };
      }
    } else if (typeof extra !== 'string') {
      return { problem: `"${key}" must be text` };
    }
    Object.assign(extras, { [key]: extra });
  }

  const dateParts = object['date-parts'];
  if (dateParts === undefined) {
    if (
      extras.raw !== undefined &&
      (datePattern.test(extras.raw.trim()) || dateTimePattern.test(extras.raw.trim()))
    ) {
      const reading = readDateText(extras.raw);
      if ('problem' in reading) return reading;
      const rest: CslDate = { ...extras };
      delete rest.raw;
      return { date: { ...reading.date, ...rest } };
    }
    if (extras.raw !== undefined || extras.literal !== undefined) return { date: extras };
    return { problem: 'a date mapping needs date-parts, such as {date-parts: [[2024, 2, 20]]}' };
  }
  if (Array.isArray(dateParts) && dateParts.length > 0 && dateParts.every((part) => !Array.isArray(part))) {
    return {
      problem: 'date-parts is a list of dates: write it with two pairs of brackets, such as [[2024, 2, 20]]',
    };
  }
  if (!Array.isArray(dateParts) || dateParts.length === 0 || dateParts.length > 2) {
    return { problem: 'date-parts must hold one date [[2024, 2, 20]] or a range of two [[2020], [2021]]' };
  }
  const dates: number[][] = [];
  for (const date of dateParts) {
    if (!Array.isArray(date) || date.length === 0 || date.length > 3) {
      return {
        problem: 'each date in date-parts must be a list [year, month, day] (month and day optional)',
      };
    }
    const numbers: number[] = [];
    for (const part of date) {
      const number = typeof part === 'string' && /^-?\d+$/.test(part.trim()) ? Number(part) : part;
      if (typeof number !== 'number' || !Number.isInteger(number)) {
        return {
          problem: `${typeof part === 'string' ? show(part, 20) : String(part)} is not a whole number`,
        };
      }
      numbers.push(number);
    }
    dates.push(numbers);
  }
  const reading = checkParts(dates);
  return 'problem' in reading ? reading : { date: { ...reading.date, ...extras } };
}

/** Check that each [year, month, day] exists on the calendar. */
function checkParts(dates: number[][]): DateReading {
  for (const [year, month, day] of dates) {
    if (year === undefined || Math.abs(year) > 9999) return { problem: `${year ?? 'no'} is not a year` };
    if (month === undefined) continue;
    if (month < 1 || month > 12) return { problem: `there is no month ${month}` };
    if (day === undefined) continue;
    const length = daysInMonth(year, month);
    if (day < 1 || day > length)
      return { problem: `${monthNames[month - 1] ?? ''} ${year} has no day ${day}` };
  }
  return { date: { 'date-parts': dates } };
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const monthNames = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
