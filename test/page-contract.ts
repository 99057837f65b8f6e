/**
 * The built page's side of ../shared/CONTRACT.md §3, as one check that any test can run on a
 * page: returns the list of broken promises (empty when the page keeps the contract).
 */
import { Window } from 'happy-dom';

export interface ContractClaim {
  id: string;
  quote: string;
}

const fold = (text: string) => text.replace(/\s+/gu, ' ').trim();

export function pageContractProblems(html: string, claims: readonly ContractClaim[]): string[] {
  const window = new Window();
  const document = new window.DOMParser().parseFromString(html, 'text/html');
  const problems: string[] = [];
  const readers = document.querySelectorAll('marginalia-reader');
  if (readers.length !== 1) problems.push(`expected one <marginalia-reader>, found ${readers.length}`);
  const reader = readers[0];
  if (!reader) return problems;

  const article = reader.querySelector('article');
  const paragraphs = [...(article?.querySelectorAll('p') ?? [])];
  paragraphs.forEach((p, index) => {
    const n = String(index + 1);
    if (p.id !== `p-${n}` || p.getAttribute('data-paragraph') !== n) {
      problems.push(`paragraph ${n} has id="${p.id}" data-paragraph="${p.getAttribute('data-paragraph')}"`);
    }
  });
  if (reader.querySelector('mark mark')) problems.push('a mark is nested in a mark');

  const marks = [...reader.querySelectorAll('mark[data-claims]')];
  for (const claim of claims) {
    const text = marks
      .filter((mark) => (mark.getAttribute('data-claims') ?? '').split(' ').includes(claim.id))
      .map((mark) => mark.textContent)
      .join('');
    if (fold(text) !== fold(claim.quote)) {
      problems.push(`claim ${claim.id}: marks read "${fold(text)}", quote is "${fold(claim.quote)}"`);
    }
    if (!document.getElementById(`note-${claim.id}`))
      problems.push(`claim ${claim.id}: no #note-${claim.id}`);
  }
  window.close();
  return problems;
}
