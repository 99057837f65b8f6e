/**
 * Every rule id Marginalia reports, with what it means. Messages are vfile messages with
 * `source: 'marginalia'`, a `ruleId` from this list and a `place` in the file at fault.
 */
export const rules = {
  'claims-syntax': 'the claims file is not valid YAML or JSON',
  'missing-field': 'a required field is missing',
  'wrong-type': 'a field has the wrong type',
  'unknown-field': 'a field that Marginalia does not know (warning: it is ignored)',
  'unknown-kind': 'a claim kind that is not one of the seven kinds',
  'unknown-verdict': 'a verdict that is not one of the six verdicts',
  'unknown-csl-type': 'a reference (or source) `type` that is not a CSL item type',
  'invalid-claim-id': 'a claim id that is not lower-case letters, digits and hyphens',
  'duplicate-claim-id': 'two claims with the same id',
  'duplicate-reference-id': 'two references with the same id',
  'unknown-reference': 'a `cites` id that names no reference',
  'unused-reference': 'a reference that no claim cites (warning; editorial check)',
  'verdict-on-opinion': 'an opinion or a recommendation with a verdict (warning; editorial check)',
  'verdict-without-citation':
    'a claim with a verdict other than unverifiable that cites no reference (warning; editorial check)',
  'uncited-source':
    'a note that links to a source, or names one with a date, that the claim does not cite (warning; editorial check)',
  'reference-without-date': 'a reference with no date of publication (warning; editorial check)',
  'reference-without-url':
    'a reference of a kind that is read online (a web page, a preprint…) with no URL or DOI (warning; editorial check)',
  'source-after-review':
    'a claim that cites a source published after the claim was reviewed (warning; editorial check)',
  'unknown-check': 'a rule id under `checks:` that is not an editorial check (warning: it is ignored)',
  'no-claims': 'a claims file whose list of claims is empty or null (warning: the page shows the text alone)',
  'invalid-date': 'a date that is neither YYYY[-MM[-DD]] nor CSL date-parts',
  'unsafe-url': 'a URL that is not http(s) or mailto',
  'empty-quote': 'a quote with no text',
  'quote-not-found':
    'a quote that is not in the article (a near miss by typography, Markdown syntax or a paragraph break is named)',
  'quote-ambiguous': 'a quote found more than once, with no prefix or suffix that picks one',
  'missing-file': 'an article without its claims file, or a claims file without its article',
  'read-error': 'a file that could not be read',
  'internal-error': "the build of an article stopped on an error of Marginalia's own (please report it)",
  'write-error': "an article's output could not be written",
  'style-not-found': 'a CSL style file named by the claims file that could not be read',
  'article-too-large': "an article's text longer than the limit (16 MB)",
  'claims-file-too-large': 'a claims file longer than the limit (16 MB)',
  'too-many-blocks': 'an article with more blocks than the limit (100,000)',
  'nesting-too-deep':
    'block quotes, lists, emphasis or links nested deeper than the limit (32 levels), in the article or a note',
  'too-many-claims': 'a claims file with more claims than the limit (20,000)',
  'too-many-references': 'a claims file with more references than the limit (20,000)',
  'note-too-large': 'a note (or the provenance) longer than the limit (16 KB)',
  'too-many-overlapping-claims': 'more claims than the limit (64) covering the same words',
  'too-many-occurrences':
    'quotes that occur more often in the article, all together, than the limit (5,000,000)',
  'time-limit':
    'an article whose build took longer than its time limit (30 s, and 10 s more per MB of text and claims)',
  'csl-type-mismatch':
    'a reference typed in a way its fields contradict: a Federal Register rule typed legislation (use regulation), legislation without a number, an article without its periodical (warning)',
  'missing-title': 'a source or reference whose title is empty (warning)',
  'date-in-future': 'a date after today (warning)',
  'missing-access-date':
    'an undated web source (webpage, post-weblog, post) without accessed, which MLA and Chicago print (warning)',
  'no-canonical-url':
    'the page has no published address (no --base-url, no canonical:): copied links use the address it is read at (warning, build only)',
} as const;

export type RuleId = keyof typeof rules;

/**
 * The editorial checks: warnings by default, each of which a claims file may turn off or make
 * an error under `checks:`. No other rule can be configured: a quote that is not in the article,
 * say, is always an error.
 */
export const configurableRules = [
  'unused-reference',
  'verdict-on-opinion',
  'verdict-without-citation',
  'uncited-source',
  'reference-without-date',
  'reference-without-url',
  'source-after-review',
  'csl-type-mismatch',
  'missing-title',
  'date-in-future',
  'missing-access-date',
  'no-canonical-url',
] as const satisfies readonly RuleId[];

export type ConfigurableRule = (typeof configurableRules)[number];

export function isConfigurable(rule: string): rule is ConfigurableRule {
  return (configurableRules as readonly string[]).includes(rule);
}

export function isRuleId(rule: string): rule is RuleId {
  return Object.hasOwn(rules, rule);
}
