import { Box, Text } from 'ink';
import type { PacketEvent, ResolutionEvent } from '../../../core/dns-sim/events.js';
import type { MessageView, RecordView } from '../../../core/dns-sim/wire/message-view.js';
import { stripControl } from '../../../core/text/sanitize.js';
import { fitText } from '../../components/window.js';
import { useTheme } from '../../theme.js';
import { bytesPerRowFor, flagList, hexRows, packetAt } from './packet-view.js';
import { endFullName } from './timeline-panel.js';

/** The lines of the packet inspector for one message: header, flags, question, sections, size, then hex if asked. */
export function packetLines(event: PacketEvent, own: boolean, showHex: boolean, width: number): { text: string; style?: 'bold' | 'dim' | 'flags' }[] {
  const message = event.message;
  const lines: { text: string; style?: 'bold' | 'dim' | 'flags' }[] = [];
  const direction = message.flags.qr ? 'response' : 'query';
  lines.push({ text: `Packet: ${direction} ${endFullName(event.from)} -> ${endFullName(event.to)} over ${event.transport.toUpperCase()}${own ? '' : ` (from step ${event.seq + 1})`}`, style: 'bold' });
  lines.push({ text: `id ${message.id}  opcode ${message.flags.opcode}  rcode ${message.rcode}  ${message.sizeBytes} bytes${message.ednsUdpPayloadBytes !== undefined ? `  EDNS ${message.ednsUdpPayloadBytes}` : ''}` });
  lines.push({ text: flagList(message).map(({ flag, on }) => `${flag}=${on ? 1 : 0}`).join(' '), style: 'flags' });
  lines.push({ text: `question   ${message.question.name || '.'} ${message.question.type}` });
  lines.push(...section('answer', message.answer), ...section('authority', message.authority), ...section('additional', message.additional));
  if (showHex) {
    lines.push({ text: 'bytes (x hides)', style: 'bold' });
    lines.push(...hexRows(message.hex, bytesPerRowFor(width)).map((text) => ({ text, style: 'dim' as const })));
  } else lines.push({ text: 'x shows the bytes in hex', style: 'dim' });
  return lines;
}

function section(name: string, records: readonly RecordView[]): { text: string }[] {
  if (records.length === 0) return [];
  return records.map((record, index) => ({ text: `${index === 0 ? `${name} (${records.length})`.padEnd(11) : ' '.repeat(11)}${record.name || '.'} ${record.ttlSeconds} ${record.type} ${stripControl(record.data)}` }));
}

/** The packet inspector: the current step's message (or the last one before it), windowed to the height. */
export function PacketPanel({ events, cursor, showHex, width, height }: { events: readonly ResolutionEvent[]; cursor: number; showHex: boolean; width: number; height: number }) {
  const theme = useTheme();
  const packet = packetAt(events, cursor);
  if (!packet) {
    return (
      <Box flexDirection="column" width={width} height={height}>
        <Text bold>Packet</Text>
        <Text dimColor>no DNS message yet at this step</Text>
      </Box>
    );
  }
  const lines = packetLines(packet.event, packet.own, showHex, width);
  const shown = lines.length > height ? [...lines.slice(0, height - 1), { text: `${theme.glyphs.ellipsis} ${lines.length - height + 1} more lines (a larger terminal shows them)`, style: 'dim' as const }] : lines;
  return (
    <Box flexDirection="column" width={width} height={height}>
      {shown.map((line, index) =>
        line.style === 'flags' ? (
          <FlagsLine key={index} message={packet.event.message} />
        ) : (
          <Text key={index} wrap="truncate-end" bold={line.style === 'bold'} dimColor={line.style === 'dim'}>{fitText(line.text, width, theme.glyphs.ellipsis)}</Text>
        ),
      )}
    </Box>
  );
}

// Each flag reads "AA=1" so its state never rests on colour; colour and bold only help.
function FlagsLine({ message }: { message: MessageView }) {
  const theme = useTheme();
  return (
    <Text wrap="truncate-end">
      {flagList(message).map(({ flag, on }) => (
        <Text key={flag} bold={on} color={on ? theme.tone.good : undefined} dimColor={!on}>{`${flag}=${on ? 1 : 0} `}</Text>
      ))}
    </Text>
  );
}
