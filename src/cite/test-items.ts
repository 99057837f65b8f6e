/** CSL items shared by the citation tests (test data, not shipped). */
import type { CslItem } from '../claims/types.ts';

/** A journal article with two personal authors, a container, volume, issue, pages and a DOI. */
export const article: CslItem = {
  id: 'smith-doe-2020',
  type: 'article-journal',
  title: 'Reading the marginalia of medieval manuscripts',
  'container-title': 'Journal of Book History',
  author: [
    { family: 'Smith', given: 'Jane' },
    { family: 'Doe', given: 'John' },
  ],
  issued: { 'date-parts': [[2020, 5]] },
  volume: '12',
  issue: '3',
  page: '45-67',
  DOI: '10.1234/jbh.2020.003',
};
