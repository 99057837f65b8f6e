/**
 * The editing API's request bodies, as JSON Schemas checked with Ajv before anything else is
 * done with them: types, patterns, known values, and a size for every string and list. (The
 * claims file that a change makes is checked again, in full, by building the article.)
 */
import { Ajv, type ValidateFunction } from 'ajv';
import schema from '../../claims/claims.schema.json' with { type: 'json' };
import { claimKinds, verdicts } from '../../claims/types.ts';
import type {
  EditRequest,
  ParseReferenceRequest,
  PreviewRequest,
  QuoteRequest,
} from '../../editor/protocol.ts';

const slug = { type: 'string', minLength: 1, maxLength: 200 } as const;
const text = (maxLength: number, minLength = 0) => ({ type: 'string', minLength, maxLength }) as const;
const claimId = { type: 'string', pattern: '^[a-z0-9-]+$', maxLength: 120 } as const;

const claim = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'quote', 'kind', 'note', 'cites'],
  properties: {
    id: claimId,
    quote: { type: 'string', pattern: '\\S', maxLength: 5000 },
    prefix: text(500),
    suffix: text(500),
    kind: { enum: [...claimKinds] },
    verdict: { enum: [...verdicts] },
    note: text(50_000),
    cites: { type: 'array', maxItems: 100, uniqueItems: true, items: text(200, 1) },
  },
} as const;

const reference = {
  type: 'object',
  required: ['id', 'type', 'title'],
  maxProperties: 80,
  propertyNames: { enum: Object.keys(schema.definitions.cslItem.properties) },
  properties: {
    id: { type: 'string', pattern: '^[^\\s]+$', maxLength: 120 },
    type: { enum: schema.definitions.cslItem.properties.type.enum },
    title: text(2000, 1),
  },
} as const;

const references = { type: 'array', minItems: 1, maxItems: 50, items: reference } as const;

const edit = {
  type: 'object',
  additionalProperties: false,
  required: ['slug', 'hash', 'change'],
  properties: {
    slug,
    hash: { type: 'string', pattern: '^[0-9a-f]{64}$' },
    change: {
      oneOf: [
        {
          type: 'object',
          additionalProperties: false,
          required: ['type', 'claim'],
          properties: { type: { const: 'add-claim' }, claim, references },
        },
        {
          type: 'object',
          additionalProperties: false,
          required: ['type', 'id', 'claim'],
          properties: { type: { const: 'update-claim' }, id: claimId, claim, references },
        },
        {
          type: 'object',
          additionalProperties: false,
          required: ['type', 'id'],
          properties: { type: { const: 'delete-claim' }, id: claimId },
        },
        {
          type: 'object',
          additionalProperties: false,
          required: ['type', 'references'],
          properties: { type: { const: 'add-references' }, references },
        },
      ],
    },
  },
} as const;

const ajv = new Ajv({ allErrors: false, strict: false });

export const validators = {
  quote: ajv.compile<QuoteRequest>({
    type: 'object',
    additionalProperties: false,
    required: ['slug', 'block', 'exact', 'before'],
    properties: {
      slug,
      block: { type: 'string', pattern: '^[a-z]+-[0-9]+$' },
      exact: text(20_000, 1),
      before: text(1_000_000),
    },
  }),
  preview: ajv.compile<PreviewRequest>({
    type: 'object',
    additionalProperties: false,
    required: ['markdown'],
    properties: { markdown: text(50_000) },
  }),
  parseReference: ajv.compile<ParseReferenceRequest>({
    type: 'object',
    additionalProperties: false,
    required: ['slug', 'text'],
    properties: { slug, text: text(200_000, 1), lookup: { type: 'boolean' } },
  }),
  edit: ajv.compile<EditRequest>(edit),
};

/** The first problem Ajv found, in words. */
export function problemOf(validate: ValidateFunction): string {
  const [error] = validate.errors ?? [];
  if (!error) return 'The request is not valid';
  return `The request is not valid: ${error.instancePath || 'the body'} ${error.message ?? error.keyword}`;
}
