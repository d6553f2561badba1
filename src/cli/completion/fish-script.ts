import type { Completion, FlagSpec } from '../table/command-spec.js';
import { completionList, valueCompletion, type CompletionWords } from './completion-words.js';

/** A fish completion script: commands with their summaries, each command's flags with descriptions and values. */
export function fishScript(words: CompletionWords): string {
  const names = words.commands.map((command) => command.name).join(' ');
  const lines = [
    '# fish completion for swelearn, written by `swelearn completion fish` from its command table.',
    'complete -c swelearn -f',
    ...words.commands.map((command) => `complete -c swelearn -n ${quote(`not __fish_seen_subcommand_from ${names}`)} -a ${command.name} -d ${quote(command.summary)}`),
    ...words.globalFlags.map((flag) => `complete -c swelearn${flagPart(flag, words)}`),
    ...words.perCommand.flatMap((command) => {
      const when = ` -n ${quote(`__fish_seen_subcommand_from ${command.name}`)}`;
      const args = command.args === undefined ? [] : [`complete -c swelearn${when}${valuePart(command.args, words)}`];
      return [...command.flags.map((flag) => `complete -c swelearn${when}${flagPart(flag, words)}`), ...args];
    }),
  ];
  return `${lines.join('\n')}\n`;
}

function flagPart(flag: FlagSpec, words: CompletionWords): string {
  const short = flag.short ? ` -s ${flag.short}` : '';
  const value = flag.value ? valuePart(valueCompletion(flag), words) : '';
  return `${short} -l ${flag.name}${value} -d ${quote(flag.description)}`;
}

function valuePart(completion: Completion | undefined, words: CompletionWords): string {
  if (completion === undefined) return ' -x';
  if (completion === 'dirs') return ` -x -a ${quote('(__fish_complete_directories)')}`;
  if (completion === 'files') return ' -r -F';
  return ` -x -a ${quote(completionList(completion, words)!.join(' '))}`;
}

function quote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}
