import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validatorSource } from './validator-source.ts';

describe('validate-claims.js', () => {
  it('should be what Ajv compiles from claims.schema.json now (run npm run generate when not)', () => {
    // Arrange
    const committed = readFileSync(new URL('./validate-claims.js', import.meta.url), 'utf8');

    // Act
    const generated = validatorSource();

    // Assert
    expect(
      committed === generated,
      'src/claims/validate-claims.js is out of date: run npm run generate',
    ).toBe(true);
  });
});
