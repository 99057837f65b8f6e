/**
 * `npm run fuzz`: the hostile cases of `hostile.ts`, larger than in `npm test`, for a set time;
 * then how many there were and what they came to: built, answered with messages (by rule id),
 * or failed, each failure with the seed and path that make it again.
 *
 *   npm run fuzz -- --seconds 300              # five minutes (default: 60)
 *   npm run fuzz -- --seed 42 --scale small    # from a given seed, with the inputs of npm test
 *   npm run fuzz -- --seed 42 --path 17 --out case   # one case again, its files written to case/
 *
 * Cases run in batches of fast-check runs, each batch from its own seed (the first is the
 * seed given, or one picked from the clock and printed). A failure is not shrunk: the run goes
 * on, and the seed and path bring back the case as it was.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { hostileCase, largeScale, runCase, smallScale, type HostileCase, type Outcome } from './hostile.ts';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '60' },
    seed: { type: 'string' },
    path: { type: 'string' },
    scale: { type: 'string', default: 'large' },
    out: { type: 'string' },
  },
});
const seconds = Number(values.seconds);
if (!(seconds > 0)) throw new Error(`--seconds must be a number above 0, not "${values.seconds}"`);
if (values.scale !== 'large' && values.scale !== 'small') throw new Error('--scale is large or small');
const scale = values.scale === 'large' ? largeScale : smallScale;
/** The build's own time limit for a case, and what the case may take in all. */
const timeMs = 10_000;
const boundMs = 30_000;
const firstSeed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed);
const batchRuns = 50;

interface Failure {
  seed: number;
  path: string;
  reason: string;
}

const counts = { cases: 0, built: 0, answered: 0 };
const byRule = new Map<string, number>();
const failures: Failure[] = [];
let slowest = 0;

function record(outcome: Outcome): void {
  counts.cases += 1;
  slowest = Math.max(slowest, outcome.ms);
  if (outcome.kind === 'built') counts.built += 1;
  if (outcome.kind === 'messages') {
    counts.answered += 1;
    for (const rule of outcome.rules) byRule.set(rule, (byRule.get(rule) ?? 0) + 1);
  }
}

function property(cases: HostileCase[] = []) {
  return fc.asyncProperty(hostileCase(scale), async (hostile) => {
    cases.push(hostile);
    const outcome = await runCase(hostile, timeMs, boundMs);
    record(outcome);
    if (outcome.kind === 'failure') throw new Error(outcome.reason);
  });
}

if (values.path !== undefined) {
  // One case again.
  const cases: HostileCase[] = [];
  const details = await fc.check(property(cases), {
    seed: firstSeed,
    path: values.path,
    numRuns: 1,
    endOnFailure: true,
  });
  const hostile = cases.at(-1);
  if (hostile && values.out !== undefined) {
    mkdirSync(values.out, { recursive: true });
    writeFileSync(path.join(values.out, `case.${hostile.format}`), hostile.article);
    writeFileSync(path.join(values.out, `case.claims.${hostile.claimsFormat}`), hostile.claims);
    console.log(`The case's files are in ${values.out}/: try \`node bin/marginalia.js check ${values.out}\``);
  }
  console.log(details.failed ? `Failed: ${String(details.errorInstance)}` : 'Passed.');
  process.exitCode = details.failed ? 1 : 0;
} else {
  console.log(`Fuzzing for ${seconds} s from seed ${firstSeed}, ${values.scale} inputs…`);
  const start = performance.now();
  const end = start + seconds * 1000;
  for (let batch = 0; performance.now() < end; batch++) {
    const seed = (firstSeed + batch * 7919) % 2 ** 31;
    const details = await fc.check(property(), {
      seed,
      numRuns: batchRuns,
      endOnFailure: true,
      interruptAfterTimeLimit: Math.max(1, end - performance.now()),
    });
    if (details.failed && details.counterexamplePath !== null) {
      failures.push({ seed, path: details.counterexamplePath, reason: String(details.errorInstance) });
    }
  }
  const elapsed = (performance.now() - start) / 1000;
  console.log(
    `${counts.cases} cases in ${elapsed.toFixed(1)} s: ${counts.built} built, ${counts.answered} answered with messages, ${failures.length} failed`,
  );
  console.log(`Slowest case: ${(slowest / 1000).toFixed(1)} s (each is stopped at ${timeMs / 1000} s)`);
  if (byRule.size > 0) {
    console.log('Cases answered with each rule id:');
    for (const [rule, count] of [...byRule].sort((a, b) => b[1] - a[1])) {
      console.log(`  ${rule.padEnd(28)} ${count}`);
    }
  }
  for (const failure of failures) {
    console.log(`Failure (seed ${failure.seed}, path ${failure.path}): ${failure.reason.slice(0, 2_000)}`);
    console.log(
      `  again: npm run fuzz -- --scale ${values.scale} --seed ${failure.seed} --path ${failure.path} --out fuzz-case`,
    );
  }
  process.exitCode = failures.length > 0 ? 1 : 0;
}
