/**
 * A value as one word of a POSIX shell, for a command a message tells the user to type:
 * as it is when nothing in it is special to the shell, else in single quotes (a quote
 * inside written `'\''`). `-o my notes.txt`, pasted, was three words.
 */
export function shellWord(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`;
}
