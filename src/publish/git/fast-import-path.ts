/** A path as fast-import reads it: always C-quoted, so no name can end the command early. */
export function quotePath(path: string): Buffer {
  let quoted = ''
  for (const byte of Buffer.from(path, 'utf8')) {
    if (byte === 0x22 || byte === 0x5c) quoted += `\\${String.fromCharCode(byte)}`
    else if (byte < 0x20 || byte === 0x7f) quoted += `\\${byte.toString(8).padStart(3, '0')}`
    else quoted += String.fromCharCode(byte)
  }
  // bytes above 0x7f stay as they are: latin1 turns each char back into its one byte
  return Buffer.from(`"${quoted}"`, 'latin1')
}
