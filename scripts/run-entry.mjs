// `npm run kb:check` and `npm run ask` in both settings: a clone with dev dependencies runs
// src/<entry>.ts through tsx (always the current code); a production install (`npm ci --omit=dev`,
// no tsx) runs the built dist/<entry>.js.
const entry = process.argv[2];
process.argv.splice(2, 1);
let tsx;
try {
  tsx = await import('tsx/esm/api');
} catch {
  tsx = undefined;
}
if (tsx) {
  tsx.register();
  await import(new URL(`../src/${entry}.ts`, import.meta.url).href);
} else {
  await import(new URL(`../dist/${entry}.js`, import.meta.url).href);
}
