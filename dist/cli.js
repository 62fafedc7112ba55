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
 *
 * Messages quote input (a line, a value, a header cell, a field or file name) through `quote`, so that hostile
 * input cannot start a line of its own in a log (`::error::…` is a workflow command on GitHub), reorder text with
 * bidi controls, or make a message millions of characters long.
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
        super(inert(message));
        this.name = 'ConfigError';
    }
}
/** At most this many characters of a file name are shown; longer names are quoted and cut. */
const MAX_NAME = 200;
/** A safety net: a reason longer than this is cut (every value in it should already be quoted and cut). */
const MAX_REASON = 2000;
/**
 * `candidate.jsonl:17: field "prediction" is missing`. The field name is always quoted (`quote`); the file name
 * is shown as it is when it is printable and at most 200 characters, else quoted the same way; the reason has
 * any raw control, line or bidi character escaped (`inert`).
 */
function formatLocation(file, line, field, reason) {
    const name = isPlain(file, MAX_NAME) ? file : quote(file, MAX_NAME);
    const where = line === null ? name : `${name}:${line}`;
    const text = inert(reason);
    return field === null ? `${where}: ${text}` : `${where}: field ${quote(field)} ${text}`;
}
/** True for the errors whose message alone is the whole story (no stack trace). */
function isUserError(error) {
    return error instanceof InputError || error instanceof ConfigError;
}
/**
 * Characters that must not reach a log or a message raw: C0 controls (CR, LF, …), DEL and C1 controls, the soft
 * hyphen, line and paragraph separators (U+2028/9), bidi marks, embeddings, overrides and isolates, zero-width and
 * invisible format characters, the BOM, interlinear annotation marks, and unpaired surrogates.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const UNSAFE_TEST = new RegExp(UNSAFE.source);
const SHORT = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
/** `\n`, `\r`, `\t`, else `\uXXXX`: the JSON escape of one unsafe character. */
function escapeChar(c) {
    return SHORT[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}
/**
 * Text with every unsafe character (see UNSAFE) replaced by its visible JSON escape, and cut (marked `…`) past
 * `max` characters. For text we write that may carry input (a reason, an engine's message); values themselves
 * are quoted with `quote`. One regular-expression pass: O(n).
 * @example inert('a\nb\u202Ec') // 'a\\nb\\u202ec'
 */
function inert(text, max = MAX_REASON) {
    const head = text.length > max ? cut(text, max) + '…' : text;
    return UNSAFE_TEST.test(head) ? head.replace(UNSAFE, escapeChar) : head;
}
/**
 * Input quoted for a message: at most `max` characters of it, written as a JSON string literal (`JSON.stringify`,
 * plus `\uXXXX` for the line separators, bidi and invisible characters JSON leaves raw), followed by `…` when it
 * was cut. The result holds no raw newline or control character, so no input can start a line of its own.
 * Cost: O(max), whatever the length of `text`.
 * @example quote('spam') // '"spam"'
 * @example quote('a\n::error::x') // '"a\\n::error::x"'
 * @example quote('x'.repeat(100), 3) // '"xxx"…'
 */
function quote(text, max = 80) {
    const over = text.length > max;
    const literal = JSON.stringify(over ? cut(text, max) : text);
    const safe = UNSAFE_TEST.test(literal) ? literal.replace(UNSAFE, escapeChar) : literal;
    return over ? safe + '…' : safe;
}
/** True when `text` can be shown as it is: at most `max` characters, none of them unsafe. */
function isPlain(text, max = 80) {
    return text.length <= max && !UNSAFE_TEST.test(text);
}
/** The first `max` UTF-16 units of `text`, one fewer when the cut would split a surrogate pair. */
function cut(text, max) {
    const code = text.charCodeAt(max - 1);
    return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

;// CONCATENATED MODULE: ./src/read/number.ts
/**
 * Numbers written as text (CSV/TSV score cells): decimal notation only.
 *
 * Accepted: an optional sign, ASCII digits with an optional decimal point (`0.5`, `.5`, `5.`, `+1`, `007`), an
 * optional exponent (`1e-05`, `2.5E3`), with spaces or tabs around it. This is the JSON number grammar widened
 * by the forms Python's `float()` and spreadsheets write (a leading `+`, `.5`, `5.`, leading zeros), the same
 * forms `isNumericText` (src/labels.ts) calls numeric labels. Each is a plain decimal with one meaning.
 * Refused (NaN): what JavaScript's `Number()` also takes but a prediction file never means as a score: hex
 * `0x1`, binary `0b0`, octal `0o7`, `1_000`, `Infinity`, `NaN`, the empty cell, non-ASCII digits or spaces.
 * A decimal out of range (`1e400`) parses to ±Infinity, which the caller's range check refuses.
 */
const DECIMAL = /^[ \t]*[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?[ \t]*$/;
/**
 * The value of a decimal number written as text, or NaN when `text` is not one. One regular-expression test and
 * one `Number()` conversion: O(length).
 * @example parseDecimal('0.25') // 0.25
 * @example parseDecimal(' 1e-3 ') // 0.001
 * @example parseDecimal('0x1') // NaN
 * @example parseDecimal('1e400') // Infinity
 */
function parseDecimal(text) {
    return DECIMAL.test(text) ? Number(text) : NaN;
}

;// CONCATENATED MODULE: ./src/tasks/scoreMetrics.ts
/**
 * The `score-metrics` option (SPEC §10): `NAME[:higher|:lower],…`, the per-example fields of task `scores`, each
 * better when higher unless `:lower`. One parser for the CLI and the action.
 *
 * @example parseScoreMetrics('judge, latency_ms:lower', '--score-metrics') // [{ name: 'judge', direction: 'higher' }, { name: 'latency_ms', direction: 'lower' }]
 */

/** Every value the `task` option takes. */
const TASKS = ['binary', 'multiclass', 'scores', 'regression', 'generation'];
function parseScoreMetrics(text, option) {
    const out = [];
    for (const part of text.split(',')) {
        const item = part.trim();
        if (item === '')
            continue;
        const m = /^(.+?)(?::(higher|lower))?$/.exec(item);
        const name = m[1].trim();
        if (name === '' || /[:;#\s]/.test(name))
            throw new ConfigError(`${option}: ${quote(item)} is not NAME, NAME:higher or NAME:lower`);
        if (out.some((f) => f.name === name))
            throw new ConfigError(`${option}: the field ${quote(name)} is named twice`);
        out.push({ name, direction: m[2] ?? 'higher' });
    }
    if (out.length === 0)
        throw new ConfigError(`${option} names no field: give NAME[:higher|:lower],…`);
    return out;
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
  --task T                 binary | multiclass | scores | regression | generation (default: binary when at most
                           two labels and a positive class, else multiclass)
  --score-metrics LIST     task scores: the per-example fields to compare, NAME[:higher|:lower],… (higher is
                           better unless :lower), e.g. judge,passed,latency_ms:lower

Data checks
  --train FILE             the training examples: counts test examples whose id (or text) is in it (metric leakage)
  --text-field NAME        with --train: the text field compared after normalisation (NFKC, case fold, spaces)

Gates and statistics
  --gates RULES            rules separated by ';' or newlines, e.g. "recall no-regression; f1 >= 0.8"
                           (default: no-regression on accuracy, precision, recall and f1; scores: on every
                           field; regression: on mae and rmse; generation: on every metric but perplexity)
  --missing-baseline M     skip | fail: what rules that need a baseline do without one (default: skip)
  --alpha A                significance level (default: 0.05)
  --resamples N            bootstrap and permutation resamples (default: 10000)
  --seed S                 random seed; the same inputs and seed give the same report (default: 0)
  --multiplicity M         holm | westfall-young: how the no-regression rules' p-values are adjusted for their
                           number (default: holm, as SPEC §5; westfall-young uses the joint distribution of
                           the metrics in the same seeded permutations, where a task has it)
  --mcnemar M              exact | mid-p: the McNemar test of accuracy and recall (default: exact)

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
                'score-metrics': { type: 'string' },
                'missing-baseline': { type: 'string' },
                multiplicity: { type: 'string' },
                mcnemar: { type: 'string' },
                train: { type: 'string' },
                'text-field': { type: 'string' },
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
        throw new ConfigError(`unknown command ${quote(positionals[0])}: the command is "compare" (see --help)`);
    if (positionals.length > 1)
        throw new ConfigError(`unexpected argument ${quote(positionals[1])} (see --help)`);
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
        task: oneOf('--task', values.task, TASKS),
        ...(values['score-metrics'] !== undefined ? { scoreMetrics: parseScoreMetrics(values['score-metrics'], '--score-metrics') } : {}),
        ...(values.train ? { train: { name: values.train, path: values.train } } : {}),
        ...(values['text-field'] !== undefined ? { textField: field('--text-field', values['text-field'], '') } : {}),
        gates: values.gates,
        alpha: numberOption('--alpha', values.alpha, 0.05, (x) => x > 0 && x < 1, 'a number between 0 and 1'),
        resamples: numberOption('--resamples', values.resamples, 10000, (x) => Number.isInteger(x) && x >= 1 && x <= 1_000_000, 'a whole number from 1 to 1000000'),
        seed: numberOption('--seed', values.seed, 0, (x) => Number.isSafeInteger(x) && x >= 0, 'a whole number ≥ 0'),
        missingBaseline: (oneOf('--missing-baseline', values['missing-baseline'], ['skip', 'fail']) ?? 'skip'),
        ...optional('multiplicity', oneOf('--multiplicity', values.multiplicity, ['holm', 'westfall-young'])),
        ...optional('mcnemar', oneOf('--mcnemar', values.mcnemar, ['exact', 'mid-p']))
    };
    return { kind: 'compare', options, json: values.json, markdown: values.markdown };
}
/** `{ key: value }`, or nothing when the option is not given (so that the core's default applies). */
function optional(key, value) {
    return (value === undefined ? {} : { [key]: value });
}
function oneOf(name, value, allowed) {
    if (value === undefined)
        return undefined;
    if (!allowed.includes(value))
        throw new ConfigError(`${name} must be one of ${allowed.join(', ')}, got ${quote(value)}`);
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
    const x = parseDecimal(value);
    if (!ok(x))
        throw new ConfigError(`${name} must be ${what}, got ${quote(value)}`);
    return x;
}

;// CONCATENATED MODULE: ./src/format.ts
/**
 * How numbers read in the report and in gate details: one place, so the gates table and the metrics table agree.
 * Deltas of metrics on a 0–1 scale are in points (hundredths), with a true minus sign.
 */
/**
 * Metrics that are proportions, shown as percentages with deltas in points: classification's (SPEC §3, per class
 * too) and generation's exact_match and token_f1. Every other metric (log_loss, brier, scores fields, regression
 * errors, BLEU and chrF on 0–100, loss, perplexity) is a plain number.
 */
const PROPORTION = /^(?:(?:accuracy|balanced_accuracy|specificity|roc_auc|average_precision|exact_match|token_f1|error_rate)|(?:precision|recall|f1)(?:_macro|_micro|_weighted)?|(?:precision|recall|f1)\[[\s\S]*\])$/;
/** Plain numbers with 4 decimals (log_loss and brier, near 0) or 3 (everything else that is not a proportion). */
const FOUR = new Set(['log_loss', 'brier']);
const format_isPlain = (metric) => !PROPORTION.test(metric) || isCount(metric);
/** Counts, shown as whole numbers: support of a class, leaked examples. */
const isCount = (metric) => metric.startsWith('support[') || metric === 'leakage';
const plainDigits = (metric) => (FOUR.has(metric) ? 4 : 3);
const minus = (text) => text.replace(/^-/, '−');
/** A metric's value: `93.2%` for proportions, `0.4123` for log loss, `186` for support. */
function formatValue(metric, value) {
    if (value === null)
        return '—';
    if (isCount(metric))
        return value.toLocaleString('en-US');
    if (format_isPlain(metric))
        return minus(value.toFixed(plainDigits(metric)));
    return `${(100 * value).toFixed(1)}%`;
}
/** A delta: `+1.3 pts`, `−11.8 pts`, or `−0.0123` for log loss. */
function formatDelta(metric, delta) {
    if (delta === null)
        return '—';
    if (format_isPlain(metric))
        return (delta >= 0 ? '+' : '') + minus(delta.toFixed(plainDigits(metric)));
    const pts = 100 * delta;
    const text = Math.abs(pts) < 0.05 ? '0.0' : (pts > 0 ? '+' : '') + minus(pts.toFixed(1));
    return `${text} pts`;
}
/** An interval of a delta: `−16.4 to −7.5 pts`. */
function formatInterval(metric, ci) {
    if (ci === null)
        return '—';
    const [lo, hi] = ci.map((x) => formatDelta(metric, x).replace(/ pts$/, ''));
    return format_isPlain(metric) ? `${lo} to ${hi}` : `${lo} to ${hi} pts`;
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
/** Decimal places of a metric's shown value, in its shown unit (percent for proportions). */
function shownDigits(metric) {
    if (isCount(metric))
        return { scale: 1, digits: 0 };
    if (format_isPlain(metric))
        return { scale: 1, digits: plainDigits(metric) };
    return { scale: 100, digits: 1 };
}
/**
 * The change a reader sees: the difference of the two values as shown (rounded), so that `86.4% → 93.8%` reads
 * `+7.4 pts` even when the unrounded delta is 0.07349. Exact: the two shown texts are read back as integers of
 * their last digit and subtracted. Cost O(1).
 *
 * @example formatShownDelta('precision', 0.86413, 0.93762) // '+7.4 pts'
 * @example formatShownDelta('log_loss', 0.27581, 0.28478) // '+0.0090'
 */
function formatShownDelta(metric, baseline, candidate) {
    if (baseline === null || candidate === null)
        return '—';
    const { scale, digits } = shownDigits(metric);
    const unit = 10 ** digits;
    // From the shown texts themselves, so the change always agrees with the two numbers beside it.
    const shownSteps = (value) => Math.round(Number(formatValue(metric, value).replace('−', '-').replace(/[%,]/g, '')) * unit);
    const steps = shownSteps(candidate) - shownSteps(baseline);
    const text = steps === 0 ? (0).toFixed(digits) : (steps > 0 ? '+' : '−') + (Math.abs(steps) / unit).toFixed(digits);
    return scale === 100 ? `${text} pts` : text;
}
/** `better`, `worse` or `same` for a change as shown (the sign of formatShownDelta and the metric's direction). */
function changeWord(metric, baseline, candidate, direction) {
    const shown = formatShownDelta(metric, baseline, candidate);
    if (shown === '—')
        return '';
    if (!/^[+−]/.test(shown))
        return 'same';
    return shown.startsWith('+') === (direction === 'higher') ? 'better' : 'worse';
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

;// CONCATENATED MODULE: ./src/stats/westfallYoung.ts
/**
 * Westfall–Young step-down minP adjustment of m one-sided p-values from their joint permutation distribution
 * (Westfall & Young 1993, "Resampling-Based Multiple Testing", Algorithm 2.8; Ge, Dudoit & Speed 2003, §4).
 *
 * Each of R resamples (the same random swaps of the two models for every metric) gives every metric a p-value
 * p*ⱼ computed the same way as the observed pⱼ. With the observed p sorted ascending, p(1) ≤ … ≤ p(m), the
 * successive minima q*(i) = min(p*(i), …, p*(m)) are taken over the hypotheses not yet rejected, and
 *   adjusted p(i) = max over l ≤ i of (1 + #{r : q*(l) ≤ p(l)}) / (R + 1),
 * the observed table counting as one of the R + 1 equally likely ones (Phipson & Smyth 2010), so that no
 * adjusted p is 0 and the family-wise error is at most alpha under the complete null (exactly, for the
 * permutation distribution). Where no resample reaches p(i), Holm's (m − i + 1)·p(i) replaces the floor
 * 1/(R + 1) when smaller (see below). Unlike Holm it uses how the metrics move together: for m copies of one metric the
 * adjustment is none, for m independent ones it is Šidák's. It never exceeds the single-step minP value.
 * Cost: O(m log m + R·m).
 *
 * @example westfallYoung([0.01, 0.5], [Float64Array.of(0.2, 0.005, 0.9), Float64Array.of(0.3, 0.6, 0.01)])
 * // [0.5, 0.5]: one resample of three has min(p*) ≤ 0.01 → (1 + 1)/4; then (1 + 1)/4 for the second
 */
function westfallYoung(observed, resampled) {
    const m = observed.length;
    if (m === 0)
        return [];
    const R = resampled[0].length;
    const order = observed.map((_, i) => i).sort((a, b) => observed[a] - observed[b] || a - b);
    const q = new Float64Array(R).fill(Infinity);
    const counts = new Float64Array(m);
    // Walk from the largest observed p down, keeping the running minimum of the resampled p over the hypotheses
    // from rank i to m.
    for (let rank = m - 1; rank >= 0; rank--) {
        const j = order[rank];
        const pj = resampled[j];
        const threshold = observed[j] * (1 + 1e-12);
        let hits = 0;
        for (let r = 0; r < R; r++) {
            const v = pj[r];
            if (v < q[r])
                q[r] = v;
            if (q[r] <= threshold)
                hits++;
        }
        counts[rank] = hits;
    }
    const adjusted = new Array(m);
    let running = 0;
    for (let rank = 0; rank < m; rank++) {
        // No resample reached p(rank): the Monte Carlo value is its floor 1/(R + 1); Holm's (m − rank)·p, when
        // smaller, is a bound on the exact value (each p* is a valid p under the permutation distribution, so
        // P*(min p* ≤ p) ≤ (m − rank)·p). It changes no decision at any alpha ≥ 1/(R + 1), and below that it only
        // rejects what Holm rejects; it keeps a McNemar p of 2e-7 from being shown as 1/(R + 1).
        const floor = (counts[rank] + 1) / (R + 1);
        const step = counts[rank] === 0 ? Math.min(floor, (m - rank) * observed[order[rank]]) : floor;
        running = Math.max(running, step);
        adjusted[order[rank]] = Math.min(1, running);
    }
    return adjusted;
}
/**
 * Permutation p-values of an observed statistic and of each resampled one, among all R + 1 values (the observed
 * included): p(x) = #{values ≥ x − γ} / (R + 1), γ = max(1e-14, 1e-14·|x|) so that ties in floating point count
 * as ties. Larger statistic = more extreme. For the observed value this is (1 + #{r : T*ᵣ ≥ T}) / (R + 1), the
 * usual one-sided permutation p. Cost: O(R log R).
 *
 * @example rankPValues(2, Float64Array.of(1, 3, 2)) // { observed: 0.75, resampled: [1, 0.25, 0.75] }
 */
function rankPValues(observed, resampled) {
    const R = resampled.length;
    const all = new Float64Array(R + 1);
    all.set(resampled);
    all[R] = observed;
    all.sort();
    const atLeast = (x) => {
        const limit = x - Math.max(1e-14, 1e-14 * Math.abs(x));
        // First index with all[i] ≥ limit.
        let lo = 0;
        let hi = R + 1;
        while (lo < hi) {
            const mid = (lo + hi) >>> 1;
            if (all[mid] < limit)
                lo = mid + 1;
            else
                hi = mid;
        }
        return R + 1 - lo;
    };
    const out = new Float64Array(R);
    for (let r = 0; r < R; r++)
        out[r] = atLeast(resampled[r]) / (R + 1);
    return { observed: atLeast(observed) / (R + 1), resampled: out };
}

;// CONCATENATED MODULE: ./src/gates.ts
/**
 * Gates (SPEC §5): rules, one per line or separated by `;`, `#` starting a comment.
 *
 * | rule | passes when |
 * | `METRIC >= X` (`>`, `<=`, `<`) | the candidate's value satisfies it |
 * | `METRIC delta >= X` (any operator) | candidate − baseline satisfies it |
 * | `METRIC no-regression` | not a significant regression: fails only when the change is in the worse direction and its one-sided p, adjusted over all no-regression rules (Westfall–Young minP or Holm, `multiplicity`), is below alpha |
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
        throw new ConfigError(`gate ${quote(text, 120)}: ${why}. Rules look like "recall no-regression", "f1 >= 0.8", "accuracy delta >= -0.01", "recall non-inferior 0.02"`);
    };
    const head = /^([A-Za-z_][A-Za-z0-9_]*)(\[[\s\S]*\])?([\s\S]*)$/.exec(text);
    if (!head)
        return fail('does not start with a metric name');
    const metric = head[1] + (head[2] ?? '');
    const tail = head[3].trim();
    const number = (s, what) => {
        const x = parseDecimal(s);
        if (!Number.isFinite(x))
            fail(`${what} ${quote(s)} is not a number`);
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
    return fail(`cannot read ${quote(tail)}`);
}
function checkMetric(rule, known) {
    if (known.metrics.includes(rule.metric))
        return;
    const perClass = parsePerClass(rule.metric);
    if (perClass) {
        const shown = known.labels.slice(0, 20).map((l) => quote(l)).join(', ') + (known.labels.length > 20 ? ', …' : '');
        throw new ConfigError(`gate ${quote(rule.text, 120)}: unknown class ${quote(perClass.label)}; the classes are ${shown}`);
    }
    if (Object.values(SCORE_METRICS).some((list) => list.includes(rule.metric))) {
        throw new ConfigError(`gate ${quote(rule.text, 120)}: ${rule.metric} needs scores, and the candidate file has none (field "score" or "scores")`);
    }
    throw new ConfigError(`gate ${quote(rule.text, 120)}: unknown metric ${quote(rule.metric)}; known metrics: ${known.metrics.filter((m) => !m.includes('[')).join(', ')}, and per class precision[L], recall[L], f1[L], support[L]`);
}
/**
 * The default adjustment: Holm, as SPEC §5 states it. Westfall–Young is the option: more power on correlated
 * metrics, but its family-wise false-fail rate measured 5.2–5.6 ± 0.7% (README, "Statistics", `npm run calibrate`).
 */
const DEFAULT_MULTIPLICITY = 'holm';
/**
 * Adjusted one-sided p of each tested rule: Westfall–Young step-down minP over the task's joint permutation
 * null when asked and available, else Holm. `note` says why Westfall–Young was not used when it was asked for.
 */
function adjust(tested, metrics, options) {
    const holmP = () => holm(tested.map((r) => metrics[r.metric].pValueWorse));
    const multiplicity = options.multiplicity ?? DEFAULT_MULTIPLICITY;
    if (multiplicity === 'holm' || tested.length === 0)
        return { p: holmP(), method: 'Holm', note: '' };
    // Asked for by name, say why it is not used; as the default, a task without a joint null simply uses Holm.
    const asked = options.multiplicity === 'westfall-young';
    if (!options.joint)
        return { p: holmP(), method: 'Holm', note: asked ? ' (this task has no joint resampling for Westfall–Young)' : '' };
    const names = [...new Set(tested.map((r) => r.metric))];
    const joint = options.joint(names);
    if (typeof joint === 'string')
        return { p: holmP(), method: 'Holm', note: ` (not Westfall–Young: ${joint})` };
    const adjusted = westfallYoung(joint.observed, joint.resampled);
    const byName = new Map(names.map((name, i) => [name, adjusted[i]]));
    // A metric named by two rules is one hypothesis: the same adjusted p for both.
    return { p: tested.map((r) => byName.get(r.metric)), method: 'Westfall–Young', note: '' };
}
const compareOp = (x, op, y) => (op === '>=' ? x >= y : op === '>' ? x > y : op === '<=' ? x <= y : x < y);
/** Evaluates the rules against the metrics of a report. */
function evaluateGates(rules, metrics, options) {
    const { alpha } = options;
    const level = `${Math.round((1 - alpha) * 1000) / 10}%`;
    // Every no-regression rule that has a one-sided p-value, adjusted together (Holm or Westfall–Young).
    const tested = rules.filter((r) => r.kind === 'no-regression' && options.hasBaseline && metrics[r.metric]?.pValueWorse != null);
    const adjusted = new Map();
    const adjustment = adjust(tested, metrics, options);
    adjustment.p.forEach((p, i) => adjusted.set(tested[i], p));
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
            const worse = m.direction === 'higher' ? m.delta < 0 : m.delta > 0;
            const significant = worse && p < alpha;
            const ci = m.ci ? ` (${level} CI ${formatInterval(name, m.ci)})` : '';
            const verdict = significant ? 'significant regression' : worse ? 'not a significant regression' : 'no regression';
            return result(significant ? 'fail' : 'pass', `${change}${ci}, one-sided p ${pText(p)} after ${adjustment.method}${adjustment.note}: ${verdict}`, { observed: m.delta, pValue: p, adjustment: adjustment.method });
        }
        // non-inferior
        const margin = rule.margin;
        const bound = m.worseBound;
        if (bound === null)
            return result('fail', `${change}; ${name} has no confidence bound, so non-inferiority cannot be shown`, { observed: m.delta });
        const higher = m.direction === 'higher';
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
    // The change as the two rounded values beside it show it (86.4% → 93.8% reads 7.4 pts, never 7.3).
    const shown = formatShownDelta(name, m.baseline, m.candidate).replace(/^[+−]/, '');
    const size = /[1-9]/.test(shown) ? shown : 'slightly';
    return `${name} ${verb} ${size}, ${formatValue(name, m.baseline)} → ${formatValue(name, m.candidate)}`;
}

;// CONCATENATED MODULE: external "node:buffer"
const external_node_buffer_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");
;// CONCATENATED MODULE: ./src/read/limits.ts
/**
 * The size limit on one row of a prediction file (a JSONL line, a CSV/TSV record, a JSON array element), so that a
 * hostile file cannot make the reader hold an unbounded string: past the limit the read stops with an InputError
 * naming the line, having held at most the limit and one chunk.
 *
 * The limit counts UTF-8 bytes of the decoded text (an invalid byte, decoded to U+FFFD, counts 3).
 */

/** 64 MiB: far above any real row, far below V8's string limit (~512 MiB on 64-bit Node). */
const MAX_ROW_BYTES = 64 * 1024 * 1024;
/**
 * The row limit: `EVAL_GATE_MAX_LINE_BYTES` (a whole number of bytes) lowers it for tests; it is not an input.
 * @example maxRowBytes({ EVAL_GATE_MAX_LINE_BYTES: '1000' }) // 1000
 */
function maxRowBytes(env = process.env) {
    const raw = env.EVAL_GATE_MAX_LINE_BYTES;
    return raw !== undefined && /^[1-9][0-9]{0,14}$/.test(raw) ? Number(raw) : MAX_ROW_BYTES;
}
/**
 * True when `text` is more than `limit` UTF-8 bytes. Cheap for short text: a UTF-16 unit is 1 to 3 UTF-8 bytes, so
 * the bytes are counted (O(n)) only when `text.length` is between limit/3 and the limit.
 * @example overLimit('é'.repeat(600), 1000) // true (1,200 bytes)
 */
function overLimit(text, limit) {
    if (text.length * 3 <= limit)
        return false;
    return text.length > limit || external_node_buffer_namespaceObject.Buffer.byteLength(text, 'utf8') > limit;
}
/** `67,108,864 bytes` */
function bytes(n) {
    return `${n.toLocaleString('en-US')} bytes`;
}
/**
 * The pieces of one row that spans chunks, with their size. `add` refuses (returns false, keeping nothing more)
 * once the total passes the limit, so the memory held is at most the limit plus the piece being added.
 */
class Pending {
    limit;
    parts = [];
    /** UTF-8 bytes held. */
    size = 0;
    constructor(limit) {
        this.limit = limit;
    }
    get empty() {
        return this.parts.length === 0;
    }
    /** Adds a piece; false when the row would pass the limit. */
    add(piece) {
        if (piece.length === 0)
            return true;
        const n = external_node_buffer_namespaceObject.Buffer.byteLength(piece, 'utf8');
        if (this.size + n > this.limit)
            return false;
        this.parts.push(piece);
        this.size += n;
        return true;
    }
    /** True when the held pieces and `tail` together pass the limit. */
    overWith(tail) {
        if (this.size + tail.length * 3 <= this.limit)
            return false;
        return this.size + tail.length > this.limit || this.size + external_node_buffer_namespaceObject.Buffer.byteLength(tail, 'utf8') > this.limit;
    }
    /** The held pieces joined, then `tail`; empties the holder. */
    take(tail = '') {
        const text = this.parts.length === 1 ? this.parts[0] + tail : this.parts.join('') + tail;
        this.parts = [];
        this.size = 0;
        return text;
    }
}

;// CONCATENATED MODULE: ./src/read/csv.ts
/**
 * CSV (RFC 4180) and TSV. Fields are separated by `,` (CSV) or a tab (TSV); a field may be quoted with `"`, with
 * `""` for a quote inside and newlines allowed inside quotes (TSV accepts the same quoting, as pandas writes it).
 * The first record is the header. CRLF and LF line ends; blank lines skipped. `line` is the physical line where a
 * record starts (the header is line 1). A record (and so any field) is at most `limit` UTF-8 bytes: past it the read
 * stops at the record's line, having held at most the limit and one chunk.
 */


async function readDelimited(chunks, rows, delimiter, limit) {
    let header = null;
    let columns = [];
    const values = [];
    const onRecord = (cells, lineNo) => {
        if (header === null) {
            header = cells.map((c) => c.trim());
            columns = rows.columns.map((column) => header.indexOf(column.name));
            rows.columns.forEach((column, k) => {
                if (column.required && columns[k] < 0)
                    throw new InputError(rows.file, lineNo, column.name, `is missing from the header (columns: ${listColumns(header)})`);
            });
            return;
        }
        if (cells.length !== header.length) {
            throw new InputError(rows.file, lineNo, null, `has ${cells.length} ${cells.length === 1 ? 'cell' : 'cells'}, but the header has ${header.length}`);
        }
        for (let k = 0; k < columns.length; k++)
            values[k] = columns[k] >= 0 ? cells[columns[k]] : undefined;
        rows.add(lineNo, values);
    };
    const parser = new DelimitedParser(rows.file, delimiter, onRecord, limit);
    for await (const chunk of chunks)
        parser.push(chunk);
    parser.end();
    if (header === null)
        throw new InputError(rows.file, null, null, 'is empty: no header and no rows');
}
/**
 * Header cells for a message: each as written when it is printable and short, else quoted (`quote`); at most 20.
 * @example listColumns(['id', 'a\nb']) // 'id, "a\\nb"'
 */
function listColumns(header) {
    const shown = header.slice(0, 20).map((cell) => (cell.length > 0 && isPlain(cell, 40) && !cell.includes(',') ? cell : quote(cell, 40)));
    return shown.join(', ') + (header.length > 20 ? `, … ${header.length - 20} more` : '');
}
/**
 * An incremental RFC 4180 record parser.
 *
 * Method: the complete records of each chunk are parsed at once (a fast path for a line without quotes); a record
 * that a chunk leaves incomplete is held (`Pending`) while later chunks are only scanned for its end (the first
 * line feed after an even number of quotes), then parsed once. So each character is scanned at most three times
 * whatever the chunking: O(n) time, memory at most one record (≤ `limit` bytes) plus a chunk.
 */
class DelimitedParser {
    file;
    delimiter;
    onRecord;
    limit;
    /** The start of a record that the chunks so far have not completed. */
    pending;
    /** Whether the pending text has an odd number of quotes (its end is inside a quoted field). */
    inQuote = false;
    /** Line number of the first character of the pending text (the next record). */
    line = 1;
    constructor(file, delimiter, onRecord, limit = Infinity) {
        this.file = file;
        this.delimiter = delimiter;
        this.onRecord = onRecord;
        this.limit = limit;
        this.pending = new Pending(limit);
    }
    push(chunk) {
        if (this.pending.empty) {
            this.hold(this.parse(chunk, false));
            return;
        }
        if (this.recordEnd(chunk) === -1) {
            if (!this.pending.add(chunk))
                this.overflow(this.pending.take(chunk));
            return;
        }
        this.hold(this.parse(this.pending.take(chunk), false));
    }
    end() {
        if (!this.pending.empty)
            this.parse(this.pending.take(), true);
        this.inQuote = false;
    }
    /** Holds the incomplete record left by `parse` (which has no complete record in it). */
    hold(rest) {
        if (rest.length === 0)
            return;
        this.inQuote = oddQuotes(rest);
        if (!this.pending.add(rest))
            this.refuse(this.inQuote);
    }
    /**
     * Where the pending record ends in `chunk`: the index of the line feed that ends it (outside quotes), or -1,
     * with `inQuote` updated to the state at the end of the chunk.
     */
    recordEnd(chunk) {
        let pos = 0;
        for (;;) {
            const q = chunk.indexOf('"', pos);
            if (!this.inQuote) {
                const nl = chunk.indexOf('\n', pos);
                if (nl !== -1 && (q === -1 || nl < q))
                    return nl;
            }
            if (q === -1)
                return -1;
            this.inQuote = !this.inQuote;
            pos = q + 1;
        }
    }
    /**
     * The held record passed the limit; `text` is it with the chunk that passed it. It is parsed once more first,
     * so that a syntax error in it (a stray quote, which the end scan takes for an opening one) is what is reported.
     */
    overflow(text) {
        const rest = this.parse(text, false);
        // `parse` leaves a record without its line end unread: read what there is of it, for a syntax error.
        if (rest.length > 0)
            this.quotedRecord(rest, 0, false);
        this.hold(rest);
    }
    refuse(inQuote) {
        const limit = bytes(this.limit);
        throw new InputError(this.file, this.line, null, inQuote ? `has a quoted field that is never closed within ${limit}, the limit for one record: refused` : `is longer than ${limit}, the limit for one record: refused`);
    }
    /** Parses the complete records of `text`; returns what is left (an incomplete last record). */
    parse(text, final) {
        let pos = 0;
        const len = text.length;
        /** The first quote at or after `pos` (len when none): searched again only when passed. */
        let quote = -1;
        while (pos < len) {
            const nl = text.indexOf('\n', pos);
            if (nl === -1 && !final)
                break;
            const lineEnd = nl === -1 ? len : nl;
            if (quote < pos) {
                quote = text.indexOf('"', pos);
                if (quote === -1)
                    quote = len;
            }
            if (quote >= lineEnd) {
                // Fast path: a record on one line without quotes.
                if (lineEnd - pos > this.limit / 3 && overLimit(text.slice(pos, lineEnd), this.limit))
                    this.refuse(false);
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
            if (record.next - pos > this.limit / 3) {
                const end = text.charCodeAt(record.next - 1) === 10 ? record.next - 1 : record.next;
                if (overLimit(text.slice(pos, end), this.limit))
                    this.refuse(false);
            }
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
                throw new InputError(this.file, this.line, null, `has a character after a closing quote (${quote(text[i])}); a quote inside a quoted field is written ""`);
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
/** True when `text` has an odd number of `"`. */
function oddQuotes(text) {
    let odd = false;
    for (let q = text.indexOf('"'); q !== -1; q = text.indexOf('"', q + 1))
        odd = !odd;
    return odd;
}

;// CONCATENATED MODULE: ./src/read/sink.ts
/**
 * What a format reader hands its rows to: a task's row builder. The builder names the fields it reads
 * (`columns`); the format finds them (a JSON object's keys, a CSV header) and passes their values in that order.
 * Classification reads id, label, prediction and the scores; the scores task its named fields; generation the
 * reference and generated texts. The formats know nothing else of tasks.
 */
/** The cells of a JSON object row for `columns`, into a reused array. Cost O(columns). */
function objectCells(row, columns, into) {
    for (let k = 0; k < columns.length; k++)
        into[k] = row[columns[k].name];
    return into;
}

;// CONCATENATED MODULE: ./src/read/jsonl.ts
/**
 * JSON Lines: one JSON object per line; blank lines skipped; CRLF accepted. Lines are split by hand on chunk
 * boundaries (faster than readline) and each parsed with JSON.parse. A line is at most `limit` UTF-8 bytes: a
 * longer one stops the read at its line as soon as the limit is passed (memory: the limit plus one chunk).
 */



async function readJsonl(chunks, rows, limit) {
    const cells = [];
    let lineNo = 0;
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
            throw new InputError(rows.file, lineNo, null, `must be a JSON object, got ${describeJson(row)}`);
        }
        rows.add(lineNo, objectCells(row, rows.columns, cells));
    };
    const tooLong = () => new InputError(rows.file, lineNo + 1, null, `is longer than ${bytes(limit)}, the limit for one line: refused`);
    /** The start of a line that the chunks so far have not ended. */
    const pending = new Pending(limit);
    for await (const chunk of chunks) {
        let start = 0;
        let nl = chunk.indexOf('\n');
        if (!pending.empty) {
            if (nl === -1) {
                if (!pending.add(chunk))
                    throw tooLong();
                continue;
            }
            const head = chunk.slice(0, nl);
            if (pending.overWith(head))
                throw tooLong();
            take(pending.take(head));
            start = nl + 1;
            nl = chunk.indexOf('\n', start);
        }
        while (nl !== -1) {
            const line = chunk.slice(start, nl);
            if (overLimit(line, limit))
                throw tooLong();
            take(line);
            start = nl + 1;
            nl = chunk.indexOf('\n', start);
        }
        if (start < chunk.length && !pending.add(start === 0 ? chunk : chunk.slice(start)))
            throw tooLong();
    }
    if (!pending.empty)
        take(pending.take());
}
function isBlank(line) {
    if (line.length === 0)
        return true;
    const c = line.charCodeAt(0);
    if (c === 123)
        return false; // '{': the common case
    return line.trim().length === 0;
}
/**
 * A parsed JSON value that is not an object, for a message: `an array`, `an object`, a number, `true`, `null`, or a
 * string quoted and cut to 80 characters.
 * @example describeJson('x'.repeat(1e6)) // '"xxx…xxx"…' (80 characters of it)
 */
function describeJson(value) {
    if (Array.isArray(value))
        return 'an array';
    if (value === null)
        return 'null';
    if (typeof value === 'object')
        return 'an object';
    if (typeof value === 'string')
        return quote(value);
    return String(value);
}
/**
 * JSON.parse's message without the engine's echo of the input (`Unexpected token 'x', "{"a": x…" is not valid
 * JSON`, or with `..."` when the input is long), with raw control or line characters in it escaped, and cut.
 * @example jsonMessage(new SyntaxError('Unexpected token \'}\', "{"a": }" is not valid JSON')) // "Unexpected token '}'"
 */
function jsonMessage(error) {
    const message = error instanceof Error ? error.message : String(error);
    const echo = message.search(/, (\.\.\.)?"[\s\S]*is not valid JSON$/);
    return inert((echo >= 0 ? message.slice(0, echo) : message).replace(/^JSON\.parse: /, ''), 200);
}

;// CONCATENATED MODULE: ./src/read/json.ts
/**
 * A JSON array of objects, streamed: `JsonArraySplitter` cuts the text, chunk by chunk, into the text of each
 * top-level element, which is then parsed on its own with JSON.parse. A valid array of any size is read with memory
 * for one element (at most the row limit) and one chunk; each element's line is that of its first character.
 */




async function readJsonArray(chunks, rows, limit) {
    const cells = [];
    const splitter = new JsonArraySplitter(rows.file, limit, (text, lineNo, index) => {
        let row;
        try {
            row = JSON.parse(text);
        }
        catch (error) {
            throw new InputError(rows.file, lineNo + linesBefore(text, error), null, `is not valid JSON: ${elementMessage(error)}`);
        }
        if (typeof row !== 'object' || row === null || Array.isArray(row)) {
            throw new InputError(rows.file, lineNo, null, `element ${index} must be a JSON object, got ${describeJson(row)}`);
        }
        rows.add(lineNo, objectCells(row, rows.columns, cells));
    });
    for await (const chunk of chunks)
        splitter.push(chunk);
    splitter.end();
}
/** The newlines in `text` before the position JSON.parse's message names (0 when it names none). */
function linesBefore(text, error) {
    const at = /at position (\d+)/.exec(error instanceof Error ? error.message : '');
    if (!at)
        return 0;
    const end = Math.min(Number(at[1]), text.length);
    let n = 0;
    for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1))
        n++;
    return n;
}
/** JSON.parse's message for one element, without its position in the element's text (the line says where). */
function elementMessage(error) {
    return jsonMessage(error).replace(/ in JSON at position \d+( \(line \d+ column \d+\))?/, '');
}
/** The phases of the scan: before the opening `[`; after `[` or `,` (an element, or right after `[` the closing
 * `]`, comes next); inside an element; after the closing `]` (only whitespace may follow). */
const Phase = { Start: 0, Value: 1, Element: 2, Done: 3 };
/**
 * Cuts a JSON array, arriving as text chunks, into the text of each top-level element.
 *
 * Method: one pass over the characters with a small state machine: the phase, whether the scan is inside a string
 * (and after a backslash), and the stack of open brackets of the current element. An element ends at a `,` or
 * `]` outside any string or bracket of its own. The elements are not validated here (JSON.parse does that, per
 * element); the scanner only finds the boundaries and reports a bracket that closes the wrong kind, a missing or
 * extra element, and text after the array. Cost: O(n) time; memory: one element (at most `limit` UTF-8 bytes, or
 * the read stops) plus the chunk.
 * @example
 * const s = new JsonArraySplitter('a.json', 1 << 20, (text, line, i) => console.log(i, line, text))
 * s.push('[{"a": [1, 2]},\n 3'); s.push(']'); s.end() // 1 1 {"a": [1, 2]} then 2 2  3
 */
class JsonArraySplitter {
    file;
    limit;
    onElement;
    phase = Phase.Start;
    line = 1;
    inString = false;
    escaped = false;
    /** Closing brackets expected, innermost last (char codes of `]` and `}`): one byte a level, so deep nesting
     * costs at most the row limit. */
    stack = new Uint8Array(64);
    depth = 0;
    /** Elements seen so far. */
    count = 0;
    /** Line of the current element's first character. */
    elementLine = 0;
    /** The current element's text from earlier chunks. */
    pending;
    constructor(file, limit, onElement) {
        this.file = file;
        this.limit = limit;
        this.onElement = onElement;
        this.pending = new Pending(limit);
    }
    push(chunk) {
        const len = chunk.length;
        let { phase, line } = this;
        /** Where the current element starts in this chunk (0 when it began in an earlier one). */
        let start = 0;
        let i = 0;
        while (i < len) {
            if (phase === Phase.Element) {
                if (this.inString) {
                    // Skip to the closing quote: the first `"` after an even run of backslashes. (A raw line feed in a
                    // string is invalid JSON, reported by JSON.parse with the element's line; it is not counted here.)
                    if (this.escaped) {
                        this.escaped = false;
                        i++;
                    }
                    let q = chunk.indexOf('"', i);
                    while (q !== -1 && backslashesBefore(chunk, q, i) % 2 === 1)
                        q = chunk.indexOf('"', q + 1);
                    if (q === -1) {
                        this.escaped = backslashesBefore(chunk, len, i) % 2 === 1;
                        i = len;
                        break;
                    }
                    this.inString = false;
                    i = q + 1;
                    continue;
                }
                const c = chunk.charCodeAt(i);
                if (c === 34)
                    this.inString = true;
                else if (c === 123 || c === 91)
                    this.open(c + 2);
                else if (c === 125 || c === 93) {
                    if (this.depth > 0) {
                        const expected = this.stack[--this.depth];
                        if (c !== expected)
                            this.fail(line, `${quote(String.fromCharCode(c))} closes ${quote(expected === 93 ? '[' : '{')}`);
                    }
                    else if (c === 93) {
                        this.finishElement(chunk, start, i);
                        phase = Phase.Done;
                    }
                    else
                        this.fail(line, `${quote('}')} without a matching ${quote('{')}`);
                }
                else if (c === 44 && this.depth === 0) {
                    this.finishElement(chunk, start, i);
                    phase = Phase.Value;
                }
                else if (c === 10)
                    line++;
                i++;
                continue;
            }
            const c = chunk.charCodeAt(i);
            if (isSpace(c)) {
                if (c === 10)
                    line++;
                i++;
                continue;
            }
            if (phase === Phase.Start) {
                if (c !== 91)
                    throw new InputError(this.file, line, null, 'must be a JSON array of objects (one per example)');
                phase = Phase.Value;
            }
            else if (phase === Phase.Value) {
                if (c === 93 && this.count === 0)
                    phase = Phase.Done;
                else if (c === 93 || c === 44) {
                    this.fail(line, c === 93 ? `a ${quote(',')} before the closing ${quote(']')}` : `an empty element (${quote(',')} where a value should be)`);
                }
                else {
                    phase = Phase.Element;
                    this.elementLine = line;
                    start = i;
                    continue; // scan this character as the element's first
                }
            }
            else
                this.fail(line, `text after the closing ${quote(']')}: ${quote(chunk.slice(i, i + 20), 20)}`);
            i++;
        }
        this.phase = phase;
        this.line = line;
        if (phase === Phase.Element && start < len && !this.pending.add(start === 0 ? chunk : chunk.slice(start)))
            this.tooLong(this.count + 1);
    }
    end() {
        switch (this.phase) {
            case Phase.Start:
                throw new InputError(this.file, null, null, 'is empty: no prediction rows');
            case Phase.Value:
                this.fail(this.line, `the array is never closed (${quote(']')} is missing at the end)`);
                break;
            case Phase.Element: {
                // An element the file ends inside: JSON.parse names what is wrong with it (an unclosed string or bracket).
                const text = this.pending.take();
                try {
                    JSON.parse(text);
                }
                catch (error) {
                    throw new InputError(this.file, this.elementLine + linesBefore(text, error), null, `is not valid JSON: ${elementMessage(error)}`);
                }
                this.fail(this.line, `the array is never closed (${quote(']')} is missing at the end)`);
                break;
            }
            case Phase.Done:
                break;
        }
    }
    /** Pushes the closing bracket `closer` (`{` + 2 is `}`, `[` + 2 is `]`). */
    open(closer) {
        if (this.depth === this.stack.length) {
            const grown = new Uint8Array(this.stack.length * 2);
            grown.set(this.stack);
            this.stack = grown;
        }
        this.stack[this.depth++] = closer;
    }
    finishElement(chunk, start, end) {
        const index = this.count + 1;
        // Whitespace between the element and the `,` or `]` is not part of it.
        while (end > start && isSpace(chunk.charCodeAt(end - 1)))
            end--;
        const tail = chunk.slice(start, end);
        let text;
        if (this.pending.empty) {
            if (overLimit(tail, this.limit))
                this.tooLong(index);
            text = tail;
        }
        else {
            if (this.pending.overWith(tail))
                this.tooLong(index);
            text = this.pending.take(tail);
        }
        this.count = index;
        this.onElement(text, this.elementLine, index);
    }
    tooLong(index) {
        throw new InputError(this.file, this.elementLine, null, `element ${index} is longer than ${bytes(this.limit)}, the limit for one element: refused`);
    }
    fail(line, what) {
        throw new InputError(this.file, line, null, `is not valid JSON: ${what}`);
    }
}
/** JSON whitespace: space, tab, line feed, carriage return. */
function isSpace(c) {
    return c === 32 || c === 10 || c === 13 || c === 9;
}
/** The number of backslashes right before `end` in `text`, not looking before `from`. */
function backslashesBefore(text, end, from) {
    let k = end;
    while (k > from && text.charCodeAt(k - 1) === 92)
        k--;
    return end - k;
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

;// CONCATENATED MODULE: ./src/read/describe.ts

/**
 * A value from a file, for a message: `null`, `an array`, `an object`, a quoted string (cut), or the number.
 * @example describe('x\n') // '"x\\n"'
 */
function describe(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'an array';
    if (typeof value === 'object')
        return 'an object';
    if (typeof value === 'string')
        return quote(value);
    return String(value);
}

;// CONCATENATED MODULE: ./src/read/ids.ts
/**
 * The id column of a file, any task (SPEC §1): a string or an integer per row, on every row or on none (and on
 * every row when a baseline is compared). Ids stay numbers while every id is a JSON integer (no text per row),
 * and switch to text at the first other id. Grows with its file's other columns.
 */


class IdColumn {
    file;
    field;
    required;
    textCells;
    cap;
    ids = null;
    /** Ids while every id so far is a safe integer (JSON number); switched to text at the first other id. */
    numericIds = null;
    seen = false;
    constructor(file, field, required, textCells, cap) {
        this.file = file;
        this.field = field;
        this.required = required;
        this.textCells = textCells;
        this.cap = cap;
    }
    /** Row i's id; `firstLine` is the line of row 0, for messages. */
    add(value, lineNo, i, firstLine) {
        if (value === undefined || value === '' || (this.textCells && typeof value === 'string' && value.trim() === '')) {
            if (this.required)
                throw new InputError(this.file, lineNo, this.field, value === undefined ? 'is missing' : 'is empty');
            if (this.seen)
                throw new InputError(this.file, lineNo, this.field, value === undefined ? 'is missing (other rows have an id)' : 'is empty');
            return;
        }
        if (typeof value === 'number' && this.numericIds !== null && Number.isSafeInteger(value)) {
            this.numericIds[i] = value;
            return;
        }
        if (!this.seen && typeof value === 'number' && Number.isSafeInteger(value)) {
            if (i > 0)
                throw new InputError(this.file, lineNo, this.field, `is present, but the earlier rows (from line ${firstLine}) have no id`);
            this.seen = true;
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
            throw new InputError(this.file, lineNo, this.field, `must be a string or an integer, got ${describe(value)}`);
        if (!this.seen) {
            if (i > 0)
                throw new InputError(this.file, lineNo, this.field, `is present, but the earlier rows (from line ${firstLine}) have no id`);
            this.seen = true;
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
    grow(cap) {
        this.cap = cap;
        if (this.numericIds) {
            const b = new Float64Array(cap);
            b.set(this.numericIds);
            this.numericIds = b;
        }
    }
    /** The ids of the n rows, or null when no row has one. */
    finish(n) {
        if (!this.seen)
            return null;
        if (this.numericIds)
            return this.numericIds.slice(0, n);
        const ids = this.ids;
        ids.length = n;
        return ids;
    }
}

;// CONCATENATED MODULE: ./src/read/rows.ts
/**
 * Builds the columns of a PredictionFile row by row, checking each value (SPEC §1): labels and ids normalised to
 * text, scores numbers in [0, 1] on all rows or none. Typed arrays grow by doubling.
 */





/** Labels in one `scores` object, and probabilities in all (rows × labels: 800 MB as doubles). */
const MAX_SCORE_LABELS = 10_000;
const MAX_SCORE_VALUES = 100_000_000;
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
    ids;
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
        this.ids = new IdColumn(file, fields.id, requireId, textCells, this.cap);
    }
    /** id, label, prediction, score (binary, or a scores object in that field) and `scores`. */
    get columns() {
        return (this.columnList ??= [
            { name: this.fields.id, required: false },
            { name: this.fields.label, required: true },
            { name: this.fields.prediction, required: true },
            { name: this.fields.score, required: false },
            { name: 'scores', required: false }
        ]);
    }
    columnList = null;
    /** Adds a row: `cells` in the order of `columns`. */
    add(lineNo, cells) {
        const [id, label, prediction, score, scores] = cells;
        const i = this.n;
        if (i === this.cap)
            this.grow();
        this.line[i] = lineNo;
        this.truth[i] = this.code(label, lineNo, this.fields.label);
        this.pred[i] = this.code(prediction, lineNo, this.fields.prediction);
        this.ids.add(id, lineNo, i, this.line[0]);
        this.addScore(score, scores, lineNo, i);
        this.n = i + 1;
    }
    /** The finished file; an InputError when it has no rows. */
    finish() {
        if (this.n === 0)
            throw new InputError(this.file, null, null, 'is empty: no prediction rows');
        const n = this.n;
        const ids = this.ids.finish(n);
        return {
            name: this.file,
            idField: this.fields.id,
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
        if (this.scoreValues && this.cap * 2 * this.scoreLabels.length > MAX_SCORE_VALUES) {
            throw new InputError(this.file, this.line[this.n - 1], 'scores', `holds more than ${MAX_SCORE_VALUES.toLocaleString('en-US')} probabilities in all (rows × labels): refused; give fewer labels per scores object`);
        }
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
        this.ids.grow(this.cap);
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
            if (keys.length > MAX_SCORE_LABELS) {
                throw new InputError(this.file, lineNo, field, `has ${keys.length.toLocaleString('en-US')} labels; at most ${MAX_SCORE_LABELS.toLocaleString('en-US')} are supported in a scores object`);
            }
            this.scoreLabels = keys;
            this.scoreValues = new Float64Array(this.cap * keys.length);
        }
        const labels = this.scoreLabels;
        const values = this.scoreValues;
        if (keys.length !== labels.length) {
            const extra = keys.find((k) => !labels.includes(k));
            if (extra !== undefined)
                throw new InputError(this.file, lineNo, field, `has the label ${quote(extra)}, which the first row's scores do not have`);
        }
        for (let j = 0; j < labels.length; j++) {
            const v = object[labels[j]];
            if (v === undefined)
                throw new InputError(this.file, lineNo, field, `has no probability for the label ${quote(labels[j])}`);
            values[i * labels.length + j] = this.probability(v, lineNo, `${field}.${labels[j]}`);
        }
    }
    probability(value, lineNo, field) {
        let x;
        if (typeof value === 'number')
            x = value;
        else if (this.textCells && typeof value === 'string')
            x = parseDecimal(value);
        else
            throw new InputError(this.file, lineNo, field, `must be a number in [0, 1], got ${describe(value)}`);
        if (!(x >= 0 && x <= 1))
            throw new InputError(this.file, lineNo, field, `must be a number in [0, 1], got ${describe(value)}`);
        return x;
    }
}
function isObjectCell(value, textCells) {
    if (textCells)
        return typeof value === 'string' && value.trimStart().startsWith('{');
    return typeof value === 'object' && value !== null && !Array.isArray(value);
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
 * InputError naming the file. With `maxUnpackedBytes`, the bytes after the gzip layer (or the plain bytes) are
 * counted as they come and the read stops as soon as they pass it: at most one chunk (1 MiB) past the cap is held.
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
        const cap = source.maxUnpackedBytes;
        if (cap !== undefined && !gzip && source.data && source.data.length > cap)
            throw tooBig(source, false, cap);
        let total = 0;
        for await (const chunk of (gzip ? gunzip(stream) : stream)) {
            total += chunk.length;
            if (cap !== undefined && total > cap)
                throw tooBig(source, gzip, cap);
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
/** The gunzipped bytes of `stream`; an error reading `stream` fails the result too (with `pipe` alone it was an unhandled 'error' event that killed the process, e.g. for a directory named x.jsonl.gz). */
function gunzip(stream) {
    const input = external_node_stream_namespaceObject.Readable.from(stream);
    const output = (0,external_node_zlib_namespaceObject.createGunzip)({ chunkSize: CHUNK });
    input.once('error', (error) => output.destroy(error));
    return input.pipe(output);
}
/** `artifact.zip: predictions.jsonl.gz: unpacks to more than 536,870,912 bytes: refused (a gzip bomb?)` */
function tooBig(source, gzip, cap) {
    return new InputError(source.name, null, null, gzip ? `unpacks to more than ${bytes(cap)}: refused (a gzip bomb?)` : `is larger than ${bytes(cap)}: refused`);
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
 * `.gz` or magic bytes, streamed by chunks; every bad input is an InputError naming file, line and field. Memory is
 * bounded whatever the file: one row (at most the row limit, src/read/limits.ts) plus a chunk, and the columns.
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
/** Reads one prediction file into columns (classification: id, label, prediction, scores). */
async function readPredictions(source, options) {
    const { format } = formatOf(source.name, options.format);
    const rows = new RowBuilder(source.name, options.fields, options.dictionary, options.requireId, format === 'csv' || format === 'tsv');
    await readRows(source, rows, options);
    return rows.finish();
}
/**
 * Streams a file's rows into a task's row builder: the format by extension (or `format`), gzip unpacked, each row
 * at most the row limit. The builder decides which fields it reads and what a bad value is.
 */
async function readRows(source, rows, options) {
    const { format, gzip } = formatOf(source.name, options.format);
    const chunks = textChunks(source, gzip);
    const limit = options.maxRowBytes ?? maxRowBytes();
    switch (format) {
        case 'jsonl':
            return readJsonl(chunks, rows, limit);
        case 'json':
            return readJsonArray(chunks, rows, limit);
        case 'csv':
            return readDelimited(chunks, rows, ',', limit);
        case 'tsv':
            return readDelimited(chunks, rows, '\t', limit);
    }
}
/** True when the format's cells are text as written (CSV, TSV), so numbers are parsed from text. */
function textCells(name, format) {
    const f = formatOf(name, format).format;
    return f === 'csv' || f === 'tsv';
}

;// CONCATENATED MODULE: ./src/checks/hashSet.ts
/**
 * A set of 53-bit hashes in one Float64Array, open addressing with linear probing, grown by doubling at 3/4 load:
 * 8 bytes per slot, at most about 21 bytes per element, whatever the texts hashed (a training file of 10 million
 * rows costs at most 256 MiB per set, never its text). Cost O(1) expected per add and has.
 *
 * @example const s = new HashSet(); s.add(hash53('a')); s.has(hash53('a')) // true
 */
const EMPTY = -1;
class HashSet {
    slots;
    mask;
    size = 0;
    constructor(capacity = 1 << 12) {
        let c = 16;
        while (c < capacity)
            c *= 2;
        this.slots = new Float64Array(c).fill(EMPTY);
        this.mask = c - 1;
    }
    add(h) {
        if ((this.size + 1) * 4 > this.slots.length * 3)
            this.grow();
        if (this.insert(this.slots, this.mask, h))
            this.size++;
    }
    has(h) {
        const slots = this.slots;
        for (let i = slotOf(h, this.mask);; i = (i + 1) & this.mask) {
            const v = slots[i];
            if (v === h)
                return true;
            if (v === EMPTY)
                return false;
        }
    }
    insert(slots, mask, h) {
        for (let i = slotOf(h, mask);; i = (i + 1) & mask) {
            const v = slots[i];
            if (v === h)
                return false;
            if (v === EMPTY) {
                slots[i] = h;
                return true;
            }
        }
    }
    grow() {
        const old = this.slots;
        const slots = new Float64Array(old.length * 2).fill(EMPTY);
        const mask = slots.length - 1;
        for (const v of old)
            if (v !== EMPTY)
                this.insert(slots, mask, v);
        this.slots = slots;
        this.mask = mask;
    }
}
/** The slot of a hash: its low bits (the hash is already mixed). */
const slotOf = (h, mask) => (h % 4294967296) & mask;
/**
 * cyrb53 (bryc, public domain): a 53-bit hash of a string's UTF-16 code units, from two 32-bit MurmurHash3-style
 * lanes. Two different texts share a hash with probability about 2⁻⁵³. Cost O(length).
 *
 * @example hash53('') // 3338908027751811
 */
function hash53(text, seed = 0) {
    let h1 = 0xdeadbeef ^ seed;
    let h2 = 0x41c6ce57 ^ seed;
    for (let i = 0; i < text.length; i++) {
        const ch = text.charCodeAt(i);
        h1 = Math.imul(h1 ^ ch, 2654435761);
        h2 = Math.imul(h2 ^ ch, 1597334677);
    }
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
    h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
    h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

;// CONCATENATED MODULE: ./src/checks/leakage.ts
/**
 * The leakage check (SPEC §14): how many test examples also occur in the training file, by id, or by text after
 * normalisation (Unicode NFKC, case fold, whitespace runs collapsed to one space and trimmed).
 *
 * The training file is streamed once (any format the reader takes); only a 53-bit hash of each id and of each
 * normalised text is kept, in two hash sets (src/checks/hashSet.ts): memory about 8–21 bytes a row and set, never
 * the text, so a training file of 10 million rows fits in a few hundred MB. A hash collision could count a test
 * example as leaked that is not: with 53-bit hashes the chance that any of t test texts collides with any of m
 * training texts is below t·m/2⁵³ (10⁴ test and 10⁷ training rows: about 10⁻⁵). It never hides a real leak.
 * Cost O(training text + test text).
 */




/** How many leaked examples the report names. */
const NAMED = 10;
/**
 * Text as the check compares it: NFKC, case-folded (lower case, plus the folds lower case misses: ß → ss,
 * final ς → σ), whitespace runs as one space, trimmed.
 * @example normalizeText('  Straße\u00a0 ＡＢ ') // 'strasse ab'
 */
function normalizeText(text) {
    return text.normalize('NFKC').toLowerCase().replace(/ß/g, 'ss').replace(/ς/g, 'σ').replace(/\s+/g, ' ').trim();
}
/** Reads the id and text columns of a file into hashes (training), or into lists (the test file). */
class IdTextSink {
    file;
    idField;
    textField;
    keep;
    n = 0;
    columns;
    ids = new HashSet();
    texts = new HashSet();
    list = [];
    constructor(file, idField, textField, 
    /** Keep the rows (the test file) instead of hashing them (the training file). */
    keep) {
        this.file = file;
        this.idField = idField;
        this.textField = textField;
        this.keep = keep;
        this.columns = [{ name: idField, required: false }, ...(textField ? [{ name: textField, required: true }] : [])];
    }
    add(lineNo, cells) {
        const id = cells[0] === undefined || cells[0] === null || cells[0] === '' ? null : String(cells[0]);
        let text = null;
        if (this.textField) {
            const v = cells[1];
            if (typeof v !== 'string')
                throw new InputError(this.file, lineNo, this.textField, v === undefined ? 'is missing' : `must be a string, got ${describe(v)}`);
            text = normalizeText(v);
        }
        this.n++;
        if (this.keep)
            this.list.push({ id, text });
        else {
            if (id !== null)
                this.ids.add(hash53(id));
            if (text !== null)
                this.texts.add(hash53(text));
        }
    }
}
async function leakageCheck(options) {
    const train = new IdTextSink(options.train.name, options.idField, options.textField, false);
    await readRows(options.train, train, {});
    if (train.n === 0)
        throw new InputError(options.train.name, null, null, 'is empty: no training rows');
    const test = new IdTextSink(options.test.name, options.idField, options.textField, true);
    await readRows(options.test, test, { format: options.format });
    const rows = options.rows ?? Array.from({ length: test.list.length }, (_, i) => i);
    let byId = 0;
    let byText = 0;
    let examples = 0;
    const firstIds = [];
    for (let p = 0; p < rows.length; p++) {
        const row = test.list[rows[p]];
        const idHit = row.id !== null && train.ids.size > 0 && train.ids.has(hash53(row.id));
        const textHit = row.text !== null && train.texts.has(hash53(row.text));
        if (idHit)
            byId++;
        if (textHit)
            byText++;
        if (idHit || textHit) {
            examples++;
            if (firstIds.length < NAMED)
                firstIds.push(row.id ?? `row ${rows[p] + 1}`);
        }
    }
    return { trainRows: train.n, tested: rows.length, byId, byText: options.textField ? byText : null, examples, firstIds, textField: options.textField };
}
/** The gateable metric `leakage` (`leakage <= 0`): the count of leaked test examples, lower is better. */
function leakageMetric(l) {
    return { candidate: l.examples, baseline: null, delta: null, ci: null, pValue: null, candidateCi: null, test: null, direction: 'lower', pValueWorse: null, worseBound: null, ciMethod: null };
}
/** A warning naming the leak, when there is one. */
function leakageWarnings(l) {
    if (l.examples === 0)
        return [];
    const how = [`${l.byId.toLocaleString('en-US')} by id`, ...(l.byText !== null ? [`${l.byText.toLocaleString('en-US')} by ${quote(l.textField ?? '')} text`] : [])].join(', ');
    return [
        `Leakage: ${l.examples.toLocaleString('en-US')} of ${l.tested.toLocaleString('en-US')} test examples also occur in the training file (${how}; ` +
            `ids ${l.firstIds.map((id) => quote(id)).join(', ')}${l.examples > l.firstIds.length ? ', …' : ''}): the test set overstates how well the model generalises.`
    ];
}

;// CONCATENATED MODULE: ./src/cells.ts
/** Below this many dense cells (K³), counting goes through a dense array (one pass, no sort). */
const DENSE_CELLS = 1 << 18;
/**
 * Counts the paired examples per cell. `remap[code]` is the report index of a dictionary code.
 * Without a baseline, pass `baseline = null`: the baseline prediction is taken to be the candidate's, so the
 * table still gives the candidate's matrix and its bootstrap.
 * Cost: one pass over the pairs (into a dense table when K³ ≤ 2¹⁸), else that pass and {@link cellsFromTriples}.
 */
function countCells(k, remap, candidate, baseline, pairing) {
    const { truth, pred } = candidate;
    const paired = baseline !== null && pairing !== null;
    const n = paired ? pairing.n : candidate.n;
    if (k * k * k <= DENSE_CELLS) {
        // Few classes (a binary task: 8 cells): count straight into the dense table, no per-example arrays.
        const counts = new Float64Array(k * k * k);
        if (!paired) {
            for (let i = 0; i < n; i++) {
                const c = remap[pred[i]];
                counts[(remap[truth[i]] * k + c) * k + c]++;
            }
        }
        else {
            const bPred = baseline.pred;
            const { cand, base } = pairing;
            for (let p = 0; p < n; p++) {
                const i = cand[p];
                counts[(remap[truth[i]] * k + remap[bPred[base[p]]]) * k + remap[pred[i]]]++;
            }
        }
        return fromDense(k, counts);
    }
    const t = new Int32Array(n);
    const b = new Int32Array(n);
    const c = new Int32Array(n);
    if (!paired) {
        for (let i = 0; i < n; i++) {
            t[i] = remap[truth[i]];
            b[i] = c[i] = remap[pred[i]];
        }
    }
    else {
        const bPred = baseline.pred;
        const { cand, base } = pairing;
        for (let p = 0; p < n; p++) {
            const i = cand[p];
            t[p] = remap[truth[i]];
            b[p] = remap[bPred[base[p]]];
            c[p] = remap[pred[i]];
        }
    }
    return cellsFromTriples(k, t, b, c);
}
/**
 * The sparse cell table of n examples given as three parallel arrays of label indices (each in [0, k)).
 *
 * Method: when K³ is small (≤ 2¹⁸), a dense count and a scan; otherwise an LSD radix sort of the example
 * indices by c, then b, then t (three stable counting sorts), after which equal triples are adjacent and are
 * merged. Never forms the dense index (t·K + b)·K + c, which passes 2⁵³ for K > 208,000.
 * Cost: O(n + K) time and memory (dense case O(n + K³) with K³ ≤ 2¹⁸).
 *
 * @example cellsFromTriples(2, [1, 0, 1], [1, 0, 0], [1, 0, 1]) // t [0, 1, 1], b [0, 0, 1], c [0, 1, 1], count [1, 1, 1]
 */
function cellsFromTriples(k, t, b, c) {
    const n = t.length;
    if (k * k * k <= DENSE_CELLS) {
        const counts = new Float64Array(k * k * k);
        for (let i = 0; i < n; i++)
            counts[(t[i] * k + b[i]) * k + c[i]]++;
        return fromDense(k, counts);
    }
    let order = new Int32Array(n);
    let next = new Int32Array(n);
    for (let i = 0; i < n; i++)
        order[i] = i;
    const bucket = new Int32Array(k + 1);
    for (const key of [c, b, t]) {
        bucket.fill(0);
        for (let i = 0; i < n; i++)
            bucket[key[i] + 1]++;
        for (let v = 0; v < k; v++)
            bucket[v + 1] += bucket[v];
        for (let i = 0; i < n; i++) {
            const row = order[i];
            next[bucket[key[row]]++] = row;
        }
        ;
        [order, next] = [next, order];
    }
    let size = 0;
    for (let i = 0; i < n; i++) {
        const r = order[i];
        const q = i > 0 ? order[i - 1] : -1;
        if (q < 0 || t[r] !== t[q] || b[r] !== b[q] || c[r] !== c[q])
            size++;
    }
    const out = empty(k, size);
    let j = -1;
    for (let i = 0; i < n; i++) {
        const r = order[i];
        const q = i > 0 ? order[i - 1] : -1;
        if (q < 0 || t[r] !== t[q] || b[r] !== b[q] || c[r] !== c[q]) {
            j++;
            out.t[j] = t[r];
            out.b[j] = b[r];
            out.c[j] = c[r];
        }
        out.count[j]++;
    }
    out.total = n;
    return out;
}
/**
 * The sparse table of a dense count array indexed (t·k + b)·k + c (zero cells dropped; counts must be ≥ 0).
 * Cost O(k³).
 * @example fromDense(2, [3, 0, 0, 0, 0, 0, 0, 2]).size // 2
 */
function fromDense(k, counts) {
    let size = 0;
    for (let j = 0; j < counts.length; j++)
        if (counts[j] !== 0)
            size++;
    const out = empty(k, size);
    let i = 0;
    for (let j = 0; j < counts.length; j++) {
        const x = counts[j];
        if (x === 0)
            continue;
        out.t[i] = (j / (k * k)) | 0;
        out.b[i] = ((j / k) | 0) % k;
        out.c[i] = j % k;
        out.count[i++] = x;
        out.total += x;
    }
    return out;
}
function empty(k, size) {
    return { k, size, total: 0, t: new Int32Array(size), b: new Int32Array(size), c: new Int32Array(size), count: new Float64Array(size) };
}
/**
 * Every class's 2×2×2 table of "is the class" (index 1) against the rest (index 0), as k blocks of 8 counts,
 * block L at [8L, 8L + 8), index (t₂·2 + b₂)·2 + c₂ within it.
 *
 * Method: a cell (t, b, c) lies in the off-(0,0,0) part of the tables of the (at most three) distinct classes
 * among t, b, c, and in cell (0,0,0) of every other class, which is then n minus the rest of the block.
 * Cost: O(cells + K), against O(K³) per class for collapsing the dense table.
 *
 * @example classTables(fromDense(2, [3, 0, 0, 0, 0, 0, 0, 2])).slice(8, 16) // class 1: [3, 0, 0, 0, 0, 0, 0, 2]
 */
function classTables(table) {
    const { k, size, t, b, c, count } = table;
    const out = new Float64Array(k * 8);
    for (let j = 0; j < size; j++) {
        const tt = t[j];
        const bb = b[j];
        const cc = c[j];
        const x = count[j];
        out[tt * 8 + 4 + (bb === tt ? 2 : 0) + (cc === tt ? 1 : 0)] += x;
        if (bb !== tt)
            out[bb * 8 + 2 + (cc === bb ? 1 : 0)] += x;
        if (cc !== tt && cc !== bb)
            out[cc * 8 + 1] += x;
    }
    for (let l = 0; l < k; l++) {
        let rest = 0;
        for (let i = 1; i < 8; i++)
            rest += out[l * 8 + i];
        out[l * 8] = table.total - rest;
    }
    return out;
}
/**
 * The 2×2×2 table of class `label` against the rest (index 1 = is the class), for per-class metrics.
 * Cost O(cells); {@link classTables} gives every class at once.
 */
function collapseCells(table, label) {
    const out = new Float64Array(8);
    const { size, t, b, c, count } = table;
    for (let j = 0; j < size; j++)
        out[((t[j] === label ? 1 : 0) * 2 + (b[j] === label ? 1 : 0)) * 2 + (c[j] === label ? 1 : 0)] += count[j];
    return out;
}
/**
 * The McNemar counts of the examples whose true label is in `truths` (all when null).
 * Cost O(cells + K) ({@link discordantByClass} gives every class at once).
 */
function discordant(table, truths) {
    const { size, t, b: pb, c: pc, count } = table;
    let inSet = null;
    if (truths !== null) {
        inSet = new Uint8Array(table.k);
        for (const x of truths)
            inSet[x] = 1;
    }
    let b = 0;
    let c = 0;
    let n = 0;
    let bothRight = 0;
    for (let j = 0; j < size; j++) {
        const tt = t[j];
        if (inSet !== null && inSet[tt] === 0)
            continue;
        const x = count[j];
        n += x;
        const baseRight = pb[j] === tt;
        const candRight = pc[j] === tt;
        if (baseRight && !candRight)
            b += x;
        else if (!baseRight && candRight)
            c += x;
        else if (baseRight && candRight)
            bothRight += x;
    }
    return { b, c, n, bothRight };
}
/**
 * {@link discordant} of each true class alone, for every class in one pass. Cost O(cells + K).
 * @example discordantByClass(fromDense(2, [3, 0, 0, 0, 0, 0, 0, 2])).bothRight // [3, 2]
 */
function discordantByClass(table) {
    const { k, size, t, b: pb, c: pc, count } = table;
    const out = { b: new Float64Array(k), c: new Float64Array(k), n: new Float64Array(k), bothRight: new Float64Array(k) };
    for (let j = 0; j < size; j++) {
        const tt = t[j];
        const x = count[j];
        out.n[tt] += x;
        const baseRight = pb[j] === tt;
        const candRight = pc[j] === tt;
        if (baseRight && !candRight)
            out.b[tt] += x;
        else if (!baseRight && candRight)
            out.c[tt] += x;
        else if (baseRight && candRight)
            out.bothRight[tt] += x;
    }
    return out;
}
/**
 * The non-zero entries of the baseline and candidate confusion matrices, each as [true, predicted, count]
 * sorted by (true, predicted). Cost O(cells·log(cells)).
 */
function confusionEntries(table) {
    const of = (pred) => {
        const map = new Map();
        for (let j = 0; j < table.size; j++) {
            let row = map.get(table.t[j]);
            if (!row)
                map.set(table.t[j], (row = new Map()));
            row.set(pred[j], (row.get(pred[j]) ?? 0) + table.count[j]);
        }
        const out = [];
        for (const [t, row] of [...map].sort((x, y) => x[0] - y[0])) {
            for (const [p, x] of [...row].sort((u, v) => u[0] - v[0]))
                out.push([t, p, x]);
        }
        return out;
    };
    return { baseline: of(table.b), candidate: of(table.c) };
}

;// CONCATENATED MODULE: ./src/pair.ts
/**
 * Pairing by id (SPEC §4): the candidate's rows are matched with the baseline's rows of the same id. Examples
 * whose true label differs between the two files are left out and counted as label conflicts; examples on one
 * side only are counted and the first few named.
 */


/** The classification files' truth test: the same label code. */
const sameLabel = (candidate, baseline) => (i, j) => candidate.truth[i] === baseline.truth[j];
/** How many ids of one-sided or conflicting examples a warning names. */
const NAMED_IDS = 5;
/**
 * Pairs two prediction files by id. Throws an InputError naming both lines for a duplicate id.
 *
 * Cost: O(n) with a fast path when both files list the same ids in the same strictly increasing order (no map
 * at all); otherwise one Map over the baseline's ids.
 */
function pairByIds(candidate, baseline, sameTruth) {
    let cIds = requireIds(candidate);
    let bIds = requireIds(baseline);
    if (cIds instanceof Float64Array !== bIds instanceof Float64Array) {
        // One file has integer ids, the other text: compare as text (17 and "17" are the same id).
        cIds = asText(cIds);
        bIds = asText(bIds);
    }
    if (sameStrictlyIncreasing(cIds, bIds))
        return pairInOrder(candidate, sameTruth);
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
        if (!sameTruth(i, j)) {
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
    return new InputError(file.name, file.line[second], file.idField, `repeats the id ${quote(String(id))} of line ${file.line[first]}`);
}
function pairInOrder(candidate, sameTruth) {
    const cand = new Uint32Array(candidate.n);
    const base = new Uint32Array(candidate.n);
    const ids = candidate.ids;
    let n = 0;
    let conflicts = 0;
    const conflictIds = [];
    for (let i = 0; i < candidate.n; i++) {
        if (!sameTruth(i, i)) {
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
        const file = await readPredictions(request.source, { format: request.format, fields: request.fields, dictionary, requireId: request.requireId, maxRowBytes: request.maxRowBytes });
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
    const request = { evalGateRead: true, source, format: options.format, fields: options.fields, requireId: options.requireId, maxRowBytes: options.maxRowBytes };
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
 * A (1 − alpha) interval of a proportion-like estimate θ ∈ (0, 1) with standard error se, made on the logit scale
 * and transformed back (delta method: se of logit θ̂ = se / (θ̂(1 − θ̂)); Pepe 2003, "The Statistical Evaluation of
 * Medical Tests", §5.2.4; Qin & Hotilovac 2008, Stat. Methods Med. Res. 17, 207–221, for the AUC). It stays in
 * (0, 1) and is longer on the side away from the nearer bound, where a plain Wald interval misses most.
 * θ̂ = 0 or 1, or se = 0: the point itself. Cost O(1).
 * @example logitInterval(0.9, 0.02, 0.05) // [0.8535, 0.9332] (expit(logit 0.9 ∓ 1.96·0.02/0.09))
 */
function logitInterval(theta, se, alpha) {
    if (!(theta > 0 && theta < 1) || !(se > 0))
        return [theta, theta];
    const z = normalQuantile(1 - alpha / 2);
    const center = Math.log(theta / (1 - theta));
    const half = (z * se) / (theta * (1 - theta));
    const expit = (x) => 1 / (1 + Math.exp(-x));
    return [expit(center - half), expit(center + half)];
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
        ciB: logitInterval(b.auc, seB, alpha)
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
function binomialPmf(x, n, p) {
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

;// CONCATENATED MODULE: ./src/stats/logScaleInterval.ts
/**
 * A (1 − alpha) interval of the mean of positive, right-skewed values (per-example log losses), made on the log
 * scale and transformed back: log x̄ ± t(1 − alpha/2, n − 1)·se/x̄, with se = s/√n (delta method: the standard
 * error of log x̄ is se/x̄). The interval is x̄·exp(∓ t·se/x̄): longer above the mean than below, as the sampling
 * distribution of a mean of skewed losses is, where the symmetric t interval misses mostly on the upper side
 * (a sample that drew few of the rare large losses has both a low mean and a low s). Always positive.
 * Cost: O(n) (two passes, as pairedT).
 *
 * @example logScaleTInterval(Float64Array.of(0.1, 0.2, 0.3, 1.4), 0.05)
 * // [0.0728, 3.4347]: x̄ = 0.5, se = 0.3028, t(0.975, 3) = 3.1824, 0.5·exp(∓3.1824·0.3028/0.5)
 */

function logScaleTInterval(values, alpha) {
    const t = pairedT(values, alpha);
    if (!t)
        return null;
    if (!(t.mean > 0) || t.se === 0)
        return t.ci;
    // pairedT's half-width is q·se; the same quantile on the log scale.
    const q = (t.ci[1] - t.mean) / t.se;
    const half = (q * t.se) / t.mean;
    return [t.mean * Math.exp(-half), t.mean * Math.exp(half)];
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
 * The statistics stage for score metrics (SPEC §3–4): `roc_auc` with DeLong's paired test and interval (the
 * candidate's own on the logit scale), `log_loss` and `brier` with the paired t-test on per-example loss
 * differences (and a t interval; the candidate's log loss gets a log-scale t interval), and
 * `average_precision` with the paired bootstrap and approximate randomization (src/stats/scoreResampling.ts).
 * Values are on the paired examples only.
 */







const scoreStatistics_empty = (name) => ({
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
        const m = scoreStatistics_empty(name);
        m.candidate = finite(mean(cand));
        // Log loss is a mean of right-skewed losses: its interval is made on the log scale.
        if (name === 'log_loss') {
            m.candidateCi = logScaleTInterval(cand, alpha);
            if (m.candidateCi)
                m.candidateCiMethod = 'log-t';
        }
        else
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
        const auc = scoreStatistics_empty('roc_auc');
        const delong = delongPaired(pos, base ?? cand, cand, alpha, orderB, orderC);
        // DeLong's placements give the AUCs themselves (the Mann–Whitney statistic); no second pass.
        auc.candidate = delong ? delong.aucB : rocAuc(pos, cand, orderC);
        if (delong) {
            auc.candidateCi = delong.ciB;
            auc.candidateCiMethod = 'delong-logit';
        }
        if (base) {
            auc.baseline = delong ? delong.aucA : null;
            if (auc.candidate !== null && auc.baseline !== null && delong) {
                auc.delta = auc.candidate - auc.baseline;
                setTest(auc, 'delong', { ci: delong.ci, pValue: delong.pValue, pValueWorse: delong.pLess, worseBound: delong.lower });
            }
        }
        out.set('roc_auc', auc);
        const ap = scoreStatistics_empty('average_precision');
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
        // A Map, not indexOf per label: O(K), not O(K²), for a file with 100,000 labels in its scores.
        const position = new Map();
        labels.forEach((l, i) => position.has(l) || position.set(l, i));
        const column = ctx.labels.map((l) => position.get(l) ?? -1);
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
    const auc = scoreStatistics_empty('roc_auc');
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
/** Up to this many classes Cohen's kappa sums the expected disagreement cell by cell (scikit-learn's order). */
const KAPPA_DENSE_K = 64;
/**
 * Cohen's kappa as scikit-learn computes it: 1 − Σ w·C / Σ w·E with w = 1 − I and E = outer(col sums, row sums)/n.
 * The observed disagreement Σ w·C is n − trace; the expected one needs only the row and column sums.
 * Method: for K ≤ 64, Σ_{t≠p} P_t·T_p / n term by term in row-major order, O(K²); above, the same sum in closed
 * form (n² − Σ_t P_t·T_t) / n, O(K), exact in integers below 2⁵³ and rounded once (so it may differ from the
 * term-by-term sum in the last bits). NaN (reported as null) when the expected disagreement is 0, as scikit-learn
 * returns nan.
 * @example kappa of [[3, 1], [2, 4]]: observed 3, expected (P₀·T₁ + P₁·T₀) / n = (5·6 + 5·4) / 10 = 5, kappa 1 − 3/5 = 0.4
 */
function cohenKappa(s) {
    const k = s.k;
    const n = s.total;
    const observed = n - s.correct;
    let expected = 0;
    if (k <= KAPPA_DENSE_K) {
        for (let t = 0; t < k; t++) {
            for (let p = 0; p < k; p++) {
                if (t === p)
                    continue;
                expected += (s.predicted[t] * s.truth[p]) / n;
            }
        }
    }
    else {
        let same = 0;
        for (let c = 0; c < k; c++)
            same += s.predicted[c] * s.truth[c];
        expected = (n * n - same) / n;
    }
    return 1 - observed / expected;
}
/*
 * The averages below spell out precisionOf, recallOf and f1Of in their loops (the same operations in the same
 * order, so the same values): they run once per resample over every class, and a call per class and metric
 * was most of the cost of resampling 400 classes.
 */
/** Precision averaged over classes: macro (mean), weighted (by support), micro (Σtp / Σpredicted). Cost O(K). */
function precisionAvg(s, average) {
    if (average === 'micro')
        return safeDiv(s.correct, s.total);
    const { k, tp, predicted, truth } = s;
    let sum = 0;
    if (average === 'macro') {
        for (let c = 0; c < k; c++)
            sum += predicted[c] === 0 ? 0 : tp[c] / predicted[c];
        return safeDiv(sum, k);
    }
    for (let c = 0; c < k; c++)
        sum += (predicted[c] === 0 ? 0 : tp[c] / predicted[c]) * truth[c];
    return safeDiv(sum, s.total);
}
/** Recall averaged over classes: macro, weighted, micro (Σtp / Σsupport). Cost O(K). */
function recallAvg(s, average) {
    if (average === 'micro')
        return safeDiv(s.correct, s.total);
    const { k, tp, truth } = s;
    let sum = 0;
    if (average === 'macro') {
        for (let c = 0; c < k; c++)
            sum += truth[c] === 0 ? 0 : tp[c] / truth[c];
        return safeDiv(sum, k);
    }
    for (let c = 0; c < k; c++)
        sum += (truth[c] === 0 ? 0 : tp[c] / truth[c]) * truth[c];
    return safeDiv(sum, s.total);
}
/**
 * F1 averaged over classes: macro and weighted average the per-class F1; micro is F1 of the micro P and R.
 * Cost O(K).
 * @example macro F1 of [[3, 1], [2, 4]]: class F1s 2·(3/5)(3/4)/(3/5 + 3/4) = 2/3 and 8/11, mean 0.696969…
 */
function f1Avg(s, average) {
    if (average === 'micro') {
        const p = precisionAvg(s, 'micro');
        const r = recallAvg(s, 'micro');
        return p + r === 0 ? 0 : (2 * p * r) / (p + r);
    }
    const { k, tp, predicted, truth } = s;
    let sum = 0;
    for (let c = 0; c < k; c++) {
        const p = predicted[c] === 0 ? 0 : tp[c] / predicted[c];
        const r = truth[c] === 0 ? 0 : tp[c] / truth[c];
        const denom = p + r;
        const f = denom === 0 ? 0 : (2 * p * r) / denom;
        sum += average === 'macro' ? f : f * truth[c];
    }
    return average === 'macro' ? safeDiv(sum, k) : safeDiv(sum, s.total);
}

;// CONCATENATED MODULE: ./src/metrics/classification.ts

/**
 * The aggregate metrics for a task. Binary: `precision`, `recall`, `f1` are of the positive class and
 * `specificity` the recall of the negative one; multiclass: `precision`, `recall`, `f1` are macro averages.
 */
function aggregateMetrics(task, k, positive) {
    const list = [
        { name: 'accuracy', fn: (s) => accuracy(s) },
        { name: 'balanced_accuracy', fn: (s) => balancedAccuracy(s) },
        { name: 'mcc', fn: (s) => mcc(s) },
        { name: 'cohen_kappa', fn: (s) => cohenKappa(s) }
    ];
    if (task === 'binary' && positive !== null) {
        const negative = k === 2 ? 1 - positive : -1;
        list.push({ name: 'precision', fn: (s) => precisionOf(s, positive) }, { name: 'recall', fn: (s) => recallOf(s, positive) }, { name: 'f1', fn: (s) => f1Of(s, positive) }, { name: 'specificity', fn: (s) => (negative < 0 ? 0 : recallOf(s, negative)) });
    }
    else {
        list.push({ name: 'precision', fn: (s) => precisionAvg(s, 'macro'), average: { of: 'precision', average: 'macro' } }, { name: 'recall', fn: (s) => recallAvg(s, 'macro'), average: { of: 'recall', average: 'macro' } }, { name: 'f1', fn: (s) => f1Avg(s, 'macro'), average: { of: 'f1', average: 'macro' } });
    }
    for (const average of ['macro', 'micro', 'weighted']) {
        const tag = (of) => (average === 'micro' ? {} : { average: { of, average } });
        list.push({ name: `precision_${average}`, fn: (s) => precisionAvg(s, average), ...tag('precision') }, { name: `recall_${average}`, fn: (s) => recallAvg(s, average), ...tag('recall') }, { name: `f1_${average}`, fn: (s) => f1Avg(s, average), ...tag('f1') });
    }
    return list;
}
/**
 * Evaluates a list of metrics on one set of sums, `out[i] = metrics[i].fn(s)`, computing each class's precision,
 * recall and F1 once for all the macro and weighted averages in the list (nine of them in a multiclass run) and
 * summing them in the same order as precisionAvg, recallAvg and f1Avg, so the values are the same to the bit.
 * Cost O(K + metrics·K) additions per call, against O(metrics·K) divisions for the metrics one by one.
 * @example evaluator(aggregateMetrics('multiclass', 3, null), 3)(classSums(cm, 3), out) // out[i] = metrics[i].fn(…)
 */
function evaluator(metrics, k) {
    if (!metrics.some((m) => m.average)) {
        return (s, out) => {
            for (let i = 0; i < metrics.length; i++)
                out[i] = metrics[i].fn(s);
        };
    }
    const values = { precision: new Float64Array(k), recall: new Float64Array(k), f1: new Float64Array(k) };
    return (s, out) => {
        const { tp, predicted, truth } = s;
        for (let c = 0; c < k; c++) {
            const p = predicted[c] === 0 ? 0 : tp[c] / predicted[c];
            const r = truth[c] === 0 ? 0 : tp[c] / truth[c];
            const denom = p + r;
            values.precision[c] = p;
            values.recall[c] = r;
            values.f1[c] = denom === 0 ? 0 : (2 * p * r) / denom;
        }
        for (let i = 0; i < metrics.length; i++) {
            const a = metrics[i].average;
            if (!a) {
                out[i] = metrics[i].fn(s);
                continue;
            }
            const v = values[a.of];
            let sum = 0;
            if (a.average === 'macro') {
                for (let c = 0; c < k; c++)
                    sum += v[c];
                out[i] = k === 0 ? 0 : sum / k;
            }
            else {
                for (let c = 0; c < k; c++)
                    sum += v[c] * truth[c];
                out[i] = s.total === 0 ? 0 : sum / s.total;
            }
        }
    };
}
/**
 * Per-class metrics of one class: of class `c` of the matrix they are evaluated on (1 on the collapsed 2×2
 * matrix of the class against the rest). `support` is the true count.
 */
function perClassMetrics(label, c = 1) {
    return [
        { name: `precision[${label}]`, fn: (s) => precisionOf(s, c) },
        { name: `recall[${label}]`, fn: (s) => recallOf(s, c) },
        { name: `f1[${label}]`, fn: (s) => f1Of(s, c) },
        { name: `support[${label}]`, fn: (s) => s.truth[c] }
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
    return new Map(metrics.map((m) => [m.name, m.fn(s)]));
}

;// CONCATENATED MODULE: ./src/stats/mcnemar.ts
/**
 * McNemar's exact test for paired proportions (McNemar 1947; exact form: the discordant pairs are
 * Bin(b + c, 1/2) under "no difference").
 *
 * b = examples only the baseline gets right, c = only the candidate. With X ~ Bin(b + c, 1/2):
 * - two-sided, as statsmodels `mcnemar(table, exact=True)`: p = min(1, 2·P(X ≤ min(b, c))); b = c = 0 gives 1.
 * - one-sided for a drop (candidate worse): p = P(X ≤ c), as scipy `binomtest(c, b + c, 0.5, alternative="less")`.
 * - mid-p (Fagerland, Lydersen & Laake 2013): 2·P(X ≤ min(b, c)) − P(X = min(b, c)); one-sided P(X < c) + ½P(X = c).
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
    let t = binomialPmf(k, m, 0.5);
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
 * Mid-p McNemar, two-sided (Fagerland, Lydersen & Laake 2013, BMC Med Res Methodol 13:91, eq. 4):
 * 2·P(X ≤ k) − P(X = k) with k = min(b, c), capped at 1 (b = c gives 1, as the exact test does). The exact
 * test's p less half the probability of the observed table, on each side; in their study it never exceeded the
 * nominal level. Cost: that of {@link mcnemarExact}.
 * @example mcnemarMidP(1, 7) // 0.0390625 (their worked example: AHR before and after transplantation, n = 21)
 */
function mcnemarMidP(b, c) {
    if (b + c === 0)
        return 1;
    const k = Math.min(b, c);
    const m = b + c;
    if (2 * k >= m)
        return 1;
    return Math.min(1, 2 * binomialHalfCdf(k, m) - binomialHalfPmf(k, m));
}
/**
 * One-sided mid-p for "the candidate is worse": P(X < c) + ½·P(X = c), X ~ Bin(b + c, 1/2) (Lancaster 1961;
 * the one-sided form of Fagerland et al. 2013); b = c = 0 gives 1.
 * @example mcnemarDropMidP(7, 1) // 0.01953125 (= 1/256 + 8/512)
 */
function mcnemarDropMidP(b, c) {
    if (b + c === 0)
        return 1;
    return binomialHalfCdf(c, b + c) - 0.5 * binomialHalfPmf(c, b + c);
}
/** The default (README, "Statistics": chosen from the calibration numbers of `npm run calibrate`). */
const DEFAULT_MCNEMAR = 'exact';
/** The two-sided and one-sided (drop) p-value functions and the `test` name of a method. */
function mcnemarMethod(method) {
    return method === 'mid-p'
        ? { twoSided: mcnemarMidP, drop: mcnemarDropMidP, test: 'mcnemar-mid-p' }
        : { twoSided: mcnemarExact, drop: mcnemarDrop, test: 'mcnemar-exact' };
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




/** Empty sums for k classes. */
function newClassSums(k) {
    return { k, total: 0, correct: 0, truth: new Float64Array(k), predicted: new Float64Array(k), tp: new Float64Array(k) };
}
/**
 * Row, column and diagonal sums of one model's confusion matrix (`baseline` or `candidate`), straight from the
 * cells. Cost O(cells + K); the counts are integers, so the sums are exact in any order.
 * @example classSumsOfCells(fromDense(2, [3, 0, 0, 0, 0, 0, 0, 2]), 'candidate').tp // [3, 2]
 */
function classSumsOfCells(cells, model, out = newClassSums(cells.k)) {
    const pred = model === 'baseline' ? cells.b : cells.c;
    out.truth.fill(0);
    out.predicted.fill(0);
    out.tp.fill(0);
    let correct = 0;
    for (let j = 0; j < cells.size; j++) {
        const x = cells.count[j];
        const t = cells.t[j];
        const p = pred[j];
        out.truth[t] += x;
        out.predicted[p] += x;
        if (p === t) {
            out.tp[t] += x;
            correct += x;
        }
    }
    out.total = cells.total;
    out.correct = correct;
    return out;
}
/**
 * Baseline and candidate confusion matrices (dense K×K, rows true) of a cell table. Cost O(cells + K²): for
 * reports and tests, never inside a resampling loop.
 */
function confusionMatrices(cells) {
    const { k } = cells;
    const baseline = new Float64Array(k * k);
    const candidate = new Float64Array(k * k);
    for (let j = 0; j < cells.size; j++) {
        const x = cells.count[j];
        baseline[cells.t[j] * k + cells.b[j]] += x;
        candidate[cells.t[j] * k + cells.c[j]] += x;
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
    const perClass = family.perClass === true;
    const boot = perClass ? bootstrapClass(family, R, settings.seed) : bootstrapDraws(family, R, settings.seed);
    const perm = withTest ? (perClass ? permutationClass : permutationHits)(family, observed, directions, R, settings.seed) : null;
    const out = new Map();
    const { alpha } = settings;
    metrics.forEach((m, i) => {
        const obs = observed[i];
        const worseHigh = directions(m.name) === 'lower';
        if (Number.isNaN(obs) || (perClass && i === CLASS_SUPPORT)) {
            out.set(m.name, { ci: null, candidateCi: null, worseBound: null, pValue: null, pValueWorse: null });
            return;
        }
        const deltas = resample_finite(boot.deltas[i]);
        const cands = resample_finite(boot.candidates[i]);
        // The same order statistics a sort would give (quantileSorted7 of the sorted values), found by selection.
        const d = deltas.length > 0 ? quantiles(deltas, [alpha / 2, 1 - alpha / 2, worseHigh ? 1 - alpha : alpha]) : null;
        const own = cands.length > 0 && (!perClass || i === CLASS_F1) ? quantiles(cands, [alpha / 2, 1 - alpha / 2]) : null;
        out.set(m.name, {
            ci: d ? [d[0], d[1]] : null,
            candidateCi: own ? [own[0], own[1]] : null,
            worseBound: d ? d[2] : null,
            pValue: perm ? (perm.twoSided[i] + 1) / (R + 1) : null,
            pValueWorse: perm ? (perm.worse[i] + 1) / (R + 1) : null
        });
    });
    return out;
}
/**
 * Type-7 quantiles (as quantileSorted7 of the sorted values) at each probability, by selection instead of a
 * full sort: the order statistics ⌊h⌋ and ⌊h⌋ + 1 (h = (n − 1)·p) are found by Hoare's quickselect, each
 * search confined to the part right of the previous one. Reorders `values`; no NaN allowed.
 * Cost: O(n) expected per probability, against O(n log n) for the sort.
 * @example quantiles(Float64Array.of(4, 1, 3, 2), [0.25, 0.75]) // [1.75, 3.25]
 */
function quantiles(values, ps) {
    const n = values.length;
    const ranks = new Set();
    for (const p of ps) {
        const lo = Math.floor((n - 1) * p);
        if (lo >= n - 1)
            ranks.add(n - 1);
        else
            ranks.add(lo).add(lo + 1);
    }
    const at = new Map();
    let from = 0;
    for (const rank of [...ranks].sort((a, b) => a - b)) {
        resample_select(values, from, n - 1, rank);
        at.set(rank, values[rank]);
        from = rank + 1;
    }
    return ps.map((p) => {
        const h = (n - 1) * p;
        const lo = Math.floor(h);
        if (lo >= n - 1)
            return at.get(n - 1);
        const x = at.get(lo);
        return x + (h - lo) * (at.get(lo + 1) - x);
    });
}
/** Puts the order statistic `rank` of values[left..right] at `rank`, smaller ones left of it, larger right (Hoare). */
function resample_select(a, left, right, rank) {
    while (right > left) {
        const pivot = a[(left + right) >>> 1];
        let i = left;
        let j = right;
        while (i <= j) {
            while (a[i] < pivot)
                i++;
            while (a[j] > pivot)
                j--;
            if (i <= j) {
                const x = a[i];
                a[i] = a[j];
                a[j] = x;
                i++;
                j--;
            }
        }
        if (rank <= j)
            right = j;
        else if (rank >= i)
            left = i;
        else
            return;
    }
}
/** Observed candidate − baseline of each metric. */
function observe(family) {
    const sb = classSumsOfCells(family.cells, 'baseline');
    const sc = classSumsOfCells(family.cells, 'candidate');
    return Float64Array.from(family.metrics, (m) => m.fn(sc) - m.fn(sb));
}
/** Positions of the cells, largest count first, ties in index order (the order the conditional binomial method wants). */
function largestFirst(cells) {
    const order = Int32Array.from({ length: cells.size }, (_, j) => j);
    const { count } = cells;
    order.sort((a, b) => count[b] - count[a] || a - b);
    return order;
}
/** R bootstrap resamples: per metric, the deltas and the candidate's values. */
function bootstrapDraws(family, R, seed) {
    const { cells, metrics } = family;
    const rng = streamFor(seed, `bootstrap:${family.name}`);
    const order = largestFirst(cells);
    const m = order.length;
    const weights = Float64Array.from(order, (j) => cells.count[j]);
    const ts = Int32Array.from(order, (j) => cells.t[j]);
    const bs = Int32Array.from(order, (j) => cells.b[j]);
    const cs = Int32Array.from(order, (j) => cells.c[j]);
    let n = 0;
    for (const w of weights)
        n += w;
    const draw = new Float64Array(m);
    const sB = newClassSums(cells.k);
    const sC = newClassSums(cells.k);
    const deltas = metrics.map(() => new Float64Array(R));
    const candidates = metrics.map(() => new Float64Array(R));
    const evaluate = evaluator(metrics, cells.k);
    const vB = new Float64Array(metrics.length);
    const vC = new Float64Array(metrics.length);
    for (let r = 0; r < R; r++) {
        multinomial(rng, n, weights, draw);
        sB.truth.fill(0);
        sB.predicted.fill(0);
        sB.tp.fill(0);
        sC.predicted.fill(0);
        sC.tp.fill(0);
        let total = 0;
        let correctB = 0;
        let correctC = 0;
        for (let j = 0; j < m; j++) {
            const x = draw[j];
            if (x === 0)
                continue;
            const t = ts[j];
            const b = bs[j];
            const c = cs[j];
            total += x;
            sB.truth[t] += x;
            sB.predicted[b] += x;
            sC.predicted[c] += x;
            if (b === t) {
                sB.tp[t] += x;
                correctB += x;
            }
            if (c === t) {
                sC.tp[t] += x;
                correctC += x;
            }
        }
        sC.truth.set(sB.truth);
        sB.total = sC.total = total;
        sB.correct = correctB;
        sC.correct = correctC;
        evaluate(sB, vB);
        evaluate(sC, vC);
        for (let i = 0; i < metrics.length; i++) {
            deltas[i][r] = vC[i] - vB[i];
            candidates[i][r] = vC[i];
        }
    }
    return { deltas, candidates };
}
/**
 * R random swaps: per metric, how often |δ*| ≥ |δ| − γ (two-sided) and δ* is at least as far on the worse
 * side as δ (one-sided), with γ = max(1e-14, 1e-14·|δ|) so that ties in floating point count as hits.
 * A swap of s of the examples of cell (t, b, c) moves them to (t, c, b): the baseline predicts c instead of b
 * and the candidate b instead of c, so only the predicted and diagonal sums of classes b and c change.
 */
function permutationHits(family, observed, directions, R, seed) {
    const { cells, metrics } = family;
    const rng = streamFor(seed, `permutation:${family.name}`);
    // The off-diagonal (b ≠ c) non-empty cells, in index order: one binomial each per resample.
    const source = [];
    for (let j = 0; j < cells.size; j++)
        if (cells.b[j] !== cells.c[j])
            source.push(j);
    const ts = Int32Array.from(source, (j) => cells.t[j]);
    const bs = Int32Array.from(source, (j) => cells.b[j]);
    const cs = Int32Array.from(source, (j) => cells.c[j]);
    const ns = Float64Array.from(source, (j) => cells.count[j]);
    const b0 = classSumsOfCells(cells, 'baseline');
    const c0 = classSumsOfCells(cells, 'candidate');
    const sB = classSumsOfCells(cells, 'baseline');
    const sC = classSumsOfCells(cells, 'candidate');
    const twoSided = new Float64Array(metrics.length);
    const worse = new Float64Array(metrics.length);
    const gamma = Float64Array.from(observed, (d) => Math.max(1e-14, 1e-14 * Math.abs(d)));
    const lowerBetter = metrics.map((m) => directions(m.name) === 'lower');
    const evaluate = evaluator(metrics, cells.k);
    const vB = new Float64Array(metrics.length);
    const vC = new Float64Array(metrics.length);
    for (let r = 0; r < R; r++) {
        sB.predicted.set(b0.predicted);
        sB.tp.set(b0.tp);
        sC.predicted.set(c0.predicted);
        sC.tp.set(c0.tp);
        let correctB = b0.correct;
        let correctC = c0.correct;
        for (let j = 0; j < ns.length; j++) {
            const s = binomial(rng, ns[j], 0.5);
            if (s === 0)
                continue;
            const t = ts[j];
            const b = bs[j];
            const c = cs[j];
            sB.predicted[b] -= s;
            sB.predicted[c] += s;
            sC.predicted[c] -= s;
            sC.predicted[b] += s;
            if (b === t) {
                sB.tp[t] -= s;
                sC.tp[t] += s;
                correctB -= s;
                correctC += s;
            }
            else if (c === t) {
                sB.tp[t] += s;
                sC.tp[t] -= s;
                correctB += s;
                correctC -= s;
            }
        }
        sB.correct = correctB;
        sC.correct = correctC;
        evaluate(sB, vB);
        evaluate(sC, vC);
        for (let i = 0; i < metrics.length; i++) {
            const d = vC[i] - vB[i];
            const obs = observed[i];
            if (Math.abs(d) >= Math.abs(obs) - gamma[i])
                twoSided[i]++;
            if (lowerBetter[i] ? d >= obs - gamma[i] : d <= obs + gamma[i])
                worse[i]++;
        }
    }
    return { twoSided, worse };
}
/** Positions of precision, recall, f1 and support in `perClassMetrics`. */
const CLASS_PRECISION = 0;
const CLASS_RECALL = 1;
const CLASS_F1 = 2;
const CLASS_SUPPORT = 3;
/** Precision, recall and F1 of a class from its counts, as precisionOf, recallOf and f1Of compute them. */
function classMetrics(truth, predicted, tp, out) {
    const p = predicted === 0 ? 0 : tp / predicted;
    const r = truth === 0 ? 0 : tp / truth;
    const denom = p + r;
    out[CLASS_PRECISION] = p;
    out[CLASS_RECALL] = r;
    out[CLASS_F1] = denom === 0 ? 0 : (2 * p * r) / denom;
}
/** {@link bootstrapDraws} of a `perClass` family: the counts of class 1 only, no support. */
function bootstrapClass(family, R, seed) {
    const { cells } = family;
    const rng = streamFor(seed, `bootstrap:${family.name}`);
    const order = largestFirst(cells);
    const m = order.length;
    const weights = Float64Array.from(order, (j) => cells.count[j]);
    const isT = Uint8Array.from(order, (j) => cells.t[j]);
    const isB = Uint8Array.from(order, (j) => cells.b[j]);
    const isC = Uint8Array.from(order, (j) => cells.c[j]);
    let n = 0;
    for (const w of weights)
        n += w;
    const draw = new Float64Array(m);
    const deltas = [new Float64Array(R), new Float64Array(R), new Float64Array(R), new Float64Array(0)];
    const candidates = [new Float64Array(R), new Float64Array(R), new Float64Array(R), new Float64Array(0)];
    const vB = new Float64Array(3);
    const vC = new Float64Array(3);
    for (let r = 0; r < R; r++) {
        multinomial(rng, n, weights, draw);
        let truth = 0;
        let predB = 0;
        let predC = 0;
        let tpB = 0;
        let tpC = 0;
        for (let j = 0; j < m; j++) {
            const x = draw[j];
            if (x === 0)
                continue;
            if (isB[j])
                predB += x;
            if (isC[j])
                predC += x;
            if (isT[j]) {
                truth += x;
                if (isB[j])
                    tpB += x;
                if (isC[j])
                    tpC += x;
            }
        }
        classMetrics(truth, predB, tpB, vB);
        classMetrics(truth, predC, tpC, vC);
        for (let i = 0; i < 3; i++) {
            deltas[i][r] = vC[i] - vB[i];
            candidates[i][r] = vC[i];
        }
    }
    return { deltas, candidates };
}
/** {@link permutationHits} of a `perClass` family: a swap in cell (t, b, c), b ≠ c, moves class-1 counts between the models. */
function permutationClass(family, observed, directions, R, seed) {
    const { cells, metrics } = family;
    const rng = streamFor(seed, `permutation:${family.name}`);
    const source = [];
    for (let j = 0; j < cells.size; j++)
        if (cells.b[j] !== cells.c[j])
            source.push(j);
    const ns = Float64Array.from(source, (j) => cells.count[j]);
    // +1: the baseline predicted the class and the candidate did not (b = 1, c = 0); −1 the other way.
    const dir = Int8Array.from(source, (j) => (cells.b[j] === 1 ? 1 : -1));
    const isT = Uint8Array.from(source, (j) => cells.t[j]);
    const sB = classSumsOfCells(cells, 'baseline');
    const sC = classSumsOfCells(cells, 'candidate');
    const truth = sB.truth[1];
    const twoSided = new Float64Array(metrics.length);
    const worse = new Float64Array(metrics.length);
    const gamma = Float64Array.from(observed, (d) => Math.max(1e-14, 1e-14 * Math.abs(d)));
    const lowerBetter = metrics.map((m) => directions(m.name) === 'lower');
    const vB = new Float64Array(3);
    const vC = new Float64Array(3);
    for (let r = 0; r < R; r++) {
        let predB = sB.predicted[1];
        let predC = sC.predicted[1];
        let tpB = sB.tp[1];
        let tpC = sC.tp[1];
        for (let j = 0; j < ns.length; j++) {
            const s = binomial(rng, ns[j], 0.5);
            if (s === 0)
                continue;
            const moved = dir[j] * s;
            predB -= moved;
            predC += moved;
            if (isT[j]) {
                tpB -= moved;
                tpC += moved;
            }
        }
        classMetrics(truth, predB, tpB, vB);
        classMetrics(truth, predC, tpC, vC);
        for (let i = 0; i < 3; i++) {
            const d = vC[i] - vB[i];
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
    const n = values.length;
    let m = 0;
    for (let i = 0; i < n; i++)
        if (values[i] === values[i])
            m++;
    if (m === n)
        return values;
    const out = new Float64Array(m);
    let j = 0;
    for (let i = 0; i < n; i++)
        if (values[i] === values[i])
            out[j++] = values[i];
    return out;
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
 *   the examples of that true class (mid-p McNemar with `mcnemar: 'mid-p'`).
 * - every other metric: paired approximate randomization over the cells (src/stats/resample.ts).
 * - `candidateCi`: Wilson for accuracy, precision, recall, specificity (and per-class precision/recall);
 *   bootstrap percentile otherwise.
 */






/** Up to this many classes (K³ = 64 cells), per-class metrics are resampled on the full table. */
const SMALL_K = 4;
/**
 * Work caps, so that no input file can make a run take minutes (SECURITY.md: the candidate file is the pull
 * request's own). Per-class families: classes × resamples; above the cap only the classes named in gates are
 * resampled. The full table: (non-empty cells + classes) × resamples, the cost of a resample; above the cap it
 * is resampled fewer times. Every number given is the one an uncapped run gives (each family has its own
 * random stream), except that a capped table has fewer resamples; a warning says what was capped.
 */
const CLASS_RESAMPLE_CAP = 5_000_000;
const TABLE_RESAMPLE_CAP = 50_000_000;
/**
 * The McNemar restriction of a metric, as {@link confusionStatistics} tests it: `all` for accuracy, the true
 * class's index for recall, specificity (binary, two classes) and recall[L]; null for a metric tested otherwise.
 */
function mcnemarRestriction(name, ctx) {
    if (name === 'accuracy')
        return 'all';
    if (ctx.task === 'binary' && ctx.positive !== null) {
        if (name === 'recall')
            return ctx.positive;
        if (name === 'specificity' && ctx.k === 2)
            return 1 - ctx.positive;
    }
    const perClass = parsePerClass(name);
    if (perClass?.metric !== 'recall')
        return null;
    const i = ctx.labels.indexOf(perClass.label);
    return i >= 0 ? i : null;
}
/** MetricReports of every confusion-matrix metric, aggregate and per class, in report order. */
function confusionStatistics(ctx, settings) {
    const { k } = ctx.table;
    const R = settings.resamples;
    const warnings = [];
    const aggregate = aggregateMetrics(ctx.task, k, ctx.positive);
    const out = new Map();
    const caps = ctx.caps ?? { classes: CLASS_RESAMPLE_CAP, table: TABLE_RESAMPLE_CAP };
    const perResample = ctx.table.size + k;
    const tableR = perResample * R > caps.table ? Math.min(R, Math.max(100, Math.floor(caps.table / perResample))) : R;
    if (tableR < R) {
        warnings.push(`The metrics over all classes were resampled ${tableR.toLocaleString('en-US')} times, not ${R.toLocaleString('en-US')}: ` +
            `the table of (true label, baseline, candidate) has ${ctx.table.size.toLocaleString('en-US')} distinct cells over ` +
            `${k.toLocaleString('en-US')} classes, and each resample costs one pass over them.`);
    }
    // With few classes the whole table is as small as a class's collapsed one: resample the per-class metrics
    // with the aggregate ones. With many, each class gets its own 8-cell table.
    if (k <= SMALL_K) {
        const metrics = [...aggregate, ...ctx.labels.flatMap((label, i) => perClassMetrics(label, i))];
        report(ctx, { name: 'table', cells: ctx.table, metrics }, { ...settings, resamples: tableR }, true, out);
    }
    else {
        report(ctx, { name: 'table', cells: ctx.table, metrics: aggregate }, { ...settings, resamples: tableR }, true, out);
        const blocks = classTables(ctx.table);
        const everyClass = k * R <= caps.classes;
        const gated = ctx.gatedClasses ?? new Set();
        ctx.labels.forEach((label, i) => {
            const cells = fromDense(2, blocks.subarray(i * 8, i * 8 + 8));
            report(ctx, { name: `class:${label}`, cells, metrics: perClassMetrics(label), perClass: true }, settings, everyClass || gated.has(i), out);
        });
        if (!everyClass) {
            warnings.push(`Per-class metrics of ${k.toLocaleString('en-US')} classes with ${R.toLocaleString('en-US')} resamples each would take too long: ` +
                `their bootstrap intervals and permutation p-values are left out${gated.size > 0 ? ' except for the classes named in gates' : ''} ` +
                `(values, Wilson intervals and the McNemar test of recall[L] are given). With resamples at most ` +
                `${Math.max(1, Math.floor(caps.classes / k)).toLocaleString('en-US')} every class gets them.`);
        }
    }
    applyExactTests(ctx, out, settings.alpha);
    return { metrics: out, warnings };
}
/** Values of a family's metrics for both models, and (when `resample`) their intervals and p-values, into `out`. */
function report(ctx, family, settings, resample, out) {
    const values = familyValues(family);
    const resampled = resample ? resampleFamily(family, direction, settings, ctx.hasBaseline) : new Map();
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
function familyValues(family) {
    const sb = classSumsOfCells(family.cells, 'baseline');
    const sc = classSumsOfCells(family.cells, 'candidate');
    return new Map(family.metrics.map((m) => [m.name, { candidate: m.fn(sc), baseline: m.fn(sb) }]));
}
const finiteOrNull = (x) => (Number.isFinite(x) ? x : null);
/** McNemar p-values and Wilson intervals where SPEC §4 asks for them. Cost O(cells + K). */
function applyExactTests(ctx, out, alpha) {
    const { table, labels } = ctx;
    const method = mcnemarMethod(ctx.mcnemar ?? DEFAULT_MCNEMAR);
    const mcnemar = (name, d) => {
        const m = out.get(name);
        if (!m)
            return;
        m.candidateCi = wilson(d.bothRight + d.c, d.n, alpha);
        if (!ctx.hasBaseline)
            return;
        m.pValue = method.twoSided(d.b, d.c);
        m.pValueWorse = method.drop(d.b, d.c);
        m.test = method.test;
    };
    const wilsonOf = (name, successes, trials) => {
        const m = out.get(name);
        if (m)
            m.candidateCi = wilson(successes, trials, alpha);
    };
    const s = classSumsOfCells(table, 'candidate');
    const byClass = discordantByClass(table);
    const ofClass = (i) => ({ b: byClass.b[i], c: byClass.c[i], n: byClass.n[i], bothRight: byClass.bothRight[i] });
    mcnemar('accuracy', discordant(table, null));
    labels.forEach((label, i) => {
        mcnemar(`recall[${label}]`, ofClass(i));
        wilsonOf(`precision[${label}]`, s.tp[i], s.predicted[i]);
    });
    if (ctx.task === 'binary' && ctx.positive !== null) {
        const pos = ctx.positive;
        mcnemar('recall', ofClass(pos));
        wilsonOf('precision', s.tp[pos], s.predicted[pos]);
        if (table.k === 2)
            mcnemar('specificity', ofClass(1 - pos));
    }
}

;// CONCATENATED MODULE: ./src/stats/jointPermutation.ts



/** Example-resamples of work allowed for the per-example sampler (R·n); see {@link jointResamples}. */
const JOINT_WORK = 100_000_000;
/** Fewer joint resamples than this and Westfall–Young is not used (the minP resolution would be too coarse). */
const MIN_JOINT_RESAMPLES = 1000;
/** The joint resamples the per-example sampler gets for n examples: R up to R·n ≤ JOINT_WORK. */
function jointResamples(resamples, n) {
    return Math.min(resamples, Math.floor(JOINT_WORK / Math.max(1, n)));
}
/**
 * Observed and R resampled one-sided p-values of `metrics` under the same random swaps.
 * Cost: O(R·(cells + K·metrics)) with confusion metrics only; O(R·n) otherwise.
 */
function jointPermutation(data, metrics, R, rng) {
    const perExample = metrics.some((m) => m.kind === 'loss' || m.kind === 'auc');
    if (perExample && !data.examples)
        throw new Error('jointPermutation: score metrics need the per-example cells');
    const { cells } = data;
    const b0 = classSumsOfCells(cells, 'baseline');
    const c0 = classSumsOfCells(cells, 'candidate');
    const sB = classSumsOfCells(cells, 'baseline');
    const sC = classSumsOfCells(cells, 'candidate');
    const discordantOf = metrics.map((m) => (m.kind === 'mcnemar' ? discordantCount(cells, m.cls) : 0));
    const stats = metrics.map(() => new Float64Array(R));
    const mcnemarP = metrics.map((m) => (m.kind === 'mcnemar' ? new Float64Array(R) : null));
    const losses = metrics.map((m) => (m.kind === 'loss' ? m.d : null));
    const lossTotal = losses.map((d) => (d ? sum(d) : 0));
    const aucWalk = data.auc ? mergedWalk(data.auc) : null;
    /** Statistic (larger = worse) or, for McNemar, the p-value, of metric i from the current sums. */
    const value = (i, lossSum, auc) => {
        const m = metrics[i];
        switch (m.kind) {
            case 'confusion': {
                const d = m.metric.fn(sC) - m.metric.fn(sB);
                const worse = m.lowerBetter ? d : -d;
                return Number.isNaN(worse) ? -Infinity : worse;
            }
            case 'mcnemar': {
                const diff = m.cls === null ? sB.correct - sC.correct : sB.tp[m.cls] - sC.tp[m.cls];
                const D = discordantOf[i];
                return m.drop((D + diff) / 2, (D - diff) / 2);
            }
            case 'loss':
                return lossSum;
            case 'auc':
                return -auc;
        }
    };
    const observedValues = metrics.map((m, i) => value(i, lossTotal[i], aucWalk ? aucWalk.delta(null) : NaN));
    const reset = () => {
        sB.predicted.set(b0.predicted);
        sB.tp.set(b0.tp);
        sC.predicted.set(c0.predicted);
        sC.tp.set(c0.tp);
        sB.correct = b0.correct;
        sC.correct = c0.correct;
    };
    /** Moves s examples of cell (t, b, c) to (t, c, b). */
    const move = (t, b, c, s) => {
        sB.predicted[b] -= s;
        sB.predicted[c] += s;
        sC.predicted[c] -= s;
        sC.predicted[b] += s;
        if (b === t) {
            sB.tp[t] -= s;
            sC.tp[t] += s;
            sB.correct -= s;
            sC.correct += s;
        }
        else if (c === t) {
            sB.tp[t] += s;
            sC.tp[t] -= s;
            sB.correct += s;
            sC.correct -= s;
        }
    };
    if (!perExample) {
        const source = [];
        for (let j = 0; j < cells.size; j++)
            if (cells.b[j] !== cells.c[j])
                source.push(j);
        for (let r = 0; r < R; r++) {
            reset();
            for (const j of source) {
                const s = binomial(rng, cells.count[j], 0.5);
                if (s !== 0)
                    move(cells.t[j], cells.b[j], cells.c[j], s);
            }
            record(r, NaN);
        }
    }
    else {
        const ex = data.examples;
        const n = ex.t.length;
        const bits = new Uint32Array(Math.ceil(n / 32));
        const discordantExamples = [];
        for (let e = 0; e < n; e++)
            if (ex.b[e] !== ex.c[e])
                discordantExamples.push(e);
        const lossIndex = losses.map((d, i) => (d ? i : -1)).filter((i) => i >= 0);
        const lossSums = new Float64Array(metrics.length);
        for (let r = 0; r < R; r++) {
            for (let w = 0; w < bits.length; w++)
                bits[w] = rng.nextUint32();
            reset();
            for (const e of discordantExamples)
                if ((bits[e >>> 5] >>> (e & 31)) & 1)
                    move(ex.t[e], ex.b[e], ex.c[e], 1);
            for (const i of lossIndex) {
                const d = losses[i];
                let swapped = 0;
                for (let e = 0; e < n; e++)
                    if ((bits[e >>> 5] >>> (e & 31)) & 1)
                        swapped += d[e];
                lossSums[i] = lossTotal[i] - 2 * swapped;
            }
            for (let i = 0; i < metrics.length; i++)
                if (metrics[i].kind === 'loss')
                    stats[i][r] = lossSums[i];
            record(r, aucWalk ? aucWalk.delta(bits) : NaN);
        }
    }
    /** Resample r's statistic (or McNemar p) of every metric but the losses (set by the loop). */
    function record(r, auc) {
        for (let i = 0; i < metrics.length; i++) {
            if (metrics[i].kind === 'loss')
                continue;
            const v = value(i, 0, auc);
            const p = mcnemarP[i];
            if (p)
                p[r] = v;
            else
                stats[i][r] = v;
        }
    }
    const observed = [];
    const resampled = [];
    metrics.forEach((m, i) => {
        const p = mcnemarP[i];
        if (p) {
            observed.push(observedValues[i]);
            resampled.push(p);
        }
        else {
            const ranked = rankPValues(observedValues[i], stats[i]);
            observed.push(ranked.observed);
            resampled.push(ranked.resampled);
        }
    });
    return { resamples: R, observed, resampled };
}
/** b + c of McNemar's table on all examples (cls null) or on those of true class cls. Invariant under swaps. */
function discordantCount(cells, cls) {
    let D = 0;
    for (let j = 0; j < cells.size; j++) {
        const t = cells.t[j];
        if (cls !== null && t !== cls)
            continue;
        if ((cells.b[j] === t) !== (cells.c[j] === t))
            D += cells.count[j];
    }
    return D;
}
function sum(d) {
    let s = 0;
    for (let i = 0; i < d.length; i++)
        s += d[i];
    return s;
}
/**
 * Both models' scores in one ascending list of 2n entries; `delta(bits)` walks it once and gives
 * AUC_candidate − AUC_baseline after swapping the scores of the examples whose bit is set (null: none).
 * Mann–Whitney form with ties counted ½: U = Σ over positives of (negatives below + ½ negatives tied), the
 * negatives of the same model. Cost O(n log n) once, O(n) per call.
 */
function mergedWalk(auc) {
    const { positive, baseline, candidate } = auc;
    const n = positive.length;
    const score = new Float64Array(2 * n);
    for (let e = 0; e < n; e++) {
        score[e] = baseline[e];
        score[n + e] = candidate[e];
    }
    const order = Uint32Array.from({ length: 2 * n }, (_, i) => i).sort((a, b) => score[a] - score[b] || a - b);
    const example = new Uint32Array(2 * n);
    const isCand = new Uint8Array(2 * n);
    const pos = new Uint8Array(2 * n);
    const last = new Uint8Array(2 * n);
    for (let k = 0; k < 2 * n; k++) {
        const i = order[k];
        example[k] = i < n ? i : i - n;
        isCand[k] = i < n ? 0 : 1;
        pos[k] = positive[example[k]];
        last[k] = k === 2 * n - 1 || score[order[k + 1]] !== score[i] ? 1 : 0;
    }
    let P = 0;
    for (let e = 0; e < n; e++)
        P += positive[e];
    const N = n - P;
    return {
        delta(bits) {
            if (P === 0 || N === 0)
                return NaN;
            let negBelowB = 0;
            let negBelowC = 0;
            let uB = 0;
            let uC = 0;
            let posB = 0;
            let negB = 0;
            let posC = 0;
            let negC = 0;
            for (let k = 0; k < 2 * n; k++) {
                const e = example[k];
                const toCand = bits === null ? isCand[k] : isCand[k] ^ ((bits[e >>> 5] >>> (e & 31)) & 1);
                if (toCand) {
                    if (pos[k])
                        posC++;
                    else
                        negC++;
                }
                else if (pos[k])
                    posB++;
                else
                    negB++;
                if (last[k]) {
                    uB += posB * (negBelowB + 0.5 * negB);
                    uC += posC * (negBelowC + 0.5 * negC);
                    negBelowB += negB;
                    negBelowC += negC;
                    posB = negB = posC = negC = 0;
                }
            }
            return (uC - uB) / (P * N);
        }
    };
}

;// CONCATENATED MODULE: ./src/stats/classificationJoint.ts







/** A JointNull over the run's metrics; each call resamples the metrics it is asked for. */
function classificationJoint(ctx) {
    return (names) => {
        const k = ctx.table.k;
        const aggregate = new Map(aggregateMetrics(ctx.task, k, ctx.positive).map((m) => [m.name, m]));
        const drop = mcnemarMethod(ctx.mcnemar).drop;
        const binaryScores = ctx.task === 'binary' && ctx.positive !== null && ctx.candidate.score !== null && ctx.baseline.score !== null;
        const metrics = [];
        let needsScores = false;
        let positive = null;
        const positives = () => {
            if (!positive) {
                const { cand } = ctx.pairing;
                positive = new Uint8Array(ctx.pairing.n);
                for (let p = 0; p < ctx.pairing.n; p++)
                    positive[p] = ctx.remap[ctx.candidate.truth[cand[p]]] === ctx.positive ? 1 : 0;
            }
            return positive;
        };
        const scoresOf = (file, rows) => {
            const out = new Float64Array(rows.length);
            const score = file.score;
            for (let p = 0; p < rows.length; p++)
                out[p] = score[rows[p]];
            return out;
        };
        let cand = null;
        let base = null;
        const scores = () => {
            cand ??= scoresOf(ctx.candidate, ctx.pairing.cand);
            base ??= scoresOf(ctx.baseline, ctx.pairing.base);
            return [base, cand];
        };
        for (const name of names) {
            const restriction = mcnemarRestriction(name, { task: ctx.task, labels: ctx.labels, positive: ctx.positive, k });
            if (restriction !== null) {
                metrics.push({ kind: 'mcnemar', name, cls: restriction === 'all' ? null : restriction, drop });
                continue;
            }
            const cm = aggregate.get(name) ?? perClassMetric(name, ctx.labels);
            if (cm) {
                metrics.push({ kind: 'confusion', name, metric: cm, lowerBetter: direction(name) === 'lower' });
                continue;
            }
            if (binaryScores && (name === 'log_loss' || name === 'brier')) {
                const [b, c] = scores();
                const loss = name === 'log_loss' ? logLossesBinary : brierLosses;
                const lc = loss(positives(), c);
                const lb = loss(positives(), b);
                const d = new Float64Array(lc.length);
                for (let i = 0; i < d.length; i++)
                    d[i] = lc[i] - lb[i];
                metrics.push({ kind: 'loss', name, d });
                needsScores = true;
                continue;
            }
            if (binaryScores && name === 'roc_auc') {
                metrics.push({ kind: 'auc', name });
                needsScores = true;
                continue;
            }
            return `${name} has no joint permutation resampling`;
        }
        const data = { cells: ctx.table };
        let R = ctx.resamples;
        // The cell sampler costs (cells + K per metric) per resample: capped as the table's own resampling is.
        const perResample = ctx.table.size + k * metrics.length;
        if (perResample * R > TABLE_RESAMPLE_CAP) {
            R = Math.floor(TABLE_RESAMPLE_CAP / perResample);
            if (R < Math.min(MIN_JOINT_RESAMPLES, ctx.resamples)) {
                return `${ctx.table.size.toLocaleString('en-US')} distinct cells over ${k.toLocaleString('en-US')} classes would allow only ${R.toLocaleString('en-US')} joint resamples`;
            }
        }
        if (needsScores) {
            const n = ctx.pairing.n;
            R = Math.min(R, jointResamples(ctx.resamples, n));
            if (R < Math.min(MIN_JOINT_RESAMPLES, ctx.resamples)) {
                return `${n.toLocaleString('en-US')} examples with score metrics would allow only ${R.toLocaleString('en-US')} joint resamples`;
            }
            data.examples = examplesOf(ctx);
            if (metrics.some((m) => m.kind === 'auc')) {
                const [b, c] = scores();
                data.auc = { positive: positives(), baseline: b, candidate: c };
            }
        }
        return jointPermutation(data, metrics, R, streamFor(ctx.seed, 'joint:westfall-young'));
    };
}
function perClassMetric(name, labels) {
    const parsed = parsePerClass(name);
    if (!parsed || parsed.metric === 'support')
        return null;
    const i = labels.indexOf(parsed.label);
    if (i < 0)
        return null;
    return perClassMetrics(parsed.label, i).find((m) => m.name === name) ?? null;
}
/** Per paired example: true label, baseline and candidate prediction (report indices). */
function examplesOf(ctx) {
    const { n, cand, base } = ctx.pairing;
    const t = new Int32Array(n);
    const b = new Int32Array(n);
    const c = new Int32Array(n);
    for (let p = 0; p < n; p++) {
        t[p] = ctx.remap[ctx.candidate.truth[cand[p]]];
        b[p] = ctx.remap[ctx.baseline.pred[base[p]]];
        c[p] = ctx.remap[ctx.candidate.pred[cand[p]]];
    }
    return { t, b, c };
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
                (positiveLabel !== undefined && !all.includes(positiveLabel) ? `; positive-label ${quote(positiveLabel)} is not one of them` : ''));
        }
        if (positiveLabel !== undefined && !all.includes(positiveLabel) && all.length <= 2) {
            throw new ConfigError(`positive-label ${quote(positiveLabel)} is not one of the labels seen (${listLabels(all)})`);
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
    const shown = labels.slice(0, 10).map((l) => quote(l));
    return shown.join(', ') + (labels.length > 10 ? `, … ${labels.length - 10} more` : '');
}

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
const idList = (ids, total) => ids.map((id) => quote(id)).join(', ') + (total > ids.length ? ', …' : '');
/** Warnings of the pairing (SPEC §4), any task: examples on one side only, label conflicts, nothing paired. */
function pairingWarnings(pairing) {
    const out = [];
    if (!pairing)
        return out;
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
    return out;
}
/** Warnings of the results, any task: metrics undefined on the data, p-values within resampling error of a threshold. */
function resultWarnings(metrics, gates, settings) {
    return [...undefinedMetrics(metrics), ...closeToAlpha({ metrics, gates, settings })];
}
/** Classification's power warnings (SPEC §4: accuracy and, binary, recall), when anything was paired. */
function classificationWarnings(ctx) {
    return ctx.pairing && ctx.pairing.n > 0 ? powerWarnings(ctx) : [];
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
        .map(([name]) => quote(name));
    return missing.length === 0 ? [] : [`Undefined on this data, left empty: ${missing.join(', ')}.`];
}
/**
 * A resampled p-value whose Monte Carlo error could flip a gate. A no-regression rule fails when its one-sided p,
 * Holm-adjusted, is below alpha: for the rule of rank i (ascending p) among m, when p·(m − i + 1) < alpha, i.e.
 * p < alpha / c with c = m − i + 1. The warning is given when p is within 3 Monte Carlo standard errors
 * (√(q(1 − q)/R) at q = alpha / c) of that threshold. Cost O(m log m). Example: alpha 0.05, 10,000 resamples, one
 * rule: p within ±0.0065 of 0.05.
 */
function closeToAlpha(ctx) {
    const { alpha, resamples } = ctx.settings;
    const tested = ctx.gates
        .filter((g) => g.pValue !== null)
        .map((g) => ({ gate: g, p: ctx.metrics[g.metric]?.pValueWorse ?? 1 }))
        .sort((a, b) => a.p - b.p);
    const out = [];
    const seen = new Set();
    tested.forEach(({ gate, p }, i) => {
        const m = ctx.metrics[gate.metric];
        if (!m || m.test !== 'permutation' || seen.has(gate.metric))
            return;
        const threshold = alpha / (tested.length - i);
        const margin = 3 * Math.sqrt((threshold * (1 - threshold)) / resamples);
        if (Math.abs(p - threshold) >= margin)
            return;
        seen.add(gate.metric);
        const holm = tested.length > 1 ? ` (α = ${alpha} after the Holm adjustment of rank ${i + 1} of ${tested.length})` : ` (α = ${alpha})`;
        out.push(`The one-sided p-value of ${quote(gate.metric)} before adjustment, ${p.toFixed(4)}, is within the resampling error ` +
            `(±${margin.toFixed(4)} with ${resamples.toLocaleString('en-US')} resamples) of its threshold ${Number(threshold.toPrecision(4))}${holm}: ` +
            `rerun with more resamples before trusting the verdict.`);
    });
    return out;
}
/**
 * Whether a warning can change the verdict, so that the report shows it under the verdict rather than below the
 * gates: examples left out of the pairing, a test set that changed, nothing to compare, a p-value within its
 * resampling error of the threshold, a baseline older than the base commit (the action's warning); and a test set
 * too small to see a 1-point drop, when the verdict is a pass (a pass it could not have failed).
 */
function verdictChanging(text, passed) {
    if (/left out of every comparison|the test set changed|nothing can be compared|before trusting the verdict|behind the base commit|older than the base commit|not an ancestor of the base commit|^Leakage:/.test(text))
        return true;
    return passed && /too small to see a 1-point drop/.test(text);
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

;// CONCATENATED MODULE: ./src/tasks/task.ts
/** The counts of a comparison (SPEC §7), from the two files' sizes and the pairing. */
function countsOf(candidate, baseline, pairing) {
    return {
        candidate,
        baseline,
        paired: pairing ? pairing.n : null,
        candidateOnly: pairing ? pairing.candidateOnly : null,
        baselineOnly: pairing ? pairing.baselineOnly : null,
        labelConflicts: pairing ? pairing.labelConflicts : null
    };
}

;// CONCATENATED MODULE: ./src/tasks/classification.ts
/**
 * The classification task (SPEC §1–§4): labels and predictions, binary or multiclass, optional scores. Reading
 * (the baseline on a second core when large), pairing, the task and positive class, the cell table, the
 * confusion-matrix statistics and the score statistics.
 */

















/**
 * The most classes a comparison takes. At 100,000 the report alone holds 400,000 per-class metrics (a 140 MB
 * JSON file, about 20 s and 900 MB in all); past it a pull request's file could exhaust memory (SECURITY.md).
 */
const MAX_CLASSES = 100_000;
/** Up to this many classes the report's confusion matrices are dense K×K tables (SPEC §7); above, sparse entries. */
const DENSE_MATRIX_CLASSES = 1000;
/** Files smaller than this are read on this thread: starting a worker costs more than it saves. */
const PARALLEL_BYTES = 4 << 20;
const classification = {
    async prepare(options) {
        const dictionary = new LabelDictionary();
        const readOptions = { format: options.format, fields: options.fields, dictionary, requireId: options.baseline !== null };
        const [candidate, baseline] = await readBoth(options, readOptions);
        let pairing = null;
        if (baseline)
            pairing = pairByIds(candidate, baseline, sameLabel(candidate, baseline));
        else
            checkUniqueIds(candidate);
        const used = usedCodes(dictionary.size, candidate, baseline, pairing);
        const forced = options.task === 'binary' || options.task === 'multiclass' ? options.task : undefined;
        const { task, labels, positiveLabel } = chooseTask(dictionary.names, dictionary.names.filter((_, code) => used[code]), options.positiveLabel, forced);
        if (labels.length > MAX_CLASSES) {
            throw new InputError(options.candidate.name, null, options.fields.label, `has ${labels.length.toLocaleString('en-US')} distinct values in the compared examples (true labels and predictions, both files); ` +
                `at most ${MAX_CLASSES.toLocaleString('en-US')} classes are supported`);
        }
        const index = new Map(labels.map((label, i) => [label, i]));
        const remap = Int32Array.from(dictionary.names, (name) => index.get(name) ?? -1);
        const hasScores = candidate.score !== null || candidate.scores !== null;
        const names = metricNames(task, labels, hasScores);
        const positive = positiveLabel === null ? null : labels.indexOf(positiveLabel);
        const hasBaseline = baseline !== null;
        return {
            task,
            labels,
            positiveLabel,
            counts: countsOf(candidate.n, baseline ? baseline.n : null, pairing),
            pairing,
            hasBaseline,
            known: { metrics: names, labels },
            defaultGates: DEFAULT_GATES,
            analyze(rules, settings) {
                const k = labels.length;
                const table = countCells(k, remap, candidate, baseline, pairing);
                const gatedClasses = new Set();
                for (const rule of rules) {
                    const perClass = parsePerClass(rule.metric);
                    const i = perClass ? index.get(perClass.label) : undefined;
                    if (i !== undefined)
                        gatedClasses.add(i);
                }
                const mcnemar = options.mcnemar ?? DEFAULT_MCNEMAR;
                const confusion = confusionStatistics({ task, labels, positive, table, hasBaseline, gatedClasses, mcnemar }, settings);
                const scored = hasScores
                    ? scoreStatistics({ task, labels, positive, remap, candidate, baseline, pairing }, settings)
                    : { metrics: new Map(), warnings: [] };
                const metrics = {};
                for (const name of names) {
                    const m = confusion.metrics.get(name) ?? scored.metrics.get(name);
                    if (m)
                        metrics[name] = m;
                }
                return {
                    metrics,
                    confusionMatrix: confusionMatrixOf(table, labels, hasBaseline),
                    disagreement: baseline && pairing ? disagreementOf(candidate, baseline, pairing) : null,
                    warnings: {
                        first: classificationWarnings({ pairing, table, task, positive, settings }),
                        last: [
                            ...confusion.warnings,
                            ...(k > DENSE_MATRIX_CLASSES
                                ? [
                                    `The confusion matrices of ${k.toLocaleString('en-US')} classes are given as their non-zero entries ` +
                                        `(\`confusionMatrix.entries\`: [true index, predicted index, count]), not as ${k.toLocaleString('en-US')}×${k.toLocaleString('en-US')} tables ` +
                                        `(dense up to ${DENSE_MATRIX_CLASSES.toLocaleString('en-US')} classes).`
                                ]
                                : []),
                            ...scored.warnings
                        ]
                    },
                    ...(baseline && pairing
                        ? { joint: classificationJoint({ task, labels, positive, remap, table, candidate, baseline, pairing, mcnemar, resamples: settings.resamples, seed: settings.seed }) }
                        : {})
                };
            }
        };
    }
};
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
/**
 * The report's `confusionMatrix`: dense rows up to {@link DENSE_MATRIX_CLASSES} classes (a million numbers per
 * model); above, `candidate` and `baseline` are null and `entries` lists the non-zero cells of each matrix as
 * [true index, predicted index, count] (indices into `labels`). Cost O(cells + K²) dense, O(cells·log) sparse.
 */
function confusionMatrixOf(table, labels, hasBaseline) {
    const { k } = table;
    if (k > DENSE_MATRIX_CLASSES) {
        const entries = confusionEntries(table);
        return { labels, candidate: null, baseline: null, entries: { candidate: entries.candidate, baseline: hasBaseline ? entries.baseline : null } };
    }
    const { baseline, candidate } = confusionMatrices(table);
    const rows = (cm) => Array.from({ length: k }, (_, t) => Array.from(cm.subarray(t * k, t * k + k)));
    return { labels, candidate: rows(candidate), baseline: hasBaseline ? rows(baseline) : null };
}

;// CONCATENATED MODULE: ./src/metrics/generation/ngrams.ts
/**
 * Dense ids for the n-grams of one example's texts (its hypotheses and references), so that BLEU and chrF count
 * and match n-grams in typed arrays instead of maps of strings.
 *
 * Method: iterated interning. A symbol is a non-negative 31-bit integer (a token's number, or a character's code
 * point); the unigram of symbol s has the key (0, s), and the n-gram that extends the (n − 1)-gram of id p by
 * symbol s has the key (p, s). An open-addressing hash table (linear probing, the two halves of the key in two
 * Int32Arrays) maps each key to the next free id (1, 2, …). Equal n-grams get equal ids and different ones
 * different ids, exactly: every id names one n-gram of one order, so (p, s) names one n-gram — no hash of the
 * text is trusted. The table is emptied between examples (only the slots used are cleared), so ids stay small
 * and scratch count arrays indexed by id stay short. The ids go to one growing Int32Array (`arena`), never to
 * arrays of their own: allocating a typed array costs about 0.5 µs in V8, more than counting its n-grams.
 * Cost: O(1) expected per n-gram occurrence (one probe sequence, integer arithmetic only), O(distinct n-grams)
 * to reset.
 *
 * @example
 * const ids = new NgramIds()
 * ids.all(Int32Array.of(97, 98, 97, 98), 2) // [0, 4, 7]: ids.arena holds 1, 2, 1, 2 (unigrams), 3, 4, 3 (bigrams)
 */
const ngrams_EMPTY = -1;
class NgramIds {
    prefixes;
    symbols;
    values;
    used;
    usedCount = 0;
    mask;
    /** The next id to hand out; ids in use are 1 … next − 1. */
    next = 1;
    /** The n-gram ids of this example's texts, as `all` placed them. */
    arena = new Int32Array(4096);
    arenaUsed = 0;
    constructor(capacity = 1024) {
        let size = 16;
        while (size < 2 * capacity)
            size *= 2;
        this.prefixes = new Int32Array(size).fill(ngrams_EMPTY);
        this.symbols = new Int32Array(size);
        this.values = new Int32Array(size);
        this.used = new Int32Array(size);
        this.mask = size - 1;
    }
    /** Forgets every id (call between examples). */
    reset() {
        const { prefixes, used } = this;
        for (let i = 0; i < this.usedCount; i++)
            prefixes[used[i]] = ngrams_EMPTY;
        this.usedCount = 0;
        this.next = 1;
        this.arenaUsed = 0;
    }
    /** The id of the n-gram (prefix id, symbol); a new one when unseen. */
    id(prefix, symbol) {
        if (this.usedCount * 2 >= this.prefixes.length)
            this.grow();
        const { prefixes, symbols, mask } = this;
        let slot = hash(prefix, symbol) & mask;
        for (;;) {
            const p = prefixes[slot];
            if (p === prefix && symbols[slot] === symbol)
                return this.values[slot];
            if (p === ngrams_EMPTY) {
                prefixes[slot] = prefix;
                symbols[slot] = symbol;
                const id = this.next++;
                this.values[slot] = id;
                this.used[this.usedCount++] = slot;
                return id;
            }
            slot = (slot + 1) & mask;
        }
    }
    /**
     * Appends the ids of every n-gram of `symbols` (n = 1 … maxOrder) to `arena` and returns where they are: the
     * ids of order n are arena[at[n − 1] … at[n]), the max(0, L − n + 1) n-grams starting at 0, 1, … in order.
     * Read `arena` after the last call of an example (it may be reallocated as it grows).
     */
    all(symbols, maxOrder) {
        const L = symbols.length;
        let need = this.arenaUsed;
        for (let n = 1; n <= maxOrder; n++)
            need += Math.max(0, L - n + 1);
        if (need > this.arena.length) {
            const bigger = new Int32Array(Math.max(need, 2 * this.arena.length));
            bigger.set(this.arena.subarray(0, this.arenaUsed));
            this.arena = bigger;
        }
        // Room for every n-gram of this text being new, so the table cannot fill up inside the loop below.
        while ((this.usedCount + need - this.arenaUsed) * 2 >= this.prefixes.length)
            this.grow();
        const arena = this.arena;
        const { prefixes, symbols: keys, values, used, mask } = this;
        let usedCount = this.usedCount;
        let next = this.next;
        const at = [this.arenaUsed];
        let previous = -1;
        for (let n = 1; n <= maxOrder; n++) {
            const from = at[n - 1];
            const count = Math.max(0, L - n + 1);
            for (let i = 0; i < count; i++) {
                const s = symbols[i + n - 1];
                if (!(s >= 0 && s <= 0x7fffffff))
                    throw new RangeError('an n-gram symbol is not a 31-bit integer');
                // id(prefix, s), inlined on local copies of the table.
                const prefix = previous < 0 ? 0 : arena[previous + i];
                let slot = hash(prefix, s) & mask;
                let id = 0;
                for (;;) {
                    const p = prefixes[slot];
                    if (p === prefix && keys[slot] === s) {
                        id = values[slot];
                        break;
                    }
                    if (p === ngrams_EMPTY) {
                        prefixes[slot] = prefix;
                        keys[slot] = s;
                        id = next++;
                        values[slot] = id;
                        used[usedCount++] = slot;
                        break;
                    }
                    slot = (slot + 1) & mask;
                }
                arena[from + i] = id;
            }
            at.push(from + count);
            previous = from;
        }
        this.usedCount = usedCount;
        this.next = next;
        this.arenaUsed = at[maxOrder];
        return at;
    }
    grow() {
        const { prefixes: oldP, symbols: oldS, values: oldV, used: oldU } = this;
        const count = this.usedCount;
        const size = oldP.length * 2;
        this.prefixes = new Int32Array(size).fill(ngrams_EMPTY);
        this.symbols = new Int32Array(size);
        this.values = new Int32Array(size);
        this.used = new Int32Array(size);
        this.mask = size - 1;
        this.usedCount = 0;
        for (let i = 0; i < count; i++) {
            const from = oldU[i];
            let slot = hash(oldP[from], oldS[from]) & this.mask;
            while (this.prefixes[slot] !== ngrams_EMPTY)
                slot = (slot + 1) & this.mask;
            this.prefixes[slot] = oldP[from];
            this.symbols[slot] = oldS[from];
            this.values[slot] = oldV[from];
            this.used[this.usedCount++] = slot;
        }
    }
}
/** A 32-bit multiply–xorshift mix of the two halves of a key. */
function hash(prefix, symbol) {
    let h = Math.imul(prefix ^ Math.imul(symbol, 0x85ebca77), 0x9e3779b1);
    h ^= h >>> 15;
    h = Math.imul(h, 0x27d4eb2d);
    return h ^ (h >>> 13);
}
/** A reusable Int32Array of at least `size` zeros (counts indexed by n-gram id); entries must be zeroed after use. */
class Scratch {
    data = new Int32Array(1024);
    get(size) {
        if (this.data.length < size)
            this.data = new Int32Array(Math.max(size, 2 * this.data.length));
        return this.data;
    }
}
/**
 * The code points of a text as numbers (a lone surrogate stays one unit, as Python keeps it one character).
 * @example codePoints('añ😀') // [97, 241, 128512]
 */
function codePoints(text) {
    const out = new Int32Array(text.length);
    let k = 0;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
            const d = text.charCodeAt(i + 1);
            if (d >= 0xdc00 && d <= 0xdfff) {
                out[k++] = (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
                i++;
                continue;
            }
        }
        out[k++] = c;
    }
    return k === out.length ? out : out.slice(0, k);
}

;// CONCATENATED MODULE: ./src/metrics/generation/pythonText.ts
/**
 * Python's whitespace, as `str.split()`, `str.strip()` and `str.rstrip()` with no argument use it (the characters
 * for which `str.isspace()` is true). sacrebleu and the SQuAD script split and strip text this way, so every
 * metric of issue 10 that splits text must too. It is not JavaScript's `\s`: Python adds the separators
 * U+001C–U+001F and NEL (U+0085) and leaves out the BOM (U+FEFF).
 * Cost: O(length) each (a scan or one regular-expression pass; no backtracking on long runs of spaces).
 */
/** The 29 code points of Python 3's `str.isspace()` (the same in every Unicode version since 6.3). */
const SPACE_CLASS = '\\t-\\r\\u001c-\\u0020\\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const RUNS = new RegExp(`[${SPACE_CLASS}]+`, 'g');
/** True for a UTF-16 unit that Python counts as whitespace (all 29 are in the BMP). */
function isPySpace(code) {
    if (code <= 0x20)
        return (code >= 0x09 && code <= 0x0d) || code >= 0x1c;
    if (code < 0x85)
        return false;
    return (code === 0x85 ||
        code === 0xa0 ||
        code === 0x1680 ||
        (code >= 0x2000 && code <= 0x200a) ||
        code === 0x2028 ||
        code === 0x2029 ||
        code === 0x202f ||
        code === 0x205f ||
        code === 0x3000);
}
/**
 * Python's `text.split()`: the words between runs of whitespace, none empty.
 * @example pySplit('  a\u0085b\ufeff c ') // ['a', 'b\ufeff', 'c']
 */
function pySplit(text) {
    const words = text.split(RUNS);
    let from = 0;
    let to = words.length;
    if (to > 0 && words[0] === '')
        from = 1;
    if (to > from && words[to - 1] === '')
        to--;
    return from === 0 && to === words.length ? words : words.slice(from, to);
}
/**
 * Python's `' '.join(text.split())`: whitespace runs become one space, none at either end.
 * @example pyCollapse(' a \t b\n') // 'a b'
 */
function pythonText_pyCollapse(text) {
    return pyStrip(text).replace(RUNS, ' ');
}
/**
 * Python's `text.rstrip()`.
 * @example pyRstrip('a \u0085') // 'a'
 */
function pyRstrip(text) {
    let end = text.length;
    while (end > 0 && isPySpace(text.charCodeAt(end - 1)))
        end--;
    return end === text.length ? text : text.slice(0, end);
}
/**
 * Python's `text.strip()`.
 * @example pyStrip('\u001f a \n') // 'a'
 */
function pyStrip(text) {
    let start = 0;
    while (start < text.length && isPySpace(text.charCodeAt(start)))
        start++;
    const rest = start === 0 ? text : text.slice(start);
    return pyRstrip(rest);
}
/**
 * Python's `''.join(text.split())`: the text with all its whitespace removed.
 * @example pyRemoveSpace('a b\tc') // 'abc'
 */
function pyRemoveSpace(text) {
    return text.replace(RUNS, '');
}

;// CONCATENATED MODULE: ./src/metrics/generation/tokenize13a.ts
/**
 * The `13a` tokenizer of sacrebleu 2.x (the default of its BLEU, equivalent to mteval-v13a.pl of WMT), written
 * from its definition (sacrebleu/tokenizers/tokenizer_13a.py and tokenizer_re.py):
 *
 * 1. remove `<skipped>`, join `-\n` line breaks, turn the other `\n` into spaces;
 * 2. if the text holds `&`: `&quot;` → `"`, `&amp;` → `&`, `&lt;` → `<`, `&gt;` → `>`, in that order (so
 *    `&amp;quot;` becomes `&quot;`, not `"`);
 * 3. pad the text with one space on each side, then apply four substitutions in order, each left to right over
 *    non-overlapping matches (Python's `re.sub`, which a global JavaScript `replace` reproduces):
 *    - a space on each side of every ASCII symbol except `'`, `,`, `-`, `.` and the digits and letters:
 *      `{|}~`, `[\]^_\``, space to `&`, `(` to `+`, `:` to `@`, `/`;
 *    - a period or comma not preceded by a digit: `x.` → `x . ` (the matched character is consumed, so in
 *      `a.,` only the period is split by this rule);
 *    - a period or comma not followed by a digit: `.x` → ` . x`;
 *    - a dash preceded by a digit: `3-` → `3 - `;
 * 4. Python's `' '.join(line.split())`: runs of Python whitespace (pythonText.ts) become one space.
 *
 * Digits in the rules are ASCII 0–9 only (Python's `[0-9]`); every other character, letters and symbols outside
 * ASCII included (`€`, `—`, `“`), is left alone. The patterns work on UTF-16 units: a surrogate pair is never
 * split, since spaces are only put next to ASCII characters. sacrebleu's BLEU calls it on `text.rstrip()`.
 * Cost: O(length): four regular-expression passes with no backtracking.
 *
 * @example tokenize13a('Hello, world! It costs $3.50-4.') // 'Hello , world ! It costs $ 3.50 - 4 .'
 */

const SYMBOLS = /([{-~[-` -&(-+:-@/])/g;
const PERIOD_AFTER_NON_DIGIT = /([^0-9])([.,])/g;
const PERIOD_BEFORE_NON_DIGIT = /([.,])([^0-9])/g;
const DASH_AFTER_DIGIT = /([0-9])(-)/g;
function tokenize13a(line) {
    return pyCollapse(spaced13a(line));
}
/**
 * The tokens of {@link tokenize13a}, without joining them first (`tokenize13a(line).split()`, one pass fewer).
 * @example tokens13a('Hello, world!') // ['Hello', ',', 'world', '!']
 */
function tokens13a(line) {
    return pySplit(spaced13a(line));
}
/** Steps 1–3: the text with spaces around its tokens (runs of whitespace still to collapse). */
function spaced13a(line) {
    let text = line.replaceAll('<skipped>', '').replaceAll('-\n', '').replaceAll('\n', ' ');
    if (text.includes('&')) {
        text = text.replaceAll('&quot;', '"').replaceAll('&amp;', '&').replaceAll('&lt;', '<').replaceAll('&gt;', '>');
    }
    text = ` ${text} `;
    text = text.replace(SYMBOLS, ' $1 ');
    text = text.replace(PERIOD_AFTER_NON_DIGIT, '$1 $2 ');
    text = text.replace(PERIOD_BEFORE_NON_DIGIT, ' $1 $2');
    return text.replace(DASH_AFTER_DIGIT, '$1 $2 ');
}

;// CONCATENATED MODULE: ./src/metrics/generation/bleu.ts
/**
 * Corpus BLEU (Papineni et al. 2002) with sacrebleu 2.x's defaults, written from its definition
 * (sacrebleu/metrics/bleu.py): 13a tokenizer on `text.rstrip()`, case kept, n-gram orders 1–4, `exp` smoothing
 * (mteval-v13a's: the k-th order with no match gets precision 100 / (2ᵏ · total)), no effective order, score
 * 0–100. Signature `nrefs:N|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0`.
 *
 * Sufficient statistics, one row of BLEU_COLUMNS numbers per example and model, in sacrebleu's order:
 * [hypothesis length, reference length, matches of order 1…4, hypothesis n-grams of order 1…4]. The reference
 * length is the one closest to the hypothesis length (the shorter on a tie); a match count is, per n-gram, the
 * least of its count in the hypothesis and its largest count in any one reference. Corpus BLEU is a function of
 * the column sums only, so a resample is a weighted sum of rows (resample.ts).
 */



const BLEU_ORDER = 4;
/** Columns of a BLEU statistics row. */
const bleu_BLEU_COLUMNS = 2 + 2 * BLEU_ORDER;
const BLEU_HYP = 0;
const BLEU_REF = 1;
const BLEU_MATCH = 2;
const BLEU_TOTAL = 2 + BLEU_ORDER;
/** sacrebleu's `my_log`: the logarithm, with −9999999999 for 0. */
function myLog(x) {
    return x === 0 ? -9999999999 : Math.log(x);
}
/**
 * BLEU from summed statistics (sacrebleu `compute_bleu`, smooth `exp`, effective order off), operation for
 * operation so that the result is the same double: brevity penalty exp(1 − r/c) when c < r (0 when c = 0);
 * 0 when no n-gram matches at all; a precision 100·m/t, or 100/(2ᵏ·t) for the k-th order with m = 0; orders
 * after the first with t = 0 keep precision 0, whose log is −9999999999 (so the score is 0).
 * Cost: O(1).
 * @example bleuFromSums([4, 4, 4, 3, 2, 1, 4, 3, 2, 1]) // 100
 */
function bleuFromSums(sums, offset = 0) {
    return bleuDetails(sums, offset).score;
}
/** {@link bleuFromSums} with its parts. */
function bleuDetails(sums, offset = 0) {
    const sysLen = sums[offset + BLEU_HYP];
    const refLen = sums[offset + BLEU_REF];
    let bp = 1.0;
    if (sysLen < refLen)
        bp = sysLen > 0 ? Math.exp(1 - refLen / sysLen) : 0.0;
    const precisions = [0, 0, 0, 0];
    let anyMatch = false;
    for (let n = 0; n < BLEU_ORDER; n++)
        if (sums[offset + BLEU_MATCH + n] !== 0)
            anyMatch = true;
    if (!anyMatch)
        return { score: 0.0, precisions, brevityPenalty: bp, hypLength: sysLen, refLength: refLen };
    let smooth = 1.0;
    for (let n = 0; n < BLEU_ORDER; n++) {
        const total = sums[offset + BLEU_TOTAL + n];
        const correct = sums[offset + BLEU_MATCH + n];
        if (total === 0)
            break;
        if (correct === 0) {
            smooth *= 2;
            precisions[n] = 100 / (smooth * total);
        }
        else {
            precisions[n] = (100 * correct) / total;
        }
    }
    let sum = 0;
    for (let n = 0; n < BLEU_ORDER; n++)
        sum += myLog(precisions[n]);
    const score = bp * Math.exp(sum / BLEU_ORDER);
    return { score, precisions, brevityPenalty: bp, hypLength: sysLen, refLength: refLen };
}
/**
 * sacrebleu's closest reference length: the least |hyp − ref|, the shorter reference on a tie.
 * @example closestRefLength(5, [3, 7, 6]) // 6
 * @example closestRefLength(5, [4, 6]) // 4
 */
function closestRefLength(hypLen, refLens) {
    let bestDiff = -1;
    let best = -1;
    for (let i = 0; i < refLens.length; i++) {
        const len = refLens[i];
        const diff = Math.abs(hypLen - len);
        if (bestDiff === -1 || diff < bestDiff) {
            bestDiff = diff;
            best = len;
        }
        else if (diff === bestDiff && len < best) {
            best = len;
        }
    }
    return best;
}
/**
 * Computes BLEU statistics rows, one example at a time. Holds the scratch state (n-gram ids, count arrays, the
 * token dictionary of the example), so one instance serves a whole corpus.
 * Cost per example: O(total tokens · 4) after tokenisation (O(characters)).
 */
class bleu_BleuStatistics {
    ngrams = new NgramIds();
    scratchA = new Scratch();
    scratchB = new Scratch();
    words = new Map();
    /**
     * Writes the statistics of each hypothesis against the references into `out[m]` at row `row`.
     * @param references one or more reference texts
     * @param hypotheses one text per model
     */
    example(references, hypotheses, out, row) {
        if (references.length === 0)
            throw new RangeError('BLEU needs at least one reference per example');
        this.ngrams.reset();
        this.words.clear();
        const refAt = references.map((r) => this.ngrams.all(this.symbols(r), BLEU_ORDER));
        const hypAt = hypotheses.map((h) => this.ngrams.all(this.symbols(h), BLEU_ORDER));
        const ids = this.ngrams.arena;
        const size = this.ngrams.next;
        // refMax[id]: the largest count of n-gram id in any one reference.
        const refMax = this.scratchA.get(size);
        const count = this.scratchB.get(size);
        const refLens = refAt.map((at) => at[1] - at[0]);
        for (const at of refAt) {
            const from = at[0];
            const to = at[BLEU_ORDER];
            for (let i = from; i < to; i++)
                count[ids[i]]++;
            for (let i = from; i < to; i++) {
                const id = ids[i];
                if (count[id] > refMax[id])
                    refMax[id] = count[id];
            }
            for (let i = from; i < to; i++)
                count[ids[i]] = 0;
        }
        for (let m = 0; m < hypAt.length; m++) {
            const at = hypAt[m];
            const o = row * bleu_BLEU_COLUMNS;
            const target = out[m];
            const hypLen = at[1] - at[0];
            target[o + BLEU_HYP] = hypLen;
            target[o + BLEU_REF] = closestRefLength(hypLen, refLens);
            for (let i = at[0]; i < at[BLEU_ORDER]; i++)
                count[ids[i]]++;
            for (let n = 0; n < BLEU_ORDER; n++) {
                let match = 0;
                for (let i = at[n]; i < at[n + 1]; i++) {
                    const id = ids[i];
                    const c = count[id];
                    if (c === 0)
                        continue; // a repeat of an n-gram already counted
                    match += c < refMax[id] ? c : refMax[id];
                    count[id] = 0;
                }
                target[o + BLEU_MATCH + n] = match;
                target[o + BLEU_TOTAL + n] = at[n + 1] - at[n];
            }
        }
        for (const at of refAt)
            for (let i = at[0]; i < at[BLEU_ORDER]; i++)
                refMax[ids[i]] = 0;
    }
    /** The 13a tokens of `text.rstrip()` as symbols of this example's dictionary. */
    symbols(text) {
        const tokens = tokens13a(pyRstrip(text));
        const out = new Int32Array(tokens.length);
        const { words } = this;
        for (let i = 0; i < tokens.length; i++) {
            let s = words.get(tokens[i]);
            if (s === undefined) {
                s = words.size;
                words.set(tokens[i], s);
            }
            out[i] = s;
        }
        return out;
    }
}

;// CONCATENATED MODULE: ./src/metrics/generation/chrf.ts
/**
 * Corpus chrF2 (Popović 2015) with sacrebleu 2.x's defaults, written from its definition
 * (sacrebleu/metrics/chrf.py, helpers.py): character n-grams of orders 1–6 over the text with all (Python)
 * whitespace removed, counted by code point; no word n-grams; β = 2; case kept; sacrebleu's "effective order"
 * averaging (eps_smoothing off): precision and recall are averaged over the orders where both the hypothesis
 * and the reference have n-grams, then F_β of the two averages, 0–100.
 * Signature `nrefs:N|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.6.0`.
 *
 * Sufficient statistics, one row of CHRF_COLUMNS numbers per example and model: for each order n = 1…6 the
 * triple [hypothesis n-grams, reference n-grams, matches] — with sacrebleu's rule that the hypothesis count is
 * 0 when the reference has no n-gram of that order. With several references, the row is that of the reference
 * whose sentence-level chrF is highest (the first one on a tie), as sacrebleu picks it. Corpus chrF is a
 * function of the column sums only.
 */


const CHRF_ORDER = 6;
const CHRF_BETA = 2;
/** Columns of a chrF statistics row: [hyp, ref, match] per order. */
const chrf_CHRF_COLUMNS = 3 * CHRF_ORDER;
/**
 * chrF from summed statistics (sacrebleu `_compute_f_score` without eps smoothing), operation for operation:
 * per order, precision m/h (1e-16 when h = 0) and recall m/r (1e-16 when r = 0); the averages over the orders
 * with h > 0 and r > 0; then 100·(1 + β²)·P·R / (β²·P + R), or 0 when P + R = 0.
 * Cost: O(orders).
 * @example chrfFromSums([3, 3, 3, 2, 2, 2, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]) // 100
 */
function chrfFromSums(sums, offset = 0) {
    const eps = 1e-16;
    const factor = CHRF_BETA ** 2;
    let avgPrec = 0.0;
    let avgRec = 0.0;
    let effective = 0;
    for (let i = 0; i < CHRF_ORDER; i++) {
        const nHyp = sums[offset + 3 * i];
        const nRef = sums[offset + 3 * i + 1];
        const nMatch = sums[offset + 3 * i + 2];
        const prec = nHyp > 0 ? nMatch / nHyp : eps;
        const rec = nRef > 0 ? nMatch / nRef : eps;
        if (nHyp > 0 && nRef > 0) {
            avgPrec += prec;
            avgRec += rec;
            effective += 1;
        }
    }
    if (effective === 0) {
        avgPrec = avgRec = 0.0;
    }
    else {
        avgPrec /= effective;
        avgRec /= effective;
    }
    if (avgPrec + avgRec !== 0) {
        let score = (1 + factor) * avgPrec * avgRec;
        score /= factor * avgPrec + avgRec;
        return 100 * score;
    }
    return 0.0;
}
/**
 * Computes chrF statistics rows, one example at a time (scratch state reused across a corpus).
 * Cost per example: O(characters · 6 · texts).
 */
class chrf_ChrfStatistics {
    ngrams = new NgramIds();
    scratchRef = new Scratch();
    scratchHyp = new Scratch();
    row = new Float64Array(chrf_CHRF_COLUMNS);
    /**
     * Writes the statistics of each hypothesis, against its best reference, into `out[m]` at row `row`.
     * @param references one or more reference texts
     * @param hypotheses one text per model
     */
    example(references, hypotheses, out, row) {
        if (references.length === 0)
            throw new RangeError('chrF needs at least one reference per example');
        this.ngrams.reset();
        const refAt = references.map((r) => this.ngrams.all(codePoints(pyRemoveSpace(r)), CHRF_ORDER));
        const hypAt = hypotheses.map((h) => this.ngrams.all(codePoints(pyRemoveSpace(h)), CHRF_ORDER));
        const ids = this.ngrams.arena;
        const size = this.ngrams.next;
        const refCount = this.scratchRef.get(size);
        const hypCount = this.scratchHyp.get(size);
        const stats = this.row;
        // For each model, the F of the best reference so far (its row is written straight into out[m]).
        const best = hypotheses.map(() => -1.0);
        for (const ref of refAt) {
            for (let i = ref[0]; i < ref[CHRF_ORDER]; i++)
                refCount[ids[i]]++;
            for (let m = 0; m < hypAt.length; m++) {
                const hyp = hypAt[m];
                for (let n = 0; n < CHRF_ORDER; n++) {
                    const from = hyp[n];
                    const to = hyp[n + 1];
                    for (let i = from; i < to; i++)
                        hypCount[ids[i]]++;
                    let match = 0;
                    for (let i = from; i < to; i++) {
                        const id = ids[i];
                        const c = hypCount[id];
                        if (c === 0)
                            continue;
                        const r = refCount[id];
                        match += c < r ? c : r;
                        hypCount[id] = 0;
                    }
                    const refLength = ref[n + 1] - ref[n];
                    stats[3 * n] = refLength > 0 ? to - from : 0;
                    stats[3 * n + 1] = refLength;
                    stats[3 * n + 2] = match;
                }
                const f = chrfFromSums(stats);
                if (f > best[m]) {
                    best[m] = f;
                    out[m].set(stats, row * chrf_CHRF_COLUMNS);
                }
            }
            for (let i = ref[0]; i < ref[CHRF_ORDER]; i++)
                refCount[ids[i]] = 0;
        }
    }
}

;// CONCATENATED MODULE: ./src/metrics/generation/loss.ts
/**
 * Token-weighted loss and perplexity (SPEC §11). Each example has `loss`, the mean negative log-likelihood per
 * token of its text, and `tokens`, how many tokens that mean is over. The corpus loss is the mean NLL over all
 * tokens, Σ loss·tokens / Σ tokens, and perplexity its exp. Both are lower-is-better. As a ratio of sums it is
 * resampled like BLEU: a bootstrap resample is the ratio of weighted sums (resample.ts).
 * Cost: O(n).
 *
 * @example corpusLoss(Float64Array.of(1, 3), Float64Array.of(1, 3)) // 2.5
 */
/** The rows [loss·tokens, tokens] per example, n × 2, for resample.ts. */
function lossRows(loss, tokens) {
    const n = loss.length;
    const out = new Float64Array(2 * n);
    for (let i = 0; i < n; i++) {
        out[2 * i] = loss[i] * tokens[i];
        out[2 * i + 1] = tokens[i];
    }
    return out;
}
/** Σ loss·tokens / Σ tokens; NaN when there are no tokens. */
function corpusLoss(loss, tokens) {
    let num = 0;
    let den = 0;
    for (let i = 0; i < loss.length; i++) {
        num += loss[i] * tokens[i];
        den += tokens[i];
    }
    return den === 0 ? NaN : num / den;
}
/** exp of the corpus loss. */
function perplexity(loss, tokens) {
    return Math.exp(corpusLoss(loss, tokens));
}

;// CONCATENATED MODULE: ./src/metrics/generation/perExample.ts
/**
 * Per-example values of the generation metrics for the report: exact-match flips with their ids and the exact
 * McNemar test on them, token-F1 differences with the largest drops and the paired t-test on them.
 * Cost: O(n) plus O(n log n) to order the drops.
 */



/**
 * Compares per-example exact matches (1 right, 0 wrong).
 * @example compareExactMatch(['a', 'b'], Uint8Array.of(1, 0), Uint8Array.of(0, 0), 0.05).lost // ['a']
 */
function compareExactMatch(ids, candidate, baseline, alpha) {
    const n = ids.length;
    const table = { both: 0, baselineOnly: 0, candidateOnly: 0, neither: 0 };
    const lost = [];
    const gained = [];
    for (let i = 0; i < n; i++) {
        const c = candidate[i] === 1;
        const b = baseline[i] === 1;
        if (c && b)
            table.both++;
        else if (b) {
            table.baselineOnly++;
            lost.push(ids[i]);
        }
        else if (c) {
            table.candidateOnly++;
            gained.push(ids[i]);
        }
        else
            table.neither++;
    }
    const cand = (table.both + table.candidateOnly) / n;
    const base = (table.both + table.baselineOnly) / n;
    return {
        candidate: cand,
        baseline: base,
        delta: cand - base,
        table,
        lost,
        gained,
        pValue: mcnemarExact(table.baselineOnly, table.candidateOnly),
        pValueWorse: mcnemarDrop(table.baselineOnly, table.candidateOnly),
        candidateCi: wilson(table.both + table.candidateOnly, n, alpha)
    };
}
/**
 * Compares per-example token F1 (or any per-example score where higher is better).
 * @example compareTokenF1(['a', 'b'], Float64Array.of(0.5, 1), Float64Array.of(1, 1), 0.05, 5).drops // [{ id: 'a', candidate: 0.5, baseline: 1, delta: -0.5 }]
 */
function compareTokenF1(ids, candidate, baseline, alpha, limit = 10) {
    const n = ids.length;
    const d = new Float64Array(n);
    let sc = 0;
    let sb = 0;
    for (let i = 0; i < n; i++) {
        d[i] = candidate[i] - baseline[i];
        sc += candidate[i];
        sb += baseline[i];
    }
    const t = pairedT(d, alpha);
    const order = [];
    for (let i = 0; i < n; i++)
        if (d[i] < 0)
            order.push(i);
    order.sort((x, y) => d[x] - d[y] || x - y);
    const drops = order.slice(0, limit).map((i) => ({ id: ids[i], candidate: candidate[i], baseline: baseline[i], delta: d[i] }));
    return { candidate: sc / n, baseline: sb / n, delta: sc / n - sb / n, pValue: t ? t.pValue : null, pValueWorse: t ? t.pLess : null, drops };
}

;// CONCATENATED MODULE: ./src/metrics/generation/columns.ts
/**
 * Fewer columns to sum per resample. The statistics rows of BLEU and chrF repeat themselves: BLEU's unigram total
 * is the hypothesis length; its n-gram totals are the length − (n − 1) for every hypothesis of at least n words;
 * chrF's counts of order n are those of order 1 minus n − 1 for every text of at least n characters; with one
 * reference both models share the reference columns. Summing such a column again is wasted work.
 *
 * Method: a column j is *derived* from an earlier kept column i when col_j = col_i + c on all but a few rows
 * (at most n/64 by default; c read on the row where col_i is largest, a "long" example); the rows where it differs keep
 * their residual col_j − col_i − c. A weighted sum of column j is then
 *   Σ w·col_j = Σ w·col_i + c·Σ w + Σ_residual-rows w·residual,
 * exact in integers. A column that is 0 everywhere is derived from nothing. Everything else is kept and summed.
 * Cost: O(k²·n) once to find the plan (k ≤ 56 here: a few milliseconds for 10,000 rows), O(residuals) per use.
 *
 * @example
 * // rows [5, 4], [3, 2], [1, 0]: column 1 = column 0 − 1 everywhere
 * planColumns(Float64Array.of(5, 4, 3, 2, 1, 0), 3, 2, true).kept // Int32Array [0]
 */
/**
 * @param matrix n × k row-major
 * @param allowOffset false when the sum of weights is not known to the reader of the plan (then c must be 0)
 * @param maxMisses the most residual rows a derived column may have (each costs a look-up per resample)
 */
function planColumns(matrix, n, k, allowOffset, maxMisses = Math.floor(n / 64)) {
    const column = (j) => {
        const out = new Float64Array(n);
        for (let r = 0; r < n; r++)
            out[r] = matrix[r * k + j];
        return out;
    };
    const limit = maxMisses;
    const kept = [];
    const keptData = [];
    const derived = [];
    for (let j = 0; j < k; j++) {
        const col = column(j);
        let best = null;
        // Constant (zero unless offsets are allowed) columns first.
        // A constant is only taken when it misses at most `limit` < n/2 rows, that is when it is the majority value,
        // which the majority vote finds without counting every value.
        const c0 = !allowOffset ? 0 : 2 * limit < n ? majority(col) : mode(col);
        const missesConst = countMisses(col, null, c0, limit);
        if (missesConst <= limit)
            best = { base: -1, offset: c0, misses: missesConst };
        for (let b = 0; b < kept.length && (best === null || best.misses > 0); b++) {
            const base = keptData[b];
            let top = 0;
            for (let r = 1; r < n; r++)
                if (base[r] > base[top])
                    top = r;
            const c = n === 0 ? 0 : col[top] - base[top];
            if (!allowOffset && c !== 0)
                continue;
            const misses = countMisses(col, base, c, best === null ? limit : best.misses - 1);
            if (misses <= limit && (best === null || misses < best.misses))
                best = { base: b, offset: c, misses };
        }
        if (best === null) {
            kept.push(j);
            keptData.push(col);
            continue;
        }
        const base = best.base >= 0 ? keptData[best.base] : null;
        const rows = [];
        const residuals = [];
        for (let r = 0; r < n; r++) {
            const e = col[r] - (base === null ? 0 : base[r]) - best.offset;
            if (e !== 0) {
                rows.push(r);
                residuals.push(e);
            }
        }
        derived.push({ column: j, base: best.base, offset: best.offset, rows: Int32Array.from(rows), residuals: Float64Array.from(residuals) });
    }
    const all = new Set();
    for (const d of derived)
        for (const r of d.rows)
            all.add(r);
    return { kept: Int32Array.from(kept), derived, residualRows: Int32Array.from([...all].sort((a, b) => a - b)) };
}
/** Rows where col ≠ base + c, counting stops past `stop`. */
function countMisses(col, base, c, stop) {
    let misses = 0;
    for (let r = 0; r < col.length; r++) {
        if (col[r] !== (base === null ? 0 : base[r]) + c && ++misses > stop)
            return misses;
    }
    return misses;
}
/**
 * The value that fills more than half of the column, if one does (Boyer & Moore's majority vote, O(n), no
 * allocation); otherwise some value of the column; 0 for no values.
 */
function majority(col) {
    let candidate = 0;
    let count = 0;
    for (let r = 0; r < col.length; r++) {
        if (count === 0) {
            candidate = col[r];
            count = 1;
        }
        else if (col[r] === candidate)
            count++;
        else
            count--;
    }
    return candidate;
}
/** The most frequent value (the smallest on a tie); 0 for no values. */
function mode(col) {
    const counts = new Map();
    let best = 0;
    let bestCount = 0;
    for (const x of col) {
        const c = (counts.get(x) ?? 0) + 1;
        counts.set(x, c);
        if (c > bestCount || (c === bestCount && x < best)) {
            best = x;
            bestCount = c;
        }
    }
    return best;
}
/**
 * The full column sums from the kept sums: `out[column] = keptSums[base] + offset·totalWeight + Σ weight·residual`.
 * `weightOf(row)` is the weight of a residual row in this resample.
 */
function expandSums(plan, keptSums, totalWeight, weightOf, out) {
    const { kept, derived } = plan;
    for (let i = 0; i < kept.length; i++)
        out[kept[i]] = keptSums[i];
    for (const d of derived) {
        let s = (d.base >= 0 ? keptSums[d.base] : 0) + d.offset * totalWeight;
        const { rows, residuals } = d;
        for (let t = 0; t < rows.length; t++) {
            const w = weightOf(rows[t]);
            if (w !== 0)
                s += w * residuals[t];
        }
        out[d.column] = s;
    }
}

;// CONCATENATED MODULE: ./src/metrics/generation/draws.ts
const TWO32 = 4294967296;
const INV32 = 1 / TWO32;
/**
 * A xoshiro128** state (four 32-bit words, not all zero) taken from the next four numbers of a stream.
 * @example streamState(streamFor(0, 'bootstrap:generation/0')) // Int32Array of 4
 */
function streamState(rng) {
    const state = Int32Array.of(rng.nextUint32(), rng.nextUint32(), rng.nextUint32(), rng.nextUint32());
    if ((state[0] | state[1] | state[2] | state[3]) === 0)
        state[0] = 1;
    return state;
}
/**
 * Adds `draws` uniform draws from [0, n) to `counts` (counts[i] += how often i was drawn) and advances `state`.
 * Consumes the stream exactly as {@link drawIndices} does.
 */
function drawCounts(state, n, draws, counts) {
    let s0 = state[0];
    let s1 = state[1];
    let s2 = state[2];
    let s3 = state[3];
    if (n <= 65536) {
        const threshold = 65536 % n;
        let t = 0;
        while (t < draws) {
            const x = Math.imul(draws_rotl(Math.imul(s1, 5), 7), 9);
            const u = s1 << 9;
            s2 ^= s0;
            s3 ^= s1;
            s1 ^= s2;
            s0 ^= s3;
            s2 ^= u;
            s3 = draws_rotl(s3, 11);
            // Low half, then high half; the products are below 2³², so imul's low 32 bits are the product.
            let m = Math.imul(x & 0xffff, n);
            if ((m & 0xffff) >= threshold) {
                counts[m >>> 16]++;
                t++;
            }
            if (t < draws) {
                m = Math.imul(x >>> 16, n);
                if ((m & 0xffff) >= threshold) {
                    counts[m >>> 16]++;
                    t++;
                }
            }
        }
    }
    else {
        for (let t = 0; t < draws; t++) {
            let index = 0;
            for (;;) {
                const x = Math.imul(draws_rotl(Math.imul(s1, 5), 7), 9) >>> 0;
                const u = s1 << 9;
                s2 ^= s0;
                s3 ^= s1;
                s1 ^= s2;
                s0 ^= s3;
                s2 ^= u;
                s3 = draws_rotl(s3, 11);
                if (n <= 2097152) {
                    const m = x * n;
                    const high = (m * INV32) | 0;
                    if (m - high * TWO32 >= (TWO32 - n) % n) {
                        index = high;
                        break;
                    }
                }
                else {
                    // A second number for the low 26 bits of a 53-bit double.
                    const y = Math.imul(draws_rotl(Math.imul(s1, 5), 7), 9) >>> 0;
                    const v = s1 << 9;
                    s2 ^= s0;
                    s3 ^= s1;
                    s1 ^= s2;
                    s0 ^= s3;
                    s2 ^= v;
                    s3 = draws_rotl(s3, 11);
                    index = Math.floor((((x >>> 5) * 67108864 + (y >>> 6)) / 9007199254740992) * n);
                    break;
                }
            }
            counts[index]++;
        }
    }
    state[0] = s0;
    state[1] = s1;
    state[2] = s2;
    state[3] = s3;
}
/**
 * The same draws as {@link drawCounts}, as a list, written plainly (for tests: one call is one drawCounts call;
 * a high half left over at the end of a call is dropped, as there).
 * @example drawIndices(Int32Array.of(1, 2, 3, 4), 10, 3) // three indices in [0, 10)
 */
function drawIndices(state, n, draws) {
    const out = [];
    const next = () => {
        const s1 = state[1];
        const x = Math.imul(draws_rotl(Math.imul(s1, 5), 7), 9) >>> 0;
        const u = s1 << 9;
        state[2] ^= state[0];
        state[3] ^= state[1];
        state[1] ^= state[2];
        state[0] ^= state[3];
        state[2] ^= u;
        state[3] = draws_rotl(state[3], 11);
        return x;
    };
    if (n <= 65536) {
        const halves = [];
        while (out.length < draws) {
            if (halves.length === 0) {
                const x = next();
                halves.push(x & 0xffff, x >>> 16);
            }
            const h = halves.shift();
            const m = h * n;
            if (m % 65536 >= 65536 % n)
                out.push(Math.floor(m / 65536));
        }
        return out;
    }
    while (out.length < draws) {
        const x = next();
        if (n <= 2097152) {
            const m = x * n;
            if (m % TWO32 >= (TWO32 - n) % n)
                out.push(Math.floor(m / TWO32));
        }
        else {
            const y = next();
            out.push(Math.floor((((x >>> 5) * 67108864 + (y >>> 6)) / 9007199254740992) * n));
        }
    }
    return out;
}
function draws_rotl(x, k) {
    return (x << k) | (x >>> (32 - k));
}

;// CONCATENATED MODULE: ./src/metrics/generation/bootstrap.ts
/**
 * Paired bootstrap of per-example statistics rows: each resample draws n examples with replacement (the
 * multinomial bootstrap, as sacrebleu `--paired-bs` and numpy's `choice` do) and hands the weighted column sums of
 * every block to a visitor. The same draws serve every block, so the models stay paired.
 *
 * Method, per resample:
 * 1. n uniform draws counted per example (draws.ts: exact, two draws per 32-bit number for n ≤ 2¹⁶);
 * 2. the examples drawn (about 63% of them) are listed with their counts, in row order, cut into *segments*
 *    that hold at most `cap` draws in all (an example drawn more often than that is split over segments);
 * 3. per segment, Σ count × row over its examples, for groups of at most four packed words at a time (four
 *    running sums in registers, the group's rows contiguous), then the words are taken apart into their fields.
 * Packing: the integer columns kept by planColumns (columns that repeat another are rebuilt from it afterwards)
 * share doubles: a sum of at most `cap` draws of a column whose entries are at most M is below cap·M + 1, so it
 * needs b = ⌈log₂(cap·M + 1)⌉ bits, and a double holds 53 exact bits: fields are placed first-fit (the widest
 * first), column values scaled by 2⁰, 2ᵇ¹, …, so one addition adds them all and no field can carry into the next
 * within a segment. Division by a power of two is exact, so the fields come apart exactly after each segment.
 * A smaller cap gives narrower fields (three per word for BLEU and chrF counts at cap 2¹⁰) but more segments;
 * the cap is chosen by the cost estimate below. Float columns take a word each and are summed as they are.
 * Cost: O(n) draws and list entries and O(0.63·n · words) multiply–adds per resample, plus O(segments · fields)
 * and O(residual rows); in the 10,000 × 10,000 case of SPEC §8, BLEU and chrF of both models and exact_match pack
 * into 10 words per row (14 at cap n).
 *
 * Resamples come in chunks of CHUNK, chunk c drawn from its own stream (`name/c`): any thread can compute any
 * chunk and gets the same numbers.
 */



/** Resamples per chunk (one stream each). */
const bootstrap_CHUNK = 512;
/**
 * Plans and packs the blocks (once per comparison). `forceCap` (tests) sets the cap instead of the estimate.
 * Cost: O(k²·n) for the plans, O(n · kept columns) for the packing.
 */
function prepareBootstrap(n, blocks, forceCap) {
    // Float blocks: only exact repeats and constants are dropped (no residuals, whose float sums could round).
    const plans = blocks.map((b) => planColumns(b.data, n, b.k, true, b.integer ? undefined : 0));
    const keptAt = [];
    const items = [];
    let keptTotal = 0;
    blocks.forEach((block, b) => {
        keptAt.push(keptTotal);
        for (const column of plans[b].kept) {
            const values = new Float64Array(n);
            for (let i = 0; i < n; i++)
                values[i] = block.data[i * block.k + column];
            items.push({ slot: keptTotal++, bits: 0, values, float: !block.integer });
        }
    });
    const maxima = items.map((item) => {
        let max = 0;
        if (!item.float)
            for (let i = 0; i < n; i++)
                if (item.values[i] > max)
                    max = item.values[i];
        return max;
    });
    // The cap: the cheapest of the powers of two up to n, by words · 0.632·n multiply–adds per resample plus
    // about four operations per field and segment.
    let best = null;
    for (let cap = forceCap ?? 16;; cap *= 2) {
        const c = Math.min(cap, Math.max(1, n));
        const layout = packFields(items, maxima, c);
        const fields = items.length;
        const cost = layout.length * 0.632 * n + (Math.ceil(n / c) + 1) * (layout.length + fields) * 4;
        if (best === null || cost < best.cost)
            best = { cap: c, layout, cost };
        if (c >= n || forceCap !== undefined)
            break;
    }
    const { cap, layout } = best;
    const words = layout.length;
    const slots = layout.map((fs) => Int32Array.from(fs, (f) => items[f].slot));
    const spans = layout.map((fs) => (items[fs[0]].float ? new Float64Array(0) : Float64Array.from(fs.slice(0, -1), (f) => 2 ** fieldBits(maxima[f], cap))));
    const groups = [];
    for (let w0 = 0; w0 < words; w0 += 4) {
        const width = Math.min(4, words - w0);
        const rows = new Float64Array(n * width);
        for (let w = 0; w < width; w++) {
            let scale = 1;
            layout[w0 + w].forEach((f, x) => {
                const values = items[f].values;
                for (let i = 0; i < n; i++)
                    rows[i * width + w] += values[i] * scale;
                if (x < spans[w0 + w].length)
                    scale *= spans[w0 + w][x];
            });
        }
        groups.push(rows);
    }
    return { n, cap, words, groups, slots, spans, plans, keptAt, ks: blocks.map((b) => b.k), keptTotal };
}
/** Bits of a sum of at most `cap` entries no larger than `max`. */
function fieldBits(max, cap) {
    return Math.max(1, Math.ceil(Math.log2(cap * max + 1)));
}
/**
 * Words of fields (item numbers, lowest field first): integer fields first-fit into 53-bit words, the widest
 * first (ties by slot); a float column, or an integer one too wide for a word, alone in a float word (last).
 */
function packFields(items, maxima, cap) {
    const ints = [];
    const floats = [];
    items.forEach((item, f) => {
        if (item.float || fieldBits(maxima[f], cap) > 53)
            floats.push([f]);
        else
            ints.push(f);
    });
    ints.sort((x, y) => fieldBits(maxima[y], cap) - fieldBits(maxima[x], cap) || x - y);
    const words = [];
    const used = [];
    for (const f of ints) {
        const bits = fieldBits(maxima[f], cap);
        let w = used.findIndex((u) => u + bits <= 53);
        if (w < 0) {
            w = used.length;
            used.push(0);
            words.push([]);
        }
        used[w] += bits;
        words[w].push(f);
    }
    return [...words, ...floats];
}
function bootstrapScratch(rows) {
    const { n, cap, words, keptTotal } = rows;
    const pieces = Math.ceil(n / cap);
    const entries = n + pieces + 2;
    const segments = 3 * pieces + 4;
    const kept = new Float64Array(keptTotal);
    return {
        counts: new Int32Array(Math.max(1, n)),
        index: new Int32Array(entries),
        weight: new Int32Array(entries),
        segmentEnd: new Int32Array(segments),
        segmentSums: new Float64Array(segments * Math.max(1, words)),
        kept,
        keptViews: rows.plans.map((p, b) => kept.subarray(rows.keptAt[b], rows.keptAt[b] + p.kept.length)),
        sums: rows.ks.map((k) => new Float64Array(k))
    };
}
/**
 * Runs `count` resamples from `state` (advanced). `visit(t, sums)` receives, per block, the weighted column sums
 * (all k columns, in the block's order) of resample t of the chunk; the arrays are reused, so copy what you keep.
 */
function bootstrapChunk(rows, state, count, visit, scratch = bootstrapScratch(rows)) {
    const { n, cap, words, groups, slots, spans, plans } = rows;
    const { counts, index, weight, segmentEnd, segmentSums, kept, keptViews, sums } = scratch;
    const weightOf = (row) => counts[row];
    for (let t = 0; t < count; t++) {
        counts.fill(0);
        drawCounts(state, n, n, counts);
        const segments = listDrawn(counts, n, cap, index, weight, segmentEnd);
        for (let g = 0, w0 = 0; g < groups.length; g++, w0 += 4) {
            const width = Math.min(4, words - w0);
            if (width === 4)
                sum4(groups[g], index, weight, segmentEnd, segments, segmentSums, words, w0);
            else if (width === 3)
                sum3(groups[g], index, weight, segmentEnd, segments, segmentSums, words, w0);
            else if (width === 2)
                sum2(groups[g], index, weight, segmentEnd, segments, segmentSums, words, w0);
            else
                sum1(groups[g], index, weight, segmentEnd, segments, segmentSums, words, w0);
        }
        kept.fill(0);
        for (let s = 0; s < segments; s++) {
            for (let w = 0; w < words; w++) {
                let x = segmentSums[s * words + w];
                const slot = slots[w];
                const span = spans[w];
                for (let f = 0; f < span.length; f++) {
                    const high = Math.floor(x / span[f]);
                    kept[slot[f]] += x - high * span[f];
                    x = high;
                }
                kept[slot[span.length]] += x;
            }
        }
        for (let b = 0; b < plans.length; b++)
            expandSums(plans[b], keptViews[b], n, weightOf, sums[b]);
        visit(t, sums);
    }
}
/**
 * Lists the examples drawn (index, count) in row order and cuts the list into segments of at most `cap` draws;
 * returns the number of segments (segmentEnd[s]: one past the last entry of segment s).
 */
function listDrawn(counts, n, cap, index, weight, segmentEnd) {
    let k = 0;
    let w = 0;
    let s = 0;
    for (let i = 0; i < n; i++) {
        let c = counts[i];
        if (w + c > cap) {
            if (w > 0) {
                segmentEnd[s++] = k;
                w = 0;
            }
            while (c > cap) {
                index[k] = i;
                weight[k++] = cap;
                segmentEnd[s++] = k;
                c -= cap;
            }
        }
        index[k] = i;
        weight[k] = c;
        w += c;
        // Without a branch: −c is negative (sign bit 1) exactly when c > 0.
        k += -c >>> 31;
    }
    if (w > 0)
        segmentEnd[s++] = k;
    return s;
}
/* The segment sums of a group of 4, 3, 2 or 1 words (one function each, so each stays monomorphic). */
function sum4(rows, index, weight, end, segments, out, words, w0) {
    let t = 0;
    for (let s = 0; s < segments; s++) {
        const stop = end[s];
        let a0 = 0;
        let a1 = 0;
        let a2 = 0;
        let a3 = 0;
        for (; t < stop; t++) {
            const o = index[t] << 2;
            const c = weight[t];
            a0 += c * rows[o];
            a1 += c * rows[o + 1];
            a2 += c * rows[o + 2];
            a3 += c * rows[o + 3];
        }
        const p = s * words + w0;
        out[p] = a0;
        out[p + 1] = a1;
        out[p + 2] = a2;
        out[p + 3] = a3;
    }
}
function sum3(rows, index, weight, end, segments, out, words, w0) {
    let t = 0;
    for (let s = 0; s < segments; s++) {
        const stop = end[s];
        let a0 = 0;
        let a1 = 0;
        let a2 = 0;
        for (; t < stop; t++) {
            const o = index[t] * 3;
            const c = weight[t];
            a0 += c * rows[o];
            a1 += c * rows[o + 1];
            a2 += c * rows[o + 2];
        }
        const p = s * words + w0;
        out[p] = a0;
        out[p + 1] = a1;
        out[p + 2] = a2;
    }
}
function sum2(rows, index, weight, end, segments, out, words, w0) {
    let t = 0;
    for (let s = 0; s < segments; s++) {
        const stop = end[s];
        let a0 = 0;
        let a1 = 0;
        for (; t < stop; t++) {
            const o = index[t] << 1;
            const c = weight[t];
            a0 += c * rows[o];
            a1 += c * rows[o + 1];
        }
        const p = s * words + w0;
        out[p] = a0;
        out[p + 1] = a1;
    }
}
function sum1(rows, index, weight, end, segments, out, words, w0) {
    let t = 0;
    for (let s = 0; s < segments; s++) {
        const stop = end[s];
        let a0 = 0;
        for (; t < stop; t++)
            a0 += weight[t] * rows[index[t]];
        out[s * words + w0] = a0;
    }
}
/** The stream state of chunk c of a named bootstrap. */
function chunkState(seed, name, chunk) {
    return streamState(streamFor(seed, `${name}/${chunk}`));
}
/**
 * Runs R resamples in chunks of CHUNK (chunk c from stream `name/c`), on this thread. `visit(r, sums)` as in
 * {@link bootstrapChunk}, r the resample's number.
 */
function bootstrapSums(n, blocks, R, seed, name, visit) {
    const rows = prepareBootstrap(n, blocks);
    const scratch = bootstrapScratch(rows);
    for (let c = 0; c * bootstrap_CHUNK < R; c++) {
        const first = c * bootstrap_CHUNK;
        bootstrapChunk(rows, chunkState(seed, name, c), Math.min(bootstrap_CHUNK, R - first), (t, sums) => visit(first + t, sums), scratch);
    }
}

;// CONCATENATED MODULE: ./src/metrics/generation/exactMatch.ts
/**
 * Exact match (SPEC §11): the prediction equals one of the references after trimming whitespace at both ends —
 * Python's `str.strip()`, which the reference values of cases-v2 were made with (it trims U+001C–U+001F and
 * NEL too and keeps the BOM, unlike JavaScript's `trim`). No other normalisation: case and punctuation count
 * (SQuAD's normalised exact match would give 0.238, not the oracle's 0.23, on cases-v2/generation-002).
 * Cost: O(length).
 *
 * @example exactMatch(' Paris\n', ['paris', 'Paris']) // true
 */

function exactMatch(prediction, references) {
    const p = pyStrip(prediction);
    return references.some((r) => pyStrip(r) === p);
}

;// CONCATENATED MODULE: ./src/metrics/generation/randomization.ts

/** Finds the differing examples and plans their difference columns (once per comparison). Cost: O(n·k + k²·m). */
function prepareRandomization(n, blocks) {
    // The examples where any column differs.
    const differs = [];
    for (let i = 0; i < n; i++) {
        let same = true;
        for (const { a, b, k } of blocks) {
            for (let j = 0; j < k && same; j++)
                if (a[i * k + j] !== b[i * k + j])
                    same = false;
            if (!same)
                break;
        }
        if (!same)
            differs.push(i);
    }
    const m = differs.length;
    const diffs = blocks.map(({ a, b, k }) => {
        const d = new Float64Array(m * k);
        differs.forEach((i, t) => {
            for (let j = 0; j < k; j++)
                d[t * k + j] = a[i * k + j] - b[i * k + j];
        });
        return d;
    });
    const totalsA = blocks.map(({ a, k }) => sumRows(a, k));
    const totalsB = blocks.map(({ b, k }) => sumRows(b, k));
    const plans = blocks.map((block, x) => planColumns(diffs[x], m, block.k, false, Math.floor(m / 1024)));
    // The kept difference columns of every block, numbered side by side, packed into words.
    const offsets = [];
    const columns = [];
    plans.forEach((p, x) => {
        offsets.push(columns.length);
        const k = blocks[x].k;
        for (const j of p.kept)
            columns.push(Float64Array.from({ length: m }, (_, i) => diffs[x][i * k + j]));
    });
    const { words, slots, spans } = packSigned(columns);
    const rows = new Float64Array(m * words);
    slots.forEach((fields, w) => {
        let scale = 1;
        fields.forEach((f, t) => {
            for (let i = 0; i < m; i++)
                rows[i * words + w] += columns[f][i] * scale;
            if (t < spans[w].length)
                scale *= spans[w][t];
        });
    });
    return { m, rows, width: words, slots, spans, kept: columns.length, offsets, plans, ks: blocks.map((b) => b.k), totalsA, totalsB };
}
/**
 * Signed packing: a subset sum of column j lies within ±A_j, A_j = Σ|d_ij|, so it is held exactly by a field of
 * b_j = ⌈log₂(A_j + 1)⌉ + 1 bits read back by rounding (|D_j| < 2^(b_j − 1): x/2^b_j is within ½ of the rest
 * of the word); fields first-fit into 53-bit words, the widest first; a column too wide takes a word alone (not
 * rounded: its sums are exact as long as they are below 2⁵³, as without packing).
 */
function packSigned(columns) {
    const bits = columns.map((col) => {
        let a = 0;
        for (let i = 0; i < col.length; i++)
            a += Math.abs(col[i]);
        return Math.ceil(Math.log2(a + 1)) + 1;
    });
    const order = columns.map((_, f) => f).sort((x, y) => bits[y] - bits[x] || x - y);
    const fields = [];
    const used = [];
    for (const f of order) {
        let w = bits[f] > 53 ? -1 : used.findIndex((u) => u + bits[f] <= 53);
        if (w < 0) {
            w = used.length;
            used.push(bits[f] > 53 ? 53 : 0);
            fields.push([]);
        }
        used[w] += bits[f];
        fields[w].push(f);
    }
    return {
        words: fields.length,
        slots: fields.map((fs) => Int32Array.from(fs)),
        spans: fields.map((fs) => Float64Array.from(fs.slice(0, -1), (f) => 2 ** bits[f]))
    };
}
/**
 * Runs R trials (on this thread, from one stream). `visit(r, swappedA, swappedB)` receives per block the column
 * sums of the two swapped corpora (arrays reused between trials).
 */
function randomizationSums(n, blocks, R, rng, visit) {
    randomizationChunk(prepareRandomization(n, blocks), R, rng, visit);
}
/** Runs `count` trials of prepared rows from `rng`, as {@link randomizationSums}. */
function randomizationChunk(prepared, R, rng, visit) {
    const { m, rows, width, offsets, plans, ks, totalsA, totalsB } = prepared;
    // Trial-major sums of D, filled block by block: each block's table (2ᵇ rows of `width`) stays in the cache
    // while all R trials read it.
    const bits = 8;
    const subsets = 1 << bits;
    const groups = Math.ceil(m / bits);
    const table = new Float64Array(subsets * width);
    const D = new Float64Array(R * width);
    // Swap masks of the blocks that hold residual rows (derived columns need those rows' swaps).
    const residualGroups = new Array(groups).fill(undefined);
    for (const p of plans)
        for (const row of p.residualRows)
            residualGroups[Math.floor(row / bits)] ??= new Uint8Array(R);
    for (let start = 0; start < R; start += TRIALS) {
        const end = Math.min(R, start + TRIALS);
        for (let g = 0; g < groups; g++) {
            const first = g * bits;
            fillTable(rows, width, first, Math.min(bits, m - first), table);
            addTable(rng, table, width, D, start, end, residualGroups[g]);
        }
    }
    const all = new Float64Array(prepared.kept);
    const keptD = plans.map((p, x) => all.subarray(offsets[x], offsets[x] + p.kept.length));
    const { slots, spans } = prepared;
    const fullD = ks.map((k) => new Float64Array(k));
    const outA = ks.map((k) => new Float64Array(k));
    const outB = ks.map((k) => new Float64Array(k));
    let trial = 0;
    const swapped = (row) => (residualGroups[row >>> 3][trial] >>> (row & 7)) & 1;
    for (let r = 0; r < R; r++) {
        trial = r;
        for (let w = 0; w < width; w++) {
            let x = D[r * width + w];
            const slot = slots[w];
            const span = spans[w];
            for (let f = 0; f < span.length; f++) {
                const high = Math.round(x / span[f]);
                all[slot[f]] = x - high * span[f];
                x = high;
            }
            all[slot[span.length]] = x;
        }
        for (let x = 0; x < plans.length; x++) {
            const p = plans[x];
            expandSums(p, keptD[x], 0, swapped, fullD[x]);
            const k = ks[x];
            for (let j = 0; j < k; j++) {
                outA[x][j] = totalsA[x][j] - fullD[x][j];
                outB[x][j] = totalsB[x][j] + fullD[x][j];
            }
        }
        visit(r, outA, outB);
    }
}
/** The 256 subset sums of rows first … first + size − 1 (size ≤ 8; the missing rows count as zero). */
function fillTable(rows, width, first, size, table) {
    for (let mask = 1; mask < 256; mask++) {
        const low = 31 - Math.clz32(mask & -mask);
        const from = (mask & (mask - 1)) * width;
        const to = mask * width;
        if (low >= size) {
            for (let w = 0; w < width; w++)
                table[to + w] = table[from + w];
        }
        else {
            const o = (first + low) * width;
            for (let w = 0; w < width; w++)
                table[to + w] = table[from + w] + rows[o + w];
        }
    }
}
/** Trials start … end − 1 of one block: 8 random bits each, the tabulated subset sum added to the trial's row of D. */
function addTable(rng, table, width, D, start, end, keep) {
    let word = 0;
    for (let r = start; r < end; r++) {
        if (((r - start) & 3) === 0)
            word = rng.nextUint32();
        const mask = word & 0xff;
        word >>>= 8;
        if (keep !== undefined)
            keep[r] = mask;
        const o = mask * width;
        const d = r * width;
        for (let w = 0; w < width; w++)
            D[d + w] += table[o + w];
    }
}
/** Trials per pass over the blocks: their rows of D (TRIALS · width doubles) stay in a core's L2 cache. */
const TRIALS = 2048;
function sumRows(matrix, k) {
    const out = new Float64Array(k);
    for (let o = 0; o < matrix.length; o += k)
        for (let j = 0; j < k; j++)
            out[j] += matrix[o + j];
    return out;
}

;// CONCATENATED MODULE: ./src/metrics/generation/tokenF1.ts
/**
 * Token F1 of the official SQuAD v1.1 evaluation script (Rajpurkar et al. 2016), max over references.
 *
 * Normalisation, in the script's order: lower case (Python `str.lower`, which JavaScript's `toLowerCase` matches,
 * final sigma included); drop every ASCII punctuation character (Python `string.punctuation`); replace the
 * words a, an, the by a space (Python `\b(a|an|the)\b`, whose word characters are Unicode letters, digits and
 * `_`); then Python `' '.join(text.split())`. F1 of the two token multisets: overlap = Σ min(counts);
 * 0 when the overlap is 0 (so also when either side is empty, as v1.1 does); else 2·P·R / (P + R).
 * Cost: O(length) per pair (a map of the prediction's tokens).
 *
 * @example tokenF1('The cat sat.', ['a cat sat on the mat']) // 0.8
 */

const PUNCTUATION = /[!-/:-@[-`{-~]/g;
const ARTICLES = /(?<![\p{L}\p{N}_])(?:a|an|the)(?![\p{L}\p{N}_])/gu;
/**
 * The SQuAD v1.1 `normalize_answer`.
 * @example normalizeAnswer('The  Eiffel-Tower!') // 'eiffeltower'
 */
function normalizeAnswer(text) {
    const lower = text.toLowerCase();
    const noPunctuation = lower.replace(PUNCTUATION, '');
    const noArticles = noPunctuation.replace(ARTICLES, ' ');
    return pySplit(noArticles).join(' ');
}
/** Token F1 of one prediction against one reference (SQuAD v1.1 `f1_score`). */
function f1Pair(prediction, reference) {
    return f1Tokens(answerTokens(prediction), answerTokens(reference));
}
/**
 * The normalised tokens of a text (`normalize_answer(text).split()`), to score one text against several
 * without normalising it again.
 * @example answerTokens('The cat, sat.') // ['cat', 'sat']
 */
function answerTokens(text) {
    return pySplit(normalizeAnswer(text));
}
/** {@link f1Pair} of normalised tokens. */
function f1Tokens(p, g) {
    const counts = new Map();
    for (const t of p)
        counts.set(t, (counts.get(t) ?? 0) + 1);
    let same = 0;
    for (const t of g) {
        const c = counts.get(t);
        if (c !== undefined && c > 0) {
            same++;
            counts.set(t, c - 1);
        }
    }
    if (same === 0)
        return 0;
    const precision = same / p.length;
    const recall = same / g.length;
    return (2 * precision * recall) / (precision + recall);
}
/** The best F1 over the references (SQuAD's `metric_max_over_ground_truths`). */
function tokenF1(prediction, references) {
    return tokenF1Tokens(answerTokens(prediction), references.map(answerTokens));
}
/** {@link tokenF1} of normalised tokens (the references' normalised once for every model). */
function tokenF1Tokens(prediction, references) {
    let best = 0;
    for (const r of references)
        best = Math.max(best, f1Tokens(prediction, r));
    return best;
}

;// CONCATENATED MODULE: ./src/metrics/generation/jobs.ts
/**
 * The work of the generation metrics as lists of independent chunks, so that two threads can share it: first the
 * per-example statistics (text → rows; chunks of examples), then the resampling: bootstrap chunks (CHUNK resamples each, chunk c drawn from stream `bootstrap:generation/c`) write every
 * metric's candidate and baseline value of their resamples; randomization chunks (TRIALS trials each, stream
 * `permutation:generation/c`) count their hits. A chunk's numbers depend on the seed and its number only, and it
 * writes only its own slots of the outputs, so the results are the same whichever thread runs which chunk and
 * whatever the timing. The job is plain data (typed arrays, numbers, strings): it can be posted to a worker, and
 * its outputs can live in shared memory.
 * Cost: see bootstrap.ts and randomization.ts; O(1) per chunk to start its stream.
 */







/** Randomization trials per chunk. */
const jobs_TRIALS = 2048;
function bootChunks(job) {
    return Math.ceil(job.resamples / bootstrap_CHUNK);
}
/** Every chunk of the job: the examples' for statistics; the bootstrap's, then the randomization's. */
function chunkCount(job) {
    if (job.kind === 'stats')
        return Math.ceil(job.references.length / job.per);
    return bootChunks(job) + (job.perm ? Math.ceil(job.resamples / jobs_TRIALS) : 0);
}
/** The value of a metric from summed columns. */
function metricValue(spec, sums) {
    if (spec.score === 'bleu')
        return bleuFromSums(sums);
    if (spec.score === 'chrf')
        return chrfFromSums(sums);
    const ratio = sums[1] === 0 ? NaN : sums[0] / sums[1];
    return spec.exp ? Math.exp(ratio) : ratio;
}
const scratches = new WeakMap();
let texts = null;
/** Runs chunk c of the job on this thread, writing its outputs. */
function runChunk(job, c) {
    if (job.kind === 'stats') {
        texts ??= { bleu: new bleu_BleuStatistics(), chrf: new chrf_ChrfStatistics() };
        const { references, hypotheses, bleu, chrf, em, f1 } = job;
        const hyps = new Array(hypotheses.length);
        const end = Math.min(references.length, (c + 1) * job.per);
        for (let i = c * job.per; i < end; i++) {
            const refs = references[i];
            const refTokens = refs.map(answerTokens);
            for (let m = 0; m < hypotheses.length; m++) {
                hyps[m] = hypotheses[m][i];
                em[m][i] = exactMatch(hyps[m], refs) ? 1 : 0;
                f1[m][i] = tokenF1Tokens(answerTokens(hyps[m]), refTokens);
            }
            texts.bleu.example(refs, hyps, bleu, i);
            texts.chrf.example(refs, hyps, chrf, i);
        }
        return;
    }
    const boots = bootChunks(job);
    if (c < boots) {
        let scratch = scratches.get(job.boot);
        if (!scratch) {
            scratch = bootstrapScratch(job.boot);
            scratches.set(job.boot, scratch);
        }
        const first = c * bootstrap_CHUNK;
        const { metrics, cand, base } = job;
        bootstrapChunk(job.boot, chunkState(job.seed, 'bootstrap:generation', c), Math.min(bootstrap_CHUNK, job.resamples - first), (t, sums) => {
            for (let x = 0; x < metrics.length; x++) {
                const spec = metrics[x];
                cand[x][first + t] = metricValue(spec, sums[spec.c]);
                if (spec.b >= 0)
                    base[x][first + t] = metricValue(spec, sums[spec.b]);
            }
        }, scratch);
        return;
    }
    const p = c - boots;
    const first = p * jobs_TRIALS;
    const count = Math.min(jobs_TRIALS, job.resamples - first);
    const { permScores, observed, gamma } = job;
    const hits = new Int32Array(3 * permScores.length);
    randomizationChunk(job.perm, count, streamFor(job.seed, `permutation:generation/${p}`), (_r, a, b) => {
        for (let x = 0; x < permScores.length; x++) {
            const score = permScores[x] === 'bleu' ? bleuFromSums : chrfFromSums;
            const d = score(b[x]) - score(a[x]);
            const obs = observed[x];
            if (Math.abs(d) >= Math.abs(obs) - gamma[x])
                hits[3 * x]++;
            if (d <= obs + gamma[x])
                hits[3 * x + 1]++;
            if (Math.abs(d) > Math.abs(obs))
                hits[3 * x + 2]++;
        }
    });
    job.hits.set(hits, p * 3 * permScores.length);
}

;// CONCATENATED MODULE: ./src/metrics/generation/stats.ts
/**
 * Per-example sufficient statistics of the corpus metrics (BLEU, chrF) for the paired examples of a comparison:
 * one typed-array matrix (n rows × k columns, row-major) per metric and model. Everything after this — the
 * corpus score, every bootstrap resample and every randomization — is arithmetic on these rows; text is read
 * once, here. The references of an example are shared by both models (they come from the same row pair).
 * Cost: O(total characters · 6) for chrF and O(total tokens · 4) for BLEU, once.
 */


/**
 * BLEU and chrF statistics of every example.
 * @example corpusStatistics({ references: [['a b c d']], candidate: ['a b c d'], baseline: null })[0].candidate
 *   // Float64Array [4, 4, 4, 3, 2, 1, 4, 3, 2, 1]
 */
function corpusStatistics(texts) {
    const n = texts.references.length;
    if (texts.candidate.length !== n || (texts.baseline !== null && texts.baseline.length !== n)) {
        throw new RangeError('references, candidate and baseline must have one entry per example');
    }
    const models = texts.baseline === null ? 1 : 2;
    const bleu = Array.from({ length: models }, () => new Float64Array(n * BLEU_COLUMNS));
    const chrf = Array.from({ length: models }, () => new Float64Array(n * CHRF_COLUMNS));
    const bleuStats = new BleuStatistics();
    const chrfStats = new ChrfStatistics();
    const hyps = new Array(models);
    for (let i = 0; i < n; i++) {
        hyps[0] = texts.candidate[i];
        if (texts.baseline !== null)
            hyps[1] = texts.baseline[i];
        bleuStats.example(texts.references[i], hyps, bleu, i);
        chrfStats.example(texts.references[i], hyps, chrf, i);
    }
    return corpusFromRows(bleu, chrf);
}
/** The corpus metrics of statistics rows computed elsewhere (per model: candidate, then baseline if any). */
function corpusFromRows(bleu, chrf) {
    return [
        { name: 'bleu', k: bleu_BLEU_COLUMNS, score: bleuFromSums, candidate: bleu[0], baseline: bleu.length === 2 ? bleu[1] : null },
        { name: 'chrf', k: chrf_CHRF_COLUMNS, score: chrfFromSums, candidate: chrf[0], baseline: chrf.length === 2 ? chrf[1] : null }
    ];
}
/**
 * Column sums of an n × k row-major matrix (exact: the entries are integers far below 2⁵³).
 * @example columnSums(Float64Array.of(1, 2, 3, 4), 2) // Float64Array [4, 6]
 */
function columnSums(matrix, k) {
    const out = new Float64Array(k);
    for (let o = 0; o < matrix.length; o += k)
        for (let j = 0; j < k; j++)
            out[j] += matrix[o + j];
    return out;
}
/** The corpus value of a metric for one model's rows. */
function corpusScore(stats, rows) {
    return stats.score(columnSums(rows, stats.k));
}

;// CONCATENATED MODULE: ./src/metrics/generation/worker.ts
/**
 * The generation resampling on two cores: a helper thread (the CLI bundle itself, started with a marker in
 * `workerData`, as src/read/parallel.ts does) takes chunks of the job (jobs.ts) while the main thread takes the
 * others. Each chunk is claimed with an atomic compare-and-swap on its status word (free → main or helper →
 * done), so each is computed once; its numbers depend only on the seed and the chunk's number, so the report is
 * the same byte for byte whoever computes what. The main thread never depends on the helper: it claims every
 * chunk the helper has not taken (so a helper that never starts costs nothing but its start), waits for those
 * the helper holds, and computes one itself if the helper gives it back (an error) or has not finished it long
 * after the main thread would have (a helper that died).
 * Outputs are in shared memory; the job's inputs are copied to the helper once (about 2 MB for 10,000 examples).
 * The main thread blocks in Atomics.wait while it waits, so `compareGeneration` stays synchronous.
 */


const FREE = 0;
const MAIN = 1;
const HELPER = 2;
const DONE = 3;
/** True in a helper thread started by {@link GenerationHelper}. */
function isGenerationWorker() {
    return !external_node_worker_threads_namespaceObject.isMainThread && external_node_worker_threads_namespaceObject.workerData?.evalGateGeneration === true;
}
/** In a helper thread: takes free chunks of each job posted to it. */
function serveGenerationWorker() {
    external_node_worker_threads_namespaceObject.parentPort?.on('message', ({ job, status }) => {
        claimChunks(job, status, HELPER);
    });
    external_node_worker_threads_namespaceObject.parentPort?.postMessage('ready');
}
/** Chunks of the last job run by the main thread and by the helper (for tests and timing). */
const lastSplit = { main: 0, helper: 0 };
/**
 * Claims and runs free chunks, the main thread from the first, the helper from the last (so they seldom contend);
 * returns how many it ran and the milliseconds per chunk.
 */
function claimChunks(job, status, who) {
    let ran = 0;
    const start = performance.now();
    for (let i = 0; i < status.length; i++) {
        const c = who === MAIN ? i : status.length - 1 - i;
        if (Atomics.compareExchange(status, c, FREE, who) !== FREE)
            continue;
        try {
            runChunk(job, c);
        }
        catch (error) {
            // Give the chunk back to the main thread, which will compute it (and meet the error itself, if any).
            Atomics.store(status, c, FREE);
            Atomics.notify(status, c);
            if (who === HELPER)
                return { ran, perChunk: 0 };
            throw error;
        }
        Atomics.store(status, c, DONE);
        Atomics.notify(status, c);
        ran++;
    }
    return { ran, perChunk: ran === 0 ? 0 : (performance.now() - start) / ran };
}
/** A helper thread for the resampling; start it early (it takes a moment to load), close it when done. */
class GenerationHelper {
    worker = null;
    /** Settles when the helper is listening (or has failed: then it never takes a chunk). */
    ready;
    /** @param script the module to run in the thread: the CLI bundle (`new URL(import.meta.url)` there). */
    constructor(script) {
        let settle = () => undefined;
        this.ready = new Promise((resolve) => (settle = resolve));
        try {
            const worker = new external_node_worker_threads_namespaceObject.Worker(script, { workerData: { evalGateGeneration: true } });
            worker.unref();
            // A helper that fails is simply not there: the main thread does every chunk.
            worker.on('error', settle);
            worker.on('exit', settle);
            worker.once('message', settle);
            this.worker = worker;
        }
        catch {
            this.worker = null;
            settle();
        }
    }
    /** Posts the job (its outputs must be in shared memory: see {@link sharedArray}). */
    post(job, status) {
        if (this.worker === null)
            return false;
        try {
            this.worker.postMessage({ job, status });
            return true;
        }
        catch {
            return false;
        }
    }
    close() {
        if (this.worker)
            void this.worker.terminate();
        this.worker = null;
    }
}
/** A zeroed Float64Array in shared memory when a helper will write it, ordinary memory otherwise. */
function sharedArray(length, shared) {
    return shared ? new Float64Array(new SharedArrayBuffer(8 * length)) : new Float64Array(length);
}
/** A zeroed Int32Array, shared or not. */
function sharedInts(length, shared) {
    return shared ? new Int32Array(new SharedArrayBuffer(4 * length)) : new Int32Array(length);
}
/**
 * Runs every chunk of the job: with a helper, the two threads share them (the job's outputs must then be shared
 * arrays); without, all on this thread.
 */
function runJob(job, helper) {
    const total = chunkCount(job);
    const status = sharedInts(total, helper !== null);
    lastSplit.main = total;
    lastSplit.helper = 0;
    if (helper === null || !helper.post(job, status)) {
        for (let c = 0; c < total; c++)
            runChunk(job, c);
        return;
    }
    const { ran, perChunk } = claimChunks(job, status, MAIN);
    let main = ran;
    // Long after the main thread would have finished a chunk, the helper is taken to be gone.
    const patience = Math.max(2000, 20 * perChunk);
    for (let c = 0; c < total; c++) {
        for (;;) {
            const s = Atomics.load(status, c);
            if (s === DONE)
                break;
            if (s === FREE) {
                if (Atomics.compareExchange(status, c, FREE, MAIN) !== FREE)
                    continue;
                runChunk(job, c);
                Atomics.store(status, c, DONE);
                main++;
                break;
            }
            if (Atomics.wait(status, c, HELPER, patience) === 'timed-out') {
                // Same numbers as the helper's, if it still writes them.
                runChunk(job, c);
                main++;
                break;
            }
        }
    }
    lastSplit.main = main;
    lastSplit.helper = total - main;
}

;// CONCATENATED MODULE: ./src/metrics/generation/resample.ts






/** Floating-point tolerance of a tie with the observed delta. */
function tolerance(observed) {
    return Math.max(1e-14, 1e-14 * Math.abs(observed));
}
/**
 * Resamples every metric. Corpus metrics are higher-is-better (BLEU, chrF); ratio metrics say their direction.
 * Without a baseline only the candidate's intervals are given.
 */
function resampleGeneration(n, corpus, ratios, settings) {
    const R = settings.resamples;
    const paired = corpus.every((c) => c.baseline !== null) && ratios.every((c) => c.baseline !== null);
    const blocks = [];
    for (const c of corpus) {
        blocks.push({ data: c.candidate, k: c.k, integer: true });
        if (paired)
            blocks.push({ data: c.baseline, k: c.k, integer: true });
    }
    // Ratio metrics over the same rows (loss and perplexity) share their blocks.
    const blockOf = new Map();
    const ratioBlocks = ratios.map((q) => {
        const sides = paired ? [q.candidate, q.baseline] : [q.candidate];
        return sides.map((data) => {
            let b = blockOf.get(data);
            if (b === undefined) {
                b = blocks.length;
                blocks.push({ data, k: 2, integer: q.integer });
                blockOf.set(data, b);
            }
            return b;
        });
    });
    const metrics = corpus.length + ratios.length;
    const specs = [
        ...corpus.map((c, x) => ({ score: c.name, exp: false, c: paired ? 2 * x : x, b: paired ? 2 * x + 1 : -1 })),
        ...ratios.map((q, y) => ({ score: 'ratio', exp: q.transform === 'exp', c: ratioBlocks[y][0], b: paired ? ratioBlocks[y][1] : -1 }))
    ];
    const observedC = [];
    const observedB = [];
    specs.forEach((spec) => {
        const k = blocks[spec.c].k;
        observedC.push(metricValue(spec, columnSums(blocks[spec.c].data, k)));
        observedB.push(spec.b >= 0 ? metricValue(spec, columnSums(blocks[spec.b].data, k)) : null);
    });
    const helper = settings.helper ?? null;
    const shared = helper !== null;
    const withAr = paired && corpus.length > 0;
    const observed = corpus.map((_, x) => observedC[x] - observedB[x]);
    const job = {
        kind: 'resample',
        seed: settings.seed,
        resamples: R,
        boot: prepareBootstrap(n, blocks),
        metrics: specs,
        cand: specs.map(() => sharedArray(R, shared)),
        base: specs.map(() => sharedArray(paired ? R : 0, shared)),
        perm: withAr ? prepareRandomization(n, corpus.map((c) => ({ a: c.baseline, b: c.candidate, k: c.k }))) : null,
        permScores: corpus.map((c) => c.name),
        observed,
        gamma: observed.map(tolerance),
        hits: sharedInts(withAr ? 3 * corpus.length * Math.ceil(R / jobs_TRIALS) : 0, shared)
    };
    runJob(job, helper);
    const { cand, base } = job;
    const ar = withAr ? sumHits(job.hits, corpus.length) : null;
    const out = new Map();
    const { alpha } = settings;
    for (let x = 0; x < metrics; x++) {
        const isCorpus = x < corpus.length;
        const name = isCorpus ? corpus[x].name : ratios[x - corpus.length].name;
        const direction = isCorpus ? 'higher' : ratios[x - corpus.length].direction;
        const c = observedC[x];
        const b = observedB[x];
        const delta = b === null ? null : c - b;
        const candSorted = finiteSorted(cand[x]);
        const result = {
            candidate: c,
            baseline: b,
            delta,
            ci: null,
            candidateCi: candSorted.length > 0 ? [quantileSorted7(candSorted, alpha / 2), quantileSorted7(candSorted, 1 - alpha / 2)] : null,
            worseBound: null,
            pValue: null,
            pValueWorse: null,
            test: null
        };
        let deltas = null;
        if (paired && delta !== null && Number.isFinite(delta)) {
            deltas = new Float64Array(R);
            for (let r = 0; r < R; r++)
                deltas[r] = cand[x][r] - base[x][r];
            const sorted = finiteSorted(deltas);
            if (sorted.length > 0) {
                result.ci = [quantileSorted7(sorted, alpha / 2), quantileSorted7(sorted, 1 - alpha / 2)];
                result.worseBound = quantileSorted7(sorted, direction === 'higher' ? alpha : 1 - alpha);
            }
        }
        if (isCorpus) {
            const hits = ar?.[x];
            if (hits) {
                result.pValue = (hits.twoSided + 1) / (R + 1);
                result.pValueWorse = (hits.worse + 1) / (R + 1);
                result.test = 'permutation';
            }
            result.sacrebleuAR = hits ? (hits.strict + 1) / (R + 1) : null;
            result.sacrebleuBs = sacrebleuBootstrap(cand[x], paired ? base[x] : null, delta);
        }
        else if (deltas !== null && delta !== null) {
            Object.assign(result, shiftPValues(deltas, delta, direction), { test: 'bootstrap' });
        }
        out.set(name, result);
    }
    return out;
}
/** Randomization hits per corpus metric, summed over the chunks ([two-sided, worse, strict] per chunk and metric). */
function sumHits(hits, metrics) {
    const out = Array.from({ length: metrics }, () => ({ twoSided: 0, worse: 0, strict: 0 }));
    for (let o = 0; o < hits.length; o += 3 * metrics) {
        for (let x = 0; x < metrics; x++) {
            out[x].twoSided += hits[o + 3 * x];
            out[x].worse += hits[o + 3 * x + 1];
            out[x].strict += hits[o + 3 * x + 2];
        }
    }
    return out;
}
/** sacrebleu `--paired-bs`: the candidate's bootstrap mean and 95% half-width, and its p-value. */
function sacrebleuBootstrap(cand, base, delta) {
    const R = cand.length;
    const sorted = Float64Array.from(cand).sort();
    const lower = Math.floor(R / 40);
    const upper = R - lower - 1;
    let sum = 0;
    for (let r = 0; r < R; r++)
        sum += cand[r];
    let pValue = null;
    if (base !== null && delta !== null) {
        const diffs = new Float64Array(R);
        let mean = 0;
        for (let r = 0; r < R; r++) {
            diffs[r] = Math.abs(cand[r] - base[r]);
            mean += diffs[r];
        }
        mean /= R;
        let c = 0;
        for (let r = 0; r < R; r++)
            if (diffs[r] - mean > Math.abs(delta))
                c++;
        pValue = (c + 1) / (R + 1);
    }
    return { candidateMean: sum / R, candidateCi: 0.5 * (sorted[upper] - sorted[lower]), pValue };
}
/** Bootstrap p-values by the shift method: the deltas centred on their mean as the null distribution. */
function shiftPValues(deltas, observed, direction) {
    const finite = finiteSorted(deltas);
    const R = finite.length;
    let mean = 0;
    for (let r = 0; r < R; r++)
        mean += finite[r];
    mean /= R;
    const gamma = tolerance(observed);
    let two = 0;
    let worse = 0;
    for (let r = 0; r < R; r++) {
        const centred = finite[r] - mean;
        if (Math.abs(centred) >= Math.abs(observed) - gamma)
            two++;
        if (direction === 'higher' ? centred <= observed + gamma : centred >= observed - gamma)
            worse++;
    }
    return { pValue: (two + 1) / (R + 1), pValueWorse: (worse + 1) / (R + 1) };
}
/** The finite values, ascending (a copy). */
function finiteSorted(values) {
    let m = 0;
    for (let i = 0; i < values.length; i++)
        if (Number.isFinite(values[i]))
            m++;
    const out = new Float64Array(m);
    let j = 0;
    for (let i = 0; i < values.length; i++)
        if (Number.isFinite(values[i]))
            out[j++] = values[i];
    return out.sort();
}

;// CONCATENATED MODULE: ./src/metrics/generation/index.ts
/**
 * Text-generation metrics of SPEC §11 (issue 10), pure: `exact_match`, `token_f1`, `bleu`, `chrf`, `loss`,
 * `perplexity` of the paired examples, with their intervals and tests. `compareGeneration` is the one call a
 * task needs; the modules below it are usable on their own.
 */







/** Examples per chunk of the statistics. */
const STATS_CHUNK = 500;
/** Examples × resamples from which a helper thread is started. */
const HELPER_WORK = 2e7;









/**
 * All generation metrics of the paired examples. Bootstrap intervals for every metric (one set of draws); the
 * test of SPEC §11 for `pValue`: exact McNemar (exact_match), paired t (token_f1), approximate randomization
 * (bleu, chrf), paired bootstrap (loss, perplexity). With `workerScript` (the CLI bundle), a helper thread
 * takes half the resampling (worker.ts; the same numbers).
 * Cost: O(text) once, then O(R · 0.63·n · 12) for the bootstrap (10 packed words for BLEU, chrF and exact_match,
 * 2 for token_f1) and O(R · n/8 · 5) for the randomization; about 3.9 s on one core and 2.5 s on two for
 * 10,000 examples and 10,000 resamples (the CLI, with reading).
 */
function compareGeneration(data, settings) {
    // The helper thread loads while this one reads the texts (unless the caller brings its own); below about 0.2 s of
    // resampling its start (about 0.1 s) would not pay.
    const own = settings.helper === undefined && settings.workerScript !== undefined && data.ids.length * settings.resamples >= HELPER_WORK;
    const helper = own ? new GenerationHelper(settings.workerScript) : (settings.helper ?? null);
    try {
        return compareWith(data, { ...settings, helper });
    }
    finally {
        if (own)
            helper?.close();
    }
}
function compareWith(data, settings) {
    const n = data.ids.length;
    const paired = data.baseline !== null;
    // Text → per-example rows, on both threads when there is a helper.
    const hypotheses = paired ? [data.candidate, data.baseline] : [data.candidate];
    const shared = settings.helper !== undefined && settings.helper !== null;
    const models = hypotheses.length;
    const statsJob = {
        kind: 'stats',
        references: data.references,
        hypotheses,
        per: STATS_CHUNK,
        bleu: Array.from({ length: models }, () => sharedArray(n * bleu_BLEU_COLUMNS, shared)),
        chrf: Array.from({ length: models }, () => sharedArray(n * chrf_CHRF_COLUMNS, shared)),
        em: Array.from({ length: models }, () => sharedArray(n, shared)),
        f1: Array.from({ length: models }, () => sharedArray(n, shared))
    };
    if (data.references.length !== n || data.candidate.length !== n || (data.baseline !== null && data.baseline.length !== n)) {
        throw new RangeError('ids, references, candidate and baseline must have one entry per example');
    }
    for (const refs of data.references)
        if (refs.length === 0)
            throw new RangeError('BLEU and chrF need at least one reference per example');
    runJob(statsJob, settings.helper ?? null);
    const [emC, emB] = [statsJob.em[0], paired ? statsJob.em[1] : new Float64Array(n)];
    const [f1C, f1B] = [statsJob.f1[0], paired ? statsJob.f1[1] : new Float64Array(n)];
    const meanRows = (x) => {
        const out = new Float64Array(2 * n);
        for (let i = 0; i < n; i++) {
            out[2 * i] = x[i];
            out[2 * i + 1] = 1;
        }
        return out;
    };
    const ratios = [
        { name: 'exact_match', direction: 'higher', candidate: meanRows(emC), baseline: paired ? meanRows(emB) : null, integer: true },
        { name: 'token_f1', direction: 'higher', candidate: meanRows(f1C), baseline: paired ? meanRows(f1B) : null, integer: false }
    ];
    if (data.loss) {
        const c = lossRows(data.loss.candidate.loss, data.loss.candidate.tokens);
        const b = data.loss.baseline ? lossRows(data.loss.baseline.loss, data.loss.baseline.tokens) : null;
        ratios.push({ name: 'loss', direction: 'lower', candidate: c, baseline: b, integer: false });
        ratios.push({ name: 'perplexity', direction: 'lower', candidate: c, baseline: b, integer: false, transform: 'exp' });
    }
    const corpus = corpusFromRows(statsJob.bleu, statsJob.chrf);
    const metrics = resampleGeneration(n, corpus, ratios, settings);
    let em = null;
    let f1 = null;
    if (paired) {
        em = compareExactMatch(data.ids, emC, emB, settings.alpha);
        f1 = compareTokenF1(data.ids, f1C, f1B, settings.alpha, settings.drops ?? 10);
        const e = metrics.get('exact_match');
        if (e)
            Object.assign(e, { pValue: em.pValue, pValueWorse: em.pValueWorse, candidateCi: em.candidateCi, test: 'mcnemar-exact' });
        const t = metrics.get('token_f1');
        if (t)
            Object.assign(t, { pValue: f1.pValue, pValueWorse: f1.pValueWorse, test: 'paired-t' });
    }
    return { metrics, exactMatch: em, tokenF1: f1 };
}

;// CONCATENATED MODULE: ./src/read/textRows.ts
/**
 * Rows of text generation (SPEC §11): an id, the reference (a string, or an array of strings: several
 * references), the generated text, and optionally `loss` (mean token NLL) and `tokens` (a positive count), on all
 * rows or none. In CSV/TSV a reference cell that holds a JSON array of strings is several references.
 */




class TextRowBuilder {
    file;
    fields;
    textCells;
    n = 0;
    /** Rows the id column has room for. */
    cap = 1024;
    lines = [];
    references = [];
    predictions = [];
    loss = [];
    tokens = [];
    /** Whether rows carry loss and tokens; fixed by the first row. */
    hasLoss = null;
    ids;
    columns;
    constructor(file, fields, requireId, textCells) {
        this.file = file;
        this.fields = fields;
        this.textCells = textCells;
        this.columns = [
            { name: fields.id, required: false },
            { name: fields.label, required: true },
            { name: fields.prediction, required: true },
            { name: 'loss', required: false },
            { name: 'tokens', required: false }
        ];
        this.ids = new IdColumn(file, fields.id, requireId, textCells, this.cap);
    }
    add(lineNo, cells) {
        const [id, label, prediction, loss, tokens] = cells;
        const i = this.n;
        if (i === this.cap)
            this.ids.grow((this.cap *= 2));
        this.lines.push(lineNo);
        this.references.push(this.referencesOf(label, lineNo));
        this.predictions.push(this.textOf(prediction, lineNo, this.fields.prediction));
        this.ids.add(id, lineNo, i, this.lines[0]);
        const present = (loss !== undefined && loss !== '') || (tokens !== undefined && tokens !== '');
        this.hasLoss ??= present;
        if (present !== this.hasLoss) {
            const field = this.hasLoss ? (loss === undefined || loss === '' ? 'loss' : 'tokens') : loss !== undefined && loss !== '' ? 'loss' : 'tokens';
            throw new InputError(this.file, lineNo, field, this.hasLoss ? `is missing, but the earlier rows (from line ${this.lines[0]}) have it: give loss and tokens on all rows or none` : `is present, but the earlier rows (from line ${this.lines[0]}) have no loss: give loss and tokens on all rows or none`);
        }
        if (present) {
            this.loss.push(this.numberOf(loss, lineNo, 'loss', (x) => x >= 0, 'a number ≥ 0'));
            this.tokens.push(this.numberOf(tokens, lineNo, 'tokens', (x) => x > 0, 'a number > 0'));
        }
        this.n = i + 1;
    }
    finish() {
        if (this.n === 0)
            throw new InputError(this.file, null, null, 'is empty: no prediction rows');
        return {
            name: this.file,
            idField: this.fields.id,
            n: this.n,
            ids: this.ids.finish(this.n),
            line: Uint32Array.from(this.lines),
            references: this.references,
            predictions: this.predictions,
            loss: this.hasLoss ? Float64Array.from(this.loss) : null,
            tokens: this.hasLoss ? Float64Array.from(this.tokens) : null
        };
    }
    referencesOf(value, lineNo) {
        const field = this.fields.label;
        if (this.textCells && typeof value === 'string' && value.trimStart().startsWith('[')) {
            try {
                value = JSON.parse(value);
            }
            catch {
                // Plain text that starts with a bracket: one reference.
            }
        }
        if (typeof value === 'string')
            return [value];
        if (Array.isArray(value)) {
            if (value.length === 0)
                throw new InputError(this.file, lineNo, field, 'is an empty array: give at least one reference');
            const bad = value.findIndex((x) => typeof x !== 'string');
            if (bad >= 0)
                throw new InputError(this.file, lineNo, field, `must be a string or an array of strings, but item ${bad + 1} is ${describe(value[bad])}`);
            return value;
        }
        if (value === undefined)
            throw new InputError(this.file, lineNo, field, 'is missing');
        throw new InputError(this.file, lineNo, field, `must be a string or an array of strings, got ${describe(value)}`);
    }
    textOf(value, lineNo, field) {
        if (typeof value === 'string')
            return value;
        if (value === undefined)
            throw new InputError(this.file, lineNo, field, 'is missing');
        if (value === null)
            return '';
        throw new InputError(this.file, lineNo, field, `must be a string, got ${describe(value)}`);
    }
    numberOf(value, lineNo, field, ok, what) {
        const x = typeof value === 'number' ? value : this.textCells && typeof value === 'string' ? parseDecimal(value) : NaN;
        if (!Number.isFinite(x) || !ok(x))
            throw new InputError(this.file, lineNo, field, value === undefined ? 'is missing' : `must be ${what}, got ${describe(value)}`);
        return x;
    }
}

;// CONCATENATED MODULE: ./src/tasks/rows.ts



/** Reads the candidate and (when given) the baseline, each into a fresh sink; then pairs them. */
async function readAndPair(options, sink, sameTruth) {
    const requireId = options.baseline !== null;
    const read = async (source) => {
        const rows = sink(source, textCells(source.name, options.format), requireId);
        await readRows(source, rows, { format: options.format });
        return rows.finish();
    };
    const candidate = await read(options.candidate);
    const baseline = options.baseline ? await read(options.baseline) : null;
    if (!baseline) {
        checkUniqueIds(candidate);
        return { candidate, baseline, pairing: null };
    }
    return { candidate, baseline, pairing: pairByIds(candidate, baseline, sameTruth(candidate, baseline)) };
}
/** Row indices of the compared examples: the pairs' candidate (or baseline) rows, or every candidate row. */
function rowsOf(pairing, n, side = 'cand') {
    if (pairing)
        return pairing[side];
    return Uint32Array.from({ length: n }, (_, i) => i);
}
/** `values` at `rows`. */
function rows_gather(values, rows) {
    const out = new Float64Array(rows.length);
    for (let p = 0; p < rows.length; p++)
        out[p] = values[rows[p]];
    return out;
}
/** The ids at `rows` as text (1-based row numbers when the file has no ids). */
function idsAt(ids, rows) {
    return Array.from({ length: rows.length }, (_, p) => (ids ? String(ids[rows[p]]) : String(rows[p] + 1)));
}
/** Default rules for a task's metrics: `NAME no-regression` for each. */
const noRegressionOn = (names) => names.map((n) => `${n} no-regression`).join('; ');
/**
 * The Prepared of a task without classes (scores, regression, generation): no labels or positive class, counts
 * from the two files and the pairing, and the task's metric names, default gates and analysis.
 */
function unlabelled(task, read, metrics, defaultGates, analyze) {
    return {
        task,
        labels: [],
        positiveLabel: null,
        counts: countsOf(read.candidate.n, read.baseline ? read.baseline.n : null, read.pairing),
        pairing: read.pairing,
        hasBaseline: read.baseline !== null,
        known: { metrics, labels: [] },
        defaultGates,
        analyze
    };
}

;// CONCATENATED MODULE: ./src/tasks/generation.ts



const TEXT_METRICS = ['exact_match', 'token_f1', 'bleu', 'chrf'];
const LOSS_METRICS = ['loss', 'perplexity'];
const sameReferences = (a, b) => a.length === b.length && a.every((x, k) => x === b[k]);
const generation = {
    async prepare(options) {
        const read = await readAndPair(options, (source, text, requireId) => new TextRowBuilder(source.name, options.fields, requireId, text), (c, b) => (i, j) => sameReferences(c.references[i], b.references[j]));
        const { candidate, baseline, pairing } = read;
        const hasLoss = candidate.loss !== null && (baseline === null || baseline.loss !== null);
        const names = [...TEXT_METRICS, ...(hasLoss ? LOSS_METRICS : [])];
        return unlabelled('generation', read, names, noRegressionOn(names.filter((n) => n !== 'perplexity')), (_rules, settings) => {
            const cRows = Array.from(rowsOf(pairing, candidate.n, 'cand'));
            const bRows = pairing ? Array.from(pairing.base) : null;
            const pick = (list, rows) => rows.map((i) => list[i]);
            const lossOf = (f, rows) => ({
                loss: Float64Array.from(rows, (i) => f.loss[i]),
                tokens: Float64Array.from(rows, (i) => f.tokens[i])
            });
            const result = compareGeneration({
                ids: idsAt(candidate.ids, cRows),
                references: pick(candidate.references, cRows),
                candidate: pick(candidate.predictions, cRows),
                baseline: baseline && bRows ? pick(baseline.predictions, bRows) : null,
                ...(hasLoss ? { loss: { candidate: lossOf(candidate, cRows), baseline: baseline && bRows ? lossOf(baseline, bRows) : null } } : {})
            }, { ...settings, workerScript: options.readerScript });
            const metrics = {};
            for (const name of names) {
                const r = result.metrics.get(name);
                if (!r)
                    continue;
                metrics[name] = {
                    candidate: r.candidate,
                    baseline: r.baseline,
                    delta: r.delta,
                    ci: r.ci,
                    pValue: r.pValue,
                    candidateCi: r.candidateCi,
                    test: r.test,
                    direction: name === 'loss' || name === 'perplexity' ? 'lower' : 'higher',
                    pValueWorse: r.pValueWorse,
                    worseBound: r.worseBound,
                    ciMethod: r.ci ? 'bootstrap-percentile' : null
                };
            }
            const examples = {};
            if (result.exactMatch) {
                const em = result.exactMatch;
                examples.exact_match = { kind: 'flips', worse: em.table.baselineOnly, better: em.table.candidateOnly, firstWorse: em.lost.slice(0, 10), firstBetter: em.gained.slice(0, 10) };
            }
            if (result.tokenF1) {
                examples.token_f1 = { kind: 'drops', drops: result.tokenF1.drops.map((d) => ({ id: d.id, baseline: d.baseline, candidate: d.candidate, change: -d.delta })) };
            }
            return { metrics, confusionMatrix: null, disagreement: null, ...(baseline ? { examples } : {}), warnings: { first: [], last: [] } };
        });
    }
};

;// CONCATENATED MODULE: ./src/metrics/regression.ts
const REGRESSION_METRICS = ['mae', 'rmse', 'r2', 'max_error'];
/** `r2` is better when higher, the errors when lower. */
function regressionDirection(name) {
    return name === 'r2' ? 'higher' : 'lower';
}
/**
 * The four metrics of predictions `p` against truths `y`, optionally weighted (null: every weight 1).
 * NaN for all four without examples.
 * @example regressionMetrics([3, -0.5, 2, 7], [2.5, 0, 2, 8]).mae // 0.5
 * @example regressionMetrics([3, 2, 7, 1], [4, 2, 7, 1]).max_error // 1
 */
function regressionMetrics(y, p, weight = null) {
    const n = y.length;
    let total = 0;
    let sumAbs = 0;
    let sumSq = 0;
    let sumY = 0;
    let max = -Infinity;
    let first = NaN;
    let constant = true;
    for (let i = 0; i < n; i++) {
        const w = weight === null ? 1 : weight[i];
        if (w === 0)
            continue;
        if (total === 0)
            first = y[i];
        else if (y[i] !== first)
            constant = false;
        const e = y[i] - p[i];
        const a = Math.abs(e);
        total += w;
        sumAbs += w * a;
        sumSq += w * e * e;
        sumY += w * y[i];
        if (a > max)
            max = a;
    }
    if (total === 0)
        return { mae: NaN, rmse: NaN, r2: NaN, max_error: NaN };
    const mean = sumY / total;
    let ssTot = 0;
    for (let i = 0; i < n && !constant; i++) {
        const w = weight === null ? 1 : weight[i];
        const d = y[i] - mean;
        ssTot += w * d * d;
    }
    return { mae: sumAbs / total, rmse: Math.sqrt(sumSq / total), r2: r2Of(sumSq, ssTot, total), max_error: max };
}
/**
 * R² from the residual and total sums of squares of `total` examples, with scikit-learn's force_finite rules.
 * @example r2Of(0, 0, 5) // 1
 * @example r2Of(2, 0, 5) // 0
 */
function r2Of(ssRes, ssTot, total) {
    if (total < 2)
        return NaN;
    if (ssTot === 0)
        return ssRes === 0 ? 1 : 0;
    return 1 - ssRes / ssTot;
}

;// CONCATENATED MODULE: ./src/read/numericRows.ts
/**
 * Rows of numbers (tasks scores and regression, SPEC §10): an id and named numeric fields, each on every row.
 * A JSON number (finite), a JSON boolean (true = 1, false = 0), or in CSV/TSV a decimal number or `true`/`false`
 * as written. A missing or non-numeric value names file, line and field. Columns grow by doubling.
 */




class NumericRowBuilder {
    file;
    idField;
    fields;
    textCells;
    allowBooleans;
    n = 0;
    cap = 1024;
    line = new Uint32Array(this.cap);
    values;
    booleans;
    ids;
    columns;
    constructor(file, idField, fields, requireId, textCells, 
    /** Booleans are allowed (scores: pass/fail fields) or not (regression: label and prediction are numbers). */
    allowBooleans) {
        this.file = file;
        this.idField = idField;
        this.fields = fields;
        this.textCells = textCells;
        this.allowBooleans = allowBooleans;
        this.columns = [{ name: idField, required: false }, ...fields.map((name) => ({ name, required: true }))];
        this.values = fields.map(() => new Float64Array(this.cap));
        this.booleans = fields.map(() => true);
        this.ids = new IdColumn(file, idField, requireId, textCells, this.cap);
    }
    add(lineNo, cells) {
        const i = this.n;
        if (i === this.cap)
            this.grow();
        this.line[i] = lineNo;
        for (let k = 0; k < this.fields.length; k++)
            this.values[k][i] = this.number(cells[k + 1], lineNo, k);
        this.ids.add(cells[0], lineNo, i, this.line[0]);
        this.n = i + 1;
    }
    finish() {
        if (this.n === 0)
            throw new InputError(this.file, null, null, 'is empty: no prediction rows');
        const n = this.n;
        return {
            name: this.file,
            idField: this.idField,
            n,
            ids: this.ids.finish(n),
            line: this.line.slice(0, n),
            values: this.values.map((v) => v.slice(0, n)),
            booleans: [...this.booleans]
        };
    }
    number(value, lineNo, k) {
        if (typeof value === 'number') {
            if (!Number.isFinite(value))
                throw new InputError(this.file, lineNo, this.fields[k], `must be a finite number, got ${value}`);
            this.booleans[k] = false;
            return value;
        }
        if (this.allowBooleans && typeof value === 'boolean')
            return value ? 1 : 0;
        if (this.textCells && typeof value === 'string') {
            const text = value.trim();
            if (this.allowBooleans && (text === 'true' || text === 'false'))
                return text === 'true' ? 1 : 0;
            const x = parseDecimal(value);
            if (Number.isFinite(x)) {
                this.booleans[k] = false;
                return x;
            }
        }
        if (value === undefined || (this.textCells && value === ''))
            throw new InputError(this.file, lineNo, this.fields[k], value === undefined ? 'is missing' : 'is empty');
        throw new InputError(this.file, lineNo, this.fields[k], `must be a number${this.allowBooleans ? ' or true/false' : ''}, got ${describe(value)}`);
    }
    grow() {
        this.cap *= 2;
        const line = new Uint32Array(this.cap);
        line.set(this.line);
        this.line = line;
        this.values = this.values.map((v) => {
            const b = new Float64Array(this.cap);
            b.set(v);
            return b;
        });
        this.ids.grow(this.cap);
    }
}

;// CONCATENATED MODULE: ./src/stats/valueCells.ts
/**
 * The cell reduction for numbers: per-example tuples of values — (baseline, candidate) for a score field,
 * (truth, baseline, candidate) for regression — grouped into weighted cells of identical tuples.
 *
 * Every statistic the numeric tasks resample is a function of weighted sums (or a weighted maximum) over the
 * examples, so it is the same function of the cells with their counts as weights (METHODS.md, "the cell
 * reduction"). A judge's 1–5 score has at most 25 cells, a pass rate 4, so a resample costs O(cells), not O(n);
 * continuous values (latency) have up to n cells.
 *
 * Method: few distinct tuples (up to HASH_CELLS) are grouped by hashing into an open-addressing table that stays
 * in cache, then the cells sorted lexicographically. More (continuous values), or probing that degenerates (values
 * crafted to collide: the candidate file is the pull request's own), and the rows are grouped by sorting: each
 * column is replaced by its dense rank (a native sort of the column and a binary search per row), and the rows
 * are put in lexicographic order by native sorts of 64-bit keys (rank bits above the row's position: least
 * significant columns first, each pass stable through the position), then run-length counted. Either way the
 * cells come out in lexicographic order of their tuples, so the cells, and every number drawn for them, do not
 * depend on the order of the rows. Values are compared with `===` after −0 is made +0; NaN is not allowed (the
 * caller checks).
 * Cost: O(n) expected by hashing; O(n · columns) by the radix sort, whatever the values; memory O(n).
 *
 * @example valueCells([Float64Array.of(1, 1, 2), Float64Array.of(3, 3, 3)]) // values [[1, 2], [3, 3]], weight [2, 1]
 */
/** Up to this many distinct tuples the rows are grouped by hashing; past it, by sorting. */
const HASH_CELLS = 65536;
const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
/** A 32-bit hash of row i's tuple (murmur3-style mixing of the two halves of each double). */
function hashRow(columns, i) {
    let h = 0x2545f491;
    for (let c = 0; c < columns.length; c++) {
        f64[0] = columns[c][i] + 0;
        h = Math.imul(h ^ u32[0], 0xcc9e2d51);
        h = (h << 15) | (h >>> 17);
        h = Math.imul(h ^ u32[1], 0x1b873593);
        h = (h << 13) | (h >>> 19);
    }
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    return (h ^ (h >>> 16)) >>> 0;
}
/**
 * Groups the rows of `columns` (equal lengths, no NaN) into cells, in lexicographic order of their tuples.
 * @example valueCells([Float64Array.of(0, 1, 0, 0)]).weight // Float64Array [3, 1]
 */
function valueCells(columns, hashCells = HASH_CELLS) {
    const width = columns.length;
    if (width === 0)
        throw new Error('valueCells: no columns');
    const n = columns[0].length;
    for (const col of columns)
        if (col.length !== n)
            throw new Error('valueCells: columns of different lengths');
    const hashed = groupByHash(columns, n, hashCells);
    return hashed ? permuteCells(hashed, lexicographicOrder(hashed.values, hashed.size)) : groupBySort(columns, n);
}
/**
 * Hash grouping, cells in first-seen order; null when there are more than `maxCells` cells or probing went
 * beyond a linear budget. The table has 2·maxCells slots (load at most 1/2), so it never grows.
 */
function groupByHash(columns, n, maxCells) {
    const width = columns.length;
    const limit = Math.min(maxCells, n);
    const keys = columns.map(() => new Float64Array(limit));
    const weight = new Float64Array(limit);
    const hashes = new Uint32Array(limit);
    let bits = 4;
    while (1 << bits < 2 * limit)
        bits++;
    const slots = new Int32Array(1 << bits).fill(-1);
    const mask = slots.length - 1;
    let size = 0;
    let probes = 0;
    const budget = 8 * n + 4096;
    for (let i = 0; i < n; i++) {
        const h = hashRow(columns, i);
        let s = h & mask;
        let j = slots[s];
        while (j >= 0 && !(hashes[j] === h && sameRow(columns, i, keys, j))) {
            s = (s + 1) & mask;
            j = slots[s];
            if (++probes > budget)
                return null;
        }
        if (j >= 0) {
            weight[j]++;
            continue;
        }
        if (size === limit)
            return null;
        slots[s] = size;
        hashes[size] = h;
        for (let c = 0; c < width; c++)
            keys[c][size] = columns[c][i] + 0;
        weight[size] = 1;
        size++;
    }
    return { width, size, values: keys.map((k) => k.slice(0, size)), weight: weight.slice(0, size), total: n };
}
function sameRow(columns, i, keys, j) {
    for (let c = 0; c < columns.length; c++)
        if (columns[c][i] !== keys[c][j])
            return false;
    return true;
}
/** Grouping by sorting the rows into lexicographic order, then counting runs of equal tuples. */
function groupBySort(columns, n) {
    const width = columns.length;
    const order = lexicographicOrder(columns, n);
    const keys = columns.map(() => new Float64Array(n));
    const weight = new Float64Array(n);
    let size = 0;
    for (let r = 0; r < n; r++) {
        const i = order[r];
        if (size > 0 && sameRow(columns, i, keys, size - 1)) {
            weight[size - 1]++;
            continue;
        }
        for (let c = 0; c < width; c++)
            keys[c][size] = columns[c][i] + 0;
        weight[size] = 1;
        size++;
    }
    return { width, size, values: keys.map((k) => k.slice(0, size)), weight: weight.slice(0, size), total: n };
}
const valueCells_LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;
const HI = valueCells_LITTLE_ENDIAN ? 1 : 0;
const LO = 1 - HI;
/**
 * The two 32-bit words of a column's doubles mapped so that unsigned integer order is numeric order (sign bit
 * flipped for positives, every bit for negatives; −0 made +0 first).
 */
function orderableWords(column) {
    const n = column.length;
    const hi = new Uint32Array(n);
    const lo = new Uint32Array(n);
    const f = new Float64Array(1);
    const w = new Uint32Array(f.buffer);
    for (let i = 0; i < n; i++) {
        f[0] = column[i] + 0;
        const h = w[HI];
        const negative = h >>> 31 === 1;
        hi[i] = negative ? ~h >>> 0 : (h | 0x80000000) >>> 0;
        lo[i] = negative ? ~w[LO] >>> 0 : w[LO];
    }
    return { hi, lo };
}
const DIGIT_BITS = 11;
const BUCKETS = 1 << DIGIT_BITS;
/**
 * The permutation that puts tuples in lexicographic order, ties by position (stable).
 * Method: LSD radix sort (Knuth, TAOCP vol. 3, 5.2.5) of each double's 64 orderable bits, in 11-bit digits,
 * least significant digit of the last column first; a digit that is the same for every value is skipped. Each
 * 32-bit word is gathered once into the current order, then its three digit passes move (word, position) pairs
 * together, reading in sequence.
 * Cost: O(n · columns) — at most 6 passes per column, fewer when values share their high bits; about 0.1 s for
 * 10⁶ rows of two continuous columns.
 * @example lexicographicOrder([Float64Array.of(2, 1, 2), Float64Array.of(1, 5, 0)], 3) // [1, 2, 0]
 */
function lexicographicOrder(columns, n) {
    let order = new Int32Array(n);
    for (let i = 0; i < n; i++)
        order[i] = i;
    if (n < 2)
        return order;
    let spare = new Int32Array(n);
    let keys = new Uint32Array(n);
    let spareKeys = new Uint32Array(n);
    const count = new Uint32Array(BUCKETS);
    for (let c = columns.length - 1; c >= 0; c--) {
        const { hi, lo } = orderableWords(columns[c]);
        for (const word of [lo, hi]) {
            for (let k = 0; k < n; k++)
                keys[k] = word[order[k]];
            for (let shift = 0; shift < 32; shift += DIGIT_BITS) {
                count.fill(0);
                for (let k = 0; k < n; k++)
                    count[(keys[k] >>> shift) & (BUCKETS - 1)]++;
                if (count[(keys[0] >>> shift) & (BUCKETS - 1)] === n)
                    continue;
                for (let d = 0, at = 0; d < BUCKETS; d++) {
                    const x = count[d];
                    count[d] = at;
                    at += x;
                }
                for (let k = 0; k < n; k++) {
                    const key = keys[k];
                    const to = count[(key >>> shift) & (BUCKETS - 1)]++;
                    spareKeys[to] = key;
                    spare[to] = order[k];
                }
                ;
                [keys, spareKeys] = [spareKeys, keys];
                [order, spare] = [spare, order];
            }
        }
    }
    return order;
}
/**
 * The cells in the order given (cell `order[k]` becomes cell k).
 * @example permuteCells(cells, Int32Array.of(1, 0)) // the two cells swapped
 */
function permuteCells(cells, order) {
    const gather = (col) => {
        const out = new Float64Array(order.length);
        for (let k = 0; k < order.length; k++)
            out[k] = col[order[k]];
        return out;
    };
    return { width: cells.width, size: order.length, values: cells.values.map(gather), weight: gather(cells.weight), total: cells.total };
}
/**
 * The cells largest weight first, ties in their present order: the order the conditional binomial method wants
 * (src/stats/multinomial.ts), so that a resample stops early. Cost O(m), a radix sort.
 * @example largestFirst(valueCells([Float64Array.of(0, 1, 1)])).weight // Float64Array [2, 1]
 */
function valueCells_largestFirst(cells) {
    const negated = new Float64Array(cells.size);
    for (let j = 0; j < cells.size; j++)
        negated[j] = -cells.weight[j];
    return permuteCells(cells, lexicographicOrder([negated], cells.size));
}

;// CONCATENATED MODULE: ./src/stats/cellResample.ts






/** Cell-resamples allowed per family (resamples × cells). */
const CELL_WORK_CAP = 20_000_000;
/** Below this many resamples (after the cap) the interval and test are the normal approximation. */
const PERCENTILE_MIN_RESAMPLES = 1000;
/**
 * Resamples to make for `cells` cells: all of them up to the work cap, then ⌊cap / cells⌋, at least 20.
 * @example resamplesForCells(10000, 1_000_000) // 20
 * @example resamplesForCells(10000, 25) // 10000
 */
function resamplesForCells(resamples, cells, workCap = CELL_WORK_CAP) {
    return Math.min(resamples, Math.max(20, Math.floor(workCap / Math.max(1, cells))));
}
/**
 * Bootstrap intervals (and, with `withTest`, randomization p-values) of every metric of a statistic.
 * @param build makes the statistic for the cells in the order they will be drawn (largest first)
 */
function resampleCells(cells, build, options) {
    const ordered = valueCells_largestFirst(cells);
    const stat = build(ordered);
    const k = stat.count;
    const baseline = new Float64Array(k);
    const candidate = new Float64Array(k);
    stat.weighted(ordered.weight, baseline, candidate);
    const observed = candidate.map((c, i) => c - baseline[i]);
    const R = cellResample_resamplesFor(options, ordered.size);
    const { alpha } = options;
    const boot = bootstrapCells(ordered, stat, R, streamFor(options.seed, `bootstrap:${options.name}`));
    const testable = options.withTest && stat.swapped !== undefined;
    const normal = R < PERCENTILE_MIN_RESAMPLES;
    let perm = null;
    if (testable && !normal && stat.swapped) {
        // The observed delta as the swap path sums it (no swap), so that a draw that swaps nothing is a tie exactly.
        const vB = new Float64Array(k);
        const vC = new Float64Array(k);
        stat.swapped(new Float64Array(ordered.size), vB, vC);
        const unswapped = vC.map((c, i) => c - vB[i]);
        perm = randomizeCells(ordered, stat, unswapped, options.directions, R, streamFor(options.seed, `permutation:${options.name}`));
    }
    const z2 = normalQuantile(1 - alpha / 2);
    const z1 = normalQuantile(1 - alpha);
    const metrics = [];
    for (let i = 0; i < k; i++) {
        const obs = observed[i];
        const worseHigh = options.directions[i] === 'lower';
        const deltas = cellResample_finite(boot.deltas[i]);
        const cands = cellResample_finite(boot.candidates[i]);
        const candidateCi = cands.length >= 2 ? candidateInterval(cands, candidate[i], normal, alpha, z2) : null;
        if (Number.isNaN(obs) || deltas.length < 2) {
            metrics.push({ ci: null, candidateCi, worseBound: null, pValue: null, pValueWorse: null });
            continue;
        }
        if (!normal) {
            const d = quantiles(deltas, [alpha / 2, 1 - alpha / 2, worseHigh ? 1 - alpha : alpha]);
            metrics.push({
                ci: [d[0], d[1]],
                candidateCi,
                worseBound: d[2],
                pValue: perm ? (perm.twoSided[i] + 1) / (R + 1) : null,
                pValueWorse: perm ? (perm.worse[i] + 1) / (R + 1) : null
            });
            continue;
        }
        const se = cellResample_sd(deltas);
        let pValue = null;
        let pValueWorse = null;
        if (testable) {
            if (se > 0) {
                const z = obs / se;
                pValue = Math.min(1, 2 * normalCdf(-Math.abs(z)));
                pValueWorse = normalCdf(worseHigh ? -z : z);
            }
            else {
                pValue = obs === 0 ? 1 : 0;
                pValueWorse = (worseHigh ? obs > 0 : obs < 0) ? 0 : 1;
            }
        }
        metrics.push({
            ci: [obs - z2 * se, obs + z2 * se],
            candidateCi,
            worseBound: worseHigh ? obs + z1 * se : obs - z1 * se,
            pValue,
            pValueWorse
        });
    }
    return {
        resamples: R,
        method: normal ? 'bootstrap-normal' : 'bootstrap-percentile',
        test: testable ? (normal ? 'bootstrap-normal' : 'permutation') : null,
        baseline,
        candidate,
        metrics
    };
}
function cellResample_resamplesFor(options, cells) {
    return resamplesForCells(options.resamples, cells, options.workCap ?? CELL_WORK_CAP);
}
/** The candidate's own interval: percentile, or θ̂ ± z·se below PERCENTILE_MIN_RESAMPLES. */
function candidateInterval(cands, observed, normal, alpha, z2) {
    if (Number.isNaN(observed))
        return null;
    if (!normal) {
        const q = quantiles(cands, [alpha / 2, 1 - alpha / 2]);
        return [q[0], q[1]];
    }
    const se = cellResample_sd(cands);
    return [observed - z2 * se, observed + z2 * se];
}
/**
 * R bootstrap resamples of the (largest-first) cells: per metric, candidate − baseline and the candidate's value.
 * @example bootstrapCells(cells, stat, 1000, streamFor(0, 'bootstrap:x')).deltas[0].length // 1000
 */
function bootstrapCells(cells, stat, R, rng) {
    const k = stat.count;
    const n = cells.total;
    const x = new Float64Array(cells.size);
    const vB = new Float64Array(k);
    const vC = new Float64Array(k);
    const deltas = Array.from({ length: k }, () => new Float64Array(R));
    const candidates = Array.from({ length: k }, () => new Float64Array(R));
    // Cells of a few examples each (continuous values): n uniform draws of an example, each counted in its cell,
    // cost less than a binomial per cell. Both give Multinomial(n, wⱼ/n) exactly.
    // The examples of cell j are the slots start[j] … start[j] + wⱼ − 1: the draws are counted per slot (one
    // random write each), then each cell sums its slots in one sequential pass.
    const bySlot = n <= EXAMPLES_PER_CELL * cells.size ? new Uint32Array(n) : null;
    for (let r = 0; r < R; r++) {
        if (bySlot) {
            bySlot.fill(0);
            for (let i = 0; i < n; i++)
                bySlot[uniformBelow(rng, n)]++;
            for (let j = 0, slot = 0; j < cells.size; j++) {
                let sum = 0;
                for (const end = slot + cells.weight[j]; slot < end; slot++)
                    sum += bySlot[slot];
                x[j] = sum;
            }
        }
        else {
            multinomial(rng, n, cells.weight, x);
        }
        stat.weighted(x, vB, vC);
        for (let i = 0; i < k; i++) {
            deltas[i][r] = vC[i] - vB[i];
            candidates[i][r] = vC[i];
        }
    }
    return { deltas, candidates };
}
/**
 * Up to this many examples per cell on average, a bootstrap resample draws n examples uniformly (about 5 ns each)
 * rather than a binomial per cell (about 60–90 ns each, an exp and a log).
 */
const EXAMPLES_PER_CELL = 8;
const cellResample_TWO32 = 4294967296;
/**
 * A uniform integer in [0, n): Lemire (2019), "Fast random integer generation in an interval" (multiply and
 * reject; exact), for n ≤ 2²¹ so that the product stays below 2⁵³; above, ⌊u·n⌋ from a 53-bit double (bias
 * below n/2⁵³). Cost O(1), one 32-bit number nearly always.
 * @example uniformBelow(streamFor(0, 'x'), 1) // 0
 */
function uniformBelow(rng, n) {
    if (n > 2097152)
        return Math.floor(rng.nextDouble() * n);
    // The 64-bit product x·n: its low word by Math.imul, its high word from the exact double product (< 2⁵³);
    // no floating-point remainder (fmod is slow).
    let x = rng.nextUint32();
    let low = Math.imul(x, n) >>> 0;
    if (low < n) {
        const threshold = (cellResample_TWO32 - n) % n;
        while (low < threshold) {
            x = rng.nextUint32();
            low = Math.imul(x, n) >>> 0;
        }
    }
    return Math.floor((x * n) / cellResample_TWO32);
}
/**
 * R random swaps: per metric, the two-sided hits |δ*| ≥ |δ| − γ and the one-sided hits (δ* at least as far on
 * the worse side as δ).
 */
function randomizeCells(cells, stat, observed, directions, R, rng) {
    const k = stat.count;
    const swapped = stat.swapped;
    if (!swapped)
        throw new Error('randomizeCells: the statistic has no swapped()');
    const swappable = stat.swappable ?? Int32Array.from({ length: cells.size }, (_, j) => j);
    const s = new Float64Array(cells.size);
    const vB = new Float64Array(k);
    const vC = new Float64Array(k);
    const twoSided = new Float64Array(k);
    const worse = new Float64Array(k);
    const gamma = observed.map((d) => Math.max(1e-14, 1e-14 * Math.abs(d)));
    const lowerBetter = directions.map((d) => d === 'lower');
    const { weight } = cells;
    for (let r = 0; r < R; r++) {
        for (let q = 0; q < swappable.length; q++) {
            const j = swappable[q];
            s[j] = halfBinomial(rng, weight[j]);
        }
        swapped.call(stat, s, vB, vC);
        for (let i = 0; i < k; i++) {
            const d = vC[i] - vB[i];
            const obs = observed[i];
            if (Math.abs(d) >= Math.abs(obs) - gamma[i])
                twoSided[i]++;
            if (lowerBetter[i] ? d >= obs - gamma[i] : d <= obs + gamma[i])
                worse[i]++;
        }
    }
    return { twoSided, worse };
}
/**
 * X ~ Bin(w, 1/2): the number of ones among w random bits for w ≤ 32 (exact, one 32-bit number), else the
 * project's exact sampler (src/stats/binomial.ts).
 * @example halfBinomial(streamFor(0, 'x'), 0) // 0
 */
function halfBinomial(rng, w) {
    if (w > 32)
        return binomial(rng, w, 0.5);
    if (w <= 0)
        return 0;
    let v = rng.nextUint32();
    if (w < 32)
        v &= (1 << w) - 1;
    v -= (v >>> 1) & 0x55555555;
    v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
    return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) | 0;
}
function cellResample_finite(values) {
    let m = 0;
    for (let i = 0; i < values.length; i++)
        if (values[i] === values[i])
            m++;
    if (m === values.length)
        return values;
    const out = new Float64Array(m);
    let j = 0;
    for (let i = 0; i < values.length; i++)
        if (values[i] === values[i])
            out[j++] = values[i];
    return out;
}
/** Sample standard deviation (n − 1), two passes. */
function cellResample_sd(x) {
    let m = 0;
    for (let i = 0; i < x.length; i++)
        m += x[i];
    m /= x.length;
    let s = 0;
    for (let i = 0; i < x.length; i++)
        s += (x[i] - m) ** 2;
    return Math.sqrt(s / (x.length - 1));
}

;// CONCATENATED MODULE: ./src/tasks/numeric/common.ts
/**
 * What the numeric tasks (`--task scores`, `--task regression`, SPEC §10) share: their settings, the check that
 * every value is a finite number, an empty MetricReport, and the warning for a capped resampling.
 */

/** A MetricReport with every value null. */
function emptyMetric(direction) {
    return { candidate: null, baseline: null, delta: null, ci: null, pValue: null, candidateCi: null, test: null, direction, pValueWorse: null, worseBound: null, ciMethod: null };
}
/**
 * Throws an InputError naming the file, the field and the example when a value is not a finite number
 * (the reader should have refused it; this keeps NaN out of the cells whatever the caller does). O(n).
 * @example checkFinite(Float64Array.of(1, NaN), 'judge', 'candidate.jsonl', ['a', 'b']) // throws: candidate.jsonl: field "judge" is not a finite number (example id "b")
 */
function checkFinite(values, field, file, ids) {
    for (let i = 0; i < values.length; i++) {
        if (!Number.isFinite(values[i])) {
            const where = ids ? `example id ${quote(String(ids[i]))}` : `paired example ${i + 1}`;
            throw new InputError(file, null, field, `is not a finite number (${where}): ${String(values[i])}`);
        }
    }
}
/** Throws when the arrays of one comparison do not have the same length (a programming error, not bad input). */
function checkLengths(n, arrays, what) {
    for (const a of arrays)
        if (a !== null && a.length !== n)
            throw new Error(`${what}: arrays of different lengths (${a.length}, expected ${n})`);
}
/**
 * The warning for a family resampled fewer times than asked.
 * @example cappedWarning('latency_ms', 20, 10000, 1000000, 'distinct (baseline, candidate) pairs', true, 2e7)
 */
function cappedWarning(what, made, asked, cells, cellName, normal, cap) {
    const f = (x) => x.toLocaleString('en-US');
    return (`${what} resampled ${f(made)} times, not ${f(asked)}: its ${f(cells)} ${cellName} make each resample a pass over ${f(cells)} cells ` +
        `(at most ${f(cap)} cell-resamples).` +
        (normal ? ' Its intervals use the normal approximation with the bootstrap standard error.' : ''));
}

;// CONCATENATED MODULE: ./src/tasks/numeric/examples.ts
/** How many ids and examples a detail lists, by default. */
const DETAIL_LIMIT = 10;
/**
 * The flips of a 0/1 field.
 * @example flips(Float64Array.of(1, 0, 1), Float64Array.of(0, 1, 1), 'higher', ['a', 'b', 'c']) // worse 1 (a), better 1 (b)
 */
function flips(baseline, candidate, direction, ids, limit = DETAIL_LIMIT) {
    const out = { worse: 0, better: 0, firstWorse: [], firstBetter: [] };
    for (let i = 0; i < candidate.length; i++) {
        const change = candidate[i] - baseline[i];
        if (change === 0)
            continue;
        const isWorse = direction === 'higher' ? change < 0 : change > 0;
        if (isWorse) {
            if (out.worse++ < limit)
                out.firstWorse.push(String(ids[i]));
        }
        else if (out.better++ < limit)
            out.firstBetter.push(String(ids[i]));
    }
    return out;
}
/**
 * Positions of the `limit` largest positive values of `change`, largest first, ties by position.
 * @example largestPositive(Float64Array.of(0.5, -1, 2, 0.5), 2) // [2, 0]
 */
function largestPositive(change, limit = DETAIL_LIMIT) {
    const kept = [];
    if (limit <= 0)
        return kept;
    for (let i = 0; i < change.length; i++) {
        const v = change[i];
        if (!(v > 0))
            continue;
        if (kept.length === limit && v <= change[kept[limit - 1]])
            continue;
        // Insert after every kept entry that is at least as large (earlier positions win ties).
        let at = kept.length;
        while (at > 0 && change[kept[at - 1]] < v)
            at--;
        kept.splice(at, 0, i);
        if (kept.length > limit)
            kept.pop();
    }
    return kept;
}
/**
 * The examples whose value changed most in the worse direction, worst first.
 * @example largestDrops(Float64Array.of(5, 3), Float64Array.of(2, 3), 'higher', ['a', 'b']) // [{ id: 'a', baseline: 5, candidate: 2, change: 3 }]
 */
function largestDrops(baseline, candidate, direction, ids, limit = DETAIL_LIMIT) {
    const change = new Float64Array(candidate.length);
    for (let i = 0; i < change.length; i++)
        change[i] = direction === 'higher' ? baseline[i] - candidate[i] : candidate[i] - baseline[i];
    return largestPositive(change, limit).map((i) => ({ id: String(ids[i]), baseline: baseline[i], candidate: candidate[i], change: change[i] }));
}

;// CONCATENATED MODULE: ./src/tasks/numeric/regressionStatistics.ts
/**
 * The statistics of `--task regression` (SPEC §10): `mae`, `rmse`, `r2`, `max_error` as scikit-learn 1.2
 * (src/metrics/regression.ts), lower is better except `r2`.
 *
 * - `candidate`, `baseline`, `delta`: on the paired examples.
 * - `ci`, `candidateCi`, `worseBound`: paired bootstrap percentile intervals for all four, from one multinomial
 *   draw per resample over the cells of identical (label, baseline, candidate) triples
 *   (src/stats/cellResample.ts; stream `bootstrap:regression`): every metric is a function of weighted sums of
 *   |error|, error², (y − ȳ) and (y − ȳ)², or a weighted maximum, so a resample costs O(cells).
 * - `pValue`: the paired t-test (scipy `ttest_rel`) on per-example |error| for `mae` and squared error for
 *   `rmse`; approximate randomization (swap the two predictions of an example with probability 1/2; stream
 *   `permutation:regression`) for `r2` and `max_error`, p = (hits + 1)/(R + 1). `pValueWorse` is the one-sided
 *   form of the same test.
 * - Without a baseline: the candidate's values and bootstrap `candidateCi` only.
 * Details: the examples whose absolute error grew most (id, label, both predictions).
 * Cost: O(n) for values and t-tests; O(n log n) to build the cells (continuous values: up to n cells);
 * O(cells) per resample, at most 2·10⁷ cell-resamples (then fewer resamples and a warning; below 1,000 the
 * normal approximation with the bootstrap standard error).
 *
 * @example
 * regressionStatistics({ y: Float64Array.of(3, -0.5, 2, 7), candidate: Float64Array.of(2.5, 0, 2, 8),
 *   baseline: Float64Array.of(3, 0, 2, 6), ids: ['a', 'b', 'c', 'd'] }, { alpha: 0.05, resamples: 1000, seed: 0 })
 *   .metrics.get('mae') // { candidate: 0.5, baseline: 0.375, delta: 0.125, test: 'paired-t', … }
 */






/** MetricReports of `mae`, `rmse`, `r2`, `max_error`, in that order. */
function regressionStatistics(input, settings) {
    const { y, candidate: c, baseline: b } = input;
    const n = y.length;
    checkLengths(n, [c, b, input.ids], 'regressionStatistics');
    const files = input.files ?? { candidate: 'candidate', baseline: 'baseline' };
    const fields = input.fields ?? { label: 'label', prediction: 'prediction' };
    checkFinite(y, fields.label, files.candidate, input.ids);
    checkFinite(c, fields.prediction, files.candidate, input.ids);
    if (b)
        checkFinite(b, fields.prediction, files.baseline ?? 'baseline', input.ids);
    const metrics = new Map();
    const warnings = [];
    for (const name of REGRESSION_METRICS)
        metrics.set(name, emptyMetric(regressionDirection(name)));
    if (n === 0)
        return { metrics, details: null, warnings };
    const valuesC = regressionMetrics(y, c);
    const valuesB = b ? regressionMetrics(y, b) : null;
    for (const name of REGRESSION_METRICS) {
        const m = metrics.get(name);
        m.candidate = regressionStatistics_finiteOrNull(valuesC[name]);
        if (valuesB) {
            m.baseline = regressionStatistics_finiteOrNull(valuesB[name]);
            m.delta = m.candidate !== null && m.baseline !== null ? m.candidate - m.baseline : null;
        }
    }
    // Without a baseline the candidate stands in for it (delta 0): the same cells give its own intervals.
    const cells = valueCells([y, b ?? c, c]);
    const directions = REGRESSION_METRICS.map(regressionDirection);
    const workCap = settings.workCap;
    const res = resampleCells(cells, regressionStatistic, { name: 'regression', directions, resamples: settings.resamples, alpha: settings.alpha, seed: settings.seed, withTest: b !== null, workCap });
    if (res.resamples < settings.resamples) {
        warnings.push(cappedWarning('The regression metrics were', res.resamples, settings.resamples, cells.size, 'distinct (label, baseline, candidate) triples', res.method === 'bootstrap-normal', workCap ?? 20_000_000));
    }
    REGRESSION_METRICS.forEach((name, i) => {
        const m = metrics.get(name);
        const r = res.metrics[i];
        m.candidateCi = m.candidate !== null ? r.candidateCi : null;
        if (!b || m.delta === null)
            return;
        m.ci = r.ci;
        m.worseBound = r.worseBound;
        m.ciMethod = r.ci ? res.method : null;
        if (name === 'r2' || name === 'max_error') {
            m.pValue = r.pValue;
            m.pValueWorse = r.pValueWorse;
            m.test = r.pValue !== null ? res.test : null;
        }
    });
    if (!b)
        return { metrics, details: null, warnings };
    // mae and rmse: the paired t-test on per-example |error| and squared error (scipy ttest_rel).
    const dAbs = new Float64Array(n);
    const dSq = new Float64Array(n);
    const grew = new Float64Array(n);
    for (let i = 0; i < n; i++) {
        const eC = y[i] - c[i];
        const eB = y[i] - b[i];
        dAbs[i] = Math.abs(eC) - Math.abs(eB);
        dSq[i] = eC * eC - eB * eB;
        grew[i] = dAbs[i];
    }
    const tests = [
        ['mae', dAbs],
        ['rmse', dSq]
    ];
    for (const [name, d] of tests) {
        const m = metrics.get(name);
        const t = pairedT(d, settings.alpha);
        if (!t || m.delta === null)
            continue;
        m.pValue = t.pValue;
        m.pValueWorse = t.pGreater;
        m.test = 'paired-t';
    }
    const ids = input.ids ?? Array.from({ length: n }, (_, i) => String(i + 1));
    const largestErrorIncreases = largestPositive(grew, settings.detailLimit ?? DETAIL_LIMIT).map((i) => ({
        id: String(ids[i]),
        label: y[i],
        baseline: b[i],
        candidate: c[i],
        change: grew[i]
    }));
    return { metrics, details: { largestErrorIncreases }, warnings };
}
const regressionStatistics_finiteOrNull = (x) => (Number.isFinite(x) ? x : null);
/**
 * The four metrics of both models over weighted (y, baseline, candidate) cells, in REGRESSION_METRICS order.
 * Weighted: one pass of sums of |e|, e², (y − ȳ₀) and (y − ȳ₀)² (ȳ₀ the mean of all examples, so the total sum
 * of squares Σx(y − ȳ₀)² − (Σx(y − ȳ₀))²/N loses nothing to cancellation), and the maximum |e| over drawn cells;
 * a draw whose y values are all equal has a total sum of squares of exactly 0. Swapped: s of a cell's w examples
 * exchange predictions; y does not move, so the total sum of squares is the observed one, and only the cells
 * whose predictions differ change the sums.
 * @example regressionStatistic(valueCells([y, b, c])).weighted(weights, base, cand) // base = [mae, rmse, r2, max_error] of b
 */
function regressionStatistic(cells) {
    const [y, b, c] = cells.values;
    const { weight } = cells;
    const m = cells.size;
    const aeB = new Float64Array(m);
    const aeC = new Float64Array(m);
    const seB = new Float64Array(m);
    const seC = new Float64Array(m);
    const dy = new Float64Array(m);
    const dy2 = new Float64Array(m);
    let total = 0;
    let sumY = 0;
    for (let j = 0; j < m; j++) {
        total += weight[j];
        sumY += weight[j] * y[j];
    }
    const mean0 = sumY / total;
    const swappable = [];
    // Sums over the cells a swap cannot change (equal predictions), and the full-sample total sum of squares.
    let fixedAbs = 0;
    let fixedSq = 0;
    let fixedMax = -Infinity;
    let ssTot0 = 0;
    let constant = true;
    for (let j = 0; j < m; j++) {
        const eB = y[j] - b[j];
        const eC = y[j] - c[j];
        aeB[j] = Math.abs(eB);
        aeC[j] = Math.abs(eC);
        seB[j] = eB * eB;
        seC[j] = eC * eC;
        dy[j] = y[j] - mean0;
        dy2[j] = dy[j] * dy[j];
        ssTot0 += weight[j] * dy2[j];
        if (y[j] !== y[0])
            constant = false;
        if (b[j] !== c[j])
            swappable.push(j);
        else {
            fixedAbs += weight[j] * aeB[j];
            fixedSq += weight[j] * seB[j];
            if (aeB[j] > fixedMax)
                fixedMax = aeB[j];
        }
    }
    if (constant)
        ssTot0 = 0;
    const moving = Int32Array.from(swappable);
    return {
        count: 4,
        swappable: moving,
        weighted(x, base, cand) {
            let n = 0;
            let absB = 0;
            let absC = 0;
            let sqB = 0;
            let sqC = 0;
            let maxB = -Infinity;
            let maxC = -Infinity;
            let sDy = 0;
            let sDy2 = 0;
            let first = NaN;
            let same = true;
            for (let j = 0; j < m; j++) {
                const w = x[j];
                if (w === 0)
                    continue;
                if (n === 0)
                    first = y[j];
                else if (y[j] !== first)
                    same = false;
                n += w;
                absB += w * aeB[j];
                absC += w * aeC[j];
                sqB += w * seB[j];
                sqC += w * seC[j];
                if (aeB[j] > maxB)
                    maxB = aeB[j];
                if (aeC[j] > maxC)
                    maxC = aeC[j];
                sDy += w * dy[j];
                sDy2 += w * dy2[j];
            }
            const ssTot = same ? 0 : Math.max(0, sDy2 - (sDy * sDy) / n);
            fill(base, absB / n, sqB / n, r2Of(sqB, ssTot, n), maxB);
            fill(cand, absC / n, sqC / n, r2Of(sqC, ssTot, n), maxC);
        },
        swapped(s, base, cand) {
            let absB = fixedAbs;
            let absC = fixedAbs;
            let sqB = fixedSq;
            let sqC = fixedSq;
            let maxB = fixedMax;
            let maxC = fixedMax;
            for (let q = 0; q < moving.length; q++) {
                const j = moving[q];
                const k = s[j];
                const keep = weight[j] - k;
                absB += keep * aeB[j] + k * aeC[j];
                absC += keep * aeC[j] + k * aeB[j];
                sqB += keep * seB[j] + k * seC[j];
                sqC += keep * seC[j] + k * seB[j];
                if (keep > 0) {
                    if (aeB[j] > maxB)
                        maxB = aeB[j];
                    if (aeC[j] > maxC)
                        maxC = aeC[j];
                }
                if (k > 0) {
                    if (aeC[j] > maxB)
                        maxB = aeC[j];
                    if (aeB[j] > maxC)
                        maxC = aeB[j];
                }
            }
            fill(base, absB / total, sqB / total, r2Of(sqB, ssTot0, total), maxB);
            fill(cand, absC / total, sqC / total, r2Of(sqC, ssTot0, total), maxC);
        }
    };
}
/** [mae, rmse, r2, max_error] from the mean absolute error, the mean squared error, R² and the maximum. */
function fill(out, mae, mse, r2, max) {
    out[0] = mae;
    out[1] = Math.sqrt(mse);
    out[2] = r2;
    out[3] = max;
}

;// CONCATENATED MODULE: ./src/tasks/regression.ts




const regression = {
    async prepare(options) {
        const { label, prediction } = options.fields;
        const read = await readAndPair(options, (source, text, requireId) => new NumericRowBuilder(source.name, options.fields.id, [label, prediction], requireId, text, false), (c, b) => (i, j) => c.values[0][i] === b.values[0][j]);
        const { candidate, baseline, pairing } = read;
        return unlabelled('regression', read, REGRESSION_METRICS, noRegressionOn(['mae', 'rmse']), (_rules, settings) => {
            const cRows = rowsOf(pairing, candidate.n, 'cand');
            const result = regressionStatistics({
                y: rows_gather(candidate.values[0], cRows),
                candidate: rows_gather(candidate.values[1], cRows),
                baseline: baseline && pairing ? rows_gather(baseline.values[1], pairing.base) : null,
                ids: idsAt(candidate.ids, cRows),
                files: { candidate: candidate.name, baseline: baseline ? baseline.name : null },
                fields: { label, prediction }
            }, settings);
            const metrics = {};
            for (const name of REGRESSION_METRICS)
                metrics[name] = result.metrics.get(name);
            const examples = result.details
                ? {
                    mae: {
                        kind: 'drops',
                        drops: result.details.largestErrorIncreases.map((e) => ({ id: e.id, baseline: Math.abs(e.label - e.baseline), candidate: Math.abs(e.label - e.candidate), change: e.change }))
                    }
                }
                : undefined;
            return { metrics, confusionMatrix: null, disagreement: null, ...(examples ? { examples } : {}), warnings: { first: [], last: result.warnings } };
        });
    }
};

;// CONCATENATED MODULE: ./src/tasks/numeric/scoresStatistics.ts
/**
 * The statistics of `--task scores` (SPEC §10): per-example numbers of named fields (an LLM judge's 1–5, a unit
 * test's pass/fail, latency), each a metric: the mean over the paired examples, better when higher or lower.
 *
 * Per field:
 * - `candidate`, `baseline`: means over the paired examples; `delta` = candidate − baseline.
 * - `ci`: the paired bootstrap percentile interval of delta, resampling examples: a multinomial draw over the
 *   cells of identical (baseline, candidate) pairs (src/stats/cellResample.ts; stream `bootstrap:score:NAME`);
 *   `worseBound` is the one-sided bound from the same draws.
 * - A field whose values are all 0 or 1 in both files (booleans arrive as 0/1) is a pass rate: `pValue` is the
 *   exact McNemar test (statsmodels `mcnemar(table, exact=True)`), `pValueWorse` its one-sided form, and
 *   `candidateCi` the Wilson interval (statsmodels `proportion_confint(method="wilson")`).
 * - Any other field: `pValue` is the paired t-test on the per-example differences (scipy `ttest_rel`),
 *   `pValueWorse` its one-sided form, `candidateCi` the t interval of the candidate's mean
 *   (scipy `t.interval(1 − alpha, n − 1, mean, sem)`).
 * - Without a baseline: `candidate` and `candidateCi` only, nothing is resampled.
 * Details: a pass rate's flips (baseline pass → candidate fail and back) with the first ids; another field's
 * largest per-example drops (id, baseline, candidate).
 * Cost: O(n) per field for the values and tests, O(n) expected to build the cells (O(n log n) when they are
 * many), O(cells) per resample: 4 cells for a pass rate, at most 25 for a 1–5 judge, up to n for latency (capped
 * at 2·10⁷ cell-resamples, then fewer resamples and a warning).
 *
 * @example
 * scoresStatistics({
 *   names: ['judge', 'passed'], directions: ['higher', 'higher'],
 *   candidate: [Float64Array.of(4, 5, 3), Float64Array.of(1, 1, 0)],
 *   baseline: [Float64Array.of(3, 5, 3), Float64Array.of(1, 0, 0)],
 *   ids: ['q1', 'q2', 'q3']
 * }, { alpha: 0.05, resamples: 10000, seed: 0 }).metrics.get('judge').delta // 0.3333333333333335
 */







/**
 * True when every value is 0 or 1.
 * @example isZeroOne(Float64Array.of(0, 1, 1)) // true
 */
function isZeroOne(values) {
    for (let i = 0; i < values.length; i++)
        if (values[i] !== 0 && values[i] !== 1)
            return false;
    return true;
}
/** MetricReports of every score field, in the order of `names`, with per-example details. */
function scoresStatistics(input, settings) {
    const { names, directions, candidate, baseline } = input;
    const files = input.files ?? { candidate: 'candidate', baseline: 'baseline' };
    if (directions.length !== names.length || candidate.length !== names.length || (baseline && baseline.length !== names.length)) {
        throw new Error('scoresStatistics: names, directions and value arrays differ in number');
    }
    const metrics = new Map();
    const details = new Map();
    const warnings = [];
    const limit = settings.detailLimit ?? DETAIL_LIMIT;
    names.forEach((name, f) => {
        const c = candidate[f];
        const b = baseline ? baseline[f] : null;
        const n = c.length;
        checkLengths(n, [b, input.ids], 'scoresStatistics');
        checkFinite(c, name, files.candidate, input.ids);
        if (b)
            checkFinite(b, name, files.baseline ?? 'baseline', input.ids);
        const direction = directions[f];
        const passRate = isZeroOne(c) && (b === null || isZeroOne(b));
        const m = emptyMetric(direction);
        metrics.set(name, m);
        if (n === 0) {
            details.set(name, passRate ? { kind: 'pass-rate', flips: null } : { kind: 'mean', drops: null });
            return;
        }
        const passes = passRate ? scoresStatistics_sum(c) : 0;
        m.candidate = passRate ? passes / n : scoresStatistics_sum(c) / n;
        m.candidateCi = passRate ? wilson(passes, n, settings.alpha) : (pairedT(c, settings.alpha)?.ci ?? null);
        if (!b) {
            details.set(name, passRate ? { kind: 'pass-rate', flips: null } : { kind: 'mean', drops: null });
            return;
        }
        m.baseline = scoresStatistics_sum(b) / n;
        m.delta = m.candidate - m.baseline;
        const ids = input.ids ?? Array.from({ length: n }, (_, i) => String(i + 1));
        const cells = valueCells([b, c]);
        const workCap = settings.workCap;
        const res = resampleCells(cells, meanStatistic, { name: `score:${name}`, directions: [direction], resamples: settings.resamples, alpha: settings.alpha, seed: settings.seed, withTest: false, workCap });
        const r = res.metrics[0];
        m.ci = r.ci;
        m.worseBound = r.worseBound;
        m.ciMethod = r.ci ? res.method : null;
        if (res.resamples < settings.resamples) {
            warnings.push(cappedWarning(name, res.resamples, settings.resamples, cells.size, 'distinct (baseline, candidate) pairs', res.method === 'bootstrap-normal', workCap ?? 20_000_000));
        }
        if (passRate) {
            const { onlyBaseline, onlyCandidate } = scoresStatistics_discordant(cells);
            m.pValue = mcnemarExact(onlyBaseline, onlyCandidate);
            m.pValueWorse = direction === 'higher' ? mcnemarDrop(onlyBaseline, onlyCandidate) : mcnemarDrop(onlyCandidate, onlyBaseline);
            m.test = 'mcnemar-exact';
            details.set(name, { kind: 'pass-rate', flips: flips(b, c, direction, ids, limit) });
        }
        else {
            const d = new Float64Array(n);
            for (let i = 0; i < n; i++)
                d[i] = c[i] - b[i];
            const t = pairedT(d, settings.alpha);
            if (t) {
                m.pValue = t.pValue;
                m.pValueWorse = direction === 'higher' ? t.pLess : t.pGreater;
                m.test = 'paired-t';
            }
            details.set(name, { kind: 'mean', drops: largestDrops(b, c, direction, ids, limit) });
        }
    });
    return { metrics, details, warnings };
}
/** Σ values, in order. */
function scoresStatistics_sum(values) {
    let s = 0;
    for (let i = 0; i < values.length; i++)
        s += values[i];
    return s;
}
/** Examples where only the baseline has a 1, and only the candidate, from the cells of (baseline, candidate). */
function scoresStatistics_discordant(cells) {
    let onlyBaseline = 0;
    let onlyCandidate = 0;
    const [b, c] = cells.values;
    for (let j = 0; j < cells.size; j++) {
        if (b[j] === 1 && c[j] === 0)
            onlyBaseline += cells.weight[j];
        else if (b[j] === 0 && c[j] === 1)
            onlyCandidate += cells.weight[j];
    }
    return { onlyBaseline, onlyCandidate };
}
/**
 * The mean of each model over weighted (baseline, candidate) cells: Σ x·v / Σ x. Also the swapped form
 * (s of the x examples of a cell exchange their values), for the randomization test.
 * @example meanStatistic(valueCells([Float64Array.of(1, 2), Float64Array.of(3, 3)])) // weighted → base [1.5], cand [3]
 */
function meanStatistic(cells) {
    const [b, c] = cells.values;
    const { weight } = cells;
    const m = cells.size;
    const swappable = [];
    for (let j = 0; j < m; j++)
        if (b[j] !== c[j])
            swappable.push(j);
    return {
        count: 1,
        swappable: Int32Array.from(swappable),
        weighted(x, base, cand) {
            let total = 0;
            let sB = 0;
            let sC = 0;
            for (let j = 0; j < m; j++) {
                const w = x[j];
                if (w === 0)
                    continue;
                total += w;
                sB += w * b[j];
                sC += w * c[j];
            }
            base[0] = sB / total;
            cand[0] = sC / total;
        },
        swapped(s, base, cand) {
            let total = 0;
            let sB = 0;
            let sC = 0;
            for (let j = 0; j < m; j++) {
                const w = weight[j];
                const k = s[j];
                total += w;
                sB += (w - k) * b[j] + k * c[j];
                sC += (w - k) * c[j] + k * b[j];
            }
            base[0] = sB / total;
            cand[0] = sC / total;
        }
    };
}

;// CONCATENATED MODULE: ./src/tasks/scores.ts




const scores = {
    async prepare(options) {
        const fields = options.scoreMetrics ?? [];
        if (fields.length === 0)
            throw new ConfigError('task "scores" needs score-metrics (CLI --score-metrics): the fields to compare, e.g. judge,passed,latency_ms:lower');
        const names = fields.map((f) => f.name);
        const read = await readAndPair(options, (source, text, requireId) => new NumericRowBuilder(source.name, options.fields.id, names, requireId, text, true), () => () => true);
        const { candidate, baseline, pairing } = read;
        return unlabelled('scores', read, names, noRegressionOn(names), (_rules, settings) => {
            const cRows = rowsOf(pairing, candidate.n, 'cand');
            const result = scoresStatistics({
                names,
                directions: fields.map((f) => f.direction),
                candidate: candidate.values.map((v) => rows_gather(v, cRows)),
                baseline: baseline && pairing ? baseline.values.map((v) => rows_gather(v, pairing.base)) : null,
                ids: idsAt(candidate.ids, cRows),
                files: { candidate: candidate.name, baseline: baseline ? baseline.name : null }
            }, settings);
            const metrics = {};
            for (const name of names)
                metrics[name] = result.metrics.get(name);
            const examples = {};
            for (const [name, detail] of result.details) {
                if (detail.kind === 'pass-rate' && detail.flips)
                    examples[name] = { kind: 'flips', ...detail.flips };
                if (detail.kind === 'mean' && detail.drops)
                    examples[name] = { kind: 'drops', drops: detail.drops };
            }
            return {
                metrics,
                confusionMatrix: null,
                disagreement: null,
                ...(baseline ? { examples } : {}),
                warnings: { first: [], last: result.warnings }
            };
        });
    }
};

;// CONCATENATED MODULE: ./src/tasks/index.ts




function taskModule(task) {
    switch (task) {
        case undefined:
        case 'binary':
        case 'multiclass':
            return classification;
        case 'scores':
            return scores;
        case 'regression':
            return regression;
        case 'generation':
            return generation;
    }
}

;// CONCATENATED MODULE: ./src/version.ts
/** Eval Gate's version, printed in every report's footer. A test keeps it equal to package.json's. */
const VERSION = '0.1.0';

;// CONCATENATED MODULE: ./src/compare.ts
/**
 * The core, end to end: parse → pair → metrics → statistics → gates. Pure: no `@actions/*` import; the CLI
 * and the action are thin shells around `compare()`. What is particular to a task (its fields, its metrics, its
 * statistics, its report sections) is in src/tasks/, behind one interface.
 */







/** Reads both files, pairs them, computes metrics and statistics, evaluates the gates. Throws InputError / ConfigError. */
async function compare(options) {
    checkSettings(options);
    const prepared = await taskModule(options.task).prepare(options);
    const checks = dataChecks(options, prepared);
    const rules = parseGates(options.gates ?? prepared.defaultGates, { ...prepared.known, metrics: [...prepared.known.metrics, ...checks.metrics] });
    const settings = { alpha: options.alpha, resamples: options.resamples, seed: options.seed };
    const analysis = prepared.analyze(rules, settings);
    const checked = await checks.run();
    Object.assign(analysis.metrics, checked.metrics);
    const gates = evaluateGates(rules, analysis.metrics, {
        alpha: options.alpha,
        hasBaseline: prepared.hasBaseline,
        missingBaseline: options.missingBaseline,
        multiplicity: options.multiplicity,
        joint: analysis.joint ?? null
    });
    return {
        schemaVersion: 1,
        passed: gates.every((g) => g.status !== 'fail'),
        task: prepared.task,
        labels: prepared.labels,
        positiveLabel: prepared.positiveLabel,
        counts: prepared.counts,
        metrics: analysis.metrics,
        confusionMatrix: analysis.confusionMatrix,
        gates,
        warnings: [
            ...pairingWarnings(prepared.pairing),
            ...analysis.warnings.first,
            ...resultWarnings(analysis.metrics, gates, settings),
            ...analysis.warnings.last,
            ...checked.warnings
        ],
        disagreement: analysis.disagreement,
        ...(analysis.examples ? { examples: analysis.examples } : {}),
        ...checked.sections,
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
/**
 * The data checks of SPEC §14 that the options ask for: their metric names (known to the gates before any
 * statistic is computed), and a run that gives their metrics, report sections and warnings.
 */
function dataChecks(options, prepared) {
    const metrics = options.train ? ['leakage'] : [];
    const run = async () => {
        if (!options.train)
            return { metrics: {}, sections: {}, warnings: [] };
        const leakage = await leakageCheck({
            train: options.train,
            test: options.candidate,
            rows: prepared.pairing ? prepared.pairing.cand : null,
            idField: options.fields.id,
            textField: options.textField ?? null,
            format: options.format
        });
        return { metrics: { leakage: leakageMetric(leakage) }, sections: { leakage }, warnings: leakageWarnings(leakage) };
    };
    return { metrics, run };
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

;// CONCATENATED MODULE: ./src/render/escape.ts
/**
 * Escaping for text that comes from users' files and settings (labels, ids, gate rules, file names, metric names
 * holding labels): it must stay inert after GitHub's whole pipeline, not only after a Markdown parser. GitHub
 * decodes entities before its @mention and #issue filters, autolinks bare URLs and turns `:name:` into an emoji;
 * none of these touch the inside of a code span. So every datum is written as a code span (`code`), which reads
 * exactly as the data and can be copied. What a code span cannot hold is written as a JSON string inside one:
 *
 * | data | shown | why |
 * | --- | --- | --- |
 * | `spam` | `` `spam` `` | plain |
 * | ``a`b`` | ``` ``a`b`` ``` | a fence longer than the longest run of backticks in the data |
 * | `a\nb`, `\u202E`, `" x "`, `   ` | `` `"a\nb"` `` … | JSON form: line breaks end a code span (a blank line ends the paragraph), invisible and bidi characters must be seen, edge spaces are trimmed by GFM; also data starting with `"` (so the JSON form is never ambiguous) |
 *
 * In a table cell, GFM splits cells on `|` before it reads code spans, so `table()` writes every `|` of a cell as
 * `\|` (GFM shows `|` inside the code span). A backslash right before a `|` would pair with the escape, so such
 * data takes the JSON form with that `|` as `\u007C`.
 *
 * Cost: O(length). Example: `dataSpan('@team')` → `` `@team` ``; `dataSpan('a\u202Eb')` → `` `"a\u202Eb"` ``.
 */
/**
 * Characters that must be seen as escapes: C0/C1 controls and DEL (Cc), format characters (Cf: bidi overrides and
 * isolates, zero-width space/joiners, soft hyphen, BOM), line and paragraph separators, lone surrogates, and spaces
 * other than U+0020 (they pass for a space).
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/u;
const hex4 = (code) => '\\u' + code.toString(16).toUpperCase().padStart(4, '0');
/**
 * The JSON form of a datum: a double-quoted JSON string (`\n`, `\"`, `\\` …) where, beyond JSON.stringify, every
 * invisible character (INVISIBLE) is `\uXXXX` and a `|` right after a backslash is `\u007C`.
 *
 * @example jsonForm('a\u202Eb') // '"a\\u202Eb"'
 */
function jsonForm(text) {
    let out = '';
    for (const ch of text) {
        const code = ch.codePointAt(0);
        if (code > 0xffff)
            out += ch;
        else if ('\n\r\t\b\f'.includes(ch))
            out += JSON.stringify(ch).slice(1, -1);
        else if (INVISIBLE.test(ch))
            out += hex4(code);
        else
            out += JSON.stringify(ch).slice(1, -1);
    }
    return ('"' + out + '"').replace(/(?<=\\)\|/g, '\\u007C');
}
/** True when the datum cannot be shown as it is in a code span (see the table above). */
function needsJson(text) {
    return text.length === 0 || INVISIBLE.test(text) || /^\s|\s$/u.test(text) || text.startsWith('"') || /\\\|/.test(text);
}
/** A code span holding `content` (no line breaks, no edge spaces): a fence longer than any run of backticks in it. */
function codeSpan(content) {
    const longest = Math.max(0, ...(content.match(/`+/g) ?? []).map((run) => run.length));
    const fence = '`'.repeat(longest + 1);
    const pad = content.startsWith('`') || content.endsWith('`') ? ' ' : '';
    return fence + pad + content + pad + fence;
}
/**
 * A datum (label, id, rule, file name) as inert Markdown: a code span of the data, or of its JSON form, cut to `max`
 * characters (code points) with `…` after the span when longer.
 *
 * @example dataSpan('@octocat') // '`@octocat`'
 * @example dataSpan('x'.repeat(100), 10) // '`xxxxxxxxx`…'
 */
function dataSpan(text, max = 60) {
    const chars = [...text];
    const cut = chars.length > max;
    const kept = cut ? chars.slice(0, max - 1).join('') : text;
    const body = needsJson(kept) ? jsonForm(kept) : kept;
    return codeSpan(body) + (cut ? '…' : '');
}
/**
 * A token of our own prose that GitHub would turn into a mention, issue link, autolink or emoji (`@x`, `#1`,
 * `x://`, `www.`, `:name:`).
 */
const LIVE = /[@#]|:\/\/|www\.|:[\w+-]+:/i;
/**
 * Prose that may embed data (a warning written by the core): JSON string literals in it are data, shown with
 * dataSpan; any other word that GitHub would make live (LIVE) is shown as a code span too; the rest is escaped
 * as Markdown text (`&`, `<`, `>` as entities; `\`, `` ` ``, `*`, `_`, `[`, `]`, `~`, `!` with a backslash) and
 * line breaks become spaces. Cost: O(length).
 *
 * @example proseText('ids "@a", "b" are missing') // 'ids `@a`, `b` are missing'
 */
function proseText(text, max = 2000) {
    const chars = [...text];
    const source = chars.length > max ? chars.slice(0, max - 1).join('') + '…' : text;
    let out = '';
    let last = 0;
    for (const m of source.matchAll(/"(?:[^"\\\n]|\\.)*"/g)) {
        out += words(source.slice(last, m.index));
        let data;
        try {
            data = JSON.parse(m[0]);
        }
        catch {
            data = m[0];
        }
        out += dataSpan(data, 80);
        last = m.index + m[0].length;
    }
    return out + words(source.slice(last));
}
function words(text) {
    return text
        .split(/(\s+)/)
        .map((w) => (/^\s+$/.test(w) ? ' ' : LIVE.test(w) ? dataSpan(w, 80) : markdownText(w)))
        .join('');
}
/**
 * Text with no Markdown or HTML meaning: entities for `&`, `<`, `>`; a backslash before ASCII punctuation that
 * GFM reads as markup; invisible characters as `\uXXXX`. Only for our own words (a datum goes through dataSpan).
 *
 * @example markdownText('a*b*') // 'a\\*b\\*'
 */
function markdownText(text) {
    let out = '';
    for (const ch of text) {
        if (ch === '&')
            out += '&amp;';
        else if (ch === '<')
            out += '&lt;';
        else if (ch === '>')
            out += '&gt;';
        else if ('\\`*_[]~!'.includes(ch))
            out += '\\' + ch;
        else if (INVISIBLE.test(ch))
            out += hex4(ch.codePointAt(0)).replace('\\', '\\\\');
        else
            out += ch;
    }
    return out;
}
/** A table cell: `|` written `\|`, which GFM reads as a pipe even inside a code span (cells are split first). */
function cellText(text) {
    return text.replace(/\|/g, '\\|');
}

;// CONCATENATED MODULE: ./src/render/table.ts
/**
 * A GFM pipe table. Every cell goes through cellText (a `|` in a cell, code spans included, is written `\|`), so
 * no datum can add or remove a cell. Cost O(total cell length).
 *
 * @example table(['a', 'b'], [['1', '2']]) // '| a | b |\n| --- | --- |\n| 1 | 2 |'
 */

function table(header, rows, align) {
    const line = (cells) => `| ${cells.map(cellText).join(' | ')} |`;
    return [line(header), `| ${(align ?? header.map(() => '---')).join(' | ')} |`, ...rows.map(line)].join('\n');
}
/** A folded section: `<details>` with a summary of our own words (never data: HTML blocks read no Markdown). */
function folded(summary, body, open = false) {
    return `<details${open ? ' open' : ''}><summary>${summary}</summary>\n\n${body}\n\n</details>`;
}

;// CONCATENATED MODULE: ./src/render/classes.ts
/**
 * Per class: one open line naming the largest drop in per-class F1, and the folded table. With more classes than
 * fit, the table keeps those whose F1 changed most (by |Δ F1|), sorted by Δ F1 from worst to best, and says so.
 */



const classes_rowsOf = (report) => report.labels.map((label) => {
    const get = (metric) => report.metrics[`${metric}[${label}]`];
    return { label, get, delta: get('f1')?.delta ?? 0 };
});
/** `Largest per-class F1 drop: `spam` 89.4% → 86.7% (−2.7 pts)`; empty without a baseline. */
function largestDrop(report) {
    if (report.counts.baseline === null || !report.confusionMatrix)
        return '';
    const rows = classes_rowsOf(report).filter((r) => r.get('f1')?.delta != null);
    if (rows.length === 0)
        return '';
    const worst = rows.reduce((a, b) => (b.delta < a.delta ? b : a));
    if (worst.delta >= 0)
        return 'No class lost F1.';
    const f1 = worst.get('f1');
    return `Largest per-class F1 drop: ${dataSpan(worst.label, 40)} ${formatValue('f1', f1.baseline)} → ${formatValue('f1', f1.candidate)} (${formatShownDelta('f1', f1.baseline, f1.candidate)}).`;
}
function perClassSection(report, max) {
    if (!report.confusionMatrix)
        return '';
    const hasBaseline = report.counts.baseline !== null;
    const all = classes_rowsOf(report);
    let rows = all;
    let note = '';
    if (all.length > max) {
        const byChange = [...all].sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta) || (a.label < b.label ? -1 : 1)).slice(0, max);
        rows = hasBaseline ? byChange.sort((a, b) => a.delta - b.delta || (a.label < b.label ? -1 : 1)) : byChange;
        note = hasBaseline
            ? `Showing the ${max} of ${all.length} classes whose F1 changed most, from the largest drop to the largest gain; the job summary and the JSON report have all ${all.length}.\n\n`
            : `Showing ${max} of ${all.length} classes; the job summary and the JSON report have all of them.\n\n`;
    }
    const cell = (r, metric) => {
        const m = r.get(metric);
        if (!m)
            return '—';
        if (!hasBaseline)
            return formatValue(metric, m.candidate);
        return `${formatValue(metric, m.baseline)} → ${formatValue(metric, m.candidate)} (${formatShownDelta(metric, m.baseline, m.candidate).replace(' pts', '')})`;
    };
    const body = table(['Class', 'Support', 'Precision', 'Recall', 'F1'], rows.map((r) => [dataSpan(r.label, 40), formatValue('support[]', r.get('support')?.candidate ?? null), cell(r, 'precision'), cell(r, 'recall'), cell(r, 'f1')]), [':---', '---:', '---:', '---:', '---:']);
    const legend = hasBaseline ? '\n\n<sub>baseline → candidate (Δ in points, of the values shown)</sub>' : '';
    const summary = all.length > max ? `Per class: ${max} of ${all.length} classes, the largest F1 changes` : `Per class (${all.length} classes)`;
    return folded(summary, note + body + legend);
}

;// CONCATENATED MODULE: ./src/render/disagreement.ts


function disagreementSection(report) {
    const d = report.disagreement;
    if (!d || report.counts.paired === null)
        return '';
    const n = (x) => x.toLocaleString('en-US');
    const summary = `Where the models disagree: ${n(d.rightToWrong)} right → wrong, ${n(d.wrongToRight)} wrong → right` +
        (d.bothWrongDiffer ? `, ${n(d.bothWrongDiffer)} wrong either way` : '') +
        ` (of ${n(report.counts.paired)})`;
    const list = (title, ids, total) => ids.length === 0 ? '' : `${title} (first ${ids.length} of ${n(total)}): ${ids.map((id) => dataSpan(id, 40)).join(', ')}`;
    const body = [list('Right → wrong', d.firstRegressions, d.rightToWrong), list('Wrong → right', d.firstImprovements, d.wrongToRight)].filter((s) => s).join('\n\n');
    return body ? folded(summary, body) : `<sub>${summary}</sub>`;
}

;// CONCATENATED MODULE: ./src/render/examples.ts
/**
 * Where single examples changed (tasks scores, regression, generation): per metric, the flips of a pass/fail
 * metric (pass → fail and back) or the largest per-example drops, with their ids. The counts are in one open line
 * per metric; the ids and the drops are folded.
 */



/** A metric name inside a `<summary>` (an HTML block: no Markdown there), as inert code. */
const summaryName = (name) => `<code>${name.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</code>`;
function examplesSection(report) {
    const examples = report.examples;
    if (!examples)
        return '';
    const n = (x) => x.toLocaleString('en-US');
    const parts = [];
    for (const [name, changes] of Object.entries(examples)) {
        if (changes.kind === 'flips') {
            const summary = `${summaryName(name)}: ${n(changes.worse)} example${changes.worse === 1 ? '' : 's'} flipped to worse, ${n(changes.better)} to better`;
            const list = (title, ids, total) => ids.length === 0 ? '' : `${title} (first ${ids.length} of ${n(total)}): ${ids.map((id) => dataSpan(id, 40)).join(', ')}`;
            const body = [list('Worse', changes.firstWorse, changes.worse), list('Better', changes.firstBetter, changes.better)].filter((s) => s).join('\n\n');
            parts.push(body ? folded(summary, body) : `<sub>${summary.replace(/<\/?code>/g, '`')}</sub>`);
        }
        else if (changes.drops.length > 0) {
            const rows = changes.drops.map((d) => [dataSpan(d.id, 40), formatValue(name, d.baseline), formatValue(name, d.candidate), formatDelta(name, d.change).replace(/^\+/, '')]);
            const what = report.task === 'regression' && name === 'mae' ? 'absolute error grew most' : 'value got worse most';
            parts.push(folded(`${summaryName(name)}: the ${changes.drops.length} examples whose ${what}`, table(['Example', 'Baseline', 'Candidate', 'Worse by'], rows, [':---', '---:', '---:', '---:'])));
        }
    }
    return parts.join('\n\n');
}

;// CONCATENATED MODULE: ./src/render/footer.ts

/** A commit id as a short SHA code span; anything that is not a hex id is shown as data. */
const sha = (commit) => (/^[0-9a-f]{7,64}$/i.test(commit) ? `\`${commit.slice(0, 7)}\`` : dataSpan(commit, 48));
/** Only plain https URLs without spaces, brackets or quotes are links. */
const safeUrl = (url) => url !== null && /^https:\/\/[A-Za-z0-9.-]+(:\d+)?(\/[A-Za-z0-9._~%/+=&?-]*)?$/.test(url);
const baseName = (file) => file.split(/[\\/]/).filter((s) => s.length > 0).pop() ?? file;
function relation(p) {
    const base = p.baseCommit ? ` ${sha(p.baseCommit)}` : '';
    switch (p.relation) {
        case 'same':
            return `, the base commit${base}`;
        case 'behind':
            return p.behindBy !== null ? `, ${p.behindBy.toLocaleString('en-US')} commit${p.behindBy === 1 ? '' : 's'} behind the base commit${base}` : `, behind the base commit${base}`;
        case 'ahead':
            return `, ahead of the base commit${base}`;
        case 'diverged':
            return `, diverged from the base commit${base}`;
        default:
            return base ? ` (base commit${base})` : '';
    }
}
function provenance(report) {
    const p = report.baseline;
    const s = report.settings;
    if (!p) {
        const files = [`candidate file ${dataSpan(baseName(s.candidate), 60)}`];
        if (s.baseline)
            files.push(`baseline file ${dataSpan(baseName(s.baseline), 60)}`);
        return files;
    }
    const parts = [];
    if (p.source === 'artifact') {
        // `#42` only inside the link: as plain text GitHub would read it as a reference to issue 42.
        const number = p.runNumber !== null && Number.isSafeInteger(p.runNumber) ? String(p.runNumber) : p.runId !== null && Number.isSafeInteger(p.runId) ? String(p.runId) : '';
        const run = safeUrl(p.runUrl) ? `[run ${number ? `#${number}` : ''}](${p.runUrl})`.replace('[run ]', '[run]') : `run ${number}`.trim();
        parts.push(`baseline: ${run}${p.commit ? ` of ${sha(p.commit)}` : ''}${relation(p)}`);
    }
    else if (p.source === 'file') {
        parts.push(`baseline: file ${dataSpan(baseName(s.baseline ?? ''), 60)}${relation(p)}`);
    }
    else {
        parts.push('no baseline');
    }
    if (p.headCommit)
        parts.push(`candidate: ${sha(p.headCommit)}`);
    return parts;
}
function footer(report) {
    const s = report.settings;
    const parts = [...provenance(report), `seed ${s.seed}`, `${s.resamples.toLocaleString('en-US')} resamples`, `α = ${s.alpha}`, `Eval Gate ${s.version}`];
    return `<sub>${parts.join(' · ')}</sub>`;
}

;// CONCATENATED MODULE: ./src/render/names.ts
/**
 * How metric names and numbers read in every section, so the headline, the gates and the tables agree.
 */



/** A metric name: plain for the fixed names, a code span for per-class names (they hold a label). */
function metricName(name) {
    return parsePerClass(name) ? dataSpan(name, 80) : markdownText(name);
}
/** `95%` for alpha 0.05. */
const level = (report) => `${Math.round((1 - report.settings.alpha) * 1000) / 10}%`;
/** `92.5% → 80.6%`, or the candidate's value alone without a baseline. */
function values(name, m) {
    return m.baseline === null ? formatValue(name, m.candidate) : `${formatValue(name, m.baseline)} → ${formatValue(name, m.candidate)}`;
}
/** `−11.9 pts` from the shown values. */
const shownDelta = (name, m) => formatShownDelta(name, m.baseline, m.candidate);
/** `better`, `worse`, `same` for the shown change. */
const word = (name, m) => changeWord(name, m.baseline, m.candidate, m.direction);
/**
 * The decisive numbers of one metric: `recall 92.5% → 80.6% (−11.9 pts, 95% CI −16.8 to −7.6 pts` — the caller
 * closes the bracket after adding its own evidence — or `accuracy 75.0% (95% CI 72.2% to 77.6%` without a baseline.
 */
function change(name, m, report) {
    if (m.baseline === null || m.delta === null) {
        return `${metricName(name)} ${formatValue(name, m.candidate)}${m.candidateCi ? ` (${level(report)} CI ${formatValueInterval(name, m.candidateCi)}` : ' ('}`;
    }
    const ci = m.ci ? `, ${level(report)} CI ${formatInterval(name, m.ci)}` : '';
    return `${metricName(name)} ${values(name, m)} (${shownDelta(name, m)}${ci}`;
}
/** Human names of the tests behind `MetricReport.test`. */
const TEST_NAMES = {
    'mcnemar-exact': 'exact McNemar',
    permutation: 'paired approximate randomization',
    delong: 'DeLong',
    'paired-t': 'paired t'
};
/** `exact McNemar: accuracy, recall; paired approximate randomization: precision, f1` for the given metrics. */
function testsOf(names, report) {
    const byTest = new Map();
    for (const name of names) {
        const test = report.metrics[name]?.test;
        if (!test)
            continue;
        const list = byTest.get(test) ?? [];
        if (!list.includes(name))
            list.push(name);
        byTest.set(test, list);
    }
    return [...byTest].map(([test, list]) => `${TEST_NAMES[test] ?? markdownText(test)}: ${list.map(metricName).join(', ')}`).join('; ');
}

;// CONCATENATED MODULE: ./src/render/verdict.ts
/**
 * The first screen: the verdict, one line of decisive numbers per failing (or inconclusive) gate — or, when every
 * gate passes, the gate closest to failing — the scope, and the warnings that could change the verdict.
 */




/** A gate's status as text (SPEC §12 adds `inconclusive`). */
const statusOf = (g) => g.status;
/** Order of gate results everywhere: what blocks the merge first. */
const STATUS_ORDER = { fail: 0, inconclusive: 1, pass: 2, skip: 3 };
const sortedGates = (report) => report.gates.map((g, i) => ({ g, i })).sort((a, b) => (STATUS_ORDER[a.g.status] ?? 9) - (STATUS_ORDER[b.g.status] ?? 9) || a.i - b.i).map((x) => x.g);
/** The numbers behind one gate's result, in words: `recall 92.5% → 80.6% (−11.9 pts, 95% CI …, one-sided p < 0.0001 after Holm)`. */
function reason(gate, report) {
    const m = report.metrics[gate.metric];
    if (gate.status === 'skip' || !m || (m.candidate === null && m.baseline === null))
        return proseText(gate.detail, 300);
    let evidence = '';
    if (gate.pValue !== null)
        evidence = `, one-sided p ${verdict_pText(gate.pValue)} after ${gate.adjustment === 'Westfall–Young' ? 'Westfall–Young' : 'Holm'}`;
    else if (gate.bound !== null)
        evidence = `, one-sided ${level(report)} bound ${formatDelta(gate.metric, gate.bound)}`;
    return `${change(gate.metric, m, report)}${evidence})`.replace(/ \(\)$/, '');
}
const verdict_pText = (p) => {
    const t = formatP(p);
    return t.startsWith('<') ? t : `= ${t}`;
};
function verdict(report) {
    const gates = sortedGates(report);
    const blocking = gates.filter((g) => statusOf(g) === 'fail' || statusOf(g) === 'inconclusive');
    const counted = gates.filter((g) => g.status !== 'skip').length;
    const skipped = gates.length - counted;
    const skipNote = skipped ? `, ${skipped} skipped` : '';
    const lines = [];
    if (!report.passed || blocking.length > 0) {
        const failed = blocking.filter((g) => statusOf(g) === 'fail').length;
        const title = failed > 0 ? 'failed' : 'inconclusive';
        lines.push(`### ${failed > 0 ? '❌' : '⚠️'} Eval Gate: ${title} — ${blocking.length} of ${counted} gates${skipNote}`);
        lines.push(blocking
            .slice(0, 3)
            .map((g) => `${statusOf(g) === 'fail' ? '❌' : '⚠️'} ${dataSpan(g.rule, 80)}: **${reason(g, report)}**`)
            .join('  \n') + (blocking.length > 3 ? `  \n… and ${blocking.length - 3} more (Gates, below)` : ''));
    }
    else {
        lines.push(`### ✅ Eval Gate: passed — ${counted} of ${counted} gates${skipNote}`);
        const closest = closestToFailing(gates.filter((g) => g.status === 'pass'));
        if (closest)
            lines.push(`Closest to failing: ${dataSpan(closest.rule, 80)}: **${reason(closest, report)}**`);
    }
    lines.push(scope(report));
    const decisive = report.warnings.filter((w) => verdictChanging(w, report.passed));
    if (decisive.length > 0)
        lines.push(decisive.map((w) => `> ⚠️ ${proseText(w)}`).join('\n>\n'));
    return lines.join('\n\n');
}
/** The passing gate nearest its threshold: the smallest Holm p, else the first gate with a baseline comparison. */
function closestToFailing(gates) {
    const tested = gates.filter((g) => g.pValue !== null).sort((a, b) => a.pValue - b.pValue);
    return tested[0] ?? gates.find((g) => g.observed !== null) ?? gates[0];
}
/** How the scope line names the tasks that have no classes. */
const TASK_WORDS = { scores: 'per-example scores', regression: 'regression', generation: 'text generation' };
function scope(report) {
    const c = report.counts;
    const task = TASK_WORDS[report.task] ?? (report.task === 'binary' ? `binary, positive class ${dataSpan(report.positiveLabel ?? '', 40)}` : `${report.labels.length} classes`);
    if (c.paired === null)
        return `No baseline: candidate alone on ${c.candidate.toLocaleString('en-US')} examples · ${task}`;
    return `${c.paired.toLocaleString('en-US')} paired examples · ${task}`;
}

;// CONCATENATED MODULE: ./src/render/gates.ts
/**
 * The gates table: failing and inconclusive rules first, one short line each; the test and the adjustment named
 * once under it.
 */





const RESULT = { fail: '❌&nbsp;**fail**', inconclusive: '⚠️&nbsp;**inconclusive**', pass: '✅&nbsp;pass', skip: '⏭️&nbsp;skip' };
function gatesSection(report) {
    if (report.gates.length === 0)
        return '';
    const rows = sortedGates(report).map((g) => [RESULT[g.status] ?? proseText(g.status), dataSpan(g.rule, 80), observed(g, report), evidence(g, report)]);
    const noRegression = report.gates.filter((g) => g.pValue !== null);
    const notes = [];
    if (noRegression.length > 0) {
        const metrics = [...new Set(noRegression.map((g) => g.metric))];
        notes.push(`${adjustedBy(report)} p: one-sided p-value of a change for the worse (${testsOf(metrics, report)}) ${adjustedBy(report)}-adjusted over the ` +
            `${noRegression.length} no-regression rule${noRegression.length === 1 ? '' : 's'}; a rule fails when the change is worse and p < α = ${report.settings.alpha}.`);
    }
    if (report.gates.some((g) => g.bound !== null))
        notes.push(`Bound: one-sided ${level(report)} confidence bound of Δ on the worse side.`);
    return `#### Gates\n\n${table(['Result', 'Rule', 'Observed', `${adjustedBy(report)} p / bound`], rows, [':---', ':---', ':---', ':---'])}${notes.length ? `\n\n<sub>${notes.join(' ')}</sub>` : ''}`;
}
function observed(g, report) {
    const m = report.metrics[g.metric];
    if (!m || g.status === 'skip')
        return '—';
    if (m.baseline === null || m.delta === null || g.observed === m.candidate)
        return formatValue(g.metric, m.candidate);
    return `${shownDelta(g.metric, m)} (${values(g.metric, m)})`;
}
function evidence(g, report) {
    if (g.status === 'skip')
        return proseText(g.detail, 120);
    if (g.pValue !== null)
        return `p ${verdict_pText(g.pValue)}`;
    if (g.bound !== null)
        return `bound ${formatDelta(g.metric, g.bound)}`;
    const m = report.metrics[g.metric];
    if (m && m.candidate === null)
        return 'undefined on this data';
    return '—';
}
/**
 * The adjustment of the run's no-regression p-values, as the gates name it: `Westfall–Young` or `Holm`, nothing
 * else (a published report's JSON comes from a fork's run: its text never reaches the comment).
 */
function adjustedBy(report) {
    return adjustmentName(report.gates.find((g) => g.pValue !== null));
}
const adjustmentName = (gate) => (gate?.adjustment === 'Westfall–Young' ? 'Westfall–Young' : 'Holm');

;// CONCATENATED MODULE: ./src/render/matrices.ts


const count = (x) => x.toLocaleString('en-US');
const signed = (x) => (x === 0 ? '·' : (x > 0 ? '+' : '−') + count(Math.abs(x)));
function matricesSection(report, max) {
    if (!report.confusionMatrix)
        return '';
    const { labels, candidate, baseline } = report.confusionMatrix;
    if (labels.length > max || !candidate) {
        return `<sub>Confusion matrices are not shown for ${labels.length} classes (more than ${max}); they are in the JSON report (confusionMatrix).</sub>`;
    }
    const names = labels.map((l) => dataSpan(l, 24));
    // Labels as column heads while they fit the column (code spans do not wrap); else columns are numbered and each
    // row names its label with its number.
    const wide = labels.reduce((sum, l) => sum + Math.min([...l].length, 24) + 2, 0) > 60;
    const heads = wide ? labels.map((_, i) => String(i + 1)) : names;
    const rowHeads = wide ? names.map((n, i) => `${i + 1} ${n}`) : names;
    const align = [':---', ...labels.map(() => '---:')];
    const one = (cm, fmt) => table([wide ? 'true ↓ predicted → (numbered)' : 'true ↓ predicted →', ...heads], cm.map((row, t) => [rowHeads[t], ...row.map((x, p) => fmt(x, t, p))]), align);
    if (!baseline)
        return folded('Confusion matrix', one(candidate, (x, t, p) => (t === p ? `**${count(x)}**` : count(x))));
    const delta = candidate.map((row, t) => row.map((x, p) => x - baseline[t][p]));
    const body = [
        `**Δ = candidate − baseline** (more on the diagonal is better)\n\n${one(delta, (x, t, p) => (t === p ? `**${signed(x)}**` : signed(x)))}`,
        `**Baseline**\n\n${one(baseline, (x, t, p) => (t === p ? `**${count(x)}**` : count(x)))}`,
        `**Candidate**\n\n${one(candidate, (x, t, p) => (t === p ? `**${count(x)}**` : count(x)))}`
    ].join('\n\n');
    return folded('Confusion matrices (Δ, baseline, candidate)', body);
}

;// CONCATENATED MODULE: ./src/render/metrics.ts
/**
 * The headline metrics (open) and the rest (folded): one p-value per row, two-sided, with its meaning in the
 * header; Δ from the shown values with better/worse as a word.
 */





const HEADLINE = ['accuracy', 'precision', 'recall', 'f1', 'specificity', 'roc_auc', 'log_loss'];
/** ` (lower is better for log_loss and brier)` for the metrics shown that are better when lower. */
function lowerNote(names, report) {
    const lower = names.filter((n) => report.metrics[n].direction === 'lower');
    return lower.length === 0 ? '' : ` (lower is better for ${lower.map(metricName).join(', ').replace(/, ([^,]*)$/, ' and $1')})`;
}
function row(name, m, hasBaseline) {
    if (!hasBaseline)
        return [metricName(name), formatValue(name, m.candidate), formatValueInterval(name, m.candidateCi)];
    const w = word(name, m);
    const delta = shownDelta(name, m) + (w === 'better' || w === 'worse' ? ` ${w}` : '');
    return [metricName(name), formatValue(name, m.baseline), formatValue(name, m.candidate), delta, formatInterval(name, m.ci), formatP(m.pValue)];
}
function metricsSection(report) {
    const hasBaseline = report.counts.baseline !== null;
    const names = Object.keys(report.metrics).filter((n) => parsePerClass(n) === null);
    // Classification leads with its usual metrics and folds the rest; the other tasks have few, all shown.
    const headline = report.confusionMatrix ? HEADLINE.filter((n) => names.includes(n)) : names;
    const rest = names.filter((n) => !headline.includes(n));
    const header = hasBaseline
        ? ['Metric', 'Baseline', 'Candidate', 'Δ', `${level(report)} CI of Δ`, 'p (two-sided)']
        : ['Metric', 'Candidate', `${level(report)} CI`];
    const align = hasBaseline ? [':---', '---:', '---:', '---:', '---:', '---:'] : [':---', '---:', '---:'];
    const rows = (list) => list.map((n) => row(n, report.metrics[n], hasBaseline));
    const legend = hasBaseline
        ? `<sub>Δ: candidate − baseline, of the values shown; better or worse by the metric's direction${lowerNote(names, report)}. ` +
            `p (two-sided): no difference (${testsOf(headline, report)}). The gates use one-sided, ${adjustedBy(report)}-adjusted p.</sub>`
        : `<sub>Intervals: Wilson for proportions, bootstrap percentile otherwise.</sub>`;
    return {
        headline: `#### Metrics\n\n${table(header, rows(headline), align)}\n\n${legend}`,
        rest: rest.length > 0 ? folded(`All ${rest.length} other metrics`, table(header, rows(rest), align)) : ''
    };
}

;// CONCATENATED MODULE: ./src/render/index.ts










const LIMITS = { comment: 60_000, summary: 1_000_000, cli: 1_000_000 };
/** Classes shown per class before cutting, and in confusion matrices. */
const render_MAX_CLASSES = { comment: 25, summary: 200, cli: 200 };
const MAX_MATRIX = { comment: 10, summary: 30, cli: 30 };
function renderMarkdown(report, target = 'cli') {
    const { headline, rest } = metricsSection(report);
    const sections = [
        verdict(report),
        gatesSection(report),
        otherWarnings(report),
        headline,
        largestDrop(report),
        rest,
        perClassSection(report, render_MAX_CLASSES[target]),
        matricesSection(report, MAX_MATRIX[target]),
        disagreementSection(report),
        examplesSection(report),
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
    }
    return text;
}
/** The warnings that do not change the verdict, below the gates. */
function otherWarnings(report) {
    const rest = report.warnings.filter((w) => !verdictChanging(w, report.passed));
    if (rest.length === 0)
        return '';
    return rest.map((w) => `- ⚠️ ${proseText(w)}`).join('\n');
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
            throw new ConfigError(`${option} ${quote(out, 200)} is an input file: refusing to overwrite it`);
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
else if (isGenerationWorker())
    serveGenerationWorker();
else
    start();
/** The CLI proper; a reader or resampling worker (the same bundle, started by compare) does its work instead. */
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

