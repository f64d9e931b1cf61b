#!/usr/bin/env node
// The `kpi` command line; its code is compiled to lib/ by `npm ci` (the prepare script).
require("../lib/cli/main.js").main();
