import { examTagsFromText } from '../common/exam-tags-text.ts';
import type { FormatProblem } from '../common/format-problem.ts';
import { choiceIdFrom, itemIdFrom } from '../common/stable-id.ts';
import { elements, firstElement, textContent, type XmlElement } from '../common/xml-tree.ts';
import { CASE_EXAMS_OUTCOME, EXPLANATION_ID, fromQtiId, LEGACY_META_OUTCOMES, META_OUTCOMES, TOOL_NAME } from './qti-ids.ts';
import { flowText, ownParagraphs } from './qti-text.ts';

/** One assessment item read from a package, before grouping into case studies and checking. */
export interface QtiItemRead {
  id: string;
  /** The question, shaped like a bank item; undefined when the item was skipped or unreadable. */
  question?: Record<string, unknown>;
  stimulus?: { identifier: string; href: string; title?: string };
  caseExams?: string[];
  problems: FormatProblem[];
  skipped?: boolean;
}

const OUTCOME_BY_ID = new Map(Object.entries({ ...META_OUTCOMES, ...LEGACY_META_OUTCOMES }).map(([key, spec]) => [spec.id as string, [key, spec] as const]));
const INTERACTIONS = new Set(['qti-choice-interaction', 'qti-order-interaction', 'qti-match-interaction']);
const isInteraction = (el: XmlElement) => el.name.endsWith('-interaction');

function values(el: XmlElement | undefined): string[] {
  return el ? elements(el, 'qti-value').map((v) => textContent(v).trim()) : [];
}

/**
 * Reads a `qti-assessment-item`: choice (single / multiple), order and match interactions, the key
 * from `qti-correct-response` (or positive `qti-mapping` entries), per-choice feedback (modal or
 * inline), and certprep metadata from `CERTPREP_*` outcome declarations. Other interactions are
 * skipped with a report; images and MathML are dropped with a `lossy` report.
 */
const NOT_STEM = new Set(['qti-feedback-block', 'qti-feedback-inline', 'qti-rubric-block', 'qti-template-block', 'qti-template-inline']);

/** Every descendant element of `el` with this name, in document order. */
function findAll(el: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    for (const c of e.children) {
      if (typeof c === 'string') continue;
      if (c.name === name) out.push(c);
      else walk(c);
    }
  };
  walk(el);
  return out;
}

export function readQtiItem(root: XmlElement, file: string, fallbackId: string): QtiItemRead {
  const at = (...names: string[]) => `${file}:/${['qti-assessment-item', ...names].join('/')}`;
  const own = root.attrs['tool-name'] === TOOL_NAME;
  const identifier = root.attrs.identifier ?? '';
  const id = (own ? fromQtiId(identifier) : itemIdFrom(identifier)) ?? fallbackId;
  const problems: FormatProblem[] = [];
  const error = (message: string, path: string) => problems.push({ severity: 'error', code: 'qti', message, path, itemId: id });
  if (root.name !== 'qti-assessment-item') {
    error(`expected <qti-assessment-item>, found <${root.name}>`, `${file}:/${root.name}`);
    return { id, problems };
  }
  const lost = new Set<string>();
  const body = firstElement(root, 'qti-item-body');
  if (!body) {
    error('has no <qti-item-body>', at());
    return { id, problems };
  }
  const found: XmlElement[] = [];
  const collect = (el: XmlElement) => {
    for (const c of elements(el)) (isInteraction(c) ? found.push(c) : collect(c));
  };
  collect(body);
  const supported = found.filter((f) => INTERACTIONS.has(f.name));
  if (found.length !== 1 || supported.length !== 1) {
    const names = found.map((f) => f.name).join(', ') || 'none';
    problems.push({ severity: 'warning', code: 'skipped', message: `certprep reads items with exactly one choice, order or match interaction (found ${names})`, path: at('qti-item-body'), itemId: id });
    return { id, problems, skipped: true };
  }
  const interaction = supported[0]!;
  const responseId = interaction.attrs['response-identifier'] ?? 'RESPONSE';
  const decl = elements(root, 'qti-response-declaration').find((d) => d.attrs.identifier === responseId);
  if (!decl) {
    error(`no <qti-response-declaration> for "${responseId}"`, at('qti-response-declaration'));
    return { id, problems };
  }
  let keys = values(firstElement(decl, 'qti-correct-response'));
  if (keys.length === 0) {
    const mapping = firstElement(decl, 'qti-mapping');
    keys = mapping ? elements(mapping, 'qti-map-entry').filter((m) => Number(m.attrs['mapped-value']) > 0).map((m) => m.attrs['map-key'] ?? '') : [];
  }
  if (keys.length === 0) error('has no correct response (qti-correct-response or positive qti-mapping)', at('qti-response-declaration'));

  // Stem: our own exports mark it; foreign items have flow content around the interaction, plus its prompt.
  const stemDiv = own ? elements(body, 'div').find((d) => d.attrs.class === 'certprep-stem') : undefined;
  // Feedback and rubric blocks sit in the body but are not the question: they never join the stem.
  const notStem = (el: XmlElement) => isInteraction(el) || NOT_STEM.has(el.name);
  if (!own && findAll(body, 'qti-rubric-block').length > 0) lost.add('rubric blocks');
  let stem = stemDiv ? ownParagraphs(stemDiv) : flowText(body.children, false, lost, notStem);
  const prompt = firstElement(interaction, 'qti-prompt');
  if (prompt && !stemDiv) stem = [stem, flowText(prompt.children, false, lost)].filter(Boolean).join('\n\n');

  const ids = new Map<string, string>();
  const taken = new Set<string>();
  const mapId = (identifier: string, fallback: string) => {
    let v = ids.get(identifier);
    if (!v) {
      v = own ? fromQtiId(identifier.replace(/^[PR]_/, '')) : choiceIdFrom(identifier, fallback, taken);
      ids.set(identifier, v);
    }
    return v;
  };
  const whys = new Map<string, string>();
  const choiceText = (c: XmlElement) => {
    const inline = elements(c, 'qti-feedback-inline')[0];
    if (inline) whys.set(c.attrs.identifier ?? '', flowText(inline.children, false, lost));
    return own ? textContent(c) : flowText(c.children, false, lost, (el) => el.name === 'qti-feedback-inline');
  };
  const q: Record<string, unknown> = { id, stem };
  if (interaction.name === 'qti-choice-interaction') {
    const choices = elements(interaction, 'qti-simple-choice');
    const multiple = decl.attrs.cardinality === 'multiple';
    const keySet = new Set(keys);
    q.type = multiple ? 'multiple' : 'single';
    if (multiple) q.select = keySet.size;
    q.options = choices.map((c, i) => ({ id: mapId(c.attrs.identifier ?? '', String.fromCharCode(97 + i)), text: choiceText(c), correct: keySet.has(c.attrs.identifier ?? ''), _qti: c.attrs.identifier ?? '' }));
    for (const k of keySet) if (!choices.some((c) => c.attrs.identifier === k)) error(`correct response "${k}" is not a choice`, at('qti-response-declaration', 'qti-correct-response'));
  } else if (interaction.name === 'qti-order-interaction') {
    const choices = new Map(elements(interaction, 'qti-simple-choice').map((c) => [c.attrs.identifier ?? '', c]));
    q.type = 'ordering';
    q.steps = keys.map((k, i) => {
      const c = choices.get(k);
      if (!c) error(`correct order names "${k}", which is not a choice`, at('qti-response-declaration', 'qti-correct-response'));
      return { id: mapId(k, `s${i + 1}`), text: c ? choiceText(c) : '', _qti: k };
    });
    if (choices.size !== keys.length) error(`correct order lists ${keys.length} of ${choices.size} choices`, at('qti-response-declaration', 'qti-correct-response'));
  } else {
    const sets = elements(interaction, 'qti-simple-match-set');
    if (sets.length !== 2) error(`a match interaction has 2 <qti-simple-match-set>, found ${sets.length}`, at('qti-item-body', 'qti-match-interaction'));
    const [left, right] = [elements(sets[0] ?? interaction, 'qti-simple-associable-choice'), elements(sets[1] ?? interaction, 'qti-simple-associable-choice')];
    const pairs = new Map(keys.map((k) => k.split(/\s+/) as [string, string]));
    q.type = 'matching';
    q.responses = right.map((c, i) => ({ id: mapId(c.attrs.identifier ?? '', `r${i + 1}`), text: choiceText(c), _qti: c.attrs.identifier ?? '' }));
    q.prompts = left.map((c, i) => {
      const target = pairs.get(c.attrs.identifier ?? '');
      if (!target) error(`prompt "${c.attrs.identifier}" has no pair in the correct response`, at('qti-response-declaration', 'qti-correct-response'));
      return { id: mapId(c.attrs.identifier ?? '', `p${i + 1}`), text: choiceText(c), match: target ? mapId(target, target) : '', _qti: c.attrs.identifier ?? '' };
    });
  }

  // Feedback: per choice (modal feedback named after the choice), or the explanation.
  const other: string[] = [];
  // Modal feedback, and feedback blocks in the body: per choice when named after one, else the explanation.
  for (const fb of [...elements(root, 'qti-modal-feedback'), ...findAll(body, 'qti-feedback-block')]) {
    const content = firstElement(fb, 'qti-content-body');
    const text = own && content ? ownParagraphs(content) : flowText((content ?? fb).children, false, lost);
    const target = fb.attrs.identifier ?? '';
    if (target === EXPLANATION_ID && own) q.explanation = text;
    else if (ids.has(target)) whys.set(target, text);
    else other.push(text);
  }
  if (other.length > 0 && q.explanation === undefined) q.explanation = other.shift();
  if (other.length > 0) lost.add(`${other.length} other modal feedback(s)`);
  for (const list of [q.options, q.steps, q.prompts, q.responses] as Record<string, unknown>[][] | undefined[]) {
    for (const c of list ?? []) {
      const why = whys.get(c._qti as string);
      if (why) c.why = why;
      delete c._qti;
    }
  }

  let caseExams: string[] | undefined;
  for (const o of elements(root, 'qti-outcome-declaration')) {
    const name = o.attrs.identifier;
    const vals = values(firstElement(o, 'qti-default-value'));
    if (name === CASE_EXAMS_OUTCOME) caseExams = vals;
    const meta = name === undefined ? undefined : OUTCOME_BY_ID.get(name);
    if (meta) {
      const [key, spec] = meta;
      const typed = spec.baseType === 'string' ? vals : vals.map(Number);
      q[key] = key === 'exams' ? examTagsFromText(vals) : spec.cardinality === 'multiple' ? typed : typed[0];
    }
  }
  if (lost.size > 0) problems.push({ severity: 'warning', code: 'lossy', message: `dropped: ${[...lost].join(', ')}`, path: at(), itemId: id });
  const ref = firstElement(root, 'qti-assessment-stimulus-ref');
  const stimulus = ref ? { identifier: ref.attrs.identifier ?? '', href: ref.attrs.href ?? '', title: ref.attrs.title } : undefined;
  return { id, question: q, stimulus, caseExams, problems };
}
