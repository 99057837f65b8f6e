/**
 * Before any test: make sure the package build (`dist/`: the compiled command, the reader's
 * bundle) is up to date with the sources, since the command-line and browser tests run the
 * command as users do (`bin/marginalia.js` runs `dist/`). Does nothing when it is.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const tsx = createRequire(import.meta.url).resolve('tsx');
  const result = spawnSync(process.execPath, ['--import', tsx, 'scripts/build-package.ts', '--if-stale'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('npm run build failed: the tests need the built package');
}
