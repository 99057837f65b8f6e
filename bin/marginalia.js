#!/usr/bin/env node
// The `marginalia` command: the compiled program in dist/bin/ (made by `npm run build`, which
// `npm ci` and `npm pack` run), so no TypeScript loader is involved at run time.
const entry = new URL('../dist/bin/main.js', import.meta.url);
let program;
try {
  program = await import(entry.href);
} catch (cause) {
  if (cause?.code !== 'ERR_MODULE_NOT_FOUND' || !String(cause.message).includes('dist/bin/main.js'))
    throw cause;
  process.stderr.write(
    'marginalia: the compiled program (dist/) is missing: in a clone of the repository, run npm run build\n',
  );
  process.exit(2);
}
process.exitCode = await program.main(process.argv.slice(2));
