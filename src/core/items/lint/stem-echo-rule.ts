import type { Problem } from '../check-bank.ts';
import type { LintQuestion } from './lint-context.ts';

/**
 * Words that carry no cue: English function words, and the verbs and nouns of almost every AWS
 * scenario ("use", "data", "model", "company"). A word of the stem and the key that is none of these
 * and appears in no distractor points a candidate at the key without any knowledge.
 */
const COMMON = new Set(
  (
    'a an the and or but nor of to in on at by for from with without into onto over under about as than then that this these those there their them they it its ' +
    'is are was were be been being has have had do does did can could should would will may might must shall not no yes each every any all some most more less ' +
    'which what who whom whose when where why how one two three four five six ten first second new same other another only also both either neither own per via ' +
    'use uses used using make makes made need needs needed want wants wanted meet meets require requires required requirement requirements ' +
    'company team engineer engineers solution solutions option options step steps way ways time amazon aws service services ' +
    'data dataset datasets model models ml machine learning set sets run runs create creates configure configures enable enables add adds ' +
    'least most operational overhead effort cost costs cost-effective effectively lowest highest best minimal minimum maximum'
  ).split(/\s+/),
);

/** Lower case, with the plural "s" of an ordinary word dropped ("SSE-KMS" keeps its S). */
const normal = (w: string) => {
  const lower = w.toLowerCase();
  if (w === w.toUpperCase() || lower.length <= 3 || !lower.endsWith('s') || /(ss|is|us)$/.test(lower)) return lower;
  return /(sh|ch|x)es$/.test(lower) ? lower.slice(0, -2) : lower.slice(0, -1);
};
/** Units and short words that are names by their capitals only. */
const NOT_NAMES = new Set(['kb', 'mb', 'gb', 'tb', 'ms', 'id', 'ai', 'ml', 'gib', 'mib', 'tib', 'api', 'sdk', 'cli', 'url']);

/**
 * The distinctive terms of a text: names (a word written with a capital or a digit inside a sentence:
 * "Git", "ONTAP", "S3", "SageMaker"), and two-word phrases of uncommon words ("online store"), in
 * lower case with a plural "s" dropped so "Git tags" and "Git tag" match. Single common-case words
 * ("training", "endpoint") are too frequent in AWS scenarios to be a cue on their own.
 */
export function cueTerms(text: string): Set<string> {
  const out = new Set<string>();
  const sentences = text.split(/(?<=[.?!:;])\s+|\n+/);
  for (const sentence of sentences) {
    const words = [...sentence.matchAll(/[A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9]|[A-Za-z0-9]/g)].map((m) => m[0]);
    words.forEach((w, i) => {
      const n = normal(w);
      const name = (i > 0 && /^[A-Z]/.test(w)) || /[A-Z].*[A-Z]|\d/.test(w);
      if (name && (n.length >= 3 || /\d/.test(n)) && !COMMON.has(n) && !NOT_NAMES.has(n) && !/^\d+$/.test(n)) out.add(n);
      const next = words[i + 1];
      if (next) {
        const m = normal(next);
        if (n.length >= 3 && m.length >= 3 && !COMMON.has(n) && !COMMON.has(m) && !/^\d+$/.test(n + m)) out.add(`${n} ${m}`);
      }
    });
  }
  return out;
}

/** The parts of a name written in camel case ("MaxPayloadInMB" → max, payload, in, mb), in lower case. */
export function identifierParts(text: string): Set<string> {
  const out = new Set<string>();
  for (const [w] of text.matchAll(/[A-Za-z][A-Za-z0-9]*/g)) {
    if (!/[a-z][A-Z]/.test(w)) continue;
    for (const part of w.split(/(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/)) out.add(normal(part));
  }
  return out;
}

/** Parts of names too general to cue a key on their own ("RequestCount", "InstanceType", "ImageUri"). */
const GENERIC_PARTS = new Set(
  'apply value image build request instance content document prompt configuration config missing check group feature health invocation metric count type name status'.split(' '),
);

/** The plain words of a text (lower case, plural dropped), for matching against a key's name parts. */
const plainWords = (text: string) => new Set([...text.matchAll(/[A-Za-z]+/g)].map((m) => normal(m[0])));

/**
 * A distinctive word shared by the stem and a key but by no distractor (content guide, rule 6: if the
 * stem says "Git tags", the key must not be the only option saying "Git"). Single and multiple
 * questions; a warning, since a shared word is sometimes the point (the reviewer then lists
 * `stem-echo` in the item's `lintChecked`).
 */
export function stemEchoRule(questions: LintQuestion[]): Problem[] {
  const problems: Problem[] = [];
  for (const lq of questions) {
    const q = lq.question;
    if ((q.type !== 'single' && q.type !== 'multiple') || q.lintChecked?.includes('stem-echo')) continue;
    const stem = cueTerms(q.stem);
    const inDistractors = new Set(q.options.filter((o) => !o.correct).flatMap((o) => [...cueTerms(o.text)]));
    const stemWords = plainWords(q.stem);
    const distractorWords = new Set(q.options.filter((o) => !o.correct).flatMap((o) => [...plainWords(o.text), ...identifierParts(o.text)]));
    q.options.forEach((o, i) => {
      if (!o.correct) return;
      const echoed = [...cueTerms(o.text)].filter((w) => stem.has(w) && !inDistractors.has(w) && !w.split(' ').some((part) => inDistractors.has(part)));
      // A stem word hidden in the key's API, setting or metric name ("payload limit" → MaxPayloadInMB).
      for (const part of identifierParts(o.text)) {
        if (part.length >= 5 && !COMMON.has(part) && !GENERIC_PARTS.has(part) && stemWords.has(part) && !distractorWords.has(part)) echoed.push(part);
      }
      if (echoed.length === 0) return;
      problems.push(
        lq.problem(['options', i], 'warning', 'stem-echo', `key "${o.id}" shares ${echoed.map((w) => `"${w}"`).join(', ')} with the stem, and no distractor does: a candidate can match words instead of knowing`),
      );
    });
  }
  return problems;
}
