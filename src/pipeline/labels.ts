/** Human labels for kinds and verdicts, shared by the page and the notes. */
import type { ClaimKind, Verdict } from '../claims/types.ts';

export const kindLabels: Record<ClaimKind, string> = {
  fact: 'Fact',
  statistic: 'Statistic',
  comparison: 'Comparison',
  causal: 'Causal claim',
  prediction: 'Prediction',
  opinion: 'Opinion',
  recommendation: 'Recommendation',
};

export const verdictLabels: Record<Verdict, string> = {
  supported: 'Supported',
  'partly-supported': 'Partly supported',
  unsupported: 'Unsupported',
  misleading: 'Misleading',
  disputed: 'Disputed',
  unverifiable: 'Unverifiable',
};

/** What the legend says a claim without a verdict is called. */
export const noVerdictLabel = 'No verdict';

/**
 * The legend's definitions of the verdicts in plain words, when the claims file gives none of
 * its own (`ratings:`).
 */
export const verdictDefinitions: Record<Verdict | 'none', string> = {
  supported: 'The evidence cited shows the claim is accurate.',
  'partly-supported': 'Part of the claim is accurate; part is not, or it leaves out something that matters.',
  unsupported: 'The evidence cited does not back the claim, or contradicts it.',
  misleading: 'The words may be accurate, but they give a wrong impression.',
  disputed: 'Credible sources disagree, and the evidence does not settle it.',
  unverifiable: 'The claim cannot be checked against the evidence available.',
  none: 'Noted, not rated: a view, a recommendation or a claim the editor did not judge.',
};

/** The legend's definitions of the kinds, when the claims file gives none of its own (`kinds:`). */
export const kindDefinitions: Record<ClaimKind, string> = {
  fact: 'A statement about what is or was the case.',
  statistic: 'A number, a share or a measure.',
  comparison: 'A claim that one thing is more, less, better or worse than another.',
  causal: 'A claim that one thing causes, or caused, another.',
  prediction: 'A claim about what will happen.',
  opinion: 'A judgement or a view rather than a checkable statement.',
  recommendation: 'A claim about what someone should do.',
};
