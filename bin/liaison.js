#!/usr/bin/env node
// The `liaison` command. It runs the compiled code in dist/; `npm start` or `npm run build` makes it.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('liaison: not built yet; run `npm run build` (or `npm start`) first\n');
  process.exit(2);
}
const { main } = await import(entry.href);
await main();
