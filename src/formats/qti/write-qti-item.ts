import type { CaseStudy, Question } from '../../core/items/item-schema.ts';
import { examTagsToText } from '../common/exam-tags-text.ts';
import { escapeXmlAttr as attr, escapeXmlText as esc } from '../common/xml-tree.ts';
import { EXPLANATION_ID, META_OUTCOMES, QTI_NS, QTI_XSD, TOOL_NAME, toQtiId } from './qti-ids.ts';

/** Text as XHTML paragraphs: one `<p>` per blank-line-separated block, read back joined by a blank line. */
export function paragraphs(text: string): string {
  return text
    .split('\n\n')
    .map((p) => `<p>${esc(p)}</p>`)
    .join('');
}

const value = (v: string | number) => `<qti-value>${esc(String(v))}</qti-value>`;

function outcome(id: string, cardinality: string, baseType: string, values: (string | number)[] | undefined): string {
  const head = `<qti-outcome-declaration identifier="${id}" cardinality="${cardinality}" base-type="${baseType}"`;
  // A declared outcome without a default value stands for an empty list.
  if (!values || values.length === 0) return `${head}/>`;
  return `${head}><qti-default-value>${values.map(value).join('')}</qti-default-value></qti-outcome-declaration>`;
}

function feedback(identifier: string, text: string | undefined, showHide = 'show'): string {
  if (!text) return '';
  return `<qti-modal-feedback outcome-identifier="FEEDBACK" identifier="${identifier}" show-hide="${showHide}"><qti-content-body>${paragraphs(text)}</qti-content-body></qti-modal-feedback>`;
}

/**
 * One question as a QTI 3.0 assessment item: a response declaration with the key, certprep
 * metadata as outcome declarations, the interaction, response processing that scores 1/0
 * (all-or-nothing, as the exam does) and sets FEEDBACK, and a modal feedback per `why`.
 */
export function writeQtiItem(q: Question, caseStudy?: { entry: CaseStudy; href: string }): string {
  const parts: string[] = [];
  let interaction: string;
  let feedbackIds: string;
  const whys: string[] = [];
  if (q.type === 'single' || q.type === 'multiple') {
    const card = q.type === 'single' ? 'single' : 'multiple';
    const keys = q.options.filter((o) => o.correct).map((o) => value(toQtiId(o.id)));
    parts.push(`<qti-response-declaration identifier="RESPONSE" cardinality="${card}" base-type="identifier"><qti-correct-response>${keys.join('')}</qti-correct-response></qti-response-declaration>`);
    const max = q.type === 'single' ? 1 : q.select;
    interaction = `<qti-choice-interaction response-identifier="RESPONSE" shuffle="true" max-choices="${max}" min-choices="0">${q.options
      .map((o) => `<qti-simple-choice identifier="${toQtiId(o.id)}">${esc(o.text)}</qti-simple-choice>`)
      .join('')}</qti-choice-interaction>`;
    q.options.forEach((o) => whys.push(feedback(toQtiId(o.id), o.why)));
    feedbackIds = '<qti-multiple><qti-variable identifier="RESPONSE"/></qti-multiple>';
  } else if (q.type === 'ordering') {
    parts.push(`<qti-response-declaration identifier="RESPONSE" cardinality="ordered" base-type="identifier"><qti-correct-response>${q.steps.map((s) => value(toQtiId(s.id))).join('')}</qti-correct-response></qti-response-declaration>`);
    interaction = `<qti-order-interaction response-identifier="RESPONSE" shuffle="true">${q.steps
      .map((s) => `<qti-simple-choice identifier="${toQtiId(s.id)}">${esc(s.text)}</qti-simple-choice>`)
      .join('')}</qti-order-interaction>`;
    q.steps.forEach((s) => whys.push(feedback(toQtiId(s.id), s.why)));
    feedbackIds = allIds(q.steps.filter((s) => s.why).map((s) => toQtiId(s.id)));
  } else {
    const pairs = q.prompts.map((p) => value(`P_${p.id} R_${p.match}`));
    parts.push(`<qti-response-declaration identifier="RESPONSE" cardinality="multiple" base-type="directedPair"><qti-correct-response>${pairs.join('')}</qti-correct-response></qti-response-declaration>`);
    const set = (prefix: string, list: { id: string; text: string }[]) =>
      `<qti-simple-match-set>${list.map((c) => `<qti-simple-associable-choice identifier="${prefix}${c.id}" match-max="1">${esc(c.text)}</qti-simple-associable-choice>`).join('')}</qti-simple-match-set>`;
    interaction = `<qti-match-interaction response-identifier="RESPONSE" shuffle="true" max-associations="${q.prompts.length}">${set('P_', q.prompts)}${set('R_', q.responses)}</qti-match-interaction>`;
    q.prompts.forEach((p) => whys.push(feedback(`P_${p.id}`, p.why)));
    q.responses.forEach((r) => whys.push(feedback(`R_${r.id}`, r.why)));
    feedbackIds = allIds([...q.prompts.filter((p) => p.why).map((p) => `P_${p.id}`), ...q.responses.filter((r) => r.why).map((r) => `R_${r.id}`)]);
  }
  parts.push('<qti-outcome-declaration identifier="SCORE" cardinality="single" base-type="float"><qti-default-value><qti-value>0</qti-value></qti-default-value></qti-outcome-declaration>');
  parts.push('<qti-outcome-declaration identifier="FEEDBACK" cardinality="multiple" base-type="identifier"/>');
  for (const [key, o] of Object.entries(META_OUTCOMES)) {
    const v = key === 'exams' ? (q.exams ? examTagsToText(q.exams) : undefined) : q[key as Exclude<keyof typeof META_OUTCOMES, 'exams'>];
    if (v === undefined) continue;
    parts.push(outcome(o.id, o.cardinality, o.baseType, Array.isArray(v) ? v : [v]));
  }
  if (caseStudy) {
    parts.push(`<qti-assessment-stimulus-ref identifier="${toQtiId(caseStudy.entry.id)}" href="${attr(caseStudy.href)}" title="${attr(caseStudy.entry.title)}"/>`);
  }
  parts.push(`<qti-item-body><div class="certprep-stem">${paragraphs(q.stem)}</div>${interaction}</qti-item-body>`);
  parts.push(
    '<qti-response-processing><qti-response-condition><qti-response-if><qti-match><qti-variable identifier="RESPONSE"/><qti-correct identifier="RESPONSE"/></qti-match>' +
      '<qti-set-outcome-value identifier="SCORE"><qti-base-value base-type="float">1</qti-base-value></qti-set-outcome-value></qti-response-if></qti-response-condition>' +
      (feedbackIds ? `<qti-set-outcome-value identifier="FEEDBACK">${feedbackIds}</qti-set-outcome-value>` : '') +
      '</qti-response-processing>',
  );
  parts.push(...whys.filter(Boolean));
  // Hidden only when FEEDBACK holds EXPLANATION, which nothing sets: the explanation always shows after a response.
  parts.push(feedback(EXPLANATION_ID, q.explanation, 'hide'));
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<qti-assessment-item xmlns="${QTI_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${QTI_NS} ${QTI_XSD}" ` +
    `identifier="${toQtiId(q.id)}" title="${attr(q.id)}" adaptive="false" time-dependent="false" tool-name="${TOOL_NAME}">\n${parts.join('\n')}\n</qti-assessment-item>\n`
  );
}

function allIds(ids: string[]): string {
  if (ids.length === 0) return '';
  return `<qti-multiple>${ids.map((id) => `<qti-base-value base-type="identifier">${id}</qti-base-value>`).join('')}</qti-multiple>`;
}

/** A case study's scenario as a QTI 3.0 assessment stimulus, referenced by each of its questions. */
export function writeQtiStimulus(c: CaseStudy): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<qti-assessment-stimulus xmlns="${QTI_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${QTI_NS} ${QTI_XSD}" ` +
    `identifier="${toQtiId(c.id)}" title="${attr(c.title)}" tool-name="${TOOL_NAME}">\n<qti-stimulus-body><div class="certprep-scenario">${paragraphs(c.scenario)}</div></qti-stimulus-body>\n</qti-assessment-stimulus>\n`
  );
}
