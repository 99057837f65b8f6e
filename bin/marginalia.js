#!/usr/bin/env node
// The `marginalia` command. Node 20 cannot run TypeScript, so tsx's loader compiles the
// sources on the fly (and caches them).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
