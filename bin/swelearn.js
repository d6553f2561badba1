#!/usr/bin/env node
// Written for any Node version, so that an old one gets a clear message instead of a syntax error.
var major = Number(process.versions.node.split('.')[0]);
if (major < 20) {
  process.stderr.write('swelearn needs Node.js 20 or newer; this is Node.js ' + process.versions.node + '.\n');
  process.exit(1);
}
import('../dist/swelearn.js').then(function (cli) {
  return cli.main(process.argv.slice(2));
}).then(function (code) {
  process.exitCode = code;
});
