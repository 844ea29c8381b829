// Runs the CLI from source (tests use it through tsx; the installed `liaison` command runs dist/cli/main.js).
import { main } from './main.js';

await main();
