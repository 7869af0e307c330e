// `npm run build` starts from an empty dist/, so that a removed source file leaves no stale module behind.
import { rmSync } from 'node:fs';

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
