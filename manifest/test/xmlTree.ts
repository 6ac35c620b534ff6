/**
 * A small, strict XML reader for the tests (no XML parser is installed): elements, attributes, text,
 * comments and the XML declaration. It rejects what a real parser rejects in our manifests: mismatched or
 * unclosed tags, duplicate attributes, unescaped `<` or `&`, unknown entities, and more than one root.
 */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(raw: string, where: string): string {
  return raw.replace(/&([^;\s]*);?/g, (match, name: string) => {
    if (!match.endsWith(';')) throw new Error(`bare & in ${where}`);
    if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    const value = entities[name];
    if (value === undefined) throw new Error(`unknown entity &${name}; in ${where}`);
    return value;
  });
}

export function parseXml(source: string): XmlElement {
  let at = 0;
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  const nameRe = /^[A-Za-z_][\w.:-]*/;
  if (source.startsWith('<?xml')) {
    const end = source.indexOf('?>');
    if (end < 0) throw new Error('unterminated XML declaration');
    at = end + 2;
  }
  while (at < source.length) {
    const lt = source.indexOf('<', at);
    const textEnd = lt < 0 ? source.length : lt;
    const text = source.slice(at, textEnd);
    if (text.includes('>')) throw new Error(`stray > near offset ${at}`);
    const top = stack[stack.length - 1];
    if (top) top.text += decode(text, top.name);
    else if (text.trim() !== '') throw new Error('text outside the root element');
    if (lt < 0) break;
    if (source.startsWith('<!--', lt)) {
      const end = source.indexOf('-->', lt);
      if (end < 0) throw new Error('unterminated comment');
      at = end + 3;
      continue;
    }
    const gt = source.indexOf('>', lt);
    if (gt < 0) throw new Error('unterminated tag');
    const tag = source.slice(lt + 1, gt);
    at = gt + 1;
    if (tag.startsWith('/')) {
      const name = tag.slice(1).trim();
      const open = stack.pop();
      if (!open || open.name !== name)
        throw new Error(`</${name}> does not close <${open?.name ?? '(nothing)'}>`);
      if (stack.length === 0) root = open;
      continue;
    }
    const selfClosing = tag.endsWith('/');
    const body = selfClosing ? tag.slice(0, -1) : tag;
    const name = nameRe.exec(body)?.[0];
    if (!name) throw new Error(`bad tag <${tag}>`);
    if (stack.length === 0 && root) throw new Error('more than one root element');
    const attributes: Record<string, string> = {};
    const rest = body.slice(name.length);
    const attrRe = /\s+([A-Za-z_][\w.:-]*)\s*=\s*"([^"]*)"/g;
    let consumed = 0;
    for (let m = attrRe.exec(rest); m; m = attrRe.exec(rest)) {
      if (m.index !== consumed) throw new Error(`malformed attributes in <${name}>`);
      const [, key = '', value = ''] = m;
      if (key in attributes) throw new Error(`duplicate attribute ${key} in <${name}>`);
      if (value.includes('<')) throw new Error(`< in attribute ${key} of <${name}>`);
      attributes[key] = decode(value, `${name}@${key}`);
      consumed = m.index + m[0].length;
    }
    if (rest.slice(consumed).trim() !== '') throw new Error(`malformed attributes in <${name}>`);
    const element: XmlElement = { name, attributes, children: [], text: '' };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(element);
    if (selfClosing) {
      if (!parent) root = element;
    } else stack.push(element);
  }
  if (stack.length > 0) throw new Error(`unclosed <${stack[stack.length - 1]?.name}>`);
  if (!root) throw new Error('no root element');
  return root;
}

/** The single child with this name; throws when there is none or more than one. */
export function child(element: XmlElement, name: string): XmlElement {
  const found = element.children.filter((c) => c.name === name);
  if (found.length !== 1)
    throw new Error(`<${element.name}> has ${found.length} <${name}> children, expected 1`);
  return found[0] as XmlElement;
}

/** Follows a path of single children, e.g. path(root, 'VersionOverrides', 'Hosts', 'Host'). */
export function path(element: XmlElement, ...names: string[]): XmlElement {
  return names.reduce(child, element);
}

/** Every descendant (depth first) that matches. */
export function findAll(element: XmlElement, predicate: (e: XmlElement) => boolean): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement): void => {
    if (predicate(e)) out.push(e);
    e.children.forEach(walk);
  };
  walk(element);
  return out;
}
