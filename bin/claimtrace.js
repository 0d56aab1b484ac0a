#!/usr/bin/env node
// Entry point for `npx claimtrace`: the compiled CLI, built by `npm ci` through the prepare script.
import "../dist/cli/bin.js";
