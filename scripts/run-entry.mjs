// `npm run kb:check` and `npm run ask` in both settings: a clone with dev dependencies runs
// src/<entry>.ts through tsx (always the current code); a production install (`npm ci --omit=dev`,
// no src/ or no tsx) runs the built dist/<entry>.js. Where src/ is absent, a tsx found in a
// parent folder's node_modules is not used.
import { existsSync } from 'node:fs';

const entry = process.argv[2];
process.argv.splice(2, 1);
const source = new URL(`../src/${entry}.ts`, import.meta.url);
const tsx = existsSync(source) ? await import('tsx/esm/api').catch(() => undefined) : undefined;
if (tsx) {
  tsx.register();
  await import(source.href);
} else {
  await import(new URL(`../dist/${entry}.js`, import.meta.url).href);
}
