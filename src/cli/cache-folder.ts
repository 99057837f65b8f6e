/**
 * Where the command keeps what it may reuse between runs (formatted citations): the
 * `MARGINALIA_CACHE_DIR` folder when set; else `node_modules/.cache/marginalia/` of the working
 * folder, where tools of a project usually keep their caches, when the working folder has a
 * `node_modules`; else the user's cache folder (`$XDG_CACHE_HOME/marginalia`, or
 * `~/.cache/marginalia`).
 */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';

export function citationCacheFolder(cwd = process.cwd(), env: NodeJS.ProcessEnv = process.env): string {
  if (env.MARGINALIA_CACHE_DIR) return path.resolve(cwd, env.MARGINALIA_CACHE_DIR);
  const modules = path.join(cwd, 'node_modules');
  if (existsSync(modules)) return path.join(modules, '.cache', 'marginalia');
  const base = env.XDG_CACHE_HOME ? path.resolve(env.XDG_CACHE_HOME) : path.join(homedir(), '.cache');
  return path.join(base, 'marginalia');
}
