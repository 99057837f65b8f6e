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
