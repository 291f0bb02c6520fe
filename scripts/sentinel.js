#!/usr/bin/env node
// `npx sentinel …`: runs on the project's pinned Node 24 (npx puts node_modules/.bin first on PATH).
import { runCli } from '../src/cli/main.ts';

// Exit with the command's code as soon as it is done, whatever handles are still open.
process.exit(await runCli(process.argv.slice(2)));
