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

/** Index of the bracket closing the one at `start` ('{', '[' or '('), strings skipped. */
function closing(text: string, start: number): number {
  const pairs: Record<string, string> = { '{': '}', '[': ']', '(': ')' };
  const stack: string[] = [];
  for (let i = start; i < text.length; i++) {
    if (text.startsWith("'''", i)) {
      i = text.indexOf("'''", i + 3) + 2;
      continue;
    }
    const c = text[i]!;
    if (c === "'") {
      let j = i + 1;
      while (j < text.length && text[j] !== "'") j += text[j] === '\\' ? 2 : 1;
      i = j;
    } else if (pairs[c]) stack.push(pairs[c]);
    else if (c === stack[stack.length - 1]) {
      stack.pop();
      if (stack.length === 0) return i;
    }
  }
  throw new Error('unbalanced brackets');
}

/** The entries of an object body (between its braces), split on newlines and commas at depth 0. */
function entriesOf(body: string): string[] {
  const items: string[] = [];
  let current = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if ('{[('.includes(c) || c === "'") {
      const end = c === "'" ? stringEnd(body, i) : closing(body, i);
      current += body.slice(i, end + 1);
      i = end;
    } else if (c === '\n' || c === ',') {
      if (current.trim()) items.push(current.trim());
      current = '';
    } else current += c;
  }
  if (current.trim()) items.push(current.trim());
  return items;
}

function stringEnd(text: string, start: number): number {
  if (text.startsWith("'''", start)) return text.indexOf("'''", start + 3) + 2;
  let j = start + 1;
  while (j < text.length && text[j] !== "'") j += text[j] === '\\' ? 2 : 1;
  return j;
}

export interface ResourceDeclaration {
  symbol: string;
  /** `Microsoft.X/y@apiVersion`; a nested child's type is spelled out in full. */
  type: string;
  existing: boolean;
  /** Dotted paths of every property the body sets (`properties.siteConfig.cors`); `*` for a computed key. */
  paths: string[];
}

const RESOURCE = /^resource\s+(\w+)\s+'([^']+)'\s*(existing)?\s*=\s*/;

/** Every `resource` in a comment-free Bicep file, nested child resources included. */
export function resourceDeclarations(text: string): ResourceDeclaration[] {
  const found: ResourceDeclaration[] = [];
  const visit = (symbol: string, type: string, existing: boolean, body: string) => {
    const [name, apiVersion] = type.split('@') as [string, string];
    const paths: string[] = [];
    const walk = (objectBody: string, prefix: string) => {
      for (const item of entriesOf(objectBody)) {
        const child = RESOURCE.exec(item);
        if (child) {
          const rest = item.slice(child[0].length);
          const open = rest.indexOf('{');
          const childType = child[2]!.includes('@') ? child[2]! : `${name}/${child[2]!}@${apiVersion}`;
          visit(child[1]!, childType, Boolean(child[3]), rest.slice(open + 1, closing(rest, open)));
          continue;
        }
        const entry = /^(?:'([^']*)'|([A-Za-z_]\w*))\s*:\s*([\s\S]*)$/.exec(item);
        if (!entry) continue;
        const key = entry[1] !== undefined ? (entry[1].includes('${') ? '*' : entry[1]) : entry[2]!;
        const path = prefix ? `${prefix}.${key}` : key;
        const value = entry[3]!.trim();
        paths.push(path);
        if (value.startsWith('{')) walk(value.slice(1, closing(value, 0)), path);
        else if (/^\[\s*\{/.test(value))
          for (const element of entriesOf(value.slice(1, closing(value, 0))))
            if (element.startsWith('{')) walk(element.slice(1, closing(element, 0)), `${path}[*]`);
      }
    };
    walk(body, '');
    found.push({ symbol, type, existing, paths });
  };
  for (const m of text.matchAll(/^resource\s+(\w+)\s+'([^']+)'\s*(existing)?\s*=\s*/gm)) {
    const rest = text.slice(m.index + m[0].length);
    const open = rest.indexOf('{');
    visit(m[1]!, m[2]!, Boolean(m[3]), rest.slice(open + 1, closing(rest, open)));
  }
  return found;
}
