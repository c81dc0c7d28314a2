/**
 * A small XML reader for the documents the exporters write (elements, attributes, text,
 * comments; no DTD, no CDATA), so the test walkers read the exported text itself rather
 * than anything of the exporter's.
 */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | { text: string } | { comment: string };

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|\w+);/g, (_m, e: string) =>
    e.startsWith('#x') ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : ENTITIES[e],
  );
}

export function parseXml(text: string): XmlElement {
  const root: XmlElement = { name: '#document', attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  const token = /<\?[\s\S]*?\?>|<!--([\s\S]*?)-->|<\/([^\s>]+)\s*>|<([^\s/>]+)((?:\s+[^\s=]+="[^"]*")*)\s*(\/?)>|([^<]+)/g;
  for (const m of text.matchAll(token)) {
    const top = stack[stack.length - 1];
    if (m[1] !== undefined) top.children.push({ comment: m[1] });
    else if (m[2] !== undefined) {
      if (stack.pop()?.name !== m[2]) throw new Error(`mismatched </${m[2]}>`);
    } else if (m[3] !== undefined) {
      const attrs: Record<string, string> = {};
      for (const a of m[4].matchAll(/([^\s=]+)="([^"]*)"/g)) attrs[a[1]] = decodeEntities(a[2]);
      const element: XmlElement = { name: m[3], attrs, children: [] };
      top.children.push(element);
      if (m[5] !== '/') stack.push(element);
    } else if (m[6] !== undefined && m[0].startsWith('<') === false) {
      top.children.push({ text: decodeEntities(m[6]) });
    }
  }
  const element = root.children.find((c): c is XmlElement => 'name' in c);
  if (!element) throw new Error('no root element');
  return element;
}

export function elements(node: XmlElement, name?: string): XmlElement[] {
  return node.children.filter((c): c is XmlElement => 'name' in c && (name === undefined || c.name === name));
}
