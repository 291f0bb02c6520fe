#!/usr/bin/env node
// `npx sentinel …`: runs on the project's pinned Node 24 (npx puts node_modules/.bin first on PATH).
import { runCli } from '../src/cli/main.ts';

process.exitCode = await runCli(process.argv.slice(2));
