// bench/readiness: is the pass probability a candidate sees honest?
//
//   npx tsx bench/readiness/run.ts [--quick] [--seed 1]
//
// A simulated bank of 400 2PL items (a ~ lognormal(0, 0.3), b ~ N(0, 1), four domains weighted
// 28/26/22/24), Angoff ratings from a simulated panel (the minimally qualified candidate at theta 0.5,
// so about 30% pass; each rating off by N(0, 0.25) logits), a calibration cohort answering 65 random
// items each, calibrated and admitted by certprep's own code. Then a cohort of candidates
// (theta ~ N(0, 1)) each sits a mock (50 scored items on the blueprint) and a 20-item quick check; the
// outcome is passing a second, parallel form (50 other items, raw score at or above its Angoff raw
// cut, as the real exam decides). Printed for the shown pass probability: Brier score, expected
// calibration error, calibration slope, reliability by decile, the share shown 0% or 100%; for the
// quick check also its 95% band's coverage of the true ability, the error-to-SE ratio and the highest
// exposure of any item. Three banks: calibrated; provisional parameters only (before any
// calibration); a quarter of the items new since the calibration. Ends with one JSON line (the
// calibrated case).
import { parseArgs } from 'node:util';
import { eapAbility, probability, type ItemParameters } from '../../src/core/measure/ability.ts';
import { exposureRates, ineligibleItems, nextAdaptiveItem, updateEligibility, type AdaptiveCandidate } from '../../src/core/measure/adaptive-next.ts';
import { admitCalibration } from '../../src/core/measure/admit-calibration.ts';
import { angoffRawCut } from '../../src/core/measure/scaled-score.ts';
import { mulberry32, normal, simulateResponses, type Random } from '../../src/core/measure/simulate-responses.ts';
import { ADAPTIVE_SE_FACTOR, irtScore, scoringContext, type ScoringContext } from '../../src/core/scoring/irt-score.ts';
import { calibrateParallel } from '../../src/measure/calibrate-parallel.ts';
import { QUICK_CHECK_MAX_EXPOSURE, QUICK_CHECK_TOP_K } from '../../src/server/services/quick-check.ts';
import { forecastQuality, type ForecastQuality } from './metrics.ts';

const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, seed: { type: 'string', default: '1' } } });
const quick = values.quick!;
const seed = Number(values.seed);
const N_ITEMS = 400;
const N_CALIBRATION = quick ? 2000 : 5000;
const N_CANDIDATES = quick ? 1000 : 5000;
const MQC = 0.5;
const DOMAINS = [
  { id: '1', weight: 28 },
  { id: '2', weight: 26 },
  { id: '3', weight: 22 },
  { id: '4', weight: 24 },
];
const MOCK_PER_DOMAIN = [14, 13, 11, 12];
const QUICK_ITEMS = 20;

interface BankItem extends ItemParameters {
  id: string;
  domain: string;
  rating: number;
}

const rng = mulberry32(seed);
const bank: BankItem[] = Array.from({ length: N_ITEMS }, (_, j) => {
  const a = Math.exp(0.3 * normal(rng));
  const b = normal(rng);
  const domain = DOMAINS[j % 4]!.id;
  const truth = 1 / (1 + Math.exp(-(a * (MQC - b) + 0.25 * normal(rng))));
  return { id: `i${j + 1}`, domain, a, d: -a * b, rating: Math.min(0.95, Math.max(0.05, truth)) };
});
const ratings = new Map(bank.map((it) => [it.id, it.rating]));
const byDomain = DOMAINS.map((d) => bank.filter((it) => it.domain === d.id));

// Calibration: 65 random items per person, calibrated and admitted as `certprep calibrate` does.
const t0 = performance.now();
const sim = simulateResponses(bank, N_CALIBRATION, mulberry32(seed + 1), { answeredPerPerson: 65 });
const fit = await calibrateParallel(sim.data, { model: '2pl' });
const admission = admitCalibration(fit);
if (admission.refused) throw new Error(`calibration refused: ${admission.refused}`);
const calibrated = new Map(admission.admitted.map((it) => [it.id, { a: it.a, d: it.d }]));
const calibrationSeconds = (performance.now() - t0) / 1000;

// What the server knows before any calibration: how the candidates so far did on each item.
const tallies = bank.map((it) => ({ rating: it.rating, responses: 0, correct: 0 }));
for (let c = 0; c < sim.data.items.length; c++) {
  const t = tallies[sim.data.items[c]!]!;
  t.responses++;
  t.correct += sim.data.scores[c]!;
}

const newSince = new Set(bank.filter(() => rng() < 0.25).map((it) => it.id));
const cases: { name: string; ctx: ScoringContext; trueScale: (theta: number) => number }[] = [
  { name: 'calibrated', ctx: scoringContext(calibrated, ratings, ratings, 50), trueScale: (t) => t },
  // Provisional parameters put the minimally qualified candidate at 0 with unit slopes: compare abilities relative to the cut.
  { name: 'provisional only', ctx: scoringContext(new Map(), ratings, ratings, 50, tallies), trueScale: (t) => t - MQC },
  { name: 'a quarter new', ctx: scoringContext(new Map([...calibrated].filter(([id]) => !newSince.has(id))), ratings, ratings, 50), trueScale: (t) => t },
];

const answer = (it: ItemParameters, theta: number, r: Random) => (r() < probability(it, theta) ? 1 : 0);
function drawForm(r: Random, avoid: ReadonlySet<string> = new Set()): BankItem[] {
  return byDomain.flatMap((items, k) => {
    const open = items.filter((it) => !avoid.has(it.id));
    for (let i = 0; i < MOCK_PER_DOMAIN[k]!; i++) {
      const pick = i + Math.floor(r() * (open.length - i));
      [open[i], open[pick]] = [open[pick]!, open[i]!];
    }
    return open.slice(0, MOCK_PER_DOMAIN[k]!);
  });
}

interface CaseResult {
  name: string;
  mock: ForecastQuality;
  quick: ForecastQuality & { bandCoverage: number; errorToSe: number; maxExposure: number };
  passRate: number;
}

function runCase(c: (typeof cases)[number]): CaseResult {
  const r = mulberry32(seed + 7);
  const mockShown: number[] = [];
  const quickShown: number[] = [];
  const outcomes: (0 | 1)[] = [];
  const exposure = new Map<string, number>();
  let covered = 0;
  let sq = 0;
  let seSq = 0;
  // As the server does: every 50 checks, eligibility from each item's share of the last 500 checks.
  let eligibility = new Map<string, number>();
  const recent: string[][] = [];
  const candidates: AdaptiveCandidate[] = bank.map((it) => ({ id: it.id, domain: it.domain, params: c.ctx.params.get(it.id)! }));
  for (let p = 0; p < N_CANDIDATES; p++) {
    const theta = normal(r);
    const mock = drawForm(r);
    const mockResult = irtScore(
      mock.map((it) => ({ domain: it.domain, params: c.ctx.params.get(it.id)!, correct: answer(it, theta, r) === 1 })),
      c.ctx,
    );
    mockShown.push(mockResult.passProbability);
    const parallel = drawForm(r, new Set(mock.map((it) => it.id)));
    const raw = parallel.reduce((s, it) => s + answer(it, theta, r), 0);
    outcomes.push(raw >= angoffRawCut(parallel.map((it) => it.rating)) ? 1 : 0);

    const used = new Set<string>();
    const ineligible = ineligibleItems(eligibility, () => r());
    const perDomain = new Map<string, number>();
    const given: { params: ItemParameters; correct: boolean; domain: string }[] = [];
    for (let k = 0; k < QUICK_ITEMS; k++) {
      const est = given.length ? eapAbility(given.map((g) => g.params), given.map((g) => (g.correct ? 1 : 0))).theta : 0;
      const next = nextAdaptiveItem(candidates, used, est, DOMAINS, perDomain, { topK: QUICK_CHECK_TOP_K, random: r, ineligible })!;
      used.add(next.id);
      perDomain.set(next.domain, (perDomain.get(next.domain) ?? 0) + 1);
      exposure.set(next.id, (exposure.get(next.id) ?? 0) + 1);
      const truth = bank[Number(next.id.slice(1)) - 1]!;
      given.push({ params: next.params, correct: answer(truth, theta, r) === 1, domain: next.domain });
    }
    const qc = irtScore(
      given.map((g) => ({ domain: g.domain, params: g.params as ItemParameters & { provisional: boolean }, correct: g.correct })),
      c.ctx,
      { seFactor: ADAPTIVE_SE_FACTOR },
    );
    quickShown.push(qc.passProbability);
    recent.push([...used]);
    if (recent.length > 500) recent.shift();
    if ((p + 1) % 50 === 0) eligibility = updateEligibility(eligibility, exposureRates(recent), QUICK_CHECK_MAX_EXPOSURE);
    // The server counts each item's share of recent quick checks; here, of the checks so far.
    const err = qc.theta - c.trueScale(theta);
    if (Math.abs(err) <= 1.96 * qc.se) covered++;
    sq += err * err;
    seSq += qc.se * qc.se;
  }
  return {
    name: c.name,
    mock: forecastQuality(mockShown, outcomes),
    quick: {
      ...forecastQuality(quickShown, outcomes),
      bandCoverage: covered / N_CANDIDATES,
      errorToSe: Math.sqrt(sq / seSq),
      maxExposure: Math.max(...exposure.values()) / N_CANDIDATES,
    },
    passRate: outcomes.reduce<number>((s, y) => s + y, 0) / N_CANDIDATES,
  };
}

const f = (x: number, d = 3) => x.toFixed(d);
console.log(`bench/readiness: ${N_ITEMS} items, calibration cohort ${N_CALIBRATION} (65 items each; ${calibrationSeconds.toFixed(1)} s, ${admission.admitted.length} admitted, ${admission.leftOut.length} left provisional), ${N_CANDIDATES} candidates, seed ${seed}`);
const results: CaseResult[] = [];
for (const c of cases) {
  const res = runCase(c);
  results.push(res);
  console.log(`\n## ${res.name} (cut theta ${f(c.ctx.thetaCut)}, form SE at the cut ${f(c.ctx.formSe)}, prior N(${f(c.ctx.prior.mean, 2)}, 1); ${f(100 * res.passRate, 1)}% pass the parallel form)`);
  console.log('shown P(pass)  brier   ECE    slope  intercept  shown 0%/100%');
  for (const [label, q] of [['mock', res.mock], ['quick check', res.quick]] as const) {
    console.log(`${label.padEnd(13)}  ${f(q.brier)}  ${f(q.ece)}  ${f(q.slope, 2).padStart(5)}  ${f(q.intercept, 2).padStart(9)}  ${f(100 * q.shownExtremes, 1)}%`);
  }
  console.log(`quick check: 95% band covers the true ability for ${f(100 * res.quick.bandCoverage, 1)}%; error / SE ${f(res.quick.errorToSe, 2)}; highest item exposure ${f(res.quick.maxExposure, 3)}`);
  console.log('reliability by decile (mock): shown -> passed');
  console.log(res.mock.deciles.map((d) => `${f(d.shown, 2)}->${f(d.passed, 2)}`).join('  '));
}
const cal = results[0]!;
const pick = (q: ForecastQuality) => ({ brier: +f(q.brier, 4), ece: +f(q.ece, 4), slope: +f(q.slope, 3), shownExtremes: +f(q.shownExtremes, 4) });
console.log(JSON.stringify({ mock: pick(cal.mock), quick: { ...pick(cal.quick), bandCoverage: +f(cal.quick.bandCoverage, 4), maxExposure: +f(cal.quick.maxExposure, 4) } }));
