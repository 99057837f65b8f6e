import { describe, expect, it } from 'vitest';
import { claimsSchema, cslFields, dateFields, nameFields } from './check-shape.ts';
import { claimKinds, verdicts } from './types.ts';

/** Every `properties` entry of a schema, with its path, at any depth. */
function propertiesOf(schema: unknown, path = '#'): Array<[string, Record<string, unknown>]> {
  if (typeof schema !== 'object' || schema === null) return [];
  const found: Array<[string, Record<string, unknown>]> = [];
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'properties' && typeof value === 'object' && value !== null) {
      for (const [name, property] of Object.entries(value))
        found.push([`${path}/${name}`, property as Record<string, unknown>]);
    }
    found.push(...propertiesOf(value, `${path}/${key}`));
  }
  return found;
}

describe('claims.schema.json', () => {
  it('should list the kinds and verdicts of the contract', () => {
    // Arrange
    const claim = (
      claimsSchema.definitions as Record<string, { properties: Record<string, { enum?: string[] }> }>
    ).claim;

    // Assert
    expect(claim?.properties.kind?.enum).toEqual([...claimKinds]);
    expect(claim?.properties.verdict?.enum).toEqual([...verdicts]);
  });

  it('should describe every property, so that it documents the format', () => {
    // Act
    const undocumented = propertiesOf(claimsSchema)
      .filter(([, property]) => typeof property.description !== 'string' || property.description === '')
      .map(([path]) => path);

    // Assert
    expect(undocumented).toEqual([]);
  });

  it('should know the CSL date and name variables', () => {
    // Assert
    expect([...dateFields].sort()).toEqual([
      'accessed',
      'available-date',
      'event-date',
      'issued',
      'original-date',
      'submitted',
    ]);
    expect(nameFields.has('author') && nameFields.has('editor') && nameFields.has('translator')).toBe(true);
    expect(cslFields.has('container-title') && cslFields.has('URL') && cslFields.has('DOI')).toBe(true);
  });
});
