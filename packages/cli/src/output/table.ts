/** Two columns, the labels aligned: `label  value`. */
export function formatTable(rows: ReadonlyArray<readonly [string, string]>, paintLabel: (text: string) => string = (text) => text): string {
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `${paintLabel(label.padEnd(width))}  ${value}`).join("\n");
}
