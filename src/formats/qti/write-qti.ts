import type { BankEntry } from '../../core/items/item-schema.ts';
import type { WriteResult } from '../common/format-problem.ts';
import { lossReport } from '../common/lost-fields.ts';
import { writeZip } from '../common/zip.ts';
import { escapeXmlAttr as attr, xmlSafe } from '../common/xml-tree.ts';
import { writeQtiItem, writeQtiStimulus } from './write-qti-item.ts';

const CP_NS = 'http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1';

/** What QTI keeps of an entry: everything, except characters XML 1.0 cannot hold. */
export function projectQti(entries: BankEntry[]): BankEntry[] {
  return entries.map((e) => strip(e) as BankEntry);
}

/** Copy-on-write: an entry with nothing to strip is returned as is, so the loss report can skip it. */
function strip(v: unknown): unknown {
  if (typeof v === 'string') return xmlSafe(v);
  if (Array.isArray(v)) {
    const out = v.map(strip);
    return out.every((x, i) => x === v[i]) ? v : out;
  }
  if (v && typeof v === 'object') {
    let changed = false;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      out[k] = strip(x);
      if (out[k] !== x) changed = true;
    }
    return changed ? out : v;
  }
  return v;
}

/** The files of a QTI 3.0 content package, generated one at a time: items and stimuli, then the manifest. */
function* qtiFiles(carried: BankEntry[]): Generator<[string, string]> {
  const resources: string[] = [];
  const itemResource = (id: string, href: string, dependency?: string) =>
    `<resource identifier="I_${attr(id)}" type="imsqti_item_xmlv3p0" href="${attr(href)}"><file href="${attr(href)}"/>${dependency ? `<dependency identifierref="${dependency}"/>` : ''}</resource>`;
  for (const e of carried) {
    if (e.type === 'case') {
      const href = `stimuli/${e.id}.xml`;
      yield [href, writeQtiStimulus(e)];
      resources.push(`<resource identifier="S_${attr(e.id)}" type="imsqti_stimulus_xmlv3p0" href="${attr(href)}"><file href="${attr(href)}"/></resource>`);
      for (const q of e.questions) {
        const qHref = `items/${q.id}.xml`;
        yield [qHref, writeQtiItem(q, { entry: e, href: `../${href}` })];
        resources.push(itemResource(q.id, qHref, `S_${attr(e.id)}`));
      }
    } else {
      const href = `items/${e.id}.xml`;
      yield [href, writeQtiItem(e)];
      resources.push(itemResource(e.id, href));
    }
  }
  yield [
    'imsmanifest.xml',
    `<?xml version="1.0" encoding="UTF-8"?>\n<manifest xmlns="${CP_NS}" identifier="certprep-package">\n` +
      `<metadata><schema>QTI Package</schema><schemaversion>3.0.1</schemaversion></metadata>\n<organizations/>\n<resources>\n${resources.join('\n')}\n</resources>\n</manifest>\n`,
  ];
}

/** The files of a QTI 3.0 content package: `imsmanifest.xml`, `items/<id>.xml`, `stimuli/<case id>.xml`. */
export function writeQtiFiles(entries: BankEntry[]): WriteResult<Map<string, string>> {
  const carried = projectQti(entries);
  return { output: new Map(qtiFiles(carried)), problems: lossReport('QTI', entries, carried) };
}

/**
 * A QTI 3.0 content package (zip) of the entries; case studies become stimuli referenced by their
 * questions. Files are compressed as they are generated, so the package is never held twice.
 */
export function writeQti(entries: BankEntry[]): WriteResult<Uint8Array> {
  const carried = projectQti(entries);
  const bytes = (function* () {
    for (const [name, text] of qtiFiles(carried)) yield [name, Buffer.from(text, 'utf8')] as [string, Uint8Array];
  })();
  return { output: writeZip(bytes), problems: lossReport('QTI', entries, carried) };
}
