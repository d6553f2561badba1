import type { Completion, FlagSpec } from '../table/command-spec.js';
import { completionList, valueCompletion, type CompletionWords } from './completion-words.js';

/** A bash completion script: commands, flags, and flag values where they are known (choices, scenarios, cards, folders, files). */
export function bashScript(words: CompletionWords): string {
  const globals = words.globalFlags.flatMap(flagTokens);
  const valueCases = [
    ...words.globalFlags.filter((flag) => flag.value).map((flag) => valueCase('*', flag, words)),
    ...words.perCommand.flatMap((command) => command.flags.filter((flag) => flag.value).map((flag) => valueCase(command.name, flag, words))),
  ];
  const flagCases = words.perCommand.map((command) => `      ${command.name}) flags=${quote([...command.flags.flatMap(flagTokens), ...globals].join(' '))} ;;`);
  const argCases = words.perCommand.filter((command) => command.args !== undefined).map((command) => `    ${command.name}) ${reply(command.args!, words)} ;;`);
  return `# bash completion for swelearn, written by \`swelearn completion bash\` from its command table.
_swelearn() {
  local cur=\${COMP_WORDS[COMP_CWORD]} prev=\${COMP_WORDS[COMP_CWORD-1]} cmd= flags= i
  for ((i = 1; i < COMP_CWORD; i++)); do
    case \${COMP_WORDS[i]} in
      --content) ((i++)) ;;
      -*) ;;
      *) cmd=\${COMP_WORDS[i]}; break ;;
    esac
  done
  case $cmd:$prev in
${valueCases.join('\n')}
  esac
  if [[ $cur == -* ]]; then
    case $cmd in
${flagCases.join('\n')}
      *) flags=${quote(globals.join(' '))} ;;
    esac
    COMPREPLY=($(compgen -W "$flags" -- "$cur"))
    return
  fi
  case $cmd in
    '') COMPREPLY=($(compgen -W ${quote(words.commands.map((command) => command.name).join(' '))} -- "$cur")) ;;
${argCases.join('\n')}
  esac
}
complete -F _swelearn swelearn
`;
}

function flagTokens(flag: FlagSpec): string[] {
  return [...(flag.short ? [`-${flag.short}`] : []), `--${flag.name}`];
}

// A flag that takes a value completes the value (or nothing, for free text) and stops there.
function valueCase(command: string, flag: FlagSpec, words: CompletionWords): string {
  const completion = valueCompletion(flag);
  return `    ${command}:--${flag.name}) ${completion === undefined ? 'COMPREPLY=()' : reply(completion, words)}; return ;;`;
}

function reply(completion: Completion, words: CompletionWords): string {
  if (completion === 'dirs') return 'COMPREPLY=($(compgen -d -- "$cur"))';
  if (completion === 'files') return 'COMPREPLY=($(compgen -f -- "$cur"))';
  return `COMPREPLY=($(compgen -W ${quote(completionList(completion, words)!.join(' '))} -- "$cur"))`;
}

function quote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}
