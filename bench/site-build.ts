/**
 * `marginalia build ARTICLES --out OUT` with a given number of worker threads (the command
 * itself always uses every core): `node --import tsx bench/site-build.ts ARTICLES OUT JOBS`.
 * Exits 1 when an article fails.
 */
import { build } from '../src/build/build.ts';
import { discoverArticles } from '../src/build/discover.ts';

const [articles = 'article', outDir = 'build', jobs = '1'] = process.argv.slice(2);
const result = await build(discoverArticles([articles]), {
  outDir,
  write: true,
  jobs: Number(jobs),
  progress: false,
});
if (!result.ok) {
  for (const article of result.articles.filter((built) => !built.ok)) console.error(`✗ ${article.slug}`);
  process.exitCode = 1;
}
