// `npm run build`: src/ bundled into dist/ by esbuild, one file per entry point (dist/main.js,
// dist/cli/*.js) and shared chunks in dist/chunks/, so that Node reads a few files instead of
// several hundred modules at start-up. `npm run build` type-checks with tsc first.
// `--outdir <folder>` builds elsewhere (the production test builds into a scratch copy).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({ options: { outdir: { type: 'string', default: 'dist' } } });
const outdir = resolve(values.outdir);
// The folder is emptied first: it may be dist/ or a folder outside the project, never the project or another part of it.
const fromRoot = relative(root, outdir);
if (!relative(outdir, root).startsWith('..') || (!fromRoot.startsWith('..') && !isAbsolute(fromRoot) && fromRoot !== 'dist')) {
  console.error(`--outdir ${values.outdir} is inside the project or holds it: build into dist/ or a folder outside the project`);
  process.exit(1);
}

// The build's id: a hash of the sources and the locked libraries, by which the built bot keys
// what it saves between starts (see src/knowledge/knowledge-cache.ts).
const buildId = createHash('sha256');
for (const file of readdirSync(join(root, 'src'), { recursive: true }).sort()) {
  if (String(file).endsWith('.ts')) buildId.update(`${file}\0`).update(readFileSync(join(root, 'src', String(file))));
}
buildId.update(readFileSync(join(root, 'package-lock.json')));

// What stays in node_modules (scripts/outside-the-bundle.json), which a production install must
// hold at its top level (the production test checks it). `external`: PGlite finds its WebAssembly
// and data files beside its own module; pg is loaded only with DATABASE_URL; iconv-lite, which
// raw-body loads, reads its tables of encodings only when a body needs one (bundled, they were
// half a megabyte of code to parse at every start). `loadedAtFirstUse`: libraries Bolt loads at
// start-up that this app needs later or never, replaced in the bundle by an object that loads them
// at its first use: undici, which Socket Mode's client uses only once it connects, @slack/oauth
// (with jsonwebtoken and semver), which only an OAuth start uses, and @opentelemetry/api, which
// prom-client reads only for exemplars (not used here). Express, for Bolt's ExpressReceiver, which
// this app never uses (it serves HTTP with Bolt's HTTPReceiver), is left out.
const outside = JSON.parse(readFileSync(join(root, 'scripts/outside-the-bundle.json'), 'utf8'));
const atFirstUse = {
  name: 'at-first-use',
  setup(build) {
    build.onResolve({ filter: new RegExp(`^(${outside.loadedAtFirstUse.join('|')})$`) }, (args) => {
      if (args.namespace === 'at-first-use') return { path: args.path, external: true };
      // The stand-in has only the properties read from it: an import would find none.
      if (args.kind !== 'require-call')
        return { errors: [{ text: `${args.path} is loaded at its first use: require() it, do not import it` }] };
      return { path: args.path, namespace: 'at-first-use' };
    });
    build.onLoad({ filter: /.*/, namespace: 'at-first-use' }, (args) => ({
      contents: `let loaded; module.exports = new Proxy({}, { get: (_, key) => (loaded ??= require(${JSON.stringify(args.path)}))[key] });`,
      loader: 'js',
    }));
  },
};
const withoutExpress = {
  name: 'without-express',
  setup(build) {
    build.onResolve({ filter: /^express$/ }, () => ({ path: 'express', namespace: 'without-express' }));
    build.onLoad({ filter: /.*/, namespace: 'without-express' }, () => ({
      contents: 'module.exports = () => { throw new Error("Bolt\'s ExpressReceiver is not part of this build"); };',
      loader: 'js',
    }));
  },
};

// A fresh folder, so that a removed source file leaves no stale chunk behind.
rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: ['src/main.ts', 'src/cli/ask.ts', 'src/cli/kb-check.ts', 'src/cli/report.ts'],
  outbase: 'src',
  outdir,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  external: outside.external,
  // The CommonJS libraries inside the bundle (Bolt and its own) call require() for Node's modules.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  plugins: [atFirstUse, withoutExpress],
  define: { __HR_BOT_BUILD_ID__: JSON.stringify(buildId.digest('hex').slice(0, 16)) },
  logLevel: 'warning',
});
