// Types of the generated `validate-claims.js` (scripts/generate-validator.ts).
import type { ValidateFunction } from 'ajv';

declare const validate: ValidateFunction;
export { validate };
export default validate;
