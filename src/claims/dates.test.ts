import { describe, expect, it } from 'vitest';
import { readDate } from './dates.ts';

describe('readDate', () => {
  const valid: Array<{ value: unknown; date: object }> = [
    { value: '2024-02-20', date: { 'date-parts': [[2024, 2, 20]] } },
    { value: ' 2024-02 ', date: { 'date-parts': [[2024, 2]] } },
    { value: '2024', date: { 'date-parts': [[2024]] } },
    { value: 2024, date: { 'date-parts': [[2024]] } },
    { value: '2024-02-29', date: { 'date-parts': [[2024, 2, 29]] } },
    { value: '2000-02-29', date: { 'date-parts': [[2000, 2, 29]] } },
    { value: '2024-02-20T23:30:00-05:00', date: { 'date-parts': [[2024, 2, 20]] } },
    { value: '2024-02-20 01:00:00 +09:00', date: { 'date-parts': [[2024, 2, 20]] } },
    { value: new Date(Date.UTC(2024, 1, 20)), date: { 'date-parts': [[2024, 2, 20]] } },
    { value: { 'date-parts': [[2024, '2', 20]] }, date: { 'date-parts': [[2024, 2, 20]] } },
    { value: { 'date-parts': [[2020], [2021, 6]] }, date: { 'date-parts': [[2020], [2021, 6]] } },
    { value: { 'date-parts': [[1850]], circa: true }, date: { 'date-parts': [[1850]], circa: true } },
    { value: { raw: '2024-02-20' }, date: { 'date-parts': [[2024, 2, 20]] } },
    { value: { raw: 'c. 1850' }, date: { raw: 'c. 1850' } },
    { value: { literal: 'Spring 1990s' }, date: { literal: 'Spring 1990s' } },
  ];

  it.each(valid)('should read $value as date-parts', ({ value, date }) => {
    // Act
    const reading = readDate(value);

    // Assert
    expect(reading).toEqual({ date });
  });

  const invalid: Array<{ value: unknown; problem: string }> = [
    { value: '2024-13-01', problem: 'there is no month 13' },
    { value: '2023-02-29', problem: 'February 2023 has no day 29' },
    { value: '1900-02-29', problem: 'February 1900 has no day 29' },
    { value: '2024-04-31', problem: 'April 2024 has no day 31' },
    { value: '20/02/2024', problem: '"20/02/2024" is not written YYYY-MM-DD, YYYY-MM or YYYY' },
    { value: 'February 20, 2024', problem: '"February 20, 2024" is not written YYYY-MM-DD, YYYY-MM or YYYY' },
    { value: '24-2-20', problem: '"24-2-20" is not written YYYY-MM-DD, YYYY-MM or YYYY' },
    { value: 2024.5, problem: '2024.5 is not a year' },
    { value: null, problem: 'a date cannot be empty' },
    { value: [2024, 2, 20], problem: 'a date cannot be a list' },
    { value: true, problem: 'a date cannot be a boolean' },
    { value: {}, problem: 'a date mapping needs date-parts, such as {date-parts: [[2024, 2, 20]]}' },
    {
      value: { 'date-parts': [2024, 2, 20] },
      problem: 'date-parts is a list of dates: write it with two pairs of brackets, such as [[2024, 2, 20]]',
    },
    {
      value: { 'date-parts': [[2024], 2024] },
      problem: 'each date in date-parts must be a list [year, month, day] (month and day optional)',
    },
    {
      value: { 'date-parts': [] },
      problem: 'date-parts must hold one date [[2024, 2, 20]] or a range of two [[2020], [2021]]',
    },
    { value: { 'date-parts': [[2024, 'Feb']] }, problem: '"Feb" is not a whole number' },
    { value: { 'date-parts': [[2024, 2, 30]] }, problem: 'February 2024 has no day 30' },
    { value: { 'date-parts': [[2024]], raw: 5 }, problem: '"raw" must be text' },
  ];

  it.each(invalid)('should explain why $value is not a date', ({ value, problem }) => {
    // Act
    const reading = readDate(value);

    // Assert
    expect(reading).toEqual({ problem });
  });
});
