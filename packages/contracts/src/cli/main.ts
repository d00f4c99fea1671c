#!/usr/bin/env node
import { runCli } from './run-cli';

process.exitCode = runCli(process.argv.slice(2), {
  out: (line) => console.log(line),
  error: (line) => console.error(line),
});
