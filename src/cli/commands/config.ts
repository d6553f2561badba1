import type { SettingSource } from '../../app/settings.js';
import { SETTINGS } from '../../core/config/settings.js';
import { stripControl } from '../../core/text/sanitize.js';
import { UsageError } from '../../app/errors.js';
import type { CliContext } from '../context.js';
import { parseCommand } from '../parse-flags.js';
import { CONFIG } from '../table/tool-commands.js';

/** `swelearn config`: the config file, and each setting's effective value with where it came from. */
export async function runConfig(argv: string[], ctx: CliContext): Promise<number> {
  const args = parseCommand(CONFIG, argv);
  if (args.positionals.length > 0) throw new UsageError(`config takes no arguments, got "${stripControl(args.positionals[0]!)}" (settings are changed in the config file)`, args.usage);
  const settings = ctx.environment.settings();
  const rows = SETTINGS.map((spec) => ({ key: spec.key, ...settings[spec.field] }));
  if (args.has('json')) {
    const document = { file: settings.file, settings: Object.fromEntries(rows.map(({ key, value, source }) => [key, { value, ...source }])), warnings: settings.warnings };
    ctx.out(`${JSON.stringify(document, null, 2)}\n`);
    return 0;
  }
  const keyWidth = Math.max(...rows.map((row) => row.key.length));
  const valueWidth = Math.max(...rows.map((row) => String(row.value).length));
  ctx.out(`config file  ${settings.file.path}${settings.file.exists ? '' : '  (not created yet)'}\n\n`);
  for (const { key, value, source } of rows) ctx.out(`${key.padEnd(keyWidth)}  ${String(value).padEnd(valueWidth)}  ${describeSource(source)}\n`);
  ctx.out('\nStrongest first: a command-line flag, an environment variable, the config file, the default.\nThe file is YAML, one "key: value" a line; docs/config.md describes every setting.\n');
  return 0;
}

function describeSource(source: SettingSource): string {
  switch (source.from) {
    case 'flag':
      return `flag ${source.name}`;
    case 'environment':
      return `environment ${source.name}`;
    case 'config':
      return `config file, line ${source.line}`;
    case 'default':
      return source.name ? `default (${source.name})` : 'default';
  }
}
