#!/usr/bin/env node
// Written for any Node version, so that an old one gets a clear message instead of a syntax error. CommonJS
// (bin/package.json): a command then runs without starting Node's ES module loader (src/cli/start.ts).
var major = Number(process.versions.node.split('.')[0]);
if (major < 20) {
  process.stderr.write('swelearn needs Node.js 20 or newer; this is Node.js ' + process.versions.node + '.\n');
  process.exit(1);
}
var args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  // Answered before the bundle loads: a version check should cost no more than starting Node.
  var manifest = JSON.parse(require('fs').readFileSync(require('path').join(__dirname, '..', 'package.json'), 'utf8'));
  process.stdout.write(manifest.version + '\n');
} else if ((args.length === 0 || (args.length === 1 && (args[0] === 'stats' || args[0] === 'quiz'))) && process.stdout.isTTY && process.stdin.isTTY) {
  // A bare `swelearn` in a terminal is the app, and `swelearn stats` and `swelearn quiz` its screens: they load
  // without the command bundle and the study bundles, which they never use, from the app's scripts run through the code
  // cache (src/cli/start.ts). stdout is asked first: in a pipe that settles it, and process.stdin (1-2 ms to
  // make) is never made.
  var appPath = require('path');
  require(appPath.join(__dirname, '..', 'dist', 'start.cjs')).openApp(args[0], appPath.join(__dirname, '..', 'dist')).then(function (code) {
    process.exitCode = code;
  });
} else {
  // The commands run from CommonJS bundles with their compiled code cached between runs (src/cli/start.ts).
  var path = require('path');
  require(path.join(__dirname, '..', 'dist', 'start.cjs')).start(args, path.join(__dirname, '..', 'dist')).then(function (code) {
    process.exitCode = code;
  });
}
