// `npm start` runs this first: rebuild the web app (web/dist) when it is missing or older than
// any source file under web/. Only stats files when nothing changed, so a start stays fast.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const webDir = join(root, 'web');
const builtMarker = join(webDir, 'dist', 'index.html');
/** Folders under web/ that are not sources of the build. */
const SKIP = new Set(['dist', 'node_modules', '.vite']);

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    const path = join(dir, entry.name);
    const mtime = entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs;
    if (mtime > newest) newest = mtime;
  }
  return newest;
}

function builtAt(): number | null {
  try {
    return statSync(builtMarker).mtimeMs;
  } catch {
    return null;
  }
}

export function webBuildIsStale(): boolean {
  const built = builtAt();
  return built === null || newestMtime(webDir) > built;
}

if (webBuildIsStale()) {
  console.log('web/dist is missing or older than web/: building the web app…');
  const result = spawnSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`The web build failed (exit ${result.status ?? result.signal}); run \`npm run build:web\` to see why.`);
    process.exit(result.status ?? 1);
  }
}
