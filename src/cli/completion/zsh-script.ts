import type { Completion, FlagSpec } from '../table/command-spec.js';
import { completionList, valueCompletion, type CompletionWords } from './completion-words.js';

/** A zsh completion script (`#compdef swelearn`): commands with their summaries, each command's flags with descriptions and values. */
export function zshScript(words: CompletionWords): string {
  const globals = words.globalFlags.map((flag) => flagSpec(flag, words));
  const commands = words.commands.map((command) => quote(`${command.name}:${command.summary}`));
  const perCommand = words.perCommand.map((command) => {
    const specs = [...command.flags.map((flag) => flagSpec(flag, words)), ...(command.args === undefined ? [] : [quote(`*:argument:${action(command.args, words)}`)])];
    return `      ${command.name}) _arguments -s $global_flags ${specs.join(' ')} ;;`;
  });
  return `#compdef swelearn
# zsh completion for swelearn, written by \`swelearn completion zsh\` from its command table:
# save it as _swelearn in a folder of $fpath, or source it after compinit.
_swelearn() {
  local -a commands global_flags
  local curcontext=$curcontext state line
  commands=(${commands.join(' ')})
  global_flags=(${globals.join(' ')})
  _arguments -C -s $global_flags '1: :->command' '*:: :->argument' && return
  case $state in
    command) _describe -t commands 'swelearn command' commands ;;
    argument)
      case $words[1] in
${perCommand.join('\n')}
      esac ;;
  esac
}
# Run from $fpath the file is the completion function's body; sourced, it registers the function.
if [[ $funcstack[1] == _swelearn ]]; then
  _swelearn "$@"
else
  compdef _swelearn swelearn
fi
`;
}

function flagSpec(flag: FlagSpec, words: CompletionWords): string {
  const description = `[${escape(flag.description)}]`;
  const value = flag.value ? `:${escape(flag.value.toLowerCase())}:${action(valueCompletion(flag), words)}` : '';
  const repeat = flag.repeatable ? '*' : '';
  const long = `${repeat}--${flag.name}${flag.value ? '=' : ''}${description}${value}`;
  if (!flag.short) return quote(long);
  // -h and --help are one option: each excludes the other.
  return `${quote(`(-${flag.short} --${flag.name})-${flag.short}${description}`)} ${quote(`(-${flag.short} --${flag.name})${long}`)}`;
}

function action(completion: Completion | undefined, words: CompletionWords): string {
  if (completion === undefined) return ' ';
  if (completion === 'dirs') return '_files -/';
  if (completion === 'files') return '_files';
  return `(${completionList(completion, words)!.join(' ')})`;
}

// In an _arguments spec a description ends at "]" and a value's message at ":"; both are escaped.
function escape(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/([[\]:])/g, '\\$1');
}

function quote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}
