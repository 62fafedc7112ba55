#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ // The require scope
/******/ var __nccwpck_require__ = {};
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_namespaceObject);
;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
;// CONCATENATED MODULE: ./src/atomicWrite.ts
/** Writes files so that a reader never sees half a report: a temporary file beside the target, then a rename. */



/** Writes `text` to `file` atomically (same folder, temp name, rename). The old file stays until the new one is whole. */
async function writeFileAtomic(file, text) {
    const temp = external_node_path_default().join(external_node_path_default().dirname(file), `.${external_node_path_default().basename(file)}.${(0,external_node_crypto_namespaceObject.randomBytes)(6).toString('hex')}.tmp`);
    try {
        await (0,promises_namespaceObject.writeFile)(temp, text, { flag: 'wx' });
        await (0,promises_namespaceObject.rename)(temp, file);
    }
    catch (error) {
        await (0,promises_namespaceObject.rm)(temp, { force: true });
        throw error;
    }
}

;// CONCATENATED MODULE: external "node:util"
const external_node_util_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");
;// CONCATENATED MODULE: ./src/errors.ts
/**
 * Errors a user can fix. The CLI prints `message` and exits 2; the action fails the step with it.
 * No stack trace is ever shown for these.
 */
/** Bad input data: names the file, the 1-based line (or row) and the field where known. */
class InputError extends Error {
    file;
    line;
    field;
    reason;
    constructor(file, line, field, reason) {
        super(formatLocation(file, line, field, reason));
        this.file = file;
        this.line = line;
        this.field = field;
        this.reason = reason;
        this.name = 'InputError';
    }
}
/** Bad configuration: an input, option or gate rule that cannot be used. Names the input. */
class ConfigError extends Error {
    constructor(message) {
        super(message);
        this.name = 'ConfigError';
    }
}
/** `candidate.jsonl:17: field "prediction" is missing` */
function formatLocation(file, line, field, reason) {
    const where = line === null ? file : `${file}:${line}`;
    return field === null ? `${where}: ${reason}` : `${where}: field "${field}" ${reason}`;
}
/** True for the errors whose message alone is the whole story (no stack trace). */
function isUserError(error) {
    return error instanceof InputError || error instanceof ConfigError;
}

;// CONCATENATED MODULE: ./src/types.ts
/**
 * The shapes that flow through the core: parse → pair → metrics → statistics → gates → render.
 * Everything here is plain data; the core has no `@actions/*` import.
 */
const DEFAULT_FIELDS = { id: 'id', label: 'label', prediction: 'prediction', score: 'score' };
/**
 * Interns label texts to small integer codes, shared by both files of a comparison so that codes agree.
 * Codes are in first-seen order; `labelOrder` (src/labels.ts) gives the report order.
 */
class LabelDictionary {
    names = [];
    codes = new Map();
    /** The code of `text`, adding it when new. */
    code(text) {
        let c = this.codes.get(text);
        if (c === undefined) {
            c = this.names.length;
            this.codes.set(text, c);
            this.names.push(text);
        }
        return c;
    }
    /** The code of `text`, or -1 when it was never seen. */
    find(text) {
        return this.codes.get(text) ?? -1;
    }
    get size() {
        return this.names.length;
    }
}
/** The text of id i of a file (the id column must exist). */
function idText(ids, i) {
    return typeof ids[i] === 'number' ? String(ids[i]) : ids[i];
}

;// CONCATENATED MODULE: ./src/cli/args.ts
/**
 * Command-line arguments of `eval-gate compare` (SPEC §6), parsed into CompareOptions. Every problem is a
 * ConfigError naming the option; `--help` text lists every option with its default.
 */



const HELP = `Usage: eval-gate compare --candidate FILE [--baseline FILE] [options]

Compares a candidate model's predictions with a baseline's, paired by example id, and checks the gates.
Prints the Markdown report. Exit status: 0 every gate passes, 1 a gate fails, 2 bad input or usage.

Files
  --candidate FILE         the candidate model's predictions (required)
  --baseline FILE          the baseline model's predictions (default: none; baseline gates then follow --missing-baseline)
  --format F               jsonl | csv | tsv | json (default: from the extension; .gz is unpacked)
  --id-field NAME          example id field (default: id)
  --label-field NAME       true label field (default: label)
  --prediction-field NAME  predicted label field (default: prediction)
  --score-field NAME       positive-class probability, or an object label -> probability (default: score)

Task
  --positive-label L       the positive class of a binary task (default: 1 or true when present)
  --task T                 binary | multiclass (default: binary when at most two labels and a positive class)

Gates and statistics
  --gates RULES            rules separated by ';' or newlines, e.g. "recall no-regression; f1 >= 0.8"
                           (default: accuracy, precision, recall and f1 no-regression)
  --missing-baseline M     skip | fail: what rules that need a baseline do without one (default: skip)
  --alpha A                significance level (default: 0.05)
  --resamples N            bootstrap and permutation resamples (default: 10000)
  --seed S                 random seed; the same inputs and seed give the same report (default: 0)

Output
  --json OUT.json          also write the JSON report
  --markdown OUT.md        also write the Markdown report, in the form posted as the pull-request comment
  -h, --help               this help
  -v, --version            the version
`;
/** Parses `argv` (without `node` and the script). */
function parseCli(argv) {
    let parsed;
    try {
        parsed = (0,external_node_util_namespaceObject.parseArgs)({
            args: [...argv],
            allowPositionals: true,
            strict: true,
            options: {
                candidate: { type: 'string' },
                baseline: { type: 'string' },
                gates: { type: 'string' },
                alpha: { type: 'string' },
                resamples: { type: 'string' },
                seed: { type: 'string' },
                'positive-label': { type: 'string' },
                task: { type: 'string' },
                format: { type: 'string' },
                'id-field': { type: 'string' },
                'label-field': { type: 'string' },
                'prediction-field': { type: 'string' },
                'score-field': { type: 'string' },
                'missing-baseline': { type: 'string' },
                json: { type: 'string' },
                markdown: { type: 'string' },
                help: { type: 'boolean', short: 'h' },
                version: { type: 'boolean', short: 'v' }
            }
        });
    }
    catch (error) {
        throw new ConfigError(`${error.message.replace(/\. To specify.*$/s, '')} (see --help)`);
    }
    const { values, positionals } = parsed;
    if (values.help)
        return { kind: 'help' };
    if (values.version)
        return { kind: 'version' };
    if (positionals.length === 0)
        throw new ConfigError('missing command: eval-gate compare --candidate FILE … (see --help)');
    if (positionals[0] !== 'compare')
        throw new ConfigError(`unknown command "${positionals[0]}": the command is "compare" (see --help)`);
    if (positionals.length > 1)
        throw new ConfigError(`unexpected argument "${positionals[1]}" (see --help)`);
    if (!values.candidate)
        throw new ConfigError('--candidate FILE is required (see --help)');
    const options = {
        candidate: { name: values.candidate, path: values.candidate },
        baseline: values.baseline ? { name: values.baseline, path: values.baseline } : null,
        format: oneOf('--format', values.format, ['jsonl', 'csv', 'tsv', 'json']),
        fields: {
            id: field('--id-field', values['id-field'], DEFAULT_FIELDS.id),
            label: field('--label-field', values['label-field'], DEFAULT_FIELDS.label),
            prediction: field('--prediction-field', values['prediction-field'], DEFAULT_FIELDS.prediction),
            score: field('--score-field', values['score-field'], DEFAULT_FIELDS.score)
        },
        positiveLabel: values['positive-label'],
        task: oneOf('--task', values.task, ['binary', 'multiclass']),
        gates: values.gates,
        alpha: numberOption('--alpha', values.alpha, 0.05, (x) => x > 0 && x < 1, 'a number between 0 and 1'),
        resamples: numberOption('--resamples', values.resamples, 10000, (x) => Number.isInteger(x) && x >= 1 && x <= 1_000_000, 'a whole number from 1 to 1000000'),
        seed: numberOption('--seed', values.seed, 0, (x) => Number.isSafeInteger(x) && x >= 0, 'a whole number ≥ 0'),
        missingBaseline: (oneOf('--missing-baseline', values['missing-baseline'], ['skip', 'fail']) ?? 'skip')
    };
    return { kind: 'compare', options, json: values.json, markdown: values.markdown };
}
function oneOf(name, value, allowed) {
    if (value === undefined)
        return undefined;
    if (!allowed.includes(value))
        throw new ConfigError(`${name} must be one of ${allowed.join(', ')}, got "${value}"`);
    return value;
}
function field(name, value, fallback) {
    if (value === undefined)
        return fallback;
    if (value.trim() === '')
        throw new ConfigError(`${name} must not be empty`);
    return value;
}
function numberOption(name, value, fallback, ok, what) {
    if (value === undefined)
        return fallback;
    const x = value.trim() === '' ? NaN : Number(value);
    if (!ok(x))
        throw new ConfigError(`${name} must be ${what}, got "${value}"`);
    return x;
}

;// CONCATENATED MODULE: ./src/cells.ts
/** Index of a cell. */
const cellIndex = (k, t, b, c) => (t * k + b) * k + c;
/**
 * Counts the paired examples per cell. `remap[code]` is the report index of a dictionary code.
 * Without a baseline, pass `baseline = null`: the baseline prediction is taken to be the candidate's, so the
 * table still gives the candidate's matrix and its bootstrap. Cost: one pass over the pairs.
 */
function countCells(k, remap, candidate, baseline, pairing) {
    const counts = new Float64Array(k * k * k);
    const { truth, pred } = candidate;
    if (baseline === null || pairing === null) {
        for (let i = 0; i < candidate.n; i++) {
            const c = remap[pred[i]];
            counts[(remap[truth[i]] * k + c) * k + c]++;
        }
        return { k, counts };
    }
    const bPred = baseline.pred;
    const { cand, base } = pairing;
    for (let p = 0; p < pairing.n; p++) {
        const i = cand[p];
        counts[(remap[truth[i]] * k + remap[bPred[base[p]]]) * k + remap[pred[i]]]++;
    }
    return { k, counts };
}
/**
 * The 2×2×2 table of class `label` against the rest (index 1 = is the class), for per-class metrics.
 * Cost O(K³).
 */
function collapseCells(table, label) {
    const { k, counts } = table;
    const out = new Float64Array(8);
    for (let t = 0; t < k; t++) {
        const t2 = t === label ? 1 : 0;
        for (let b = 0; b < k; b++) {
            const b2 = b === label ? 1 : 0;
            for (let c = 0; c < k; c++) {
                const x = counts[(t * k + b) * k + c];
                if (x !== 0)
                    out[(t2 * 2 + b2) * 2 + (c === label ? 1 : 0)] += x;
            }
        }
    }
    return out;
}
/**
 * The McNemar counts of the examples whose true label is in `truths` (all when null):
 * b = baseline right and candidate wrong, c = baseline wrong and candidate right, n = how many examples.
 */
function discordant(table, truths) {
    const { k, counts } = table;
    let b = 0;
    let c = 0;
    let n = 0;
    let bothRight = 0;
    const list = truths ?? Array.from({ length: k }, (_, i) => i);
    for (const t of list) {
        for (let pb = 0; pb < k; pb++) {
            for (let pc = 0; pc < k; pc++) {
                const x = counts[(t * k + pb) * k + pc];
                n += x;
                if (pb === t && pc !== t)
                    b += x;
                else if (pb !== t && pc === t)
                    c += x;
                else if (pb === t && pc === t)
                    bothRight += x;
            }
        }
    }
    return { b, c, n, bothRight };
}

;// CONCATENATED MODULE: ./src/format.ts
/**
 * How numbers read in the report and in gate details: one place, so the gates table and the metrics table agree.
 * Deltas of metrics on a 0–1 scale are in points (hundredths), with a true minus sign.
 */
/** Metrics whose values are not on a 0–1 scale, shown as plain numbers rather than percentages or points. */
const PLAIN = new Set(['log_loss', 'brier']);
const isPlain = (metric) => PLAIN.has(metric) || metric.startsWith('support[');
const minus = (text) => text.replace(/^-/, '−');
/** A metric's value: `93.2%` for proportions, `0.4123` for log loss, `186` for support. */
function formatValue(metric, value) {
    if (value === null)
        return '—';
    if (metric.startsWith('support['))
        return value.toLocaleString('en-US');
    if (isPlain(metric))
        return minus(value.toFixed(4));
    if (metric === 'mcc' || metric === 'cohen_kappa')
        return minus(value.toFixed(3));
    return `${(100 * value).toFixed(1)}%`;
}
/** A delta: `+1.3 pts`, `−11.8 pts`, or `−0.0123` for log loss. */
function formatDelta(metric, delta) {
    if (delta === null)
        return '—';
    if (isPlain(metric))
        return (delta >= 0 ? '+' : '') + minus(delta.toFixed(4));
    if (metric === 'mcc' || metric === 'cohen_kappa')
        return (delta >= 0 ? '+' : '') + minus(delta.toFixed(3));
    const pts = 100 * delta;
    const text = Math.abs(pts) < 0.05 ? '0.0' : (pts > 0 ? '+' : '') + minus(pts.toFixed(1));
    return `${text} pts`;
}
/** An interval of a delta: `−16.4 to −7.5 pts`. */
function formatInterval(metric, ci) {
    if (ci === null)
        return '—';
    const [lo, hi] = ci.map((x) => formatDelta(metric, x).replace(/ pts$/, ''));
    return isPlain(metric) || metric === 'mcc' || metric === 'cohen_kappa' ? `${lo} to ${hi}` : `${lo} to ${hi} pts`;
}
/** An interval of a value: `88.1% to 95.0%`. */
function formatValueInterval(metric, ci) {
    if (ci === null)
        return '—';
    return `${formatValue(metric, ci[0])} to ${formatValue(metric, ci[1])}`;
}
/** A p-value: `0.004`, `0.0312`, `< 0.0001`. */
function formatP(p) {
    if (p === null)
        return '—';
    if (p < 0.0001)
        return '< 0.0001';
    if (p >= 0.995)
        return '1.00';
    if (p >= 0.01)
        return p.toFixed(3);
    return p.toFixed(4);
}
/** Plain number for thresholds in gate details. */
function formatNumber(x) {
    return minus(String(Number(x.toPrecision(6))));
}

;// CONCATENATED MODULE: ./src/metrics/names.ts
/** Confusion-matrix metrics of every task. */
const COMMON_METRICS = [
    'accuracy',
    'balanced_accuracy',
    'mcc',
    'cohen_kappa',
    'precision',
    'recall',
    'f1',
    'precision_macro',
    'recall_macro',
    'f1_macro',
    'precision_micro',
    'recall_micro',
    'f1_micro',
    'precision_weighted',
    'recall_weighted',
    'f1_weighted'
];
/** Binary only: recall of the negative class. */
const BINARY_ONLY_METRICS = ['specificity'];
/** Metrics that need scores: binary has all four, multiclass `roc_auc` (one-vs-rest macro) and `log_loss`. */
const SCORE_METRICS = {
    binary: ['roc_auc', 'average_precision', 'log_loss', 'brier'],
    multiclass: ['roc_auc', 'log_loss']
};
const PER_CLASS_METRICS = ['precision', 'recall', 'f1', 'support'];
/** The metrics of a run, in report order: headline first, then the rest, then per class in label order. */
function metricNames(task, labels, hasScores) {
    const names = [...COMMON_METRICS];
    if (task === 'binary')
        names.push(...BINARY_ONLY_METRICS);
    if (hasScores)
        names.push(...SCORE_METRICS[task]);
    for (const label of labels)
        for (const m of PER_CLASS_METRICS)
            names.push(perClassName(m, label));
    return names;
}
/** `recall[spam]` */
function perClassName(metric, label) {
    return `${metric}[${label}]`;
}
/** Splits `recall[spam]` into its metric and label; null for a name that is not per class. */
function parsePerClass(name) {
    const m = /^(precision|recall|f1|support)\[(.*)\]$/s.exec(name);
    return m ? { metric: m[1], label: m[2] } : null;
}
/** Which way is better: lower for `log_loss` and `brier`, higher for everything else (SPEC §3). */
function direction(name) {
    return name === 'log_loss' || name === 'brier' ? 'lower' : 'higher';
}

;// CONCATENATED MODULE: ./src/stats/holm.ts
/**
 * Holm's step-down adjustment of p-values (Holm 1979, "A simple sequentially rejective multiple test
 * procedure", Scand. J. Statist. 6, 65–70): sort ascending; adjusted p(i) = max over j ≤ i of
 * min(1, (m − j + 1)·p(j)). Controls the family-wise error rate without assuming independence.
 * (statsmodels `multipletests(method="holm")`; its default is Holm–Šidák, which is not this.)
 * Cost: O(m log m).
 *
 * @example holm([0.01, 0.04, 0.03, 0.005]) // [0.03, 0.06, 0.06, 0.02]
 */
function holm(pValues) {
    const m = pValues.length;
    const order = pValues.map((_, i) => i).sort((a, b) => pValues[a] - pValues[b] || a - b);
    const adjusted = new Array(m);
    let running = 0;
    order.forEach((index, rank) => {
        running = Math.max(running, Math.min(1, (m - rank) * pValues[index]));
        adjusted[index] = running;
    });
    return adjusted;
}

;// CONCATENATED MODULE: ./src/gates.ts
/**
 * Gates (SPEC §5): rules, one per line or separated by `;`, `#` starting a comment.
 *
 * | rule | passes when |
 * | `METRIC >= X` (`>`, `<=`, `<`) | the candidate's value satisfies it |
 * | `METRIC delta >= X` (any operator) | candidate − baseline satisfies it |
 * | `METRIC no-regression` | not a significant regression: fails only when the change is in the worse direction and its one-sided p, Holm-adjusted over all no-regression rules, is below alpha |
 * | `METRIC non-inferior M` | the one-sided (1 − alpha) bound of delta on the worse side lies within M |
 *
 * METRIC is a name of SPEC §3, per class included (`recall[spam]`; a label may hold spaces, `;` and `#`, which do
 * not split or end a rule inside the brackets).
 */




/** The default when no gates are given: no significant regression of accuracy, precision, recall or F1. */
const DEFAULT_GATES = 'accuracy no-regression; precision no-regression; recall no-regression; f1 no-regression';
/** Splits rules text into rules: newlines and `;` separate, `#` comments, both ignored inside `[…]`. */
function splitRules(text) {
    const rules = [];
    let current = '';
    let depth = 0;
    let comment = false;
    for (const ch of text) {
        if (ch === '\n' || ch === '\r') {
            rules.push(current);
            current = '';
            depth = 0;
            comment = false;
            continue;
        }
        if (comment)
            continue;
        if (ch === '[')
            depth++;
        else if (ch === ']' && depth > 0)
            depth--;
        else if (depth === 0 && ch === '#') {
            comment = true;
            continue;
        }
        else if (depth === 0 && ch === ';') {
            rules.push(current);
            current = '';
            continue;
        }
        current += ch;
    }
    rules.push(current);
    return rules.map((r) => r.trim()).filter((r) => r.length > 0);
}
/**
 * Parses gate rules and checks their metrics against those of the run. A malformed rule, an unknown metric or
 * class, or a score metric without scores is a ConfigError that quotes the rule.
 */
function parseGates(text, known) {
    return splitRules(text).map((rule) => {
        const parsed = parseRule(rule);
        checkMetric(parsed, known);
        return parsed;
    });
}
function parseRule(text) {
    const fail = (why) => {
        throw new ConfigError(`gate "${text}": ${why}. Rules look like "recall no-regression", "f1 >= 0.8", "accuracy delta >= -0.01", "recall non-inferior 0.02"`);
    };
    const head = /^([A-Za-z_][A-Za-z0-9_]*)(\[[\s\S]*\])?([\s\S]*)$/.exec(text);
    if (!head)
        return fail('does not start with a metric name');
    const metric = head[1] + (head[2] ?? '');
    const tail = head[3].trim();
    const number = (s, what) => {
        const x = s.trim() === '' ? NaN : Number(s);
        if (!Number.isFinite(x))
            fail(`${what} "${s}" is not a number`);
        return x;
    };
    let m;
    if ((m = /^(delta\s*)?(>=|<=|>|<)\s*(\S+)$/.exec(tail))) {
        return { text, metric, kind: m[1] ? 'delta' : 'threshold', op: m[2], value: number(m[3], 'the threshold') };
    }
    if (/^no-regression$/.test(tail))
        return { text, metric, kind: 'no-regression' };
    if ((m = /^non-inferior(?:\s+(\S+))?$/.exec(tail))) {
        if (m[1] === undefined)
            fail('non-inferior needs a margin, e.g. "non-inferior 0.01"');
        const margin = number(m[1], 'the margin');
        if (margin < 0)
            fail('the margin must not be negative');
        return { text, metric, kind: 'non-inferior', margin };
    }
    if (tail === '')
        return fail('has a metric but no condition');
    return fail(`cannot read "${tail}"`);
}
function checkMetric(rule, known) {
    if (known.metrics.includes(rule.metric))
        return;
    const perClass = parsePerClass(rule.metric);
    if (perClass) {
        const shown = known.labels.slice(0, 20).map((l) => JSON.stringify(l)).join(', ') + (known.labels.length > 20 ? ', …' : '');
        throw new ConfigError(`gate "${rule.text}": unknown class ${JSON.stringify(perClass.label)}; the classes are ${shown}`);
    }
    if (Object.values(SCORE_METRICS).some((list) => list.includes(rule.metric))) {
        throw new ConfigError(`gate "${rule.text}": ${rule.metric} needs scores, and the candidate file has none (field "score" or "scores")`);
    }
    throw new ConfigError(`gate "${rule.text}": unknown metric "${rule.metric}"; known metrics: ${known.metrics.filter((m) => !m.includes('[')).join(', ')}, and per class precision[L], recall[L], f1[L], support[L]`);
}
const compareOp = (x, op, y) => (op === '>=' ? x >= y : op === '>' ? x > y : op === '<=' ? x <= y : x < y);
/** Evaluates the rules against the metrics of a report. */
function evaluateGates(rules, metrics, options) {
    const { alpha } = options;
    const level = `${Math.round((1 - alpha) * 1000) / 10}%`;
    // Holm over every no-regression rule that has a one-sided p-value.
    const tested = rules.filter((r) => r.kind === 'no-regression' && options.hasBaseline && metrics[r.metric]?.pValueWorse != null);
    const adjusted = new Map();
    holm(tested.map((r) => metrics[r.metric].pValueWorse)).forEach((p, i) => adjusted.set(tested[i], p));
    return rules.map((rule) => {
        const m = metrics[rule.metric];
        const base = { rule: rule.text, metric: rule.metric, observed: null, pValue: null, bound: null };
        const result = (status, detail, extra = {}) => ({ ...base, status, detail, ...extra });
        const name = rule.metric;
        if (rule.kind === 'threshold') {
            if (m.candidate === null)
                return result('fail', `${name} is undefined on this data, so the rule cannot pass`);
            const ok = compareOp(m.candidate, rule.op, rule.value);
            return result(ok ? 'pass' : 'fail', `${name} is ${formatValue(name, m.candidate)}, ${ok ? 'meeting' : 'short of'} ${rule.op} ${formatNumber(rule.value)}`, { observed: m.candidate });
        }
        if (!options.hasBaseline) {
            return options.missingBaseline === 'skip'
                ? result('skip', 'no baseline to compare with (missing-baseline: skip)')
                : result('fail', 'no baseline to compare with (missing-baseline: fail)');
        }
        if (m.delta === null)
            return result('fail', `${name} is undefined on this data, so the change cannot be judged`);
        const change = describeChange(name, m);
        if (rule.kind === 'delta') {
            const ok = compareOp(m.delta, rule.op, rule.value);
            return result(ok ? 'pass' : 'fail', `${change}; the rule needs a change ${rule.op} ${formatNumber(rule.value)}`, { observed: m.delta });
        }
        if (rule.kind === 'no-regression') {
            const p = adjusted.get(rule);
            if (p === undefined)
                return result('pass', `${change}; ${name} has no significance test, so it cannot regress significantly`, { observed: m.delta });
            const worse = direction(name) === 'higher' ? m.delta < 0 : m.delta > 0;
            const significant = worse && p < alpha;
            const ci = m.ci ? ` (${level} CI ${formatInterval(name, m.ci)})` : '';
            const verdict = significant ? 'significant regression' : worse ? 'not a significant regression' : 'no regression';
            return result(significant ? 'fail' : 'pass', `${change}${ci}, one-sided p ${pText(p)} after Holm: ${verdict}`, { observed: m.delta, pValue: p });
        }
        // non-inferior
        const margin = rule.margin;
        const bound = m.worseBound;
        if (bound === null)
            return result('fail', `${change}; ${name} has no confidence bound, so non-inferiority cannot be shown`, { observed: m.delta });
        const higher = direction(name) === 'higher';
        const ok = higher ? bound >= -margin : bound <= margin;
        const side = higher ? 'lower' : 'upper';
        return result(ok ? 'pass' : 'fail', `${change}; the one-sided ${level} ${side} bound is ${formatDelta(name, bound)}, ${ok ? 'within' : 'beyond'} the margin of ${formatDelta(name, higher ? -margin : margin)}${ok ? ': non-inferior' : ': non-inferiority not shown'}`, { observed: m.delta, bound });
    });
}
/** `= 0.004` or `< 0.0001`. */
function pText(p) {
    const text = formatP(p);
    return text.startsWith('<') ? text : `= ${text}`;
}
function describeChange(name, m) {
    const d = m.delta;
    if (d === 0)
        return `${name} is unchanged at ${formatValue(name, m.candidate)}`;
    const verb = d > 0 ? 'rose' : 'fell';
    return `${name} ${verb} ${formatDelta(name, Math.abs(d)).replace(/^\+/, '')}, ${formatValue(name, m.baseline)} → ${formatValue(name, m.candidate)}`;
}

;// CONCATENATED MODULE: ./src/pair.ts
/**
 * Pairing by id (SPEC §4): the candidate's rows are matched with the baseline's rows of the same id. Examples
 * whose true label differs between the two files are left out and counted as label conflicts; examples on one
 * side only are counted and the first few named.
 */


/** How many ids of one-sided or conflicting examples a warning names. */
const NAMED_IDS = 5;
/**
 * Pairs two prediction files by id. Throws an InputError naming both lines for a duplicate id.
 *
 * Cost: O(n) with a fast path when both files list the same ids in the same strictly increasing order (no map
 * at all); otherwise one Map over the baseline's ids.
 */
function pairByIds(candidate, baseline) {
    let cIds = requireIds(candidate);
    let bIds = requireIds(baseline);
    if (cIds instanceof Float64Array !== bIds instanceof Float64Array) {
        // One file has integer ids, the other text: compare as text (17 and "17" are the same id).
        cIds = asText(cIds);
        bIds = asText(bIds);
    }
    if (sameStrictlyIncreasing(cIds, bIds))
        return pairInOrder(candidate, baseline);
    const index = indexIds(baseline, bIds);
    const matchedBy = new Int32Array(baseline.n).fill(-1);
    const candOnlySeen = new Map();
    const cand = new Uint32Array(candidate.n);
    const base = new Uint32Array(candidate.n);
    let n = 0;
    let conflicts = 0;
    const conflictIds = [];
    const candidateOnlyIds = [];
    for (let i = 0; i < candidate.n; i++) {
        const id = cIds[i];
        const j = index.get(id);
        if (j === undefined) {
            const earlier = candOnlySeen.get(id);
            if (earlier !== undefined)
                throw duplicate(candidate, earlier, i, id);
            candOnlySeen.set(id, i);
            if (candidateOnlyIds.length < NAMED_IDS)
                candidateOnlyIds.push(String(id));
            continue;
        }
        if (matchedBy[j] >= 0)
            throw duplicate(candidate, matchedBy[j], i, id);
        matchedBy[j] = i;
        if (candidate.truth[i] !== baseline.truth[j]) {
            conflicts++;
            if (conflictIds.length < NAMED_IDS)
                conflictIds.push(String(id));
            continue;
        }
        cand[n] = i;
        base[n] = j;
        n++;
    }
    const baselineOnlyIds = [];
    let baselineOnly = 0;
    for (let j = 0; j < baseline.n; j++) {
        if (matchedBy[j] >= 0)
            continue;
        baselineOnly++;
        if (baselineOnlyIds.length < NAMED_IDS)
            baselineOnlyIds.push(String(bIds[j]));
    }
    return {
        n,
        cand: cand.subarray(0, n),
        base: base.subarray(0, n),
        candidateOnly: candOnlySeen.size,
        baselineOnly,
        labelConflicts: conflicts,
        candidateOnlyIds,
        baselineOnlyIds,
        conflictIds
    };
}
/**
 * Checks that a file's ids are unique (when it has ids at all). Used without a baseline, where a repeated id
 * still means a broken file.
 */
function checkUniqueIds(file) {
    const ids = file.ids;
    if (ids === null || strictlyIncreasing(ids))
        return;
    indexIds(file, ids);
}
function asText(ids) {
    return ids instanceof Float64Array ? Array.from(ids, String) : ids;
}
function requireIds(file) {
    if (file.ids === null) {
        throw new InputError(file.name, file.n > 0 ? file.line[0] : null, null, 'has no ids: an id on every row is needed to pair it with the other file');
    }
    return file.ids;
}
function indexIds(file, ids) {
    const index = new Map();
    for (let i = 0; i < ids.length; i++) {
        const before = index.size;
        index.set(ids[i], index.get(ids[i]) ?? i);
        if (index.size === before)
            throw duplicate(file, index.get(ids[i]), i, ids[i]);
    }
    return index;
}
function duplicate(file, first, second, id) {
    return new InputError(file.name, file.line[second], 'id', `repeats the id ${JSON.stringify(String(id))} of line ${file.line[first]}`);
}
function pairInOrder(candidate, baseline) {
    const cand = new Uint32Array(candidate.n);
    const base = new Uint32Array(candidate.n);
    const ids = candidate.ids;
    let n = 0;
    let conflicts = 0;
    const conflictIds = [];
    for (let i = 0; i < candidate.n; i++) {
        if (candidate.truth[i] !== baseline.truth[i]) {
            conflicts++;
            if (conflictIds.length < NAMED_IDS)
                conflictIds.push(idText(ids, i));
            continue;
        }
        cand[n] = i;
        base[n] = i;
        n++;
    }
    return {
        n,
        cand: cand.subarray(0, n),
        base: base.subarray(0, n),
        candidateOnly: 0,
        baselineOnly: 0,
        labelConflicts: conflicts,
        candidateOnlyIds: [],
        baselineOnlyIds: [],
        conflictIds
    };
}
/** Both lists equal element by element and strictly increasing (so free of repeats). */
function sameStrictlyIncreasing(a, b) {
    if (a.length !== b.length)
        return false;
    for (let i = 0; i < a.length; i++)
        if (a[i] !== b[i])
            return false;
    return strictlyIncreasing(a);
}
/**
 * Strictly increasing in one total order: canonical integers (no leading zeros, no `-0`) first, by value;
 * then every other text by UTF-16 code unit. Equal in this order means the same text, so a strictly increasing
 * list has no repeats.
 */
function strictlyIncreasing(ids) {
    if (ids instanceof Float64Array) {
        for (let i = 1; i < ids.length; i++)
            if (!(ids[i - 1] < ids[i]))
                return false;
        return true;
    }
    for (let i = 1; i < ids.length; i++)
        if (compareIds(ids[i - 1], ids[i]) >= 0)
            return false;
    return true;
}
function compareIds(a, b) {
    const ia = canonicalInteger(a);
    const ib = canonicalInteger(b);
    if (ia !== null && ib !== null)
        return ia - ib;
    if (ia !== null)
        return -1;
    if (ib !== null)
        return 1;
    return a < b ? -1 : a > b ? 1 : 0;
}
/** The value of a canonical safe integer text (`0`, `17`, `-3`), else null. */
function canonicalInteger(s) {
    const len = s.length;
    if (len === 0 || len > 15)
        return null;
    let i = s.charCodeAt(0) === 45 ? 1 : 0;
    if (i === len)
        return null;
    const first = s.charCodeAt(i);
    if (first === 48 && (len > i + 1 || i === 1))
        return null;
    let v = 0;
    for (; i < len; i++) {
        const c = s.charCodeAt(i) - 48;
        if (c < 0 || c > 9)
            return null;
        v = v * 10 + c;
    }
    return s.charCodeAt(0) === 45 ? -v : v;
}

;// CONCATENATED MODULE: ./src/read/csv.ts
/**
 * CSV (RFC 4180) and TSV. Fields are separated by `,` (CSV) or a tab (TSV); a field may be quoted with `"`, with
 * `""` for a quote inside and newlines allowed inside quotes (TSV accepts the same quoting, as pandas writes it).
 * The first record is the header. CRLF and LF line ends; blank lines skipped. `line` is the physical line where a
 * record starts (the header is line 1).
 */

async function readDelimited(chunks, rows, fields, delimiter) {
    let header = null;
    let columns = null;
    const onRecord = (cells, lineNo) => {
        if (header === null) {
            header = cells.map((c) => c.trim());
            const at = (name) => header.indexOf(name);
            columns = { id: at(fields.id), label: at(fields.label), prediction: at(fields.prediction), score: at(fields.score), scores: at('scores') };
            for (const required of [fields.label, fields.prediction]) {
                if (at(required) < 0)
                    throw new InputError(rows.file, lineNo, required, `is missing from the header (columns: ${header.join(', ')})`);
            }
            return;
        }
        if (cells.length !== header.length) {
            throw new InputError(rows.file, lineNo, null, `has ${cells.length} ${cells.length === 1 ? 'cell' : 'cells'}, but the header has ${header.length}`);
        }
        const c = columns;
        rows.add(lineNo, c.id >= 0 ? cells[c.id] : undefined, cells[c.label], cells[c.prediction], c.score >= 0 ? cells[c.score] : undefined, c.scores >= 0 ? cells[c.scores] : undefined);
    };
    const parser = new DelimitedParser(rows.file, delimiter, onRecord);
    for await (const chunk of chunks)
        parser.push(chunk);
    parser.end();
    if (header === null)
        throw new InputError(rows.file, null, null, 'is empty: no header and no rows');
}
/** An incremental RFC 4180 record parser. */
class DelimitedParser {
    file;
    delimiter;
    onRecord;
    rest = '';
    /** Line number of the first character of `rest`. */
    line = 1;
    constructor(file, delimiter, onRecord) {
        this.file = file;
        this.delimiter = delimiter;
        this.onRecord = onRecord;
    }
    push(chunk) {
        this.rest = this.parse(this.rest.length > 0 ? this.rest + chunk : chunk, false);
    }
    end() {
        if (this.rest.length > 0)
            this.parse(this.rest, true);
        this.rest = '';
    }
    /** Parses the complete records of `text`; returns what is left (an incomplete last record). */
    parse(text, final) {
        let pos = 0;
        const len = text.length;
        while (pos < len) {
            const nl = text.indexOf('\n', pos);
            if (nl === -1 && !final)
                break;
            const lineEnd = nl === -1 ? len : nl;
            const quote = text.indexOf('"', pos);
            if (quote === -1 || quote > lineEnd) {
                // Fast path: a record on one line without quotes.
                let end = lineEnd;
                if (end > pos && text.charCodeAt(end - 1) === 13)
                    end--;
                const raw = text.slice(pos, end);
                if (raw.trim().length > 0)
                    this.onRecord(raw.split(this.delimiter), this.line);
                this.line++;
                pos = lineEnd + 1;
                continue;
            }
            const record = this.quotedRecord(text, pos, final);
            if (record === null)
                break;
            if (record.cells.length > 1 || record.cells[0].length > 0)
                this.onRecord(record.cells, this.line);
            this.line += record.lines;
            pos = record.next;
        }
        return pos >= len ? '' : text.slice(pos);
    }
    /** Parses one record that has quotes, from `pos`; null when it is not complete in `text`. */
    quotedRecord(text, pos, final) {
        const cells = [];
        const len = text.length;
        const delim = this.delimiter.charCodeAt(0);
        let lines = 1;
        let i = pos;
        for (;;) {
            if (i < len && text.charCodeAt(i) === 34) {
                // Quoted field.
                let value = '';
                let j = i + 1;
                for (;;) {
                    const q = text.indexOf('"', j);
                    if (q === -1) {
                        if (!final)
                            return null;
                        throw new InputError(this.file, this.line, null, 'has a quoted field that is never closed');
                    }
                    value += text.slice(j, q);
                    if (q + 1 < len && text.charCodeAt(q + 1) === 34) {
                        value += '"';
                        j = q + 2;
                        continue;
                    }
                    if (q + 1 >= len && !final)
                        return null;
                    j = q + 1;
                    break;
                }
                for (let k = i; k < j; k++)
                    if (text.charCodeAt(k) === 10)
                        lines++;
                cells.push(value);
                i = j;
                const c = i < len ? text.charCodeAt(i) : -1;
                if (c === delim) {
                    i++;
                    continue;
                }
                if (c === 13 && i + 1 < len && text.charCodeAt(i + 1) === 10)
                    return { cells, next: i + 2, lines };
                if (c === 10)
                    return { cells, next: i + 1, lines };
                if (c === -1)
                    return final ? { cells, next: i, lines } : null;
                if (c === 13 && i + 1 >= len && !final)
                    return null;
                if (c === 13)
                    return { cells, next: i + 1, lines };
                throw new InputError(this.file, this.line, null, `has a character after a closing quote (${JSON.stringify(text[i])}); a quote inside a quoted field is written ""`);
            }
            // Unquoted field: up to the delimiter or the end of the line.
            let j = i;
            while (j < len) {
                const c = text.charCodeAt(j);
                if (c === delim || c === 10)
                    break;
                if (c === 34)
                    throw new InputError(this.file, this.line, null, 'has a quote inside an unquoted field; quote the whole field and write the quote as ""');
                j++;
            }
            if (j >= len && !final)
                return null;
            let end = j;
            if (end > i && text.charCodeAt(end - 1) === 13 && (j >= len || text.charCodeAt(j) === 10))
                end--;
            cells.push(text.slice(i, end));
            if (j < len && text.charCodeAt(j) === delim) {
                i = j + 1;
                continue;
            }
            return { cells, next: j < len ? j + 1 : j, lines };
        }
    }
}

;// CONCATENATED MODULE: ./src/read/jsonl.ts
/**
 * JSON Lines: one JSON object per line; blank lines skipped; CRLF accepted. Lines are split by hand on chunk
 * boundaries (faster than readline) and each parsed with JSON.parse.
 */

async function readJsonl(chunks, rows, fields) {
    const { id, label, prediction, score } = fields;
    let lineNo = 0;
    let rest = '';
    const take = (text) => {
        lineNo++;
        let end = text.length;
        if (end > 0 && text.charCodeAt(end - 1) === 13)
            end--;
        const line = end === text.length ? text : text.slice(0, end);
        if (isBlank(line))
            return;
        let row;
        try {
            row = JSON.parse(line);
        }
        catch (error) {
            throw new InputError(rows.file, lineNo, null, `is not valid JSON: ${jsonMessage(error)}`);
        }
        if (typeof row !== 'object' || row === null || Array.isArray(row)) {
            throw new InputError(rows.file, lineNo, null, `must be a JSON object, got ${Array.isArray(row) ? 'an array' : JSON.stringify(row)}`);
        }
        const r = row;
        rows.add(lineNo, r[id], r[label], r[prediction], r[score], r.scores);
    };
    for await (const chunk of chunks) {
        const text = rest.length > 0 ? rest + chunk : chunk;
        let start = 0;
        let nl;
        while ((nl = text.indexOf('\n', start)) !== -1) {
            take(text.slice(start, nl));
            start = nl + 1;
        }
        rest = text.slice(start);
    }
    if (rest.length > 0)
        take(rest);
}
function isBlank(line) {
    if (line.length === 0)
        return true;
    const c = line.charCodeAt(0);
    if (c === 123)
        return false; // '{': the common case
    return line.trim().length === 0;
}
/** JSON.parse's message without the engine's echo of the whole input. */
function jsonMessage(error) {
    const message = error instanceof Error ? error.message : String(error);
    return message.replace(/, "[\s\S]*" is not valid JSON$/, '').replace(/^JSON\.parse: /, '');
}

;// CONCATENATED MODULE: ./src/read/json.ts
/**
 * A JSON array of objects, read whole (it is one document). Each element's line is that of its opening brace,
 * found by one scan of the text that tracks depth and strings.
 */


async function readJsonArray(chunks, rows, fields) {
    const parts = [];
    for await (const chunk of chunks)
        parts.push(chunk);
    const text = parts.join('');
    if (text.trim().length === 0)
        throw new InputError(rows.file, null, null, 'is empty: no prediction rows');
    let doc;
    try {
        doc = JSON.parse(text);
    }
    catch (error) {
        const message = jsonMessage(error);
        const at = /position (\d+)/.exec(message);
        const line = at ? lineAt(text, Number(at[1])) : /line (\d+)/.exec(message) ? Number(/line (\d+)/.exec(message)?.[1]) : null;
        throw new InputError(rows.file, line, null, `is not valid JSON: ${message}`);
    }
    if (!Array.isArray(doc))
        throw new InputError(rows.file, lineAt(text, text.search(/\S/)), null, 'must be a JSON array of objects (one per example)');
    const lines = elementLines(text);
    const { id, label, prediction, score } = fields;
    doc.forEach((row, i) => {
        const lineNo = lines[i] ?? 1;
        if (typeof row !== 'object' || row === null || Array.isArray(row)) {
            throw new InputError(rows.file, lineNo, null, `element ${i + 1} must be a JSON object, got ${Array.isArray(row) ? 'an array' : JSON.stringify(row)}`);
        }
        const r = row;
        rows.add(lineNo, r[id], r[label], r[prediction], r[score], r.scores);
    });
}
function lineAt(text, position) {
    let line = 1;
    for (let i = 0; i < position && i < text.length; i++)
        if (text.charCodeAt(i) === 10)
            line++;
    return line;
}
/** The 1-based line where each top-level array element starts. */
function elementLines(text) {
    const lines = [];
    let line = 1;
    let depth = 0;
    let inString = false;
    let expectValue = false;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10)
            line++;
        if (inString) {
            if (c === 92)
                i++;
            else if (c === 34)
                inString = false;
            continue;
        }
        if (c === 34) {
            if (depth === 1 && expectValue) {
                lines.push(line);
                expectValue = false;
            }
            inString = true;
        }
        else if (c === 91 || c === 123) {
            if (depth === 1 && expectValue) {
                lines.push(line);
                expectValue = false;
            }
            depth++;
            if (depth === 1)
                expectValue = true;
        }
        else if (c === 93 || c === 125)
            depth--;
        else if (c === 44 && depth === 1)
            expectValue = true;
        else if (depth === 1 && expectValue && c > 32) {
            lines.push(line);
            expectValue = false;
        }
    }
    return lines;
}

;// CONCATENATED MODULE: ./src/labels.ts
/**
 * Label text and label order (SPEC §1).
 *
 * Labels are compared as text: a JSON string as it is, a JSON number in its shortest form (`1`, `2.5`), a
 * boolean as `true`/`false`, a CSV cell as written. Order: ascending numeric when every label is a finite number,
 * otherwise by Unicode code point.
 */
/**
 * The text of a JSON value used as a label or id, or null when the value cannot be one (object, array, null).
 * @example labelText(1) // '1'
 * @example labelText(2.50) // '2.5'
 * @example labelText(true) // 'true'
 */
function labelText(value) {
    switch (typeof value) {
        case 'string':
            return value;
        case 'number':
            return Number.isFinite(value) ? String(value) : null;
        case 'boolean':
            return value ? 'true' : 'false';
        default:
            return null;
    }
}
/** True when `text` reads as a finite number (`1`, `-2.5`, `1e3`), as JSON or a CSV cell would write it. */
function isNumericText(text) {
    return /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(text);
}
/** Compares two strings by Unicode code point (not UTF-16 code unit, not locale). */
function compareCodePoints(a, b) {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
        const x = a.codePointAt(i);
        const y = b.codePointAt(i);
        if (x !== y)
            return x - y;
        if (x > 0xffff)
            i++;
    }
    return a.length - b.length;
}
/**
 * Sorts labels into report order: ascending numeric when every label is a finite number (ties, e.g. `1` and
 * `1.0`, by code point), otherwise by Unicode code point. Returns a new array.
 * @example labelOrder(['10', '9', '1']) // ['1', '9', '10']
 * @example labelOrder(['spam', 'Ham', 'ham']) // ['Ham', 'ham', 'spam']
 */
function labelOrder(labels) {
    const list = [...new Set(labels)];
    if (list.length > 0 && list.every(isNumericText)) {
        return list.sort((a, b) => Number(a) - Number(b) || compareCodePoints(a, b));
    }
    return list.sort(compareCodePoints);
}

;// CONCATENATED MODULE: ./src/read/rows.ts
/**
 * Builds the columns of a PredictionFile row by row, checking each value (SPEC §1): labels and ids normalised to
 * text, scores numbers in [0, 1] on all rows or none. Typed arrays grow by doubling.
 */


class RowBuilder {
    file;
    fields;
    dictionary;
    requireId;
    textCells;
    n = 0;
    cap = 1024;
    line = new Uint32Array(this.cap);
    truth = new Uint32Array(this.cap);
    pred = new Uint32Array(this.cap);
    score = null;
    ids = null;
    /** Ids while every id so far is a safe integer (JSON number); switched to text at the first other id. */
    numericIds = null;
    idsSeen = false;
    /** Whether rows carry a binary score, a multiclass scores object, or nothing; fixed by the first row. */
    scoreKind = null;
    scoreLabels = [];
    scoreValues = null;
    numberCodes = new Map();
    /** Codes of the labels 0 … 255 written as JSON numbers (−1: not seen yet): no map look-up for the common case. */
    smallIntCodes = new Int32Array(256).fill(-1);
    trueCode = -1;
    falseCode = -1;
    constructor(file, fields, dictionary, requireId, 
    /** CSV/TSV: cells are text as written, scores are parsed from text. */
    textCells) {
        this.file = file;
        this.fields = fields;
        this.dictionary = dictionary;
        this.requireId = requireId;
        this.textCells = textCells;
    }
    /**
     * Adds a row. `score` is the value of the score field, `scores` the value of a `scores` field (JSON only).
     */
    add(lineNo, id, label, prediction, score, scores) {
        const i = this.n;
        if (i === this.cap)
            this.grow();
        this.line[i] = lineNo;
        this.truth[i] = this.code(label, lineNo, this.fields.label);
        this.pred[i] = this.code(prediction, lineNo, this.fields.prediction);
        this.addId(id, lineNo, i);
        this.addScore(score, scores, lineNo, i);
        this.n = i + 1;
    }
    /** The finished file; an InputError when it has no rows. */
    finish() {
        if (this.n === 0)
            throw new InputError(this.file, null, null, 'is empty: no prediction rows');
        const n = this.n;
        let ids = null;
        if (this.idsSeen) {
            if (this.numericIds)
                ids = this.numericIds.slice(0, n);
            else {
                ids = this.ids;
                ids.length = n;
            }
        }
        return {
            name: this.file,
            n,
            ids,
            line: this.line.slice(0, n),
            truth: this.truth.slice(0, n),
            pred: this.pred.slice(0, n),
            score: this.scoreKind === 'score' && this.score ? this.score.slice(0, n) : null,
            scores: this.scoreKind === 'scores' && this.scoreValues
                ? { labels: this.scoreLabels, values: this.scoreValues.slice(0, n * this.scoreLabels.length) }
                : null
        };
    }
    grow() {
        this.cap *= 2;
        const grow32 = (a) => {
            const b = new Uint32Array(this.cap);
            b.set(a);
            return b;
        };
        this.line = grow32(this.line);
        this.truth = grow32(this.truth);
        this.pred = grow32(this.pred);
        if (this.score) {
            const b = new Float64Array(this.cap);
            b.set(this.score);
            this.score = b;
        }
        if (this.numericIds) {
            const b = new Float64Array(this.cap);
            b.set(this.numericIds);
            this.numericIds = b;
        }
        if (this.scoreValues) {
            const b = new Float64Array(this.cap * this.scoreLabels.length);
            b.set(this.scoreValues);
            this.scoreValues = b;
        }
    }
    /** The dictionary code of a label value; JSON numbers and booleans are cached so most rows make no string. */
    code(value, lineNo, field) {
        if (typeof value === 'string') {
            if (value.length === 0 || (this.textCells && value.trim().length === 0))
                throw new InputError(this.file, lineNo, field, 'is empty');
            return this.dictionary.code(value);
        }
        if (typeof value === 'number') {
            if ((value & 255) === value) {
                const cached = this.smallIntCodes[value];
                if (cached >= 0)
                    return cached;
            }
            let c = this.numberCodes.get(value);
            if (c === undefined) {
                const text = labelText(value);
                if (text === null)
                    throw new InputError(this.file, lineNo, field, `must be a finite number, got ${value}`);
                c = this.dictionary.code(text);
                this.numberCodes.set(value, c);
                if ((value & 255) === value && !Object.is(value, -0))
                    this.smallIntCodes[value] = c;
            }
            return c;
        }
        if (typeof value === 'boolean') {
            if (value)
                return this.trueCode >= 0 ? this.trueCode : (this.trueCode = this.dictionary.code('true'));
            return this.falseCode >= 0 ? this.falseCode : (this.falseCode = this.dictionary.code('false'));
        }
        if (value === undefined)
            throw new InputError(this.file, lineNo, field, 'is missing');
        throw new InputError(this.file, lineNo, field, `must be a string, number or boolean, got ${describe(value)}`);
    }
    addId(value, lineNo, i) {
        if (value === undefined || value === '' || (this.textCells && typeof value === 'string' && value.trim() === '')) {
            if (this.requireId)
                throw new InputError(this.file, lineNo, this.fields.id, value === undefined ? 'is missing' : 'is empty');
            if (this.idsSeen)
                throw new InputError(this.file, lineNo, this.fields.id, value === undefined ? 'is missing (other rows have an id)' : 'is empty');
            return;
        }
        if (typeof value === 'number' && this.numericIds !== null && Number.isSafeInteger(value)) {
            this.numericIds[i] = value;
            return;
        }
        if (!this.idsSeen && typeof value === 'number' && Number.isSafeInteger(value)) {
            if (i > 0)
                throw new InputError(this.file, lineNo, this.fields.id, `is present, but the earlier rows (from line ${this.line[0]}) have no id`);
            this.idsSeen = true;
            this.numericIds = new Float64Array(this.cap);
            this.numericIds[i] = value;
            return;
        }
        let text;
        if (typeof value === 'string')
            text = value;
        else if (typeof value === 'number')
            text = Number.isFinite(value) ? String(value) : null;
        else
            text = null;
        if (text === null)
            throw new InputError(this.file, lineNo, this.fields.id, `must be a string or an integer, got ${describe(value)}`);
        if (!this.idsSeen) {
            if (i > 0)
                throw new InputError(this.file, lineNo, this.fields.id, `is present, but the earlier rows (from line ${this.line[0]}) have no id`);
            this.idsSeen = true;
            this.ids = [];
        }
        if (this.numericIds) {
            // A text id after numeric ones: from here on every id is text.
            const numbers = this.numericIds;
            this.ids = Array.from({ length: i }, (_, j) => String(numbers[j]));
            this.numericIds = null;
        }
        ;
        this.ids[i] = text;
    }
    addScore(score, scores, lineNo, i) {
        if (this.scoreKind === 'none' && score === undefined && scores === undefined)
            return;
        if (this.scoreKind === 'score' && typeof score === 'number' && score >= 0 && score <= 1) {
            ;
            this.score[i] = score;
            return;
        }
        const field = this.fields.score;
        const scoresField = score !== undefined && score !== '' && isObjectCell(score, this.textCells) ? field : 'scores';
        const objectValue = scoresField === field ? score : scores;
        const kind = objectValue !== undefined && objectValue !== '' && isObjectCell(objectValue, this.textCells) ? 'scores' : score === undefined || score === '' ? 'none' : 'score';
        if (this.scoreKind === null) {
            this.scoreKind = kind;
            if (kind === 'score')
                this.score = new Float64Array(this.cap);
        }
        else if (kind !== this.scoreKind) {
            const first = this.line[0];
            if (this.scoreKind === 'none')
                throw new InputError(this.file, lineNo, kind === 'score' ? field : scoresField, `is present, but the earlier rows (from line ${first}) have no scores: give scores on all rows or none`);
            const expected = this.scoreKind === 'score' ? field : scoresField;
            throw new InputError(this.file, lineNo, expected, `is missing, but the earlier rows (from line ${first}) have it: give scores on all rows or none`);
        }
        if (kind === 'score')
            this.score[i] = this.probability(score, lineNo, field);
        else if (kind === 'scores')
            this.addScores(objectValue, lineNo, i, scoresField);
    }
    addScores(value, lineNo, i, field) {
        let object;
        if (typeof value === 'string') {
            try {
                object = JSON.parse(value);
            }
            catch {
                throw new InputError(this.file, lineNo, field, 'is not a valid JSON object of label → probability');
            }
        }
        else
            object = value;
        const keys = Object.keys(object);
        if (i === 0) {
            if (keys.length === 0)
                throw new InputError(this.file, lineNo, field, 'is an empty object: give a probability per label');
            this.scoreLabels = keys;
            this.scoreValues = new Float64Array(this.cap * keys.length);
        }
        const labels = this.scoreLabels;
        const values = this.scoreValues;
        if (keys.length !== labels.length) {
            const extra = keys.find((k) => !labels.includes(k));
            if (extra !== undefined)
                throw new InputError(this.file, lineNo, field, `has the label ${JSON.stringify(extra)}, which the first row's scores do not have`);
        }
        for (let j = 0; j < labels.length; j++) {
            const v = object[labels[j]];
            if (v === undefined)
                throw new InputError(this.file, lineNo, field, `has no probability for the label ${JSON.stringify(labels[j])}`);
            values[i * labels.length + j] = this.probability(v, lineNo, `${field}.${labels[j]}`);
        }
    }
    probability(value, lineNo, field) {
        let x;
        if (typeof value === 'number')
            x = value;
        else if (this.textCells && typeof value === 'string' && value.trim() !== '')
            x = Number(value);
        else
            throw new InputError(this.file, lineNo, field, `must be a number in [0, 1], got ${describe(value)}`);
        if (!(x >= 0 && x <= 1))
            throw new InputError(this.file, lineNo, field, `must be a number in [0, 1], got ${typeof value === 'string' ? JSON.stringify(value) : value}`);
        return x;
    }
}
function isObjectCell(value, textCells) {
    if (textCells)
        return typeof value === 'string' && value.trimStart().startsWith('{');
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function describe(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'an array';
    if (typeof value === 'object')
        return 'an object';
    if (typeof value === 'string')
        return JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value);
    return String(value);
}

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:stream"
const external_node_stream_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");
;// CONCATENATED MODULE: external "node:string_decoder"
const external_node_string_decoder_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:string_decoder");
;// CONCATENATED MODULE: external "node:zlib"
const external_node_zlib_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");
;// CONCATENATED MODULE: ./src/read/source.ts
/**
 * Opens a prediction source as a stream of UTF-8 text chunks: from disk or memory, gunzipped when it is gzip
 * (by the `.gz` extension or the magic bytes 1f 8b), with a leading byte-order mark removed. Every failure is an
 * InputError naming the file.
 */





const CHUNK = 1 << 20;
/** Text chunks of the source, in order. */
async function* textChunks(source, gzipByName) {
    const decoder = new external_node_string_decoder_namespaceObject.StringDecoder('utf8');
    let first = true;
    let gzip = gzipByName ? true : null;
    let stream = rawStream(source);
    try {
        if (gzip === null) {
            // Peek at the first bytes for the gzip magic number.
            const iterator = stream[Symbol.asyncIterator]();
            const head = await iterator.next();
            const firstChunk = head.done ? Buffer.alloc(0) : Buffer.from(head.value);
            gzip = firstChunk.length >= 2 && firstChunk[0] === 0x1f && firstChunk[1] === 0x8b;
            stream = (async function* () {
                if (firstChunk.length > 0)
                    yield firstChunk;
                for (;;) {
                    const next = await iterator.next();
                    if (next.done)
                        return;
                    yield Buffer.from(next.value);
                }
            })();
        }
        const bytes = gzip ? external_node_stream_namespaceObject.Readable.from(stream).pipe((0,external_node_zlib_namespaceObject.createGunzip)({ chunkSize: CHUNK })) : stream;
        for await (const chunk of bytes) {
            let text = decoder.write(chunk);
            if (first && text.length > 0) {
                if (text.charCodeAt(0) === 0xfeff)
                    text = text.slice(1);
                first = false;
            }
            if (text.length > 0)
                yield text;
        }
        const rest = decoder.end();
        if (rest.length > 0)
            yield rest;
    }
    catch (error) {
        throw sourceError(source, error);
    }
}
function rawStream(source) {
    if (source.data) {
        const data = source.data;
        return (async function* () {
            for (let i = 0; i < data.length; i += CHUNK)
                yield Buffer.from(data.buffer, data.byteOffset + i, Math.min(CHUNK, data.length - i));
        })();
    }
    if (!source.path)
        throw new InputError(source.name, null, null, 'has neither a path nor data');
    return (0,external_node_fs_namespaceObject.createReadStream)(source.path, { highWaterMark: CHUNK });
}
function sourceError(source, error) {
    if (error instanceof InputError)
        return error;
    const e = error;
    switch (e?.code) {
        case 'ENOENT':
            return new InputError(source.name, null, null, 'file not found');
        case 'EISDIR':
            return new InputError(source.name, null, null, 'is a directory, not a file');
        case 'EACCES':
            return new InputError(source.name, null, null, 'cannot be read (permission denied)');
        case 'Z_DATA_ERROR':
        case 'Z_BUF_ERROR':
        case 'Z_NEED_DICT':
            return new InputError(source.name, null, null, `is not valid gzip (${e.message})`);
        default:
            if (typeof e?.code === 'string' && e.code.startsWith('Z_'))
                return new InputError(source.name, null, null, `is not valid gzip (${e.message})`);
            return new InputError(source.name, null, null, `cannot be read: ${e?.message ?? String(error)}`);
    }
}

;// CONCATENATED MODULE: ./src/read/index.ts
/**
 * Reading prediction files (SPEC §1): the parse stage. Format by extension (or the `format` option), gzip by
 * `.gz` or magic bytes, streamed by chunks; every bad input is an InputError naming file, line and field.
 */






const EXTENSIONS = { jsonl: 'jsonl', ndjson: 'jsonl', csv: 'csv', tsv: 'tsv', json: 'json' };
/**
 * The format and compression of a file from its name.
 * @example formatOf('preds.csv.gz') // { format: 'csv', gzip: true }
 */
function formatOf(name, override) {
    const lower = name.toLowerCase();
    const gzip = lower.endsWith('.gz');
    const base = gzip ? lower.slice(0, -3) : lower;
    const ext = base.slice(base.lastIndexOf('.') + 1);
    const format = override ?? EXTENSIONS[ext];
    if (!format) {
        throw new InputError(name, null, null, 'has an extension that names no known format (.jsonl, .ndjson, .csv, .tsv, .json, optionally .gz): set format (CLI --format)');
    }
    return { format, gzip };
}
/** Reads one prediction file into columns. */
async function readPredictions(source, options) {
    const { format, gzip } = formatOf(source.name, options.format);
    const rows = new RowBuilder(source.name, options.fields, options.dictionary, options.requireId, format === 'csv' || format === 'tsv');
    const chunks = textChunks(source, gzip);
    switch (format) {
        case 'jsonl':
            await readJsonl(chunks, rows, options.fields);
            break;
        case 'json':
            await readJsonArray(chunks, rows, options.fields);
            break;
        case 'csv':
            await readDelimited(chunks, rows, options.fields, ',');
            break;
        case 'tsv':
            await readDelimited(chunks, rows, options.fields, '\t');
            break;
    }
    return rows.finish();
}

;// CONCATENATED MODULE: external "node:worker_threads"
const external_node_worker_threads_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");
;// CONCATENATED MODULE: ./src/read/parallel.ts
/**
 * Reading the baseline on a second core: a worker thread runs the same reader on the baseline file while the
 * main thread reads the candidate, then hands its columns over without copying (transferred buffers). The worker
 * is the CLI bundle itself, started with a marker in `workerData`; `serveReadRequest()` answers it.
 */




/** True in a worker started by `readInWorker`. */
function isReadWorker() {
    return !external_node_worker_threads_namespaceObject.isMainThread && external_node_worker_threads_namespaceObject.workerData?.evalGateRead === true;
}
/** In a read worker: reads the requested file and posts its columns back. */
async function serveReadRequest() {
    const request = external_node_worker_threads_namespaceObject.workerData;
    const dictionary = new LabelDictionary();
    let reply;
    const transfer = [];
    try {
        const file = await readPredictions(request.source, { format: request.format, fields: request.fields, dictionary, requireId: request.requireId });
        for (const column of [file.line, file.truth, file.pred, file.score, file.scores?.values, file.ids instanceof Float64Array ? file.ids : null]) {
            if (column)
                transfer.push(column.buffer);
        }
        reply = { ok: true, file, labels: dictionary.names };
    }
    catch (error) {
        reply =
            error instanceof InputError
                ? { ok: false, input: true, file: error.file, line: error.line, field: error.field, reason: error.reason, message: error.message }
                : { ok: false, input: false, message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
    external_node_worker_threads_namespaceObject.parentPort?.postMessage(reply, transfer);
}
/**
 * Reads `source` in a worker started from `script`; label codes are re-interned into `dictionary`.
 * Errors come back as they would from readPredictions.
 */
function readInWorker(script, source, options) {
    const request = { evalGateRead: true, source, format: options.format, fields: options.fields, requireId: options.requireId };
    return new Promise((resolve, reject) => {
        const worker = new external_node_worker_threads_namespaceObject.Worker(script, { workerData: request });
        worker.once('message', (reply) => {
            void worker.terminate();
            if (!reply.ok) {
                reject(reply.input ? new InputError(reply.file, reply.line ?? null, reply.field ?? null, reply.reason) : new Error(reply.message));
                return;
            }
            const { file, labels } = reply;
            const codes = Uint32Array.from(labels, (name) => options.dictionary.code(name));
            for (let i = 0; i < file.n; i++) {
                file.truth[i] = codes[file.truth[i]];
                file.pred[i] = codes[file.pred[i]];
            }
            resolve(file);
        });
        worker.once('error', reject);
        worker.once('exit', (code) => {
            if (code !== 0)
                reject(new Error(`the reader thread stopped with code ${code}`));
        });
    });
}

;// CONCATENATED MODULE: ./src/metrics/scores.ts
/**
 * Score-based metrics with scikit-learn 1.2's definitions: ROC AUC, average precision, log loss, Brier score.
 * `positive` is 1 for an example of the positive class; `score` the model's probability of it.
 * Cost: O(n log n) for the ranking metrics (one sort), O(n) for the others.
 */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
/**
 * Example indices sorted by ascending score, ties by index (so the order is deterministic).
 * Method: LSD radix sort on the IEEE-754 bits (16-bit digits, 4 stable passes; the bits of a double order like
 * the number once negative values have all bits flipped and others the sign bit). Cost: O(n), about 4 passes.
 * @example ascendingOrder([0.3, 0.1, 0.3, 0]) // Uint32Array [3, 1, 0, 2]
 */
function ascendingOrder(score) {
    const n = score.length;
    let order = new Uint32Array(n);
    for (let i = 0; i < n; i++)
        order[i] = i;
    if (!LITTLE_ENDIAN || n < 64)
        return order.sort((a, b) => score[a] - score[b] || a - b);
    const bits = new Float64Array(n);
    for (let i = 0; i < n; i++)
        bits[i] = score[i] === 0 ? 0 : score[i];
    const words = new Uint32Array(bits.buffer);
    const lo = new Uint32Array(n);
    const hi = new Uint32Array(n);
    for (let i = 0; i < n; i++) {
        const h = words[2 * i + 1];
        if (h & 0x80000000) {
            hi[i] = ~h >>> 0;
            lo[i] = ~words[2 * i] >>> 0;
        }
        else {
            hi[i] = (h | 0x80000000) >>> 0;
            lo[i] = words[2 * i];
        }
    }
    let next = new Uint32Array(n);
    const count = new Uint32Array(65536);
    for (const [key, shift] of [[lo, 0], [lo, 16], [hi, 0], [hi, 16]]) {
        count.fill(0);
        for (let i = 0; i < n; i++)
            count[(key[i] >>> shift) & 0xffff]++;
        if (count[(key[0] >>> shift) & 0xffff] === n)
            continue; // every key has this digit: the pass changes nothing
        let sum = 0;
        for (let d = 0; d < 65536; d++) {
            const c = count[d];
            count[d] = sum;
            sum += c;
        }
        for (let k = 0; k < n; k++) {
            const i = order[k];
            next[count[(key[i] >>> shift) & 0xffff]++] = i;
        }
        const t = order;
        order = next;
        next = t;
    }
    return order;
}
/**
 * ROC AUC as `roc_auc_score`: the Mann–Whitney statistic with midranks for ties, which equals the trapezoidal
 * area under the ROC curve. Null when only one class is present (scikit-learn raises).
 * @example rocAuc(Uint8Array.of(0, 0, 1, 1), Float64Array.of(0.1, 0.4, 0.35, 0.8)) // 0.75
 */
function rocAuc(positive, score, order = ascendingOrder(score)) {
    const n = positive.length;
    let nPos = 0;
    for (let i = 0; i < n; i++)
        nPos += positive[i];
    const nNeg = n - nPos;
    if (nPos === 0 || nNeg === 0)
        return null;
    let rankSum = 0;
    for (let i = 0; i < n;) {
        let j = i;
        while (j + 1 < n && score[order[j + 1]] === score[order[i]])
            j++;
        const midrank = (i + j) / 2 + 1;
        for (let k = i; k <= j; k++)
            if (positive[order[k]])
                rankSum += midrank;
        i = j + 1;
    }
    return (rankSum - (nPos * (nPos + 1)) / 2) / (nPos * nNeg);
}
/**
 * Average precision as `average_precision_score`: Σ (Rₖ − Rₖ₋₁)·Pₖ over distinct thresholds, highest first,
 * no interpolation. Optional integer `weights` count each example that many times (bootstrap). Null when there
 * is no positive example.
 * @example averagePrecision(Uint8Array.of(0, 0, 1, 1), Float64Array.of(0.1, 0.4, 0.35, 0.8)) // 0.8333333333333333
 */
function averagePrecision(positive, score, order = ascendingOrder(score), weights = null) {
    const n = positive.length;
    let total = 0;
    for (let i = 0; i < n; i++)
        total += positive[i] * (weights ? weights[i] : 1);
    if (total === 0)
        return null;
    let tp = 0;
    let fp = 0;
    let ap = 0;
    for (let j = n - 1; j >= 0;) {
        const s = score[order[j]];
        let tpGroup = 0;
        while (j >= 0 && score[order[j]] === s) {
            const i = order[j];
            const w = weights ? weights[i] : 1;
            if (positive[i])
                tpGroup += w;
            else
                fp += w;
            j--;
        }
        tp += tpGroup;
        if (tpGroup > 0)
            ap += (tpGroup / total) * (tp / (tp + fp));
    }
    return ap;
}
const EPS = 2.220446049250313e-16;
/**
 * Per-example log loss of a binary model as `log_loss` computes it: p clipped to [ε, 1 − ε] (ε the float64
 * machine epsilon), the pair (1 − p, p) renormalised, −ln of the true class's probability.
 */
function logLossesBinary(positive, score) {
    const out = new Float64Array(positive.length);
    for (let i = 0; i < out.length; i++) {
        const p = Math.min(1 - EPS, Math.max(EPS, score[i]));
        const q = 1 - p;
        const sum = p + q;
        out[i] = -Math.log((positive[i] ? p : q) / sum);
    }
    return out;
}
/**
 * Per-example multiclass log loss: each row of `probs` (n × K, columns in label order) clipped to [ε, 1 − ε] and
 * renormalised, −ln of the true class's probability.
 */
function logLossesMulticlass(truth, probs, k) {
    const out = new Float64Array(truth.length);
    for (let i = 0; i < out.length; i++) {
        let sum = 0;
        for (let j = 0; j < k; j++)
            sum += Math.min(1 - EPS, Math.max(EPS, probs[i * k + j]));
        out[i] = -Math.log(Math.min(1 - EPS, Math.max(EPS, probs[i * k + truth[i]])) / sum);
    }
    return out;
}
/** Per-example Brier loss (p − y)², as `brier_score_loss` with the positive class. */
function brierLosses(positive, score) {
    const out = new Float64Array(positive.length);
    for (let i = 0; i < out.length; i++)
        out[i] = (score[i] - positive[i]) ** 2;
    return out;
}
/** The mean of per-example losses. */
function mean(values) {
    let s = 0;
    for (let i = 0; i < values.length; i++)
        s += values[i];
    return s / values.length;
}
/**
 * One-vs-rest macro ROC AUC as `roc_auc_score(multi_class="ovr", average="macro")`. Null when a class has no
 * example or every example (scikit-learn raises).
 */
function rocAucOvrMacro(truth, probs, k) {
    const n = truth.length;
    let sum = 0;
    const column = new Float64Array(n);
    const pos = new Uint8Array(n);
    for (let c = 0; c < k; c++) {
        for (let i = 0; i < n; i++) {
            column[i] = probs[i * k + c];
            pos[i] = truth[i] === c ? 1 : 0;
        }
        const auc = rocAuc(pos, column);
        if (auc === null)
            return null;
        sum += auc;
    }
    return sum / k;
}

;// CONCATENATED MODULE: ./src/stats/normal.ts
/**
 * The standard normal distribution: Φ, its upper tail and Φ⁻¹, to about 1e-15.
 *
 * erfc: for x < 2.5 the everywhere-positive series erf(x) = (2/√π)·e^{−x²}·Σ 2ⁿx^{2n+1}/(1·3···(2n+1))
 * (Abramowitz & Stegun 7.1.6), which has no cancellation; for x ≥ 2.5 the continued fraction
 * erfc(x) = (e^{−x²}/√π)·1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))) (A&S 7.1.14) by the modified Lentz method.
 * Φ⁻¹: Acklam's rational start (relative error 1.15e-9), then one Halley step on Φ, which gives full precision.
 * Cost: O(1) (at most ~60 series or fraction terms).
 *
 * simple-statistics' `cumulativeStdNormalProbability` is a 4-decimal table and its `probit(0.975)` is 1.95716:
 * not accurate enough for p-values and quantiles.
 */
const SQRT_PI = Math.sqrt(Math.PI);
/**
 * The complementary error function.
 * @example erfc(1) // 0.15729920705028513
 */
function normal_erfc(x) {
    if (Number.isNaN(x))
        return NaN;
    if (x < 0)
        return 2 - normal_erfc(-x);
    if (x < 2.5)
        return 1 - erfSeries(x);
    if (x > 27)
        return 0;
    // Modified Lentz for 1/(x + a1/(x + a2/(x + …))) with a_k = k/2.
    const tiny = 1e-300;
    let f = x;
    let C = x;
    let D = 0;
    for (let k = 1; k < 200; k++) {
        const a = k / 2;
        D = x + a * D;
        D = D === 0 ? tiny : D;
        C = x + a / C;
        C = C === 0 ? tiny : C;
        D = 1 / D;
        const delta = C * D;
        f *= delta;
        if (Math.abs(delta - 1) < 1e-16)
            break;
    }
    return Math.exp(-x * x) / (SQRT_PI * f);
}
function erfSeries(x) {
    const x2 = x * x;
    let term = x;
    let sum = x;
    for (let n = 1; n < 200; n++) {
        term *= (2 * x2) / (2 * n + 1);
        sum += term;
        if (term < 1e-17 * sum)
            break;
    }
    return ((2 / SQRT_PI) * Math.exp(-x2) * sum);
}
/**
 * Φ(z), the standard normal CDF.
 * @example normalCdf(1.959963984540054) // 0.975
 */
function normalCdf(z) {
    return 0.5 * normal_erfc(-z / Math.SQRT2);
}
/**
 * 1 − Φ(z), accurate in the upper tail.
 * @example normalSf(8) // 6.22096057427178e-16
 */
function normalSf(z) {
    return 0.5 * normal_erfc(z / Math.SQRT2);
}
const A = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
const C = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
/**
 * Φ⁻¹(p), the standard normal quantile.
 * @example normalQuantile(0.975) // 1.959963984540054
 */
function normalQuantile(p) {
    if (!(p > 0 && p < 1))
        return p === 0 ? -Infinity : p === 1 ? Infinity : NaN;
    let x;
    if (p < 0.02425) {
        const q = Math.sqrt(-2 * Math.log(p));
        x = (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
    }
    else if (p <= 1 - 0.02425) {
        const q = p - 0.5;
        const r = q * q;
        x = ((((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q) / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
    }
    else {
        const q = Math.sqrt(-2 * Math.log1p(-p));
        x = -(((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
    }
    // One Halley step on Φ(x) − p (on the upper tail for p > 1/2, to keep precision).
    const e = p <= 0.5 ? normalCdf(x) - p : 1 - p - normalSf(x);
    const u = e * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
    return x - u / (1 + (x * u) / 2);
}

;// CONCATENATED MODULE: ./src/stats/delong.ts
/**
 * DeLong's test for two correlated ROC AUCs (DeLong, DeLong & Clarke-Pearson 1988, Biometrics 44, 837–845) in
 * the fast midrank form of Sun & Xu (2014, IEEE Signal Processing Letters 21, 1389–1393).
 *
 * For each model, the placement values V10ᵢ = (Zᵢ − Xᵢ)/N (positive i) and V01ⱼ = 1 − (Zⱼ − Yⱼ)/P (negative j),
 * with Z the midrank among all examples, X among positives, Y among negatives; AUC = mean V10.
 * S = S10/P + S01/N (sample covariances of the placements); Var(AUC_B − AUC_A) = S_AA + S_BB − 2·S_AB.
 * Cost: O(n log n) (one sort per model).
 */


function placements(positive, score, nPos, nNeg, order = ascendingOrder(score)) {
    const n = positive.length;
    const v10 = new Float64Array(nPos);
    const v01 = new Float64Array(nNeg);
    const posIndex = new Int32Array(n);
    let p = 0;
    let q = 0;
    for (let i = 0; i < n; i++)
        posIndex[i] = positive[i] ? p++ : q++;
    let seen = 0;
    let seenPos = 0;
    for (let i = 0; i < n;) {
        let j = i;
        let groupPos = 0;
        while (j < n && score[order[j]] === score[order[i]]) {
            groupPos += positive[order[j]];
            j++;
        }
        const groupNeg = j - i - groupPos;
        const seenNeg = seen - seenPos;
        // Midranks (1-based) of the group among all, among positives, among negatives.
        const z = seen + (j - i + 1) / 2;
        const x = seenPos + (groupPos + 1) / 2;
        const y = seenNeg + (groupNeg + 1) / 2;
        for (let k = i; k < j; k++) {
            const e = order[k];
            if (positive[e])
                v10[posIndex[e]] = (z - x) / nNeg;
            else
                v01[posIndex[e]] = 1 - (z - y) / nPos;
        }
        seen += j - i;
        seenPos += groupPos;
        i = j;
    }
    let sum = 0;
    for (const v of v10)
        sum += v;
    return { auc: sum / nPos, v10, v01 };
}
function covariance(a, b) {
    const n = a.length;
    if (n < 2)
        return 0;
    let ma = 0;
    let mb = 0;
    for (let i = 0; i < n; i++) {
        ma += a[i];
        mb += b[i];
    }
    ma /= n;
    mb /= n;
    let s = 0;
    for (let i = 0; i < n; i++)
        s += (a[i] - ma) * (b[i] - mb);
    return s / (n - 1);
}
/**
 * Paired DeLong test of model B (candidate) against model A (baseline) on the same examples.
 * @returns null when only one class is present.
 */
function delongPaired(positive, scoreA, scoreB, alpha, orderA = ascendingOrder(scoreA), orderB = ascendingOrder(scoreB)) {
    let nPos = 0;
    for (let i = 0; i < positive.length; i++)
        nPos += positive[i];
    const nNeg = positive.length - nPos;
    if (nPos === 0 || nNeg === 0)
        return null;
    const a = placements(positive, scoreA, nPos, nNeg, orderA);
    const b = placements(positive, scoreB, nPos, nNeg, orderB);
    const s = (x, y) => covariance(x.v10, y.v10) / nPos + covariance(x.v01, y.v01) / nNeg;
    const sAA = s(a, a);
    const sBB = s(b, b);
    const sAB = s(a, b);
    const variance = Math.max(0, sAA + sBB - 2 * sAB);
    const delta = b.auc - a.auc;
    const se = Math.sqrt(variance);
    const z2 = normalQuantile(1 - alpha / 2);
    const z1 = normalQuantile(1 - alpha);
    const z = se > 0 ? delta / se : delta === 0 ? 0 : Math.sign(delta) * Infinity;
    const seB = Math.sqrt(Math.max(0, sBB));
    return {
        aucA: a.auc,
        aucB: b.auc,
        delta,
        variance,
        varianceB: sBB,
        z,
        pValue: se > 0 ? Math.min(1, 2 * normalCdf(-Math.abs(z))) : delta === 0 ? 1 : 0,
        pLess: se > 0 ? normalCdf(z) : delta < 0 ? 0 : 1,
        ci: [delta - z2 * se, delta + z2 * se],
        lower: delta - z1 * se,
        ciB: [Math.max(0, b.auc - z2 * seB), Math.min(1, b.auc + z2 * seB)]
    };
}

;// CONCATENATED MODULE: ./src/stats/gamma.ts
/**
 * ln Γ(x) for x > 0: Lanczos' approximation (g = 7, 9 terms; Lanczos 1964, coefficients of Godfrey 2001),
 * relative error about 1e-15, and Stirling's series with five correction terms for x ≥ 15.
 * Cost: O(1).
 *
 * @example logGamma(10) // 12.801827480081469 (= ln 9!)
 */
const G = 7;
const COEF = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
    -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7
];
const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);
function logGamma(x) {
    if (x >= 15) {
        const x2 = x * x;
        const series = (1 / 12 - (1 / 360 - (1 / 1260 - (1 / 1680 - 1 / (1188 * x2)) / x2) / x2) / x2) / x;
        return (x - 0.5) * Math.log(x) - x + HALF_LOG_2PI + series;
    }
    if (x < 0.5)
        return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
    const z = x - 1;
    let a = COEF[0];
    const t = z + G + 0.5;
    for (let i = 1; i < COEF.length; i++)
        a += COEF[i] / (z + i);
    return HALF_LOG_2PI + (z + 0.5) * Math.log(t) - t + Math.log(a);
}
/**
 * Stirling's error δ(n) = ln n! − ((n + ½)·ln n − n + ½·ln 2π) (Loader 2000). Cost: O(1).
 */
function stirlingError(n) {
    if (n <= 15)
        return logGamma(n + 1) - (n + 0.5) * Math.log(n) + n - HALF_LOG_2PI;
    const n2 = n * n;
    return (1 / 12 - (1 / 360 - (1 / 1260 - (1 / 1680 - 1 / (1188 * n2)) / n2) / n2) / n2) / n;
}
/**
 * The deviance term bd0(x, M) = x·ln(x/M) + M − x, by its series when x is near M (Loader 2000). Cost: O(1).
 */
function deviance0(x, M) {
    if (Math.abs(x - M) < 0.1 * (x + M)) {
        let v = (x - M) / (x + M);
        let s = (x - M) * v;
        let ej = 2 * x * v;
        v *= v;
        for (let j = 1; j < 1000; j++) {
            ej *= v;
            const s1 = s + ej / (2 * j + 1);
            if (s1 === s)
                return s1;
            s = s1;
        }
        return s;
    }
    return x * Math.log(x / M) + M - x;
}
/**
 * The binomial pmf P(X = x), X ~ Bin(n, p), by Loader's saddle-point form (C. Loader, "Fast and accurate
 * computation of binomial probabilities", 2000; R's dbinom): relative error ~1e-15 for any n, no underflow in the
 * body of the distribution. Cost: O(1).
 * @example binomialPmf(1, 8, 0.5) // 0.03125
 */
function gamma_binomialPmf(x, n, p) {
    if (x < 0 || x > n)
        return 0;
    const q = 1 - p;
    if (x === 0)
        return Math.exp(n * Math.log(q));
    if (x === n)
        return Math.exp(n * Math.log(p));
    const lc = stirlingError(n) - stirlingError(x) - stirlingError(n - x) - deviance0(x, n * p) - deviance0(n - x, n * q);
    const lf = Math.log(2 * Math.PI) + Math.log(x) + Math.log1p(-x / n);
    return Math.exp(lc - 0.5 * lf);
}
/**
 * ln Γ(a + b) − ln Γ(a) without cancellation for large a: with δ Stirling's error,
 * δ(a + b − 1) − δ(a − 1) + (a − ½)·ln(1 + b/(a − 1)) + b·ln(a + b − 1) − b. Cost: O(1).
 * @example logGammaRatio(10, 0.5) // ln Γ(10.5) − ln Γ(10)
 */
function logGammaRatio(a, b) {
    if (a < 20)
        return logGamma(a + b) - logGamma(a);
    return stirlingError(a + b - 1) - stirlingError(a - 1) + (a - 0.5) * Math.log1p(b / (a - 1)) + b * Math.log(a + b - 1) - b;
}

;// CONCATENATED MODULE: ./src/stats/beta.ts
/**
 * The regularized incomplete beta function I_x(a, b), by its continued fraction evaluated with the modified
 * Lentz method (Press et al., Numerical Recipes, 3rd ed., §6.4; Lentz 1976), using the symmetry
 * I_x(a, b) = 1 − I_{1−x}(b, a) where the fraction converges fast; 1/B(a, b) by `logGammaRatio` so that a large
 * parameter (a t distribution with a million degrees of freedom) keeps its digits. Pass `complement` = 1 − x when
 * it is known more exactly than x. Relative accuracy ~1e-14.
 * Cost: O(√max(a, b)) iterations.
 *
 * @example incompleteBeta(0.5, 2, 3) // 0.6875
 */

function incompleteBeta(x, a, b, complement = 1 - x) {
    if (x <= 0)
        return 0;
    if (x >= 1)
        return 1;
    // ln(1/B(a, b)), with the large parameter's Γ ratio taken without cancellation.
    const lnBeta = a >= b ? logGammaRatio(a, b) - logGamma(b) : logGammaRatio(b, a) - logGamma(a);
    // ln x and ln(1 − x) from whichever of x and 1 − x is small, where it is exact.
    const lnX = complement < 0.5 ? Math.log1p(-complement) : Math.log(x);
    const lnComplement = x < 0.5 ? Math.log1p(-x) : Math.log(complement);
    const lnFront = lnBeta + a * lnX + b * lnComplement;
    if (x < (a + 1) / (a + b + 2))
        return (Math.exp(lnFront) * continuedFraction(x, a, b)) / a;
    return 1 - (Math.exp(lnFront) * continuedFraction(complement, b, a)) / b;
}
function continuedFraction(x, a, b) {
    const tiny = 1e-300;
    const qab = a + b;
    const qap = a + 1;
    const qam = a - 1;
    let c = 1;
    let d = 1 - (qab * x) / qap;
    if (Math.abs(d) < tiny)
        d = tiny;
    d = 1 / d;
    let h = d;
    for (let m = 1; m <= 100000; m++) {
        const m2 = 2 * m;
        let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
        d = 1 + aa * d;
        if (Math.abs(d) < tiny)
            d = tiny;
        c = 1 + aa / c;
        if (Math.abs(c) < tiny)
            c = tiny;
        d = 1 / d;
        h *= d * c;
        aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
        d = 1 + aa * d;
        if (Math.abs(d) < tiny)
            d = tiny;
        c = 1 + aa / c;
        if (Math.abs(c) < tiny)
            c = tiny;
        d = 1 / d;
        const del = d * c;
        h *= del;
        if (Math.abs(del - 1) < 3e-16)
            break;
    }
    return h;
}

;// CONCATENATED MODULE: ./src/stats/studentt.ts
/**
 * Student's t distribution: CDF through the regularized incomplete beta, P(|T| > t) = I_{ν/(ν+t²)}(ν/2, 1/2)
 * (Abramowitz & Stegun 26.7.1), or Hill's expansion for large ν, and its quantile by Newton's method.
 * Cost: O(1) per call (a continued fraction; a few Newton steps).
 *
 * @example studentTCdf(2.015048372669157, 5) // 0.95
 */



/** P(T ≤ t) for T ~ t(ν): the incomplete beta up to ν = 200, Hill's expansion above. */
function studentTCdf(t, df) {
    if (Number.isNaN(t))
        return NaN;
    if (!Number.isFinite(df) || df > 1e12)
        return normalCdf(t);
    const tail = df >= HILL_FROM ? hillTail(Math.abs(t), df) : studentTTailBeta(Math.abs(t), df);
    return t > 0 ? 1 - tail : tail;
}
/** Above this many degrees of freedom the CDF uses Hill's expansion (its error is far below 1e-15 there). */
const HILL_FROM = 200;
/** P(T > t), t ≥ 0, by the incomplete beta: ½·I_{ν/(ν+t²)}(ν/2, ½). */
function studentTTailBeta(t, df) {
    const t2 = t * t;
    return 0.5 * incompleteBeta(df / (df + t2), df / 2, 0.5, t2 / (df + t2));
}
/**
 * P(T > t), t ≥ 0, for large ν by Hill's normalising expansion (G. W. Hill 1970, "Algorithm 395: Student's
 * t-distribution", Comm. ACM 13, 617–619): y = (ν − ½)·ln(1 + t²/ν), z = √y·(1 + (y + 3 + (−0.4y³ − 3.3y² − 24y
 * − 85.5)/(0.8y² + 100 + b))/b), b = 48(ν − ½)², P = 1 − Φ(z). Agrees with the beta form to ~1e-15 from ν = 100,
 * where the continued fraction starts to lose digits as ν grows.
 */
function hillTail(t, df) {
    const a = df - 0.5;
    const b = 48 * a * a;
    const y = a * Math.log1p((t * t) / df);
    const z = (((((-0.4 * y - 3.3) * y - 24) * y - 85.5) / (0.8 * y * y + 100 + b) + y + 3) / b + 1) * Math.sqrt(y);
    return normalSf(z);
}
/** P(T > t), accurate in the upper tail. */
function studentTSf(t, df) {
    return studentTCdf(-t, df);
}
function density(t, df) {
    return Math.exp(logGamma((df + 1) / 2) - logGamma(df / 2) - 0.5 * Math.log(df * Math.PI) - ((df + 1) / 2) * Math.log1p((t * t) / df));
}
/**
 * The p-quantile of t(ν).
 * @example studentTQuantile(0.975, 10) // 2.2281388519649385
 */
function studentTQuantile(p, df) {
    if (!(p > 0 && p < 1))
        return p === 0 ? -Infinity : p === 1 ? Infinity : NaN;
    if (p < 0.5)
        return -studentTQuantile(1 - p, df);
    if (!Number.isFinite(df) || df > 1e12)
        return normalQuantile(p);
    if (df === 1)
        return Math.tan(Math.PI * (p - 0.5));
    if (df === 2)
        return (2 * p - 1) / Math.sqrt(2 * p * (1 - p));
    let t = normalQuantile(p);
    // Cornish–Fisher start (A&S 26.7.5), then Newton on the upper tail.
    const g1 = (t ** 3 + t) / 4;
    const g2 = (5 * t ** 5 + 16 * t ** 3 + 3 * t) / 96;
    t = t + g1 / df + g2 / (df * df);
    for (let i = 0; i < 50; i++) {
        const step = (studentTSf(t, df) - (1 - p)) / density(t, df);
        t += step;
        if (Math.abs(step) < 1e-15 * Math.max(1, Math.abs(t)))
            break;
    }
    return t;
}

;// CONCATENATED MODULE: ./src/stats/pairedT.ts
/**
 * The paired t-test on per-example differences d (Student 1908; scipy `ttest_rel`): t = d̄ / (s_d / √n),
 * df = n − 1, s_d the sample standard deviation (n − 1 in the denominator; simple-statistics' tTest uses the
 * population one and gives 4.4721 for [1, 2, 3, 4] where scipy gives 3.8730). Also the (1 − alpha) t interval of
 * the mean. Mean and variance by two passes (stable). Cost: O(n).
 *
 * @example pairedT(Float64Array.of(1, 2, 3, 4), 0.05).t // 3.872983346207417
 */

/**
 * @returns null when n < 2. When every difference is equal (sd = 0), p is 1 for a zero mean and 0 otherwise,
 * and the interval is the mean itself.
 */
function pairedT(d, alpha) {
    const n = d.length;
    if (n < 2)
        return null;
    let sum = 0;
    for (let i = 0; i < n; i++)
        sum += d[i];
    const mean = sum / n;
    let ss = 0;
    let drift = 0;
    for (let i = 0; i < n; i++) {
        const e = d[i] - mean;
        ss += e * e;
        drift += e;
    }
    const variance = (ss - (drift * drift) / n) / (n - 1);
    const se = Math.sqrt(Math.max(0, variance) / n);
    const df = n - 1;
    if (se === 0 || se < 1e-15 * Math.abs(mean)) {
        const p = mean === 0 ? 1 : 0;
        return { n, mean, se: 0, t: mean === 0 ? 0 : Math.sign(mean) * Infinity, df, pValue: p, pGreater: mean > 0 ? 0 : 1, pLess: mean < 0 ? 0 : 1, ci: [mean, mean], lower: mean, upper: mean };
    }
    const t = mean / se;
    const q2 = studentTQuantile(1 - alpha / 2, df);
    const q1 = studentTQuantile(1 - alpha, df);
    return {
        n,
        mean,
        se,
        t,
        df,
        pValue: Math.min(1, 2 * studentTSf(Math.abs(t), df)),
        pGreater: studentTSf(t, df),
        pLess: studentTCdf(t, df),
        ci: [mean - q2 * se, mean + q2 * se],
        lower: mean - q1 * se,
        upper: mean + q1 * se
    };
}

;// CONCATENATED MODULE: ./src/stats/random.ts
/**
 * Seeded random numbers: xoshiro128** 1.1 (Blackman & Vigna 2018), seeded through SplitMix64 (Steele, Lea &
 * Flood 2014). Never Math.random: the same seed gives the same report, byte for byte.
 *
 * Cost: O(1) per number, no allocation.
 */
const MASK64 = (1n << 64n) - 1n;
/** SplitMix64: the next state and output from a 64-bit state. */
function splitMix64(state) {
    const next = (state + 0x9e3779b97f4a7c15n) & MASK64;
    let z = next;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
    return { state: next, value: z ^ (z >> 31n) };
}
/**
 * xoshiro128**: 128 bits of state, 32-bit outputs.
 * @example new Xoshiro128([1, 2, 3, 4]).nextUint32() // 11520
 */
class Xoshiro128 {
    s0;
    s1;
    s2;
    s3;
    constructor(state) {
        ;
        [this.s0, this.s1, this.s2, this.s3] = state.map((x) => x >>> 0);
        if ((this.s0 | this.s1 | this.s2 | this.s3) === 0)
            throw new Error('xoshiro128**: the state must not be all zero');
    }
    /** Seeds the state from two SplitMix64 outputs of a 64-bit seed. */
    static fromSeed(seed) {
        const a = splitMix64(seed & MASK64);
        const b = splitMix64(a.state);
        const words = [a.value & 0xffffffffn, a.value >> 32n, b.value & 0xffffffffn, b.value >> 32n].map(Number);
        if ((words[0] | words[1] | words[2] | words[3]) === 0)
            words[0] = 1;
        return new Xoshiro128(words);
    }
    /** The next 32-bit unsigned integer. */
    nextUint32() {
        const s1 = this.s1;
        const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
        const t = s1 << 9;
        this.s2 ^= this.s0;
        this.s3 ^= this.s1;
        this.s1 ^= this.s2;
        this.s0 ^= this.s3;
        this.s2 ^= t;
        this.s3 = rotl(this.s3, 11);
        return result;
    }
    /** A double uniform on [0, 1) with 53 random bits: ((x >>> 5)·2²⁶ + (y >>> 6)) / 2⁵³. */
    nextDouble() {
        const x = this.nextUint32() >>> 5;
        const y = this.nextUint32() >>> 6;
        return (x * 67108864 + y) / 9007199254740992;
    }
}
function rotl(x, k) {
    return (x << k) | (x >>> (32 - k));
}
/** 64-bit FNV-1a of the UTF-8 bytes of a text. */
function fnv1a64(text) {
    let h = 0xcbf29ce484222325n;
    for (const byte of new TextEncoder().encode(text)) {
        h ^= BigInt(byte);
        h = (h * 0x100000001b3n) & MASK64;
    }
    return h;
}
/**
 * An independent stream for (seed, name): the SplitMix64 seed is the seed mixed with the FNV-1a hash of the name,
 * so each metric family has its own numbers and adding one changes no other.
 * @example streamFor(0, 'bootstrap:table').nextUint32() // the same number on every run
 */
function streamFor(seed, name) {
    const mixed = splitMix64(BigInt(seed) & MASK64).value ^ fnv1a64(name);
    return Xoshiro128.fromSeed(mixed);
}

;// CONCATENATED MODULE: ./src/stats/quantile.ts
/**
 * Sample quantiles with linear interpolation between order statistics: Hyndman & Fan (1996) type 7, numpy's
 * default. (simple-statistics' `quantileSorted` is a different definition, so it is not used here.)
 * Cost: O(1) on sorted data; O(n log n) to sort.
 */
/**
 * The p-quantile of ascending data: h = (n − 1)·p, x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋ + 1] − x[⌊h⌋]).
 * @example quantileSorted7([1, 2, 3, 4], 0.5) // 2.5
 * @example quantileSorted7([1, 2, 3, 4], 0.025) // 1.075
 */
function quantileSorted7(sorted, p) {
    const n = sorted.length;
    if (n === 0)
        return NaN;
    const h = (n - 1) * p;
    const lo = Math.floor(h);
    if (lo >= n - 1)
        return sorted[n - 1];
    return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
}
/**
 * The two-sided (1 − alpha) percentile interval [q(α/2), q(1 − α/2)]. Sorts `values` in place.
 * @example percentileInterval(Float64Array.of(4, 1, 3, 2), 0.5) // [1.75, 3.25]
 */
function percentileInterval(values, alpha) {
    values.sort();
    return [quantileSorted7(values, alpha / 2), quantileSorted7(values, 1 - alpha / 2)];
}

;// CONCATENATED MODULE: ./src/stats/scoreResampling.ts
/**
 * Paired bootstrap and approximate randomization for average precision, which has neither a closed-form test nor
 * a cell reduction (it depends on every example's score).
 *
 * Each model's examples are sorted once; a bootstrap resample is a vector of integer weights (how often each
 * example was drawn: n uniform draws), and AP of the weighted sample is one pass over the sorted order. A
 * permutation swaps the two models' scores per example with probability 1/2; with both models' entries merged
 * into one sorted list of 2n, each permuted model's ranking is a subsequence of it, so one pass gives both APs.
 * Cost: O(n) per resample, after O(n log n) once. Because that is a pass over every example per resample, the
 * number of resamples is capped at WORK / n (see `resamplesFor`); below 1,000 resamples the interval and the test
 * use the normal approximation with the bootstrap standard error, and the weights are Poisson(1) draws made in
 * order (the Poisson bootstrap) rather than an exact multinomial, which would write memory at random.
 */


/** Example-resamples of work allowed for one per-example metric (resamples × n). */
const WORK = 20_000_000;
/** The resamples a per-example metric gets: all of them up to n = WORK / resamples, then fewer (at least 20). */
function resamplesFor(resamples, n) {
    return Math.min(resamples, Math.max(20, Math.floor(WORK / Math.max(1, n))));
}
function ranked(positive, score, order) {
    const n = order.length;
    const pos = new Uint8Array(n);
    const start = new Uint8Array(n);
    for (let k = 0; k < n; k++) {
        pos[k] = positive[order[k]];
        start[k] = k === 0 || score[order[k - 1]] !== score[order[k]] ? 1 : 0;
    }
    return { pos, start };
}
/**
 * Weighted AP from the top down: position k has weight w[map[k]] (map null: w[k]). Null without positive
 * weight. Written without callbacks: it runs n steps per resample.
 */
function weightedAp(r, w, map) {
    const n = r.pos.length;
    const { pos, start } = r;
    let total = 0;
    let tp = 0;
    let fp = 0;
    let group = 0;
    let ap = 0;
    // First pass: the total positive weight.
    if (map === null) {
        for (let k = 0; k < n; k++)
            if (pos[k])
                total += w[k];
    }
    else {
        for (let k = 0; k < n; k++)
            if (pos[k])
                total += w[map[k]];
    }
    if (total === 0)
        return null;
    for (let k = n - 1; k >= 0; k--) {
        const weight = map === null ? w[k] : w[map[k]];
        if (pos[k])
            group += weight;
        else
            fp += weight;
        if (start[k] && group > 0) {
            tp += group;
            ap += (group / total) * (tp / (tp + fp));
            group = 0;
        }
    }
    return ap;
}
/**
 * Bootstrap interval, candidate interval, worse-side bound and p-values of AP_B − AP_A (B the candidate).
 * `orderA`/`orderB` are the ascending score orders (src/metrics/scores.ts `ascendingOrder`).
 */
function apStatistics(positive, scoreA, scoreB, orderA, orderB, observedDelta, resamples, alpha, rngBoot, rngPerm) {
    const n = positive.length;
    const R = resamplesFor(resamples, n);
    const a = ranked(positive, scoreA, orderA);
    const b = ranked(positive, scoreB, orderB);
    // Weights live in A's order (a resample draws positions, which is drawing examples); B reads them through mapB.
    const rankA = new Uint32Array(n);
    for (let k = 0; k < n; k++)
        rankA[orderA[k]] = k;
    const mapB = new Uint32Array(n);
    for (let k = 0; k < n; k++)
        mapB[k] = rankA[orderB[k]];
    const w = new Uint32Array(n);
    const deltas = new Float64Array(R);
    const cands = new Float64Array(R);
    let kept = 0;
    const poisson = R < 1000;
    for (let r = 0; r < R; r++) {
        if (poisson) {
            // Large n: Poisson(1) weights, drawn in order (Hanley & MacGibbon 2006) — the multinomial bootstrap
            // conditioned on nothing; at this n the two agree, and this one reads and writes memory in sequence.
            for (let k = 0; k < n; k++)
                w[k] = poissonOne(rngBoot.nextDouble());
        }
        else {
            w.fill(0);
            for (let i = 0; i < n; i++)
                w[Math.floor(rngBoot.nextDouble() * n)]++;
        }
        const apA = weightedAp(a, w, null);
        const apB = weightedAp(b, w, mapB);
        if (apA === null || apB === null)
            continue;
        deltas[kept] = apB - apA;
        cands[kept] = apB;
        kept++;
    }
    if (kept < 2)
        return null;
    const d = deltas.subarray(0, kept);
    const c = cands.subarray(0, kept);
    if (R >= 1000) {
        const ci = percentileInterval(d, alpha);
        const worseBound = quantileSorted7(d, alpha);
        const perm = permutationP(positive, scoreA, scoreB, orderA, orderB, observedDelta, R, rngPerm);
        return { resamples: R, method: 'bootstrap-percentile', ci, candidateCi: percentileInterval(c, alpha), worseBound, ...perm, test: 'permutation' };
    }
    const se = sd(d);
    const seC = sd(c);
    const z2 = normalQuantile(1 - alpha / 2);
    const z1 = normalQuantile(1 - alpha);
    const candidate = scoreResampling_mean(c);
    const z = se > 0 ? observedDelta / se : 0;
    return {
        resamples: R,
        method: 'bootstrap-normal',
        ci: [observedDelta - z2 * se, observedDelta + z2 * se],
        candidateCi: [candidate - z2 * seC, candidate + z2 * seC],
        worseBound: observedDelta - z1 * se,
        pValue: se > 0 ? Math.min(1, 2 * normalCdf(-Math.abs(z))) : 1,
        pValueWorse: se > 0 ? normalCdf(z) : 1,
        test: 'bootstrap-normal'
    };
}
const E_INV = Math.exp(-1);
/** A Poisson(1) draw by inversion of its CDF from a uniform u. */
function poissonOne(u) {
    let k = 0;
    let p = E_INV;
    let F = p;
    while (u > F && k < 30) {
        k++;
        p /= k;
        F += p;
    }
    return k;
}
function scoreResampling_mean(x) {
    let s = 0;
    for (const v of x)
        s += v;
    return s / x.length;
}
function sd(x) {
    const m = scoreResampling_mean(x);
    let s = 0;
    for (const v of x)
        s += (v - m) ** 2;
    return Math.sqrt(s / (x.length - 1));
}
/** Approximate randomization p-values of AP_B − AP_A, two-sided and one-sided for B worse. */
function permutationP(positive, scoreA, scoreB, orderA, orderB, observed, R, rng) {
    const n = positive.length;
    // Merge the two ascending orders into one list of 2n entries (example, is-B), with group starts by score.
    const example = new Uint32Array(2 * n);
    const isB = new Uint8Array(2 * n);
    const pos = new Uint8Array(2 * n);
    const start = new Uint8Array(2 * n);
    let previous = NaN;
    for (let i = 0, j = 0, k = 0; k < 2 * n; k++) {
        let s;
        if (j >= n || (i < n && scoreA[orderA[i]] <= scoreB[orderB[j]])) {
            example[k] = orderA[i];
            s = scoreA[orderA[i++]];
        }
        else {
            example[k] = orderB[j];
            isB[k] = 1;
            s = scoreB[orderB[j++]];
        }
        pos[k] = positive[example[k]];
        start[k] = s !== previous ? 1 : 0;
        previous = s;
    }
    let totalPos = 0;
    for (let i = 0; i < n; i++)
        totalPos += positive[i];
    const swap = new Uint8Array(n);
    const gamma = Math.max(1e-14, 1e-14 * Math.abs(observed));
    let hits = 0;
    let worse = 0;
    for (let r = 0; r < R; r++) {
        for (let i = 0; i < n; i += 32) {
            const bits = rng.nextUint32();
            for (let b = 0; b < 32 && i + b < n; b++)
                swap[i + b] = (bits >>> b) & 1;
        }
        // Walk from the highest score down; an entry belongs to model B when (is B) xor (swapped).
        let tpA = 0;
        let fpA = 0;
        let tpB = 0;
        let fpB = 0;
        let gA = 0;
        let gB = 0;
        let apA = 0;
        let apB = 0;
        for (let k = 2 * n - 1; k >= 0; k--) {
            const toB = isB[k] ^ swap[example[k]];
            if (toB) {
                if (pos[k])
                    gB++;
                else
                    fpB++;
            }
            else if (pos[k])
                gA++;
            else
                fpA++;
            if (start[k]) {
                if (gA > 0) {
                    tpA += gA;
                    apA += (gA / totalPos) * (tpA / (tpA + fpA));
                    gA = 0;
                }
                if (gB > 0) {
                    tpB += gB;
                    apB += (gB / totalPos) * (tpB / (tpB + fpB));
                    gB = 0;
                }
            }
        }
        const d = apB - apA;
        if (Math.abs(d) >= Math.abs(observed) - gamma)
            hits++;
        if (d <= observed + gamma)
            worse++;
    }
    return { pValue: (hits + 1) / (R + 1), pValueWorse: (worse + 1) / (R + 1) };
}

;// CONCATENATED MODULE: ./src/scoreStatistics.ts
/**
 * The statistics stage for score metrics (SPEC §3–4): `roc_auc` with DeLong's paired test and interval,
 * `log_loss` and `brier` with the paired t-test on per-example loss differences (and a t interval), and
 * `average_precision` with the paired bootstrap and approximate randomization (src/stats/scoreResampling.ts).
 * Values are on the paired examples only.
 */






const empty = (name) => ({
    candidate: null,
    baseline: null,
    delta: null,
    ci: null,
    pValue: null,
    candidateCi: null,
    test: null,
    direction: direction(name),
    pValueWorse: null,
    worseBound: null,
    ciMethod: null
});
/** Fills the statistics fields of a metric from its test. */
function setTest(m, test, s, ciMethod = test) {
    Object.assign(m, { ci: s.ci, pValue: s.pValue, pValueWorse: s.pValueWorse, worseBound: s.worseBound, test, ciMethod });
}
const finite = (x) => (x !== null && Number.isFinite(x) ? x : null);
function scoreStatistics(ctx, settings) {
    const { candidate, baseline, pairing } = ctx;
    const warnings = [];
    const candRows = pairing ? pairing.cand : Uint32Array.from({ length: candidate.n }, (_, i) => i);
    const baseRows = pairing ? pairing.base : null;
    const n = candRows.length;
    const truth = new Uint32Array(n);
    for (let p = 0; p < n; p++)
        truth[p] = ctx.remap[candidate.truth[candRows[p]]];
    const compareBaseline = baseline !== null && baseRows !== null;
    const baselineHasScores = compareBaseline && (baseline.score !== null || baseline.scores !== null);
    if (compareBaseline && !baselineHasScores)
        warnings.push(`The baseline file has no scores: score metrics are shown for the candidate only.`);
    const out = new Map();
    const { alpha } = settings;
    const lossMetric = (name, cand, base) => {
        const m = empty(name);
        m.candidate = finite(mean(cand));
        m.candidateCi = pairedT(cand, alpha)?.ci ?? null;
        if (base) {
            m.baseline = finite(mean(base));
            const d = new Float64Array(n);
            for (let i = 0; i < n; i++)
                d[i] = cand[i] - base[i];
            m.delta = m.candidate !== null && m.baseline !== null ? m.candidate - m.baseline : null;
            const t = pairedT(d, alpha);
            if (t)
                setTest(m, 'paired-t', { ci: t.ci, pValue: t.pValue, pValueWorse: t.pGreater, worseBound: t.upper });
        }
        out.set(name, m);
    };
    if (ctx.task === 'binary' && ctx.positive !== null) {
        if (candidate.score === null) {
            warnings.push('The candidate file has multiclass scores in a binary task: score metrics are left out (give "score", the probability of the positive class).');
            return { metrics: out, warnings };
        }
        const pos = new Uint8Array(n);
        for (let p = 0; p < n; p++)
            pos[p] = truth[p] === ctx.positive ? 1 : 0;
        const cand = gather(candidate.score, candRows);
        const base = compareBaseline && baseline.score ? gather(baseline.score, baseRows) : null;
        const orderC = ascendingOrder(cand);
        const orderB = base ? ascendingOrder(base) : orderC;
        const auc = empty('roc_auc');
        const delong = delongPaired(pos, base ?? cand, cand, alpha, orderB, orderC);
        // DeLong's placements give the AUCs themselves (the Mann–Whitney statistic); no second pass.
        auc.candidate = delong ? delong.aucB : rocAuc(pos, cand, orderC);
        if (delong)
            auc.candidateCi = delong.ciB;
        if (base) {
            auc.baseline = delong ? delong.aucA : null;
            if (auc.candidate !== null && auc.baseline !== null && delong) {
                auc.delta = auc.candidate - auc.baseline;
                setTest(auc, 'delong', { ci: delong.ci, pValue: delong.pValue, pValueWorse: delong.pLess, worseBound: delong.lower });
            }
        }
        out.set('roc_auc', auc);
        const ap = empty('average_precision');
        ap.candidate = averagePrecision(pos, cand, orderC);
        if (base) {
            ap.baseline = averagePrecision(pos, base, orderB);
            if (ap.candidate !== null && ap.baseline !== null) {
                ap.delta = ap.candidate - ap.baseline;
                const s = apStatistics(pos, base, cand, orderB, orderC, ap.delta, settings.resamples, alpha, streamFor(settings.seed, 'bootstrap:average_precision'), streamFor(settings.seed, 'permutation:average_precision'));
                if (s) {
                    setTest(ap, s.test, s, s.method);
                    ap.candidateCi = s.candidateCi;
                    if (s.resamples < settings.resamples) {
                        warnings.push(`average_precision was resampled ${s.resamples.toLocaleString('en-US')} times, not ${settings.resamples.toLocaleString('en-US')}: each resample is a pass over all ` +
                            `${n.toLocaleString('en-US')} examples. ${s.method === 'bootstrap-normal' ? 'Its interval and p-value use the normal approximation with the bootstrap standard error.' : ''}`.trim());
                    }
                }
            }
        }
        out.set('average_precision', ap);
        lossMetric('log_loss', logLossesBinary(pos, cand), base ? logLossesBinary(pos, base) : null);
        lossMetric('brier', brierLosses(pos, cand), base ? brierLosses(pos, base) : null);
        return { metrics: out, warnings };
    }
    // Multiclass: scores are objects label → probability.
    const k = ctx.labels.length;
    const probs = (file, rows) => {
        if (!file.scores)
            return null;
        const { labels, values } = file.scores;
        const width = labels.length;
        const column = ctx.labels.map((l) => labels.indexOf(l));
        const missing = ctx.labels.filter((_, i) => column[i] < 0);
        if (missing.length > 0) {
            warnings.push(`${file.name}: the scores have no probability for ${missing.map((l) => JSON.stringify(l)).join(', ')}: roc_auc and log_loss are left out.`);
            return null;
        }
        const out = new Float64Array(rows.length * k);
        for (let p = 0; p < rows.length; p++)
            for (let c = 0; c < k; c++)
                out[p * k + c] = values[rows[p] * width + column[c]];
        return out;
    };
    const cand = probs(candidate, candRows);
    if (!cand)
        return { metrics: out, warnings };
    const base = compareBaseline ? probs(baseline, baseRows) : null;
    const auc = empty('roc_auc');
    auc.candidate = rocAucOvrMacro(truth, cand, k);
    if (base) {
        auc.baseline = rocAucOvrMacro(truth, base, k);
        if (auc.candidate !== null && auc.baseline !== null)
            auc.delta = auc.candidate - auc.baseline;
        warnings.push('Multiclass roc_auc (one-vs-rest macro) has no paired test yet: its delta is shown without an interval or p-value.');
    }
    out.set('roc_auc', auc);
    lossMetric('log_loss', logLossesMulticlass(truth, cand, k), base ? logLossesMulticlass(truth, base, k) : null);
    return { metrics: out, warnings };
}
function gather(values, rows) {
    const out = new Float64Array(rows.length);
    for (let p = 0; p < rows.length; p++)
        out[p] = values[rows[p]];
    return out;
}

;// CONCATENATED MODULE: ./src/metrics/confusion.ts
/**
 * Classification metrics from a confusion matrix, with scikit-learn 1.2's definitions and edge cases
 * (`zero_division=0`).
 *
 * The matrix is a K×K Float64Array, row-major, rows true labels and columns predicted labels (label order).
 * Every metric of SPEC §3 that does not need scores is a function of it alone, which is what makes resampling
 * cheap: a resample only redraws the matrix.
 */
/** Row, column and diagonal sums. Cost O(K²). */
function confusion_classSums(cm, k, out) {
    const s = out ?? { k, total: 0, correct: 0, truth: new Float64Array(k), predicted: new Float64Array(k), tp: new Float64Array(k) };
    s.truth.fill(0);
    s.predicted.fill(0);
    let total = 0;
    let correct = 0;
    for (let t = 0; t < k; t++) {
        let row = 0;
        for (let p = 0; p < k; p++) {
            const v = cm[t * k + p];
            row += v;
            s.predicted[p] += v;
        }
        s.truth[t] = row;
        s.tp[t] = cm[t * k + t];
        total += row;
        correct += cm[t * k + t];
    }
    s.total = total;
    s.correct = correct;
    return s;
}
const safeDiv = (a, b) => (b === 0 ? 0 : a / b);
/** Precision of class c: tp / predicted, 0 when nothing was predicted c. */
function precisionOf(s, c) {
    return safeDiv(s.tp[c], s.predicted[c]);
}
/** Recall of class c: tp / support, 0 when the class has no examples. */
function recallOf(s, c) {
    return safeDiv(s.tp[c], s.truth[c]);
}
/** F1 of class c as scikit-learn computes it: 2·P·R / (P + R), 0 when P + R = 0. */
function f1Of(s, c) {
    const p = precisionOf(s, c);
    const r = recallOf(s, c);
    const denom = p + r;
    return denom === 0 ? 0 : (2 * p * r) / denom;
}
/** Accuracy: trace / n. */
function accuracy(s) {
    return safeDiv(s.correct, s.total);
}
/**
 * Balanced accuracy (scikit-learn, adjusted=False): the mean recall over the classes that have examples.
 * @example balanced accuracy of [[3, 1], [2, 4]] = (3/4 + 4/6) / 2 = 0.7083333333333333
 */
function balancedAccuracy(s) {
    let sum = 0;
    let m = 0;
    for (let c = 0; c < s.k; c++) {
        if (s.truth[c] === 0)
            continue;
        sum += s.tp[c] / s.truth[c];
        m++;
    }
    return safeDiv(sum, m);
}
/**
 * Matthews correlation coefficient, the multiclass form of scikit-learn (Gorodkin 2004):
 * (c·n − Σ tₖpₖ) / √((n² − Σ pₖ²)(n² − Σ tₖ²)), 0 when a factor of the denominator is 0.
 */
function mcc(s) {
    const n = s.total;
    let tp = 0;
    let pp = 0;
    let tt = 0;
    for (let c = 0; c < s.k; c++) {
        tp += s.truth[c] * s.predicted[c];
        pp += s.predicted[c] * s.predicted[c];
        tt += s.truth[c] * s.truth[c];
    }
    const cov = s.correct * n - tp;
    const denom = (n * n - pp) * (n * n - tt);
    if (denom === 0)
        return 0;
    const v = cov / Math.sqrt(denom);
    return Number.isNaN(v) ? 0 : v;
}
/**
 * Cohen's kappa as scikit-learn computes it: 1 − Σ w·C / Σ w·E with w = 1 − I and E = outer(col sums, row sums)/n.
 * NaN (reported as null) when the expected disagreement is 0, as scikit-learn returns nan.
 */
function cohenKappa(cm, s) {
    const k = s.k;
    const n = s.total;
    let observed = 0;
    let expected = 0;
    for (let t = 0; t < k; t++) {
        for (let p = 0; p < k; p++) {
            if (t === p)
                continue;
            observed += cm[t * k + p];
            expected += (s.predicted[t] * s.truth[p]) / n;
        }
    }
    return 1 - observed / expected;
}
function averaged(s, of, average, micro) {
    if (average === 'micro')
        return micro();
    let sum = 0;
    if (average === 'macro') {
        for (let c = 0; c < s.k; c++)
            sum += of(s, c);
        return safeDiv(sum, s.k);
    }
    for (let c = 0; c < s.k; c++)
        sum += of(s, c) * s.truth[c];
    return safeDiv(sum, s.total);
}
/** Precision averaged over classes: macro (mean), weighted (by support), micro (Σtp / Σpredicted). */
function precisionAvg(s, average) {
    return averaged(s, precisionOf, average, () => safeDiv(s.correct, s.total));
}
/** Recall averaged over classes: macro, weighted, micro (Σtp / Σsupport). */
function recallAvg(s, average) {
    return averaged(s, recallOf, average, () => safeDiv(s.correct, s.total));
}
/** F1 averaged over classes: macro and weighted average the per-class F1; micro is F1 of the micro P and R. */
function f1Avg(s, average) {
    return averaged(s, f1Of, average, () => {
        const p = precisionAvg(s, 'micro');
        const r = recallAvg(s, 'micro');
        return p + r === 0 ? 0 : (2 * p * r) / (p + r);
    });
}

;// CONCATENATED MODULE: ./src/stats/binomial.ts
function binomial(rng, n, p) {
    if (n <= 0 || p <= 0)
        return 0;
    if (p >= 1)
        return n;
    const r = p <= 0.5 ? p : 1 - p;
    const x = n * r < 30 ? inversion(rng, n, r) : btpe(rng, n, r);
    return p <= 0.5 ? x : n - x;
}
function inversion(rng, n, p) {
    const q = 1 - p;
    const qn = Math.exp(n * Math.log1p(-p));
    const np = n * p;
    const bound = Math.min(n, np + 10 * Math.sqrt(np * q + 1));
    let x = 0;
    let px = qn;
    let u = rng.nextDouble();
    while (u > px) {
        x++;
        if (x > bound) {
            x = 0;
            px = qn;
            u = rng.nextDouble();
        }
        else {
            u -= px;
            px = ((n - x + 1) * p * px) / (x * q);
        }
    }
    return x;
}
const stirlingTail = (x2, x) => (13680 - (462 - (132 - (99 - 140 / x2) / x2) / x2) / x2) / x / 166320;
function btpe(rng, n, r) {
    const q = 1 - r;
    const fm = n * r + r;
    const m = Math.floor(fm);
    const p1 = Math.floor(2.195 * Math.sqrt(n * r * q) - 4.6 * q) + 0.5;
    const xm = m + 0.5;
    const xl = xm - p1;
    const xr = xm + p1;
    const c = 0.134 + 20.5 / (15.3 + m);
    let a = (fm - xl) / (fm - xl * r);
    const laml = a * (1 + a / 2);
    a = (xr - fm) / (xr * q);
    const lamr = a * (1 + a / 2);
    const p2 = p1 * (1 + 2 * c);
    const p3 = p2 + c / laml;
    const p4 = p3 + c / lamr;
    const nrq = n * r * q;
    for (;;) {
        const u = rng.nextDouble() * p4;
        let v = rng.nextDouble();
        let y;
        if (u <= p1) {
            // Triangle: accept at once.
            return Math.floor(xm - p1 * v + u);
        }
        if (u <= p2) {
            const x = xl + (u - p1) / c;
            v = v * c + 1 - Math.abs(m - x + 0.5) / p1;
            if (v > 1)
                continue;
            y = Math.floor(x);
        }
        else if (u <= p3) {
            y = Math.floor(xl + Math.log(v) / laml);
            if (y < 0 || v === 0)
                continue;
            v = v * (u - p2) * laml;
        }
        else {
            y = Math.floor(xr - Math.log(v) / lamr);
            if (y > n || v === 0)
                continue;
            v = v * (u - p3) * lamr;
        }
        const k = Math.abs(y - m);
        if (k <= 20 || k >= nrq / 2 - 1) {
            // Explicit evaluation of f(y) / f(m) by the recurrence.
            const s = r / q;
            const aa = s * (n + 1);
            let f = 1;
            if (m < y)
                for (let i = m + 1; i <= y; i++)
                    f *= aa / i - s;
            else if (m > y)
                for (let i = y + 1; i <= m; i++)
                    f /= aa / i - s;
            if (v > f)
                continue;
            return y;
        }
        // Squeeze on log f(y) / f(m), then the exact bound with Stirling's formula.
        const rho = (k / nrq) * ((k * (k / 3 + 0.625) + 0.16666666666666666) / nrq + 0.5);
        const t = (-k * k) / (2 * nrq);
        const A = Math.log(v);
        if (A < t - rho)
            return y;
        if (A > t + rho)
            continue;
        const x1 = y + 1;
        const f1 = m + 1;
        const z = n + 1 - m;
        const w = n - y + 1;
        const bound = xm * Math.log(f1 / x1) +
            (n - m + 0.5) * Math.log(z / w) +
            (y - m) * Math.log((w * r) / (x1 * q)) +
            stirlingTail(f1 * f1, f1) +
            stirlingTail(z * z, z) +
            stirlingTail(x1 * x1, x1) +
            stirlingTail(w * w, w);
        if (A > bound)
            continue;
        return y;
    }
}

;// CONCATENATED MODULE: ./src/stats/multinomial.ts
/**
 * Exact multinomial sampling by the conditional binomial method: with N_left draws and R_left weight left,
 * X_j ~ Bin(N_left, w_j / R_left), then N_left −= X_j and R_left −= w_j (Davis 1993, "The computer generation of
 * multinomial random variates", Comp. Stat. & Data Analysis 16, 205–217). Integer weights keep R_left exact, so
 * nothing drifts; pass the cells largest first so N_left reaches 0 early.
 * Cost: at most one binomial draw per cell.
 *
 * @example multinomial(rng, 10, [10], out) // out = [10]
 */

function multinomial(rng, n, weights, out) {
    let left = n;
    let rest = 0;
    for (let j = 0; j < weights.length; j++)
        rest += weights[j];
    for (let j = 0; j < weights.length; j++) {
        const w = weights[j];
        if (left === 0 || w === 0) {
            out[j] = 0;
        }
        else if (w >= rest) {
            out[j] = left;
            left = 0;
        }
        else {
            const x = binomial(rng, left, w / rest);
            out[j] = x;
            left -= x;
        }
        rest -= w;
    }
}

;// CONCATENATED MODULE: ./src/stats/resample.ts





/** Baseline and candidate confusion matrices (K×K, rows true) of a cell table. */
function confusionMatrices(counts, k) {
    const baseline = new Float64Array(k * k);
    const candidate = new Float64Array(k * k);
    for (let t = 0; t < k; t++) {
        for (let b = 0; b < k; b++) {
            for (let c = 0; c < k; c++) {
                const x = counts[(t * k + b) * k + c];
                if (x === 0)
                    continue;
                baseline[t * k + b] += x;
                candidate[t * k + c] += x;
            }
        }
    }
    return { baseline, candidate };
}
/**
 * Bootstrap interval and permutation p-value of every metric of a family.
 * @param directions which way each metric is better
 */
function resampleFamily(family, directions, settings, 
/** False without a baseline: the permutation test has nothing to swap and is skipped (p-values null). */
withTest = true) {
    const { metrics } = family;
    const R = settings.resamples;
    const observed = observe(family);
    const boot = bootstrapDraws(family, R, settings.seed);
    const perm = withTest ? permutationHits(family, observed, directions, R, settings.seed) : null;
    const out = new Map();
    metrics.forEach((m, i) => {
        const obs = observed[i];
        const worseHigh = directions(m.name) === 'lower';
        if (Number.isNaN(obs)) {
            out.set(m.name, { ci: null, candidateCi: null, worseBound: null, pValue: null, pValueWorse: null });
            return;
        }
        const deltas = resample_finite(boot.deltas[i]);
        const cands = resample_finite(boot.candidates[i]);
        const ci = deltas.length > 0 ? percentileInterval(deltas, settings.alpha) : null;
        // percentileInterval sorted `deltas` in place.
        const worseBound = deltas.length > 0 ? quantileSorted7(deltas, worseHigh ? 1 - settings.alpha : settings.alpha) : null;
        out.set(m.name, {
            ci,
            candidateCi: cands.length > 0 ? percentileInterval(cands, settings.alpha) : null,
            worseBound,
            pValue: perm ? (perm.twoSided[i] + 1) / (R + 1) : null,
            pValueWorse: perm ? (perm.worse[i] + 1) / (R + 1) : null
        });
    });
    return out;
}
/** Observed candidate − baseline of each metric. */
function observe(family) {
    const { baseline, candidate } = confusionMatrices(family.counts, family.k);
    const sb = confusion_classSums(baseline, family.k);
    const sc = confusion_classSums(candidate, family.k);
    return Float64Array.from(family.metrics, (m) => m.fn(candidate, sc) - m.fn(baseline, sb));
}
/** The non-zero cells, largest first (the order the conditional binomial method wants). */
function nonZeroCells(counts) {
    const cells = [];
    for (let j = 0; j < counts.length; j++)
        if (counts[j] > 0)
            cells.push(j);
    cells.sort((a, b) => counts[b] - counts[a] || a - b);
    return Int32Array.from(cells);
}
function accumulator(k) {
    const cmB = new Float64Array(k * k);
    const cmC = new Float64Array(k * k);
    return { k, cmB, cmC, sB: confusion_classSums(cmB, k), sC: confusion_classSums(cmC, k) };
}
/** Fills both confusion matrices and their sums from the counts of the listed cells. */
function fill(acc, cells, values, valueAtCell) {
    const { k, cmB, cmC } = acc;
    cmB.fill(0);
    cmC.fill(0);
    const kk = k * k;
    for (let j = 0; j < cells.length; j++) {
        const x = valueAtCell ? values[cells[j]] : values[j];
        if (x === 0)
            continue;
        const cell = cells[j];
        const t = (cell / kk) | 0;
        const b = ((cell / k) | 0) % k;
        const c = cell % k;
        cmB[t * k + b] += x;
        cmC[t * k + c] += x;
    }
    confusion_classSums(cmB, k, acc.sB);
    confusion_classSums(cmC, k, acc.sC);
}
/** R bootstrap resamples: per metric, the deltas and the candidate's values. */
function bootstrapDraws(family, R, seed) {
    const { k, counts, metrics } = family;
    const rng = streamFor(seed, `bootstrap:${family.name}`);
    const cells = nonZeroCells(counts);
    const weights = Float64Array.from(cells, (j) => counts[j]);
    let n = 0;
    for (const w of weights)
        n += w;
    const draw = new Float64Array(cells.length);
    const acc = accumulator(k);
    const deltas = metrics.map(() => new Float64Array(R));
    const candidates = metrics.map(() => new Float64Array(R));
    for (let r = 0; r < R; r++) {
        multinomial(rng, n, weights, draw);
        fill(acc, cells, draw, false);
        for (let i = 0; i < metrics.length; i++) {
            const vc = metrics[i].fn(acc.cmC, acc.sC);
            deltas[i][r] = vc - metrics[i].fn(acc.cmB, acc.sB);
            candidates[i][r] = vc;
        }
    }
    return { deltas, candidates };
}
/**
 * R random swaps: per metric, how often |δ*| ≥ |δ| − γ (two-sided) and δ* is at least as far on the worse
 * side as δ (one-sided), with γ = max(1e-14, 1e-14·|δ|) so that ties in floating point count as hits.
 */
function permutationHits(family, observed, directions, R, seed) {
    const { k, counts, metrics } = family;
    const rng = streamFor(seed, `permutation:${family.name}`);
    const swapOf = (j) => {
        const c = j % k;
        const b = ((j / k) | 0) % k;
        return j - b * k - c + c * k + b;
    };
    const source = nonZeroCells(counts).filter((j) => swapOf(j) !== j);
    source.sort((a, b) => a - b);
    const active = Int32Array.from(new Set([...nonZeroCells(counts), ...Array.from(source, swapOf)]));
    const moved = new Float64Array(counts.length);
    const acc = accumulator(k);
    const twoSided = new Float64Array(metrics.length);
    const worse = new Float64Array(metrics.length);
    const gamma = Float64Array.from(observed, (d) => Math.max(1e-14, 1e-14 * Math.abs(d)));
    const lowerBetter = metrics.map((m) => directions(m.name) === 'lower');
    for (let r = 0; r < R; r++) {
        for (const j of active)
            moved[j] = counts[j];
        for (const j of source) {
            const s = binomial(rng, counts[j], 0.5);
            moved[j] -= s;
            moved[swapOf(j)] += s;
        }
        fill(acc, active, moved, true);
        for (let i = 0; i < metrics.length; i++) {
            const d = metrics[i].fn(acc.cmC, acc.sC) - metrics[i].fn(acc.cmB, acc.sB);
            const obs = observed[i];
            if (Math.abs(d) >= Math.abs(obs) - gamma[i])
                twoSided[i]++;
            if (lowerBetter[i] ? d >= obs - gamma[i] : d <= obs + gamma[i])
                worse[i]++;
        }
    }
    return { twoSided, worse };
}
function resample_finite(values) {
    let m = 0;
    for (const v of values)
        if (!Number.isNaN(v))
            m++;
    if (m === values.length)
        return values;
    const out = new Float64Array(m);
    let i = 0;
    for (const v of values)
        if (!Number.isNaN(v))
            out[i++] = v;
    return out;
}

;// CONCATENATED MODULE: ./src/metrics/classification.ts

/**
 * The aggregate metrics for a task. Binary: `precision`, `recall`, `f1` are of the positive class and
 * `specificity` the recall of the negative one; multiclass: `precision`, `recall`, `f1` are macro averages.
 */
function aggregateMetrics(task, k, positive) {
    const list = [
        { name: 'accuracy', fn: (_cm, s) => accuracy(s) },
        { name: 'balanced_accuracy', fn: (_cm, s) => balancedAccuracy(s) },
        { name: 'mcc', fn: (_cm, s) => mcc(s) },
        { name: 'cohen_kappa', fn: (cm, s) => cohenKappa(cm, s) }
    ];
    if (task === 'binary' && positive !== null) {
        const negative = k === 2 ? 1 - positive : -1;
        list.push({ name: 'precision', fn: (_cm, s) => precisionOf(s, positive) }, { name: 'recall', fn: (_cm, s) => recallOf(s, positive) }, { name: 'f1', fn: (_cm, s) => f1Of(s, positive) }, { name: 'specificity', fn: (_cm, s) => (negative < 0 ? 0 : recallOf(s, negative)) });
    }
    else {
        list.push({ name: 'precision', fn: (_cm, s) => precisionAvg(s, 'macro') }, { name: 'recall', fn: (_cm, s) => recallAvg(s, 'macro') }, { name: 'f1', fn: (_cm, s) => f1Avg(s, 'macro') });
    }
    for (const average of ['macro', 'micro', 'weighted']) {
        list.push({ name: `precision_${average}`, fn: (_cm, s) => precisionAvg(s, average) }, { name: `recall_${average}`, fn: (_cm, s) => recallAvg(s, average) }, { name: `f1_${average}`, fn: (_cm, s) => f1Avg(s, average) });
    }
    return list;
}
/**
 * Per-class metrics of one class: of class `c` of the matrix they are evaluated on (1 on the collapsed 2×2
 * matrix of the class against the rest). `support` is the true count.
 */
function perClassMetrics(label, c = 1) {
    return [
        { name: `precision[${label}]`, fn: (_cm, s) => precisionOf(s, c) },
        { name: `recall[${label}]`, fn: (_cm, s) => recallOf(s, c) },
        { name: `f1[${label}]`, fn: (_cm, s) => f1Of(s, c) },
        { name: `support[${label}]`, fn: (_cm, s) => s.truth[c] }
    ];
}
/**
 * Collapses a K×K confusion matrix to the 2×2 matrix of class c against the rest.
 * @example collapse([[5, 1, 0], [2, 7, 1], [0, 3, 9]], 3, 1) // [[15, 3], [3, 7]] (rows: not 1, is 1)
 */
function collapse(cm, k, c, out = new Float64Array(4)) {
    out.fill(0);
    for (let t = 0; t < k; t++) {
        for (let p = 0; p < k; p++)
            out[(t === c ? 2 : 0) + (p === c ? 1 : 0)] += cm[t * k + p];
    }
    return out;
}
/** Evaluates named metrics on one matrix. */
function evaluate(metrics, cm, k) {
    const s = classSums(cm, k);
    return new Map(metrics.map((m) => [m.name, m.fn(cm, s)]));
}

;// CONCATENATED MODULE: ./src/stats/mcnemar.ts
/**
 * McNemar's exact test for paired proportions (McNemar 1947; exact form: the discordant pairs are
 * Bin(b + c, 1/2) under "no difference").
 *
 * b = examples only the baseline gets right, c = only the candidate. With X ~ Bin(b + c, 1/2):
 * - two-sided, as statsmodels `mcnemar(table, exact=True)`: p = min(1, 2·P(X ≤ min(b, c))); b = c = 0 gives 1.
 * - one-sided for a drop (candidate worse): p = P(X ≤ c), as scipy `binomtest(c, b + c, 0.5, alternative="less")`.
 * - mid-p (Fagerland, Lydersen & Laake 2013): the two-sided p − P(X = min(b, c)).
 * Cost: O(min(b, c)) terms. Up to b + c = 1000 the terms C(m, i)/2^m are summed upward from 2^−m (exact for small
 * counts); above, downward from the largest, which Loader's saddle-point form gives to ~1e-15 (no underflow).
 *
 * @example mcnemarExact(1, 7) // 0.0703125
 */


/** P(X ≤ k) for X ~ Bin(m, 1/2). */
function binomialHalfCdf(k, m) {
    if (k < 0)
        return 0;
    if (k >= m)
        return 1;
    if (2 * k + 1 > m)
        return 1 - binomialHalfCdf(m - k - 1, m);
    if (m <= 1000) {
        let t = 2 ** -m;
        let sum = t;
        for (let i = 0; i < k; i++) {
            t = (t * (m - i)) / (i + 1);
            sum += t;
        }
        return Math.min(1, sum);
    }
    // Terms t_i = C(m, i)/2^m decrease as i falls below m/2: start at t_k, recur t_{i−1} = t_i·i/(m − i + 1).
    let t = gamma_binomialPmf(k, m, 0.5);
    let sum = t;
    for (let i = k; i > 0 && t > 1e-18 * sum; i--) {
        t *= i / (m - i + 1);
        sum += t;
    }
    return Math.min(1, sum);
}
/** P(X = k) for X ~ Bin(m, 1/2). */
function binomialHalfPmf(k, m) {
    if (k < 0 || k > m)
        return 0;
    return binomialPmf(k, m, 0.5);
}
/**
 * Exact two-sided McNemar p-value.
 * @example mcnemarExact(12, 25) // 0.04703102743951604
 */
function mcnemarExact(b, c) {
    if (b + c === 0)
        return 1;
    return Math.min(1, 2 * binomialHalfCdf(Math.min(b, c), b + c));
}
/**
 * One-sided exact p-value for "the candidate is worse": P(X ≤ c), X ~ Bin(b + c, 1/2).
 * @example mcnemarDrop(7, 1) // 0.03515625
 */
function mcnemarDrop(b, c) {
    if (b + c === 0)
        return 1;
    return binomialHalfCdf(c, b + c);
}
/**
 * Mid-p McNemar: the exact two-sided p − P(X = min(b, c)).
 * @example mcnemarMidP(1, 7) // 0.0390625
 */
function mcnemarMidP(b, c) {
    if (b + c === 0)
        return 1;
    return mcnemarExact(b, c) - binomialHalfPmf(Math.min(b, c), b + c);
}
/**
 * McNemar's χ² test: X² = (|b − c| − k)²/(b + c), k = 1 with Edwards' continuity correction, 0 without;
 * p = P(χ²₁ > X²) = erfc(√(X²/2)). b = c = 0 gives X² = 0 and p = 1 (statsmodels' corrected version returns
 * p = 0 there, which is wrong). Cost: O(1).
 * @example mcnemarChiSquare(1, 7, true) // { statistic: 3.125, pValue: 0.07709987174354202 }
 */
function mcnemarChiSquare(b, c, correction) {
    if (b + c === 0)
        return { statistic: 0, pValue: 1 };
    const d = Math.max(0, Math.abs(b - c) - (correction ? 1 : 0));
    const statistic = (d * d) / (b + c);
    return { statistic, pValue: erfc(Math.sqrt(statistic / 2)) };
}

;// CONCATENATED MODULE: ./src/stats/wilson.ts
/**
 * Wilson score interval for a proportion k/n (Wilson 1927), as statsmodels
 * `proportion_confint(k, n, alpha, method="wilson")`:
 * (p̂ + z²/2n ± z·√(p̂(1 − p̂)/n + z²/4n²)) / (1 + z²/n), z = Φ⁻¹(1 − α/2).
 * Cost: O(1).
 *
 * @example wilson(81, 100, 0.05) // [0.7222115462093562, 0.8748524849023126]
 * @returns null when n = 0 (no interval)
 */

function wilson(k, n, alpha) {
    if (n === 0)
        return null;
    const z = normalQuantile(1 - alpha / 2);
    const z2 = z * z;
    const p = k / n;
    const denom = 1 + z2 / n;
    const center = (p + z2 / (2 * n)) / denom;
    const dist = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
    return [center - dist, center + dist];
}

;// CONCATENATED MODULE: ./src/statistics.ts
/**
 * The statistics stage for confusion-matrix metrics (SPEC §4): for each metric its value for both models, the
 * delta, the bootstrap interval of the delta, the p-value of the right test, and the candidate's own interval.
 *
 * - `accuracy`: exact McNemar on all examples; `recall`/`specificity` (binary) and `recall[L]`: exact McNemar on
 *   the examples of that true class.
 * - every other metric: paired approximate randomization over the cells (src/stats/resample.ts).
 * - `candidateCi`: Wilson for accuracy, precision, recall, specificity (and per-class precision/recall);
 *   bootstrap percentile otherwise.
 */







/** Up to this many classes (K³ = 64 cells), per-class metrics are resampled on the full table. */
const SMALL_K = 4;
/** MetricReports of every confusion-matrix metric, aggregate and per class, in report order. */
function confusionStatistics(ctx, settings) {
    const { k } = ctx.table;
    const aggregate = aggregateMetrics(ctx.task, k, ctx.positive);
    // With few classes the whole table is as small as a class's collapsed one: resample the per-class metrics
    // with the aggregate ones. With many, each class gets its own 8-cell table.
    const families = k <= SMALL_K
        ? [{ name: 'table', k, counts: ctx.table.counts, metrics: [...aggregate, ...ctx.labels.flatMap((label, i) => perClassMetrics(label, i))] }]
        : [
            { name: 'table', k, counts: ctx.table.counts, metrics: aggregate },
            ...ctx.labels.map((label, i) => ({ name: `class:${label}`, k: 2, counts: collapseCells(ctx.table, i), metrics: perClassMetrics(label) }))
        ];
    const out = new Map();
    for (const family of families) {
        const values = familyValues(family);
        const resampled = resampleFamily(family, direction, settings, ctx.hasBaseline);
        for (const m of family.metrics) {
            const v = values.get(m.name);
            const r = resampled.get(m.name);
            const isSupport = m.name.startsWith('support[');
            const candidate = finiteOrNull(v.candidate);
            const baseline = ctx.hasBaseline ? finiteOrNull(v.baseline) : null;
            out.set(m.name, {
                candidate,
                baseline,
                delta: candidate !== null && baseline !== null ? candidate - baseline : null,
                ci: ctx.hasBaseline && !isSupport ? (r?.ci ?? null) : null,
                pValue: ctx.hasBaseline && !isSupport ? (r?.pValue ?? null) : null,
                candidateCi: isSupport ? null : (r?.candidateCi ?? null),
                test: ctx.hasBaseline && !isSupport && r?.pValue != null ? 'permutation' : null,
                direction: direction(m.name),
                pValueWorse: ctx.hasBaseline && !isSupport ? (r?.pValueWorse ?? null) : null,
                worseBound: ctx.hasBaseline && !isSupport ? (r?.worseBound ?? null) : null,
                ciMethod: ctx.hasBaseline && !isSupport && r?.ci ? 'bootstrap-percentile' : null
            });
        }
    }
    applyExactTests(ctx, out, settings.alpha);
    return out;
}
function familyValues(family) {
    const { baseline, candidate } = confusionMatrices(family.counts, family.k);
    const sb = confusion_classSums(baseline, family.k);
    const sc = confusion_classSums(candidate, family.k);
    return new Map(family.metrics.map((m) => [m.name, { candidate: m.fn(candidate, sc), baseline: m.fn(baseline, sb) }]));
}
const finiteOrNull = (x) => (Number.isFinite(x) ? x : null);
/** McNemar p-values and Wilson intervals where SPEC §4 asks for them. */
function applyExactTests(ctx, out, alpha) {
    const { table, labels } = ctx;
    const mcnemar = (name, truths) => {
        const m = out.get(name);
        if (!m)
            return;
        const d = discordant(table, truths);
        m.candidateCi = wilson(d.bothRight + d.c, d.n, alpha);
        if (!ctx.hasBaseline)
            return;
        m.pValue = mcnemarExact(d.b, d.c);
        m.pValueWorse = mcnemarDrop(d.b, d.c);
        m.test = 'mcnemar-exact';
    };
    const wilsonOf = (name, successes, trials) => {
        const m = out.get(name);
        if (m)
            m.candidateCi = wilson(successes, trials, alpha);
    };
    const { candidate } = confusionMatrices(table.counts, table.k);
    const s = confusion_classSums(candidate, table.k);
    mcnemar('accuracy', null);
    labels.forEach((label, i) => {
        mcnemar(`recall[${label}]`, [i]);
        wilsonOf(`precision[${label}]`, s.tp[i], s.predicted[i]);
    });
    if (ctx.task === 'binary' && ctx.positive !== null) {
        const pos = ctx.positive;
        mcnemar('recall', [pos]);
        wilsonOf('precision', s.tp[pos], s.predicted[pos]);
        if (table.k === 2)
            mcnemar('specificity', [1 - pos]);
    }
}

;// CONCATENATED MODULE: ./src/task.ts
/**
 * Task and positive class (SPEC §2), and the label order of the report (SPEC §1).
 */


/**
 * Decides the task: `binary` when the labels seen (truth and predictions, both files) are at most two and a
 * positive class is known, else `multiclass`. The positive class is `positiveLabel` when given, else `1` or
 * `true` when present. `forced` = `multiclass` forces multiclass; `binary` insists on it.
 *
 * @param seen every label text seen in either file (truth or prediction)
 * @param reportLabels the labels the metrics are computed over (those of the paired examples)
 */
function chooseTask(seen, reportLabels, positiveLabel, forced) {
    const all = labelOrder(seen);
    if (forced === 'multiclass')
        return { task: 'multiclass', labels: labelOrder(reportLabels), positiveLabel: null };
    const withPositive = positiveLabel !== undefined ? labelOrder([...all, positiveLabel]) : all;
    if (withPositive.length > 2) {
        if (forced === 'binary') {
            throw new ConfigError(`task is "binary" but ${withPositive.length} labels were seen (${listLabels(withPositive)})` +
                (positiveLabel !== undefined && !all.includes(positiveLabel) ? `; positive-label "${positiveLabel}" is not one of them` : ''));
        }
        if (positiveLabel !== undefined && !all.includes(positiveLabel) && all.length <= 2) {
            throw new ConfigError(`positive-label "${positiveLabel}" is not one of the labels seen (${listLabels(all)})`);
        }
        return { task: 'multiclass', labels: labelOrder(reportLabels), positiveLabel: null };
    }
    const positive = positiveLabel ?? (all.includes('1') ? '1' : all.includes('true') ? 'true' : undefined);
    if (positive === undefined) {
        throw new ConfigError(`two labels were seen (${listLabels(all)}) and neither is "1" or "true": set positive-label ` +
            `(CLI --positive-label) to the positive class, or task to "multiclass"`);
    }
    return { task: 'binary', labels: labelOrder([...reportLabels, positive]), positiveLabel: positive };
}
function listLabels(labels) {
    const shown = labels.slice(0, 10).map((l) => JSON.stringify(l));
    return shown.join(', ') + (labels.length > 10 ? `, … ${labels.length - 10} more` : '');
}

;// CONCATENATED MODULE: ./src/version.ts
/** Eval Gate's version, printed in every report's footer. A test keeps it equal to package.json's. */
const VERSION = '0.1.0';

;// CONCATENATED MODULE: ./src/stats/power.ts
/**
 * Minimum detectable effect of a paired comparison of proportions (McNemar), Connor (1987), "Sample size for
 * testing differences in proportions for the paired-sample design", Biometrics 43, 207–211:
 * δ ≈ (z_{1−α} + z_{power})·√(ψ / n), ψ the discordant rate, one-sided α. Cost: O(1).
 *
 * @example minimumDetectableEffect(0.05, 1000, 0.05, 0.8) // 0.01758… — such a test set cannot see a 1-point drop
 */

function minimumDetectableEffect(psi, n, alpha, power = 0.8) {
    if (n <= 0)
        return Infinity;
    return (normalQuantile(1 - alpha) + normalQuantile(power)) * Math.sqrt(psi / n);
}

;// CONCATENATED MODULE: ./src/warnings.ts
/**
 * Warnings in plain words (issue 4): examples on one side only, label conflicts, a test set too small to see a
 * 1-point drop, a p-value too close to alpha for the number of resamples. And the disagreement summary.
 */




const plural = (n, one, many = one + 's') => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
const idList = (ids, total) => ids.map((id) => JSON.stringify(id)).join(', ') + (total > ids.length ? ', …' : '');
/** The warnings of a comparison, in a fixed order. */
function warningsFor(ctx) {
    const out = [];
    const { pairing } = ctx;
    if (pairing) {
        if (pairing.candidateOnly > 0) {
            out.push(`${plural(pairing.candidateOnly, 'candidate example')} ${pairing.candidateOnly === 1 ? 'has' : 'have'} no baseline row ` +
                `(ids ${idList(pairing.candidateOnlyIds, pairing.candidateOnly)}); they are left out of every comparison.`);
        }
        if (pairing.baselineOnly > 0) {
            out.push(`${plural(pairing.baselineOnly, 'baseline example')} ${pairing.baselineOnly === 1 ? 'has' : 'have'} no candidate row ` +
                `(ids ${idList(pairing.baselineOnlyIds, pairing.baselineOnly)}); they are left out of every comparison.`);
        }
        if (pairing.labelConflicts > 0) {
            out.push(`${plural(pairing.labelConflicts, 'example')} ${pairing.labelConflicts === 1 ? 'has' : 'have'} a different true label in the two files ` +
                `(ids ${idList(pairing.conflictIds, pairing.labelConflicts)}): the test set changed; they are left out.`);
        }
        if (pairing.n === 0)
            out.push('No example is in both files with the same true label: nothing can be compared.');
        else
            out.push(...powerWarnings(ctx));
    }
    out.push(...undefinedMetrics(ctx.metrics));
    out.push(...closeToAlpha(ctx));
    return out;
}
/**
 * Connor (1987): the smallest drop the exact McNemar test could detect with 80% power at one-sided alpha,
 * for accuracy and recall; a warning when it is above 1 point.
 */
function powerWarnings(ctx) {
    const out = [];
    const check = (name, truths) => {
        const d = discordant(ctx.table, truths);
        if (d.n === 0)
            return;
        const psi = (d.b + d.c) / d.n;
        const mde = minimumDetectableEffect(psi, d.n, ctx.settings.alpha, 0.8);
        if (!(mde > 0.01))
            return;
        out.push(`This test set is too small to see a 1-point drop in ${name}: with ${plural(d.n, 'example')} and the models disagreeing on ` +
            `${pct(psi)} of them, the smallest drop it can detect with 80% power at α = ${ctx.settings.alpha} is ${points(mde)}.`);
    };
    check('accuracy', null);
    if (ctx.task === 'binary' && ctx.positive !== null)
        check('recall', [ctx.positive]);
    return out;
}
function undefinedMetrics(metrics) {
    const missing = Object.entries(metrics)
        .filter(([, m]) => m.candidate === null)
        .map(([name]) => name);
    return missing.length === 0 ? [] : [`Undefined on this data, left empty: ${missing.join(', ')}.`];
}
/**
 * A resampled p-value within 3 Monte Carlo standard errors (√(α(1 − α)/R)) of alpha, for a gated metric: more
 * resamples could flip the verdict.
 */
function closeToAlpha(ctx) {
    const { alpha, resamples } = ctx.settings;
    const se = Math.sqrt((alpha * (1 - alpha)) / resamples);
    const out = [];
    const seen = new Set();
    for (const gate of ctx.gates) {
        const m = ctx.metrics[gate.metric];
        if (!m || m.test !== 'permutation' || gate.pValue === null || seen.has(gate.metric))
            continue;
        if (Math.abs((m.pValueWorse ?? 1) - alpha) < 3 * se) {
            seen.add(gate.metric);
            out.push(`The p-value of ${gate.metric} (${m.pValueWorse?.toFixed(4)}) is within the resampling error of α = ${alpha} ` +
                `(±${(3 * se).toFixed(4)} with ${resamples.toLocaleString('en-US')} resamples): rerun with more resamples before trusting the verdict.`);
        }
    }
    return out;
}
/** How many paired examples went right → wrong and wrong → right, with the first ids of each. */
function disagreementOf(candidate, baseline, pairing) {
    const ids = candidate.ids ?? [];
    const text = (i) => idText(ids, i);
    const d = { rightToWrong: 0, wrongToRight: 0, bothWrongDiffer: 0, firstRegressions: [], firstImprovements: [] };
    const limit = NAMED_IDS * 2;
    for (let p = 0; p < pairing.n; p++) {
        const i = pairing.cand[p];
        const truth = candidate.truth[i];
        const c = candidate.pred[i];
        const b = baseline.pred[pairing.base[p]];
        if (b === c)
            continue;
        if (b === truth) {
            d.rightToWrong++;
            if (d.firstRegressions.length < limit)
                d.firstRegressions.push(text(i));
        }
        else if (c === truth) {
            d.wrongToRight++;
            if (d.firstImprovements.length < limit)
                d.firstImprovements.push(text(i));
        }
        else
            d.bothWrongDiffer++;
    }
    return d;
}
const pct = (x) => `${(100 * x).toFixed(1)}%`;
const points = (x) => `${(100 * x).toFixed(1)} points`;

;// CONCATENATED MODULE: ./src/compare.ts
/**
 * The core, end to end: parse → pair → metrics → statistics → gates. Pure: no `@actions/*` import; the CLI
 * and the action are thin shells around `compare()`.
 */















/** Files smaller than this are read on this thread: starting a worker costs more than it saves. */
const PARALLEL_BYTES = 4 << 20;
/** Reads both files, pairs them, computes metrics and statistics, evaluates the gates. Throws InputError / ConfigError. */
async function compare(options) {
    checkSettings(options);
    const dictionary = new LabelDictionary();
    const readOptions = { format: options.format, fields: options.fields, dictionary, requireId: options.baseline !== null };
    const [candidate, baseline] = await readBoth(options, readOptions);
    let pairing = null;
    if (baseline)
        pairing = pairByIds(candidate, baseline);
    else
        checkUniqueIds(candidate);
    const used = usedCodes(dictionary.size, candidate, baseline, pairing);
    const choice = chooseTask(dictionary.names, dictionary.names.filter((_, code) => used[code]), options.positiveLabel, options.task);
    const { task, labels, positiveLabel } = choice;
    const remap = Int32Array.from(dictionary.names, (name) => labels.indexOf(name));
    const hasScores = candidate.score !== null || candidate.scores !== null;
    const rules = parseGates(options.gates ?? DEFAULT_GATES, { metrics: metricNames(task, labels, hasScores), labels });
    const k = labels.length;
    const table = countCells(k, remap, candidate, baseline, pairing);
    const positive = positiveLabel === null ? null : labels.indexOf(positiveLabel);
    const settings = { alpha: options.alpha, resamples: options.resamples, seed: options.seed };
    const confusion = confusionStatistics({ task, labels, positive, table, hasBaseline: baseline !== null }, settings);
    const scored = hasScores
        ? scoreStatistics({ task, labels, positive, remap, candidate, baseline, pairing }, settings)
        : { metrics: new Map(), warnings: [] };
    const metrics = {};
    for (const name of metricNames(task, labels, hasScores)) {
        const m = confusion.get(name) ?? scored.metrics.get(name);
        if (m)
            metrics[name] = m;
    }
    const gates = evaluateGates(rules, metrics, {
        alpha: options.alpha,
        hasBaseline: baseline !== null,
        missingBaseline: options.missingBaseline
    });
    const { baseline: cmB, candidate: cmC } = matrices(table);
    return {
        schemaVersion: 1,
        passed: gates.every((g) => g.status !== 'fail'),
        task,
        labels,
        positiveLabel,
        counts: {
            candidate: candidate.n,
            baseline: baseline ? baseline.n : null,
            paired: pairing ? pairing.n : null,
            candidateOnly: pairing ? pairing.candidateOnly : null,
            baselineOnly: pairing ? pairing.baselineOnly : null,
            labelConflicts: pairing ? pairing.labelConflicts : null
        },
        metrics,
        confusionMatrix: { labels, candidate: cmC, baseline: baseline ? cmB : null },
        gates,
        warnings: [
            ...warningsFor({ pairing, table, task, positive, labels, metrics, gates, settings, candidate, baseline }),
            ...scored.warnings
        ],
        disagreement: baseline && pairing ? disagreementOf(candidate, baseline, pairing) : null,
        settings: {
            alpha: options.alpha,
            resamples: options.resamples,
            seed: options.seed,
            version: VERSION,
            candidate: options.candidate.name,
            baseline: options.baseline ? options.baseline.name : null
        }
    };
}
/** Reads both files: the baseline in a worker thread when it is a large file on disk and a reader script is given. */
async function readBoth(options, readOptions) {
    const base = options.baseline;
    if (!base)
        return [await readPredictions(options.candidate, readOptions), null];
    if (options.readerScript && base.path && !base.data && (await sizeOf(base.path)) >= PARALLEL_BYTES) {
        const pending = readInWorker(options.readerScript, base, readOptions);
        // Keep a rejection of the worker from going unhandled while the candidate is read.
        pending.catch(() => undefined);
        const candidate = await readPredictions(options.candidate, readOptions);
        return [candidate, await pending];
    }
    const candidate = await readPredictions(options.candidate, readOptions);
    return [candidate, await readPredictions(base, readOptions)];
}
async function sizeOf(file) {
    try {
        return (await (0,promises_namespaceObject.stat)(file)).size;
    }
    catch {
        return 0;
    }
}
/** Alpha, resamples and seed, checked before any file is read. */
function checkSettings(options) {
    if (!(options.alpha > 0 && options.alpha < 1))
        throw new ConfigError(`alpha must be a number between 0 and 1 (exclusive), got ${options.alpha}`);
    if (!Number.isInteger(options.resamples) || options.resamples < 1 || options.resamples > 1_000_000) {
        throw new ConfigError(`resamples must be a whole number from 1 to 1000000, got ${options.resamples}`);
    }
    if (!Number.isSafeInteger(options.seed) || options.seed < 0)
        throw new ConfigError(`seed must be a whole number ≥ 0, got ${options.seed}`);
}
/** Which dictionary codes occur in the compared examples (all candidate rows without a baseline). */
function usedCodes(size, candidate, baseline, pairing) {
    const used = new Uint8Array(size);
    if (!baseline || !pairing) {
        for (let i = 0; i < candidate.n; i++)
            used[candidate.truth[i]] = used[candidate.pred[i]] = 1;
        return used;
    }
    for (let p = 0; p < pairing.n; p++) {
        const i = pairing.cand[p];
        used[candidate.truth[i]] = used[candidate.pred[i]] = used[baseline.pred[pairing.base[p]]] = 1;
    }
    return used;
}
function matrices(table) {
    const { k } = table;
    const { baseline, candidate } = confusionMatrices(table.counts, k);
    const rows = (cm) => Array.from({ length: k }, (_, t) => Array.from(cm.subarray(t * k, t * k + k)));
    return { baseline: rows(baseline), candidate: rows(candidate) };
}

;// CONCATENATED MODULE: ./src/render/escape.ts
/**
 * Escaping for text that comes from users' files (labels, ids, file names): it must not break a table, inject
 * markup, start a code block or ping anyone. HTML-significant characters become entities; Markdown punctuation is
 * backslash-escaped (an underscore inside a word is left alone); `|` and `@` become entities (a table cell and a mention both need that); line breaks become
 * spaces.
 *
 * @example escapeText('sports | news') // 'sports &#124; news'
 * @example escapeText('@team') // '&#64;team'
 */
function escapeText(text) {
    let out = '';
    const chars = [...text];
    for (let i = 0; i < chars.length; i++) {
        const ch = chars[i];
        if (ch === '_' && /\p{L}|\p{N}/u.test(chars[i - 1] ?? '') && /\p{L}|\p{N}/u.test(chars[i + 1] ?? '')) {
            // Inside a word an underscore is never emphasis (GFM): keep `roc_auc` readable.
            out += ch;
            continue;
        }
        switch (ch) {
            case '&':
                out += '&amp;';
                break;
            case '<':
                out += '&lt;';
                break;
            case '>':
                out += '&gt;';
                break;
            case '|':
                out += '&#124;';
                break;
            case '@':
                out += '&#64;';
                break;
            case '`':
                out += '&#96;';
                break;
            case '#':
                out += '&#35;';
                break;
            case '\\':
            case '*':
            case '_':
            case '[':
            case ']':
            case '~':
            case '!':
                out += '\\' + ch;
                break;
            case '\n':
            case '\r':
            case '\t':
                out += ' ';
                break;
            default:
                out += ch.charCodeAt(0) < 32 ? ' ' : ch;
        }
    }
    return out;
}
/** A label or id as shown in the report: escaped, and cut to `max` characters. */
function shown(text, max = 60) {
    const chars = [...text];
    return escapeText(chars.length > max ? chars.slice(0, max - 1).join('') + '…' : text);
}
/**
 * Text inside a double-quoted Mermaid string: quotes, brackets, backticks and anything outside printable ASCII
 * letters, digits and a few safe signs become `_`, so a label cannot end the string or the code block.
 */
function mermaidText(text, max = 24) {
    const chars = [...text].slice(0, max);
    return chars.map((c) => (/^[\p{L}\p{N} .,+\-/()%=]$/u.test(c) ? c : '_')).join('');
}

;// CONCATENATED MODULE: ./src/render/index.ts
/**
 * The one renderer: the Markdown report for the pull-request comment, the job summary and the CLI.
 *
 * Order: the verdict (failing rules named), the gates, the headline metrics (the rest folded), where the models
 * disagree, per class (table and chart), both confusion matrices, warnings, and a footer with everything needed
 * to reproduce the numbers. Every user-supplied text is escaped (src/render/escape.ts). The comment stays under
 * 60,000 characters: with many classes the per-class sections are cut to the classes that changed most, and
 * what was cut is said.
 */



const LIMITS = { comment: 60_000, summary: 1_000_000, cli: 1_000_000 };
/** Classes shown per class and in the chart before cutting, and in confusion matrices. */
const MAX_CLASSES = { comment: 25, summary: 200, cli: 200 };
const MAX_MATRIX = { comment: 10, summary: 30, cli: 30 };
const HEADLINE = ['accuracy', 'precision', 'recall', 'f1', 'specificity', 'roc_auc', 'log_loss'];
function renderMarkdown(report, target = 'cli') {
    const sections = [
        verdict(report),
        gatesTable(report),
        metricsTables(report),
        disagreement(report),
        perClass(report, MAX_CLASSES[target]),
        render_matrices(report, MAX_MATRIX[target]),
        warnings(report),
        footer(report)
    ].filter((s) => s.length > 0);
    let text = sections.join('\n\n') + '\n';
    const limit = LIMITS[target];
    if (text.length > limit) {
        // Last resort: drop whole sections from the bottom up (keeping the footer), then say so.
        const keep = [...sections];
        const foot = keep.pop();
        const note = '\n\n> ✂️ The report was cut to fit the comment; the job summary and the JSON report have all of it.';
        while (keep.length > 1 && keep.join('\n\n').length + foot.length + note.length + 4 > limit)
            keep.pop();
        text = keep.join('\n\n') + note + '\n\n' + foot + '\n';
        if (text.length > limit)
            text = text.slice(0, limit - note.length - 1) + note + '\n';
    }
    return text;
}
function verdict(report) {
    const failed = report.gates.filter((g) => g.status === 'fail');
    const skipped = report.gates.filter((g) => g.status === 'skip').length;
    const passed = report.gates.length - failed.length - skipped;
    const counts = `${passed} passed${failed.length ? `, ${failed.length} failed` : ''}${skipped ? `, ${skipped} skipped` : ''}`;
    if (failed.length > 0) {
        return `### ❌ Eval Gate: failed — ${failed.map((g) => `**${shown(g.rule, 80)}**`).join(', ')}\n\n${scope(report)} Gates: ${counts}.`;
    }
    return `### ✅ Eval Gate: passed\n\n${scope(report)} Gates: ${counts}.`;
}
function scope(report) {
    const c = report.counts;
    const task = report.task === 'binary' ? `binary, positive class **${shown(report.positiveLabel ?? '')}**` : `multiclass, ${report.labels.length} classes`;
    if (c.paired === null)
        return `Candidate only (no baseline): ${c.candidate.toLocaleString('en-US')} examples, ${task}.`;
    return `Candidate vs baseline on ${c.paired.toLocaleString('en-US')} paired examples, ${task}.`;
}
function table(header, rows, align) {
    const line = (cells) => `| ${cells.join(' | ')} |`;
    return [line(header), line(align ?? header.map(() => '---')), ...rows.map(line)].join('\n');
}
const STATUS = { pass: '✅ pass', fail: '❌ fail', skip: '⏭️ skip' };
function gatesTable(report) {
    if (report.gates.length === 0)
        return '';
    return ('#### Gates\n\n' +
        table(['Rule', 'Result', 'Why'], report.gates.map((g) => [shown(g.rule, 80), STATUS[g.status], shown(g.detail, 400)])));
}
function metricRow(name, m, hasBaseline) {
    const label = shown(name, 80);
    if (!hasBaseline)
        return [label, formatValue(name, m.candidate), formatValueInterval(name, m.candidateCi)];
    const arrow = m.delta === null || m.delta === 0 ? '' : (m.delta > 0) === (m.direction === 'higher') ? ' ▲' : ' ▼';
    return [label, formatValue(name, m.baseline), formatValue(name, m.candidate), formatDelta(name, m.delta) + arrow, formatInterval(name, m.ci), formatP(m.pValue)];
}
function metricsTables(report) {
    const hasBaseline = report.counts.baseline !== null;
    const names = Object.keys(report.metrics).filter((n) => parsePerClass(n) === null);
    const headline = HEADLINE.filter((n) => names.includes(n));
    const rest = names.filter((n) => !headline.includes(n));
    const header = hasBaseline ? ['Metric', 'Baseline', 'Candidate', 'Δ', `${level(report)} CI of Δ`, 'p'] : ['Metric', 'Candidate', `${level(report)} CI`];
    const align = hasBaseline ? [':---', '---:', '---:', '---:', '---:', '---:'] : [':---', '---:', '---:'];
    const rows = (list) => list.map((n) => metricRow(n, report.metrics[n], hasBaseline));
    let text = '#### Metrics\n\n' + table(header, rows(headline), align);
    if (rest.length > 0) {
        text += `\n\n<details><summary>All ${rest.length} other metrics</summary>\n\n${table(header, rows(rest), align)}\n\n</details>`;
    }
    return text;
}
const level = (report) => `${Math.round((1 - report.settings.alpha) * 1000) / 10}%`;
function disagreement(report) {
    const d = report.disagreement;
    if (!d || report.counts.paired === null)
        return '';
    const total = d.rightToWrong + d.wrongToRight + d.bothWrongDiffer;
    let text = `#### Where the models disagree\n\n` +
        `They disagree on **${total.toLocaleString('en-US')}** of ${report.counts.paired.toLocaleString('en-US')} examples: ` +
        `**${d.rightToWrong.toLocaleString('en-US')}** went right → wrong, **${d.wrongToRight.toLocaleString('en-US')}** wrong → right` +
        (d.bothWrongDiffer ? `, ${d.bothWrongDiffer.toLocaleString('en-US')} wrong either way.` : '.');
    if (d.firstRegressions.length > 0) {
        text += `\n\nFirst right → wrong: ${d.firstRegressions.map((id) => shown(id, 40)).join(', ')}${d.rightToWrong > d.firstRegressions.length ? ', …' : ''}`;
    }
    if (d.firstImprovements.length > 0) {
        text += `\n\nFirst wrong → right: ${d.firstImprovements.map((id) => shown(id, 40)).join(', ')}${d.wrongToRight > d.firstImprovements.length ? ', …' : ''}`;
    }
    return text;
}
function perClass(report, max) {
    const hasBaseline = report.counts.baseline !== null;
    const rows = report.labels.map((label) => {
        const get = (metric) => report.metrics[`${metric}[${label}]`];
        return { label, get, change: Math.abs(get('f1')?.delta ?? 0) };
    });
    let shownRows = rows;
    let cut = '';
    if (rows.length > max) {
        shownRows = [...rows].sort((a, b) => b.change - a.change || (a.label < b.label ? -1 : 1)).slice(0, max);
        const keep = new Set(shownRows.map((r) => r.label));
        shownRows = rows.filter((r) => keep.has(r.label));
        cut = `\n\n${rows.length - max} more classes are not shown here (the ${max} whose F1 changed most are); the job summary and the JSON report have all of them.`;
    }
    const cell = (r, metric) => {
        const m = r.get(metric);
        if (!m)
            return '—';
        if (!hasBaseline)
            return formatValue(metric, m.candidate);
        return `${formatValue(metric, m.baseline)} → ${formatValue(metric, m.candidate)} (${formatDelta(metric, m.delta)})`;
    };
    const body = table(['Class', 'Support', 'Precision', 'Recall', 'F1'], shownRows.map((r) => [shown(r.label), formatValue('support[]', r.get('support')?.candidate ?? null), cell(r, 'precision'), cell(r, 'recall'), cell(r, 'f1')]), [':---', '---:', '---:', '---:', '---:']);
    return `#### Per class\n\n${body}${cut}\n\n${chart(shownRows, hasBaseline)}`;
}
/** A Mermaid bar chart of per-class F1: one bar per model and class, baseline then candidate. */
function chart(rows, hasBaseline) {
    const names = [];
    const values = [];
    for (const r of rows) {
        const f1 = r.get('f1');
        if (!f1)
            continue;
        if (hasBaseline) {
            names.push(`"${mermaidText(r.label)} (base)"`);
            values.push((f1.baseline ?? 0).toFixed(4));
        }
        names.push(`"${mermaidText(r.label)}${hasBaseline ? ' (cand)' : ''}"`);
        values.push((f1.candidate ?? 0).toFixed(4));
    }
    if (names.length === 0)
        return '';
    return [
        '```mermaid',
        'xychart-beta',
        `    title "F1 per class${hasBaseline ? ', baseline vs candidate' : ''}"`,
        `    x-axis [${names.join(', ')}]`,
        '    y-axis "F1" 0 --> 1',
        `    bar [${values.join(', ')}]`,
        '```'
    ].join('\n');
}
function render_matrices(report, max) {
    const { labels, candidate, baseline } = report.confusionMatrix;
    if (labels.length > max) {
        return `#### Confusion matrices\n\nNot shown for ${labels.length} classes (more than ${max}); they are in the JSON report (\`confusionMatrix\`).`;
    }
    const heads = labels.map((l) => shown(l, 24));
    const header = ['True ↓ · predicted →'];
    const align = [':---'];
    if (baseline) {
        header.push(...heads.map((h) => `base: ${h}`), '‖');
        align.push(...heads.map(() => '---:'), ':---:');
    }
    header.push(...heads.map((h) => (baseline ? `cand: ${h}` : h)));
    align.push(...heads.map(() => '---:'));
    const rows = labels.map((_, t) => {
        const row = [`**${heads[t]}**`];
        if (baseline)
            row.push(...baseline[t].map((x) => x.toLocaleString('en-US')), '‖');
        row.push(...candidate[t].map((x) => x.toLocaleString('en-US')));
        return row;
    });
    return `#### Confusion matrices${baseline ? ' (baseline ‖ candidate)' : ''}\n\n${table(header, rows, align)}`;
}
function warnings(report) {
    if (report.warnings.length === 0)
        return '';
    return '#### Warnings\n\n' + report.warnings.map((w) => `- ⚠️ ${shown(w, 2000)}`).join('\n');
}
function footer(report) {
    const s = report.settings;
    const files = `candidate \`${s.candidate.replace(/`/g, "'")}\`${s.baseline ? `, baseline \`${s.baseline.replace(/`/g, "'")}\`` : ''}`;
    const methods = report.counts.baseline === null
        ? 'intervals: Wilson for proportions, bootstrap percentile otherwise'
        : 'p-values: exact McNemar (accuracy; recall and specificity on their class), DeLong (roc_auc), paired t (log_loss, brier), ' +
            'paired approximate randomization (the rest); Δ intervals: paired bootstrap percentile; candidate intervals: Wilson for proportions';
    return `<sub>Eval Gate ${s.version} · ${files} · seed ${s.seed} · ${s.resamples.toLocaleString('en-US')} resamples · α = ${s.alpha} · ${methods}</sub>`;
}

;// CONCATENATED MODULE: ./src/cli.ts
/**
 * The command line: `eval-gate compare …` (SPEC §6). A thin shell around compare() and the renderer.
 * Exit status: 0 every gate passes, 1 a gate fails, 2 bad input or usage, 3 an internal error (a bug).
 */








async function main(argv) {
    const request = parseCli(argv);
    if (request.kind === 'help') {
        process.stdout.write(HELP);
        return 0;
    }
    if (request.kind === 'version') {
        process.stdout.write(`eval-gate ${VERSION}\n`);
        return 0;
    }
    const inputs = [request.options.candidate.path, request.options.baseline?.path].filter((p) => !!p).map((p) => external_node_path_default().resolve(p));
    for (const [option, out] of [['--json', request.json], ['--markdown', request.markdown]]) {
        if (out && inputs.includes(external_node_path_default().resolve(out)))
            throw new ConfigError(`${option} ${out} is an input file: refusing to overwrite it`);
    }
    const report = await compare({ ...request.options, readerScript: new URL(import.meta.url) });
    const markdown = renderMarkdown(report, 'comment');
    if (request.json)
        await writeFileAtomic(request.json, JSON.stringify(report, null, 2) + '\n');
    if (request.markdown)
        await writeFileAtomic(request.markdown, markdown);
    process.stdout.write(markdown);
    return report.passed ? 0 : 1;
}
if (isReadWorker())
    void serveReadRequest();
else
    start();
/** The CLI proper; a reader worker (the same bundle, started by compare) answers its request instead. */
function start() {
    main(process.argv.slice(2)).then((code) => {
        process.exitCode = code;
    }, (error) => {
        if (isUserError(error)) {
            process.stderr.write(`eval-gate: ${error.message}\n`);
            process.exitCode = 2;
        }
        else {
            process.stderr.write(`eval-gate: internal error (please report it): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
            process.exitCode = 3;
        }
    });
}

