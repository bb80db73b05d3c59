/** How values and numbers appear in the checker's messages. */

/** A JSON value as the file has it, cut short: `"a7"`, `[10, 20, 30, 40]`, `null`. */
export function preview(value: unknown): string {
  if (value === undefined) return 'missing';
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  text = text.replace(/,(?=\S)/g, ', ');
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** 1,000,000: counts in messages read as the documentation writes them. */
export function count(n: number): string {
  return n.toLocaleString('en-US');
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${count(n)} ${n === 1 ? one : many}`;
}

/** A short number for a computed value: 0.0156, not 0.015625000000001. */
export function short(n: number): string {
  return String(Number(n.toPrecision(3)));
}

export function kindName(kind: string): string {
  return kind === 'imageObjectDetection' ? 'object detection' : 'classification';
}
