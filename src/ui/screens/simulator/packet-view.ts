import { isPacketEvent, type PacketEvent, type ResolutionEvent } from '../../../core/dns-sim/events.js';
import type { MessageView } from '../../../core/dns-sim/wire/message-view.js';

/** The header flags in wire order, each with whether it is set. */
export function flagList(message: MessageView): { flag: string; on: boolean }[] {
  return (['qr', 'aa', 'tc', 'rd', 'ra', 'ad', 'cd'] as const).map((flag) => ({ flag: flag.toUpperCase(), on: message.flags[flag] }));
}

/** A hex dump: offset, up to 16 bytes in hex, and their printable ASCII, as `xxd` prints it. */
export function hexRows(hex: string, bytesPerRow = 16): string[] {
  const bytes = hex.match(/[0-9a-f]{2}/gi) ?? [];
  const rows: string[] = [];
  for (let at = 0; at < bytes.length; at += bytesPerRow) {
    const slice = bytes.slice(at, at + bytesPerRow);
    const ascii = slice.map((byte) => {
      const code = parseInt(byte, 16);
      return code >= 0x20 && code < 0x7f ? String.fromCharCode(code) : '.';
    });
    rows.push(`${at.toString(16).padStart(4, '0')}  ${slice.join(' ').padEnd(bytesPerRow * 3 - 1)}  ${ascii.join('')}`);
  }
  return rows;
}

/** How many bytes a hex row can show in a width (the xxd layout: 4 + 2 + 3n - 1 + 2 + n columns). */
export function bytesPerRowFor(width: number): number {
  const fit = Math.floor((width - 7) / 4);
  return fit >= 16 ? 16 : fit >= 8 ? 8 : Math.max(1, fit);
}

/** The packet the inspector shows at the cursor: the step's own message, else the last one before it. */
export function packetAt(events: readonly ResolutionEvent[], cursor: number): { event: PacketEvent; own: boolean } | undefined {
  for (let index = Math.min(cursor, events.length - 1); index >= 0; index--) {
    const event = events[index]!;
    if (isPacketEvent(event)) return { event, own: index === cursor };
  }
  return undefined;
}
