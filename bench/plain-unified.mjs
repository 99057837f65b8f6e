// The baseline of the whole-process figures: plain unified as a user writes it, in a fresh
// Node.js process: remark-parse → remark-rehype → rehype-stringify on a text, written to a file.
//   node bench/plain-unified.mjs INPUT OUTPUT
import { readFile, writeFile } from 'node:fs/promises';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

const [input, output] = process.argv.slice(2);
const file = await unified()
  .use(remarkParse)
  .use(remarkRehype)
  .use(rehypeStringify)
  .process(await readFile(input, 'utf8'));
await writeFile(output, String(file));
