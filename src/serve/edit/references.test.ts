import { describe, expect, it } from 'vitest';
import { parseReferences } from './references.ts';

describe('parseReferences', () => {
  it('should read BibTeX into the fields a claims file takes, with its key as id', async () => {
    // Arrange
    const bibtex =
      '@article{doe2020, title={A Study}, author={Doe, Jane}, journal={Nature}, year={2020}, month=mar, note={x}, abstract={Y}, urldate={2021-01-01}, pages={1--2}, eprint={arXiv:1}, eprinttype={arxiv}}';

    // Act
    const answer = await parseReferences(bibtex, []);

    // Assert
    expect(answer.items).toEqual([
      {
        id: 'doe2020',
        type: 'article-journal',
        title: 'A Study',
        author: [{ given: 'Jane', family: 'Doe' }],
        'container-title': 'Nature',
        issued: '2020-03',
        abstract: 'Y',
        note: 'x',
        page: '1-2',
        accessed: '2021-01-01',
      },
    ]);
    expect(answer.previews[0]).toBe('Doe, J. (2020). A Study. Nature, 1–2.');
  });

  it('should read RIS and CSL-JSON, giving each an unused id', async () => {
    // Arrange
    const ris = 'TY  - JOUR\nTI  - Ris title\nAU  - Smith, John\nPY  - 2019/05/02\nER  - \n';
    const csl = JSON.stringify([
      { id: 'smith-2019', type: 'book', title: 'T', issued: { 'date-parts': [[2001]] } },
    ]);

    // Act
    const fromRis = await parseReferences(ris, ['smith-2019']);
    const fromCsl = await parseReferences(csl, []);

    // Assert
    expect(fromRis.items[0]).toMatchObject({ id: 'smith-2019-2', title: 'Ris title', issued: '2019-05-02' });
    expect(fromCsl.items[0]).toEqual({ id: 'smith-2019', type: 'book', title: 'T', issued: '2001' });
  });

  it('should make a reference of a bare DOI or URL without the network, and say what to fill in', async () => {
    // Arrange
    const doi = 'https://doi.org/10.1038/nphys1170';

    // Act
    const fromDoi = await parseReferences(doi, []);
    const fromUrl = await parseReferences('https://example.org/a/page', []);

    // Assert
    expect(fromDoi.items[0]).toEqual({
      id: 'nphys1170',
      type: 'article-journal',
      title: '',
      DOI: '10.1038/nphys1170',
      URL: 'https://doi.org/10.1038/nphys1170',
    });
    expect(fromDoi.note).toContain('fill in the title');
    expect(fromUrl.items[0]).toMatchObject({ type: 'webpage', URL: 'https://example.org/a/page', title: '' });
  });

  it('should refuse text that is no reference', async () => {
    // Arrange
    const text = 'just some words';

    // Act
    const attempt = parseReferences(text, []);

    // Assert
    await expect(attempt).rejects.toThrow('This is not BibTeX, RIS, CSL-JSON, a DOI or a URL');
  });
});
