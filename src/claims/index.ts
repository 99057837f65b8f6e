/**
 * Reading and validating claims files (the package's `marginalia/claims`): `readClaims` turns a
 * vfile holding a `.claims.yaml` or `.claims.json` into the typed document, every problem a
 * vfile message with its place and rule id; `claimsSchema` is the file's JSON Schema.
 */
export { readClaims } from './read-claims.ts';
export { claimsSchema } from './check-shape.ts';
export {
  claimKinds,
  verdicts,
  type CheckLevel,
  type Claim,
  type ClaimKind,
  type ClaimsDocument,
  type CslDate,
  type CslItem,
  type CslName,
  type Point,
  type Review,
  type Verdict,
} from './types.ts';
