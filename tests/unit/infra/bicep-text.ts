import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Just enough Bicep reading for tests/unit/infra: no Bicep compiler is installable here, so the
 * infra is checked as text. Strings ('…', '''…''') are respected so `https://` never reads as a comment.
 */
export const ROOT = resolve(__dirname, '../../..');
export const read = (relative: string) => readFileSync(join(ROOT, relative), 'utf8');

/** Removes // and /* *\/ comments outside strings. */
export function stripComments(text: string): string {
  let out = '';
  for (let i = 0; i < text.length;) {
    if (text.startsWith("'''", i)) {
      const end = text.indexOf("'''", i + 3);
      const stop = end === -1 ? text.length : end + 3;
      out += text.slice(i, stop);
      i = stop;
    } else if (text[i] === "'") {
      let j = i + 1;
      while (j < text.length && text[j] !== "'" && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else if (text.startsWith('//', i)) {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      i = end === -1 ? text.length : end + 2;
    } else {
      out += text[i++];
    }
  }
  return out;
}

export const bicep = (relative: string) => stripComments(read(relative));

/** The `{ … }` (or `[ … ]`) that opens first after `marker`, brackets matched. */
export function blockAfter(text: string, marker: string | RegExp, open: '{' | '[' = '{'): string {
  const at = typeof marker === 'string' ? text.indexOf(marker) : text.search(marker);
  if (at === -1) throw new Error(`not found: ${String(marker)}`);
  const start = text.indexOf(open, at);
  const close = open === '{' ? '}' : ']';
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    if (text[i] === "'") {
      i = text.indexOf("'", i + 1);
      continue;
    }
    if (text[i] === open) depth++;
    else if (text[i] === close && --depth === 0) return text.slice(start, i + 1);
  }
  throw new Error(`unbalanced block after ${String(marker)}`);
}

/** Keys of an object literal's first level (`{ a: 1, b: { c: 2 } }` → a, b). */
export function topLevelKeys(objectBlock: string): string[] {
  const keys: string[] = [];
  let depth = 0;
  let line = '';
  const flush = () => {
    const m = /^\s*'?([A-Za-z_][\w-]*)'?\s*:/.exec(line);
    if (m?.[1]) keys.push(m[1]);
    line = '';
  };
  for (let i = 0; i < objectBlock.length; i++) {
    const c = objectBlock[i]!;
    if (c === "'") {
      const end = objectBlock.indexOf("'", i + 1);
      if (depth === 1) line += objectBlock.slice(i, end + 1);
      i = end;
    } else if ('{[('.includes(c)) {
      if (depth === 1) line += c;
      depth++;
    } else if ('}])'.includes(c)) {
      depth--;
      if (depth === 0) flush();
    } else if (depth === 1) {
      if (c === '\n' || c === ',') flush();
      else line += c;
    }
  }
  return keys;
}

export interface Output {
  name: string;
  type: string;
  value: string;
}

export function outputsOf(text: string): Output[] {
  return [...text.matchAll(/^output\s+([A-Za-z_]\w*)\s+(\w+)\s*=\s*(.+)$/gm)].map((m) => ({
    name: m[1]!,
    type: m[2]!,
    value: m[3]!.trim(),
  }));
}

/** Values of the `@allowed([...])` decorator on `param <name>`, or null when it has none. */
export function allowedValues(text: string, param: string): string[] | null {
  const m = new RegExp(String.raw`@allowed\(\[([^\]]*)\]\)\s*(?:@\w+\([^\n]*\)\s*)*param\s+${param}\b`).exec(text);
  return m?.[1] ? [...m[1].matchAll(/'([^']*)'/g)].map((v) => v[1]!) : null;
}

/** Default value of `param <name> <type> = <default>`, unquoted, or null. */
export function paramDefault(text: string, param: string): string | null {
  const m = new RegExp(String.raw`^param\s+${param}\s+\w+\s*=\s*(.+)$`, 'm').exec(text);
  return m?.[1] ? m[1].trim().replace(/^'(.*)'$/, '$1') : null;
}

export function paramNames(text: string): { name: string; hasDefault: boolean }[] {
  return [...text.matchAll(/^param\s+(\w+)\s+\w+(\s*=)?/gm)].map((m) => ({ name: m[1]!, hasDefault: Boolean(m[2]) }));
}
