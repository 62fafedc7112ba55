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
;// CONCATENATED MODULE: ./src/common/atomicWrite.ts
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
;// CONCATENATED MODULE: ./src/common/errors.ts
/**
 * Errors a user can fix. The CLI prints `message` and exits 2; the action fails the step with it.
 * No stack trace is ever shown for these.
 *
 * Messages quote input (a line, a value, a header cell, a field or file name) through `quote`, so that hostile
 * input cannot start a line of its own in a log (`::error::…` is a workflow command on GitHub), reorder text with
 * bidi controls, or make a message millions of characters long.
 */
/**
 * Bad input data: names the file, the 1-based line (or row) and the field where known. A Parquet file has rows,
 * not lines: `line` is then its 1-based row, and the message says so ({@link isRowNumbered}).
 */
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
    const rows = isRowNumbered(file);
    const where = line === null ? name : rows ? `${name}: row ${line}` : `${name}:${line}`;
    const text = inert(rows ? reason.replace(/\bline (?=\d)/g, 'row ') : reason);
    return field === null ? `${where}: ${text}` : `${where}: field ${quote(field)} ${text}`;
}
/** Files opened by the Parquet reader with `format: parquet` whatever their name (see {@link isRowNumbered}). */
const rowNumbered = new Set();
/**
 * Marks a file whose "lines" are rows (a Parquet file read under another name with `format: parquet`), so that
 * every message about it, read or pairing, says `row 17`.
 */
function markRowNumbered(file) {
    rowNumbered.add(file);
}
/**
 * True for a file without lines: a Parquet file (`.parquet`, or marked by the reader). Its messages give the
 * 1-based row (`candidate.parquet: row 17: field "prediction" is missing`), and `line N` in a reason (a duplicate
 * id's first row, the first row of a column) reads `row N`.
 * @example isRowNumbered('candidate.parquet') // true
 */
function isRowNumbered(file) {
    return /\.parquet$/i.test(file) || rowNumbered.has(file);
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
 * forms `isNumericText` (src/read/labels.ts) calls numeric labels. Each is a plain decimal with one meaning.
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
 * The `score-metrics` option (docs/tasks.md): `NAME[:higher|:lower],…`, the per-example fields of task `scores`, each
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

;// CONCATENATED MODULE: ./src/read/predictionFile.ts
/** The formats a user may name (`--format`, action `format`). */
const FORMATS = ['jsonl', 'csv', 'tsv', 'json', 'parquet', 'cells'];
const DEFAULT_FIELDS = { id: 'id', label: 'label', prediction: 'prediction', score: 'score' };
/**
 * Interns label texts to small integer codes, shared by both files of a comparison so that codes agree.
 * Codes are in first-seen order; `labelOrder` (src/read/labels.ts) gives the report order.
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
 * Command-line arguments of `eval-gate compare` (docs/cli.md), parsed into CompareOptions. Every problem is a
 * ConfigError naming the option; `--help` text lists every option with its default.
 */





const HELP = `Usage: eval-gate compare --candidate FILE [--baseline FILE] [options]

Compares a candidate model's predictions with a baseline's, paired by example id, and checks the gates.
Prints the Markdown report. Exit status: 0 every gate passes, 1 a gate fails, 2 bad input or usage.

Files
  --candidate FILE         the candidate model's predictions (required)
  --baseline FILE          the baseline model's predictions (default: none; baseline gates then follow --missing-baseline)
  --format F               jsonl | csv | tsv | json | parquet | cells (default: from the extension; .gz is
                           unpacked; cells: the --candidate file holds counts of (label, baseline, candidate,
                           each --slice-field) from a GROUP BY, written as the extension says; no --baseline)
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

Rows
  --repeat-field NAME      several rows per id (k samples): ids are resampled, rows are averaged
  --cluster-field NAME     examples sharing this field are resampled and permuted together
  --errors E               wrong | exclude: a row with an empty prediction or an "error" is counted wrong
                           (worst value for scores), or left out of both models (default: wrong)

Slices
  --slice-field NAME       per value of this field, the headline metrics and their tests (repeatable)
  --min-slice N            the fewest paired examples a slice needs to be tested (default: 30)

Data checks
  --train FILE             the training examples: counts test examples whose id (or text) is in it (metric leakage)
  --text-field NAME        with --train: the text field compared after normalisation (NFKC, case fold, spaces)
  --train-predictions FILE the candidate's predictions on its training set: train vs test gap (overfitting)

Gates and statistics
  --gates RULES            rules separated by ';' or newlines, e.g. "recall no-regression; f1 >= 0.8"
                           (default: no-regression on accuracy, precision, recall and f1; scores: on every
                           field; regression: on mae and rmse; generation: on every metric but perplexity)
  --missing-baseline M     skip | fail: what rules that need a baseline do without one (default: skip)
  --alpha A                significance level (default: 0.05)
  --resamples N            bootstrap and permutation resamples (default: 10000)
  --seed S                 random seed; the same inputs and seed give the same report (default: 0)
  --multiplicity M         holm | westfall-young | max-t: how the no-regression rules' p-values are adjusted for
                           their number (default: holm, as docs/gates.md; westfall-young (minP) and max-t use the joint
                           distribution of the metrics in the same seeded permutations, where a task has it)
  --mcnemar M              exact | mid-p: the McNemar test of accuracy and recall (default: exact)
  --inconclusive I         fail | pass: what an inconclusive non-inferior gate does to the verdict (default: fail)

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
                'train-predictions': { type: 'string' },
                'slice-field': { type: 'string', multiple: true },
                'min-slice': { type: 'string' },
                'repeat-field': { type: 'string' },
                'cluster-field': { type: 'string' },
                errors: { type: 'string' },
                inconclusive: { type: 'string' },
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
        format: oneOf('--format', values.format, FORMATS),
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
        ...(values['train-predictions'] ? { trainPredictions: { name: values['train-predictions'], path: values['train-predictions'] } } : {}),
        ...(values['slice-field'] !== undefined ? { sliceFields: values['slice-field'].map((f) => field('--slice-field', f, '')) } : {}),
        ...optional('minSlice', values['min-slice'] === undefined ? undefined : numberOption('--min-slice', values['min-slice'], 30, (x) => Number.isInteger(x) && x >= 1, 'a whole number ≥ 1')),
        ...(values['repeat-field'] !== undefined ? { repeatField: field('--repeat-field', values['repeat-field'], '') } : {}),
        ...(values['cluster-field'] !== undefined ? { clusterField: field('--cluster-field', values['cluster-field'], '') } : {}),
        ...optional('errors', oneOf('--errors', values.errors, ['wrong', 'exclude'])),
        ...optional('inconclusive', oneOf('--inconclusive', values.inconclusive, ['fail', 'pass'])),
        gates: values.gates,
        alpha: numberOption('--alpha', values.alpha, 0.05, (x) => x > 0 && x < 1, 'a number between 0 and 1'),
        resamples: numberOption('--resamples', values.resamples, 10000, (x) => Number.isInteger(x) && x >= 1 && x <= 1_000_000, 'a whole number from 1 to 1000000'),
        seed: numberOption('--seed', values.seed, 0, (x) => Number.isSafeInteger(x) && x >= 0, 'a whole number ≥ 0'),
        missingBaseline: (oneOf('--missing-baseline', values['missing-baseline'], ['skip', 'fail']) ?? 'skip'),
        ...optional('multiplicity', oneOf('--multiplicity', values.multiplicity, ['holm', 'westfall-young', 'max-t'])),
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

;// CONCATENATED MODULE: ./src/report/format.ts
/**
 * Metrics that are proportions, shown as percentages with deltas in points: classification's (docs/metrics.md, per class
 * too) and generation's exact_match and token_f1. Every other metric (log_loss, brier, scores fields, regression
 * errors, BLEU and chrF on 0–100, loss, perplexity) is a plain number.
 */
const PROPORTION = /^(?:(?:accuracy|balanced_accuracy|specificity|roc_auc|average_precision|exact_match|token_f1|error_rate)|(?:precision|recall|f1)(?:_macro|_micro|_weighted)?|(?:precision|recall|f1)\[[\s\S]*\])$/;
/** Plain numbers with 4 decimals (log_loss and brier, near 0) or 3 (everything else that is not a proportion). */
const FOUR = new Set(['log_loss', 'brier']);
const format_isPlain = (metric) => (units.get(metric) === 'proportion' ? false : !PROPORTION.test(metric) || isCount(metric));
/**
 * The units of the report being written where a metric's name does not say (a scores field of 0/1 values is a
 * proportion, one of whole numbers an integer: Report.units, docs/report.md); set by {@link withUnits}.
 */
let units = new Map();
/** Runs `fn` (synchronous) with the given units in force, for every number it formats. */
function withUnits(given, fn) {
    const before = units;
    units = new Map(given ? Object.entries(given) : []);
    try {
        return fn();
    }
    finally {
        units = before;
    }
}
/** An integer-valued metric's whole numbers without trailing zeros (`4` for 4.000; a mean 2.933 stays as it is). */
const trimmed = (metric, text) => (units.get(metric) === 'integer' ? text.replace(/\.0+$/, '') : text);
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
        return trimmed(metric, minus(value.toFixed(plainDigits(metric))));
    return `${(100 * value).toFixed(1)}%`;
}
/** A delta: `+1.3 pts`, `−11.8 pts`, or `−0.0123` for log loss. */
function formatDelta(metric, delta) {
    if (delta === null)
        return '—';
    if (format_isPlain(metric))
        return trimmed(metric, (delta >= 0 ? '+' : '') + minus(delta.toFixed(plainDigits(metric))));
    const pts = 100 * delta;
    const text = Math.abs(pts) < 0.05 ? '0.0' : (pts > 0 ? '+' : '') + minus(pts.toFixed(1));
    return `${text} pts`;
}
/** An interval of a delta: `−16.4 to −7.5 pts`. */
function formatInterval(metric, ci) {
    if (ci === null)
        return '—';
    let [lo, hi] = ci.map((x) => formatDelta(metric, x).replace(/ pts$/, ''));
    // Both ends with the same decimals: whole numbers of an integer metric only when both are (docs/report.md).
    if (lo.includes('.') !== hi.includes('.'))
        [lo, hi] = ci.map((x) => (x >= 0 ? '+' : '') + minus(x.toFixed(plainDigits(metric))));
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
    if (scale === 100)
        return `${text} pts`;
    // An integer metric's change without trailing zeros when both values shown are whole numbers (`5 → 4`: `−1`).
    return [baseline, candidate].every((v) => !formatValue(metric, v).includes('.')) ? trimmed(metric, text) : text;
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
const plural = (n, one, many = one + 's') => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
/** Classification's power warnings (docs/statistics.md: accuracy and, binary, recall), when anything was paired. */

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

;// CONCATENATED MODULE: ./src/stats/maxT.ts
/**
 * Westfall–Young step-down max-T adjustment of m one-sided tests from their joint permutation distribution
 * (Westfall & Young 1993, "Resampling-Based Multiple Testing", Algorithm 4.1 in the step-down form of docs/tasks.md.8;
 * Ge, Dudoit & Speed 2003, Test 7, Box 2).
 *
 * Each metric j has an observed statistic tⱼ and R resampled ones t*ⱼᵣ from the same swaps (larger = worse),
 * standardized so that they are comparable ({@link standardize}). With the observed statistics sorted
 * descending, t(1) ≥ … ≥ t(m), the successive maxima u*(i) = max(t*(i), …, t*(m)) run over the hypotheses not
 * yet rejected, and
 *   adjusted p(i) = max over l ≤ i of (1 + #{r : u*ᵣ(l) ≥ t(l)}) / (R + 1)
 * (the observed table as one of the R + 1 equally likely, Phipson & Smyth 2010). Family-wise error ≤ alpha under
 * the complete null, exactly for the permutation distribution, as minP's. Unlike minP it needs no p-value per
 * resample (no rank of each resample among the others, whose resolution 1/(R + 1) blurs the tail), which is why
 * Ge et al. find it more powerful for the same R when the statistics are alike in distribution; it weights the
 * metrics by their standardized scale, not by their p.
 * With `ties` ({@link tieKeys}: R + 1 seeded keys, the observed table's first) a resample counts as ≥ t only when
 * it is above t, or equal to t with a key above the observed table's: the randomized permutation test, whose size
 * is alpha exactly for a discrete statistic such as McNemar's, where counting every tie stays below alpha.
 * Cost: O(m log m + R·m).
 *
 * @example maxT([2.5, 0.1], [Float64Array.of(1, 3, -1), Float64Array.of(0.5, -2, 0)])
 * // [0.5, 0.5]: u*(1) = max(t*₁, t*₂) = (1, 3, 0), one ≥ 2.5 → (1 + 1)/4; u*(2) = t*₂, one ≥ 0.1 → 2/4
 */
function maxT(observed, resampled, ties) {
    const m = observed.length;
    if (m === 0)
        return [];
    const R = resampled[0].length;
    const order = observed.map((_, i) => i).sort((a, b) => observed[b] - observed[a] || a - b);
    const u = new Float64Array(R).fill(-Infinity);
    const counts = new Float64Array(m);
    // From the smallest observed statistic up, the running maximum over the hypotheses of rank i to m.
    for (let rank = m - 1; rank >= 0; rank--) {
        const j = order[rank];
        const tj = resampled[j];
        const t = observed[j];
        const tolerance = Math.max(1e-12, 1e-12 * Math.abs(t));
        const threshold = t - tolerance;
        let hits = 0;
        if (ties) {
            // (u, V) ≥ (t, V₀) lexicographically: above t, or tied with t and a larger key than the observed table's.
            const above = t + tolerance;
            const own = ties[0];
            for (let r = 0; r < R; r++) {
                const v = tj[r];
                if (v > u[r])
                    u[r] = v;
                const x = u[r];
                if (x > above || (x >= threshold && ties[r + 1] > own))
                    hits++;
            }
        }
        else {
            for (let r = 0; r < R; r++) {
                const v = tj[r];
                if (v > u[r])
                    u[r] = v;
                if (u[r] >= threshold)
                    hits++;
            }
        }
        counts[rank] = hits;
    }
    const adjusted = new Array(m);
    let running = 0;
    for (let rank = 0; rank < m; rank++) {
        running = Math.max(running, (counts[rank] + 1) / (R + 1));
        adjusted[order[rank]] = Math.min(1, running);
    }
    return adjusted;
}
/**
 * Centres and scales an observed statistic and its R resampled values by the mean and standard deviation of all
 * R + 1 of them (the observed included: a symmetric function of the set, so the permutation argument that makes
 * max-T exact still holds). −∞ (an undefined resample) stays −∞ and is left out of the moments; a constant
 * statistic becomes 0 everywhere. Cost: O(R).
 *
 * @example standardize(3, Float64Array.of(1, 2)) // { observed: 1, resampled: [-1, 0] } (mean 2, sd 1)
 */
function standardize(observed, resampled) {
    let n = 0;
    let mean = 0;
    let m2 = 0;
    const add = (x) => {
        if (!Number.isFinite(x))
            return;
        n++;
        const d = x - mean;
        mean += d / n;
        m2 += d * (x - mean);
    };
    add(observed);
    for (let r = 0; r < resampled.length; r++)
        add(resampled[r]);
    const sd = n > 1 ? Math.sqrt(m2 / (n - 1)) : 0;
    const scale = (x) => (x === -Infinity ? -Infinity : Number.isFinite(x) && sd > 0 ? (x - mean) / sd : 0);
    const out = new Float64Array(resampled.length);
    for (let r = 0; r < resampled.length; r++)
        out[r] = scale(resampled[r]);
    return { observed: scale(observed), resampled: out };
}
/**
 * Tie-break keys for a randomized permutation test (Hoeffding 1952; Hemerik & Goeman 2018, "Exact testing with
 * random permutations", JRSS B 80): one uniform key per table, the observed one first (index 0), then the R
 * resamples'. Ordering the tables by (statistic, key) leaves no ties, so the observed table's rank among the R + 1
 * is uniform under the null and the test's size is alpha exactly, where counting every tie against the observed
 * table (the conservative rule) makes a discrete statistic such as McNemar's reject less often than alpha.
 * Cost: O(R).
 *
 * @example tieKeys(2, streamFor(0, 'joint:max-t:ties')) // three doubles in [0, 1), the same for the same seed
 */
function tieKeys(R, rng) {
    const keys = new Float64Array(R + 1);
    for (let r = 0; r <= R; r++)
        keys[r] = rng.nextDouble();
    return keys;
}

;// CONCATENATED MODULE: ./src/stats/westfallYoung.ts
/**
 * Westfall–Young step-down minP adjustment of m one-sided p-values from their joint permutation distribution
 * (Westfall & Young 1993, "Resampling-Based Multiple Testing", Algorithm 2.8; Ge, Dudoit & Speed 2003, docs/statistics.md).
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

;// CONCATENATED MODULE: ./src/gates/trainGap.ts
/**
 * The gate form `METRIC train-gap <= X` (any operator; docs/data-checks.md): the gap of the overfitting check
 * (src/checks/overfitting.ts; positive means better on train, in the metric's own units: 0.05 is 5 points of
 * accuracy) against the threshold. Kept apart from the check so that src/gates/evaluate.ts imports nothing that reads files.
 */


const satisfies = (x, op, y) => (op === '>=' ? x >= y : op === '>' ? x > y : op === '<=' ? x <= y : x < y);
/**
 * A gap as the two shown values give it (`97.3%` on train and `80.0%` on test read `+17.3 pts`), signed so that
 * positive means better on train.
 *
 * @example shownGap('log_loss', { train: 0.1, test: 0.35, direction: 'lower' }) // '+0.2500'
 */
function shownGap(name, m) {
    return m.direction === 'higher' ? formatShownDelta(name, m.test, m.train) : formatShownDelta(name, m.train, m.test);
}
/**
 * Rules of the form `METRIC train-gap <= X` need `--train-predictions`, and a model metric (not a data check such
 * as `leakage`): a ConfigError quoting the rule otherwise.
 */
function checkTrainGapRules(rules, hasTrainPredictions, checkMetrics) {
    for (const rule of rules) {
        if (rule.kind !== 'train-gap')
            continue;
        if (!hasTrainPredictions) {
            throw new ConfigError(`gate ${quote(rule.text, 120)}: train-gap needs --train-predictions (action: train-predictions), the candidate's predictions on its own training set`);
        }
        if (checkMetrics.includes(rule.metric))
            throw new ConfigError(`gate ${quote(rule.text, 120)}: ${rule.metric} is a data check, not a metric of the model; it has no train-gap`);
    }
}
/** A train-gap rule's verdict: the gap (positive: better on train) against the rule's threshold. */
function trainGapGate(rule, overfitting, level) {
    const name = rule.metric;
    const m = overfitting?.metrics[name];
    if (!m || m.gap === null) {
        return { status: 'fail', detail: `${name} is undefined on the training or the test set, so the train-gap cannot be judged`, observed: null };
    }
    const ok = satisfies(m.gap, rule.op, rule.value);
    const ci = m.ci ? ` (${level} CI ${formatInterval(name, m.ci)})` : '';
    return {
        status: ok ? 'pass' : 'fail',
        detail: `${name} is ${formatValue(name, m.train)} on train and ${formatValue(name, m.test)} on test: a gap of ${shownGap(name, m)}${ci}; the rule needs a gap ${rule.op} ${formatNumber(rule.value)}`,
        observed: m.gap
    };
}

;// CONCATENATED MODULE: ./src/gates/sliceRules.ts
/**
 * The slice forms of a gate rule (docs/slices.md):
 *
 * - `METRIC@FIELD=VALUE RULE`: any rule of docs/gates.md on one slice (`f1@region=EU >= 0.8`,
 *   `recall@region="EU West" no-regression`);
 * - `METRIC no-regression by FIELD`: every tested slice of FIELD, each a hypothesis of the run's Holm family.
 *
 * FIELD and VALUE are written bare when they have no space, `"`, and (FIELD) no `=`; otherwise as a JSON string
 * (`"EU West"`, `"say \"hi\""`), inside which `;` and `#` neither split nor end a rule. A bare VALUE ends at the
 * first space (`f1@region=EU>=0.8` reads the value `EU>=0.8`).
 */

const TOKEN = /^(?:"((?:[^"\\]|\\[\s\S])*)"|([^\s"]+))/;
/**
 * Reads one FIELD or VALUE at the start of `text`: a JSON string, or a bare word (no space or `"`) that ends
 * before the first match of `stop` when given (a bare FIELD ends at `=`).
 * @example readToken('"EU West" >= 1', /[=]/) // { token: 'EU West', rest: ' >= 1' }
 */
function readToken(text, stop) {
    const m = TOKEN.exec(text);
    if (!m)
        return text.startsWith('"') ? 'has an unterminated quoted name' : 'is missing a name';
    if (m[1] !== undefined) {
        try {
            return { token: JSON.parse(`"${m[1]}"`), rest: text.slice(m[0].length) };
        }
        catch {
            return `cannot read the quoted name ${quote(m[0])} (write it as a JSON string)`;
        }
    }
    let word = m[2];
    if (stop) {
        const at = word.search(stop);
        if (at === 0)
            return 'is missing a name';
        if (at > 0)
            word = word.slice(0, at);
    }
    return { token: word, rest: text.slice(word.length) };
}
/**
 * Reads `FIELD=VALUE` (after the `@`) and what follows.
 * @example parseSliceSelector('region=EU no-regression') // { field: 'region', value: 'EU', rest: 'no-regression' }
 */
function parseSliceSelector(text) {
    const field = readToken(text, /=/);
    if (typeof field === 'string')
        return `the slice field after "@" ${field}`;
    if (!field.rest.startsWith('='))
        return 'a slice is written METRIC@FIELD=VALUE, e.g. "f1@region=EU >= 0.8"';
    const value = readToken(field.rest.slice(1), null);
    if (typeof value === 'string')
        return `the slice value after "=" ${value}`;
    if (value.rest !== '' && !/^\s/.test(value.rest))
        return 'the slice value must be followed by a space';
    return { field: field.token, value: value.token, rest: value.rest.trim() };
}
/**
 * Reads the FIELD of `no-regression by FIELD` (the text after `by`).
 * @example parseByField(' "data set"') // 'data set'
 */
function parseByField(text) {
    const field = readToken(text.trim(), null);
    if (typeof field === 'string' || field.rest.trim() !== '')
        return null;
    return field.token;
}
/** Checks a rule's slice field and value against the run's; a ConfigError quoting the rule when absent. */
function checkSliceRule(rule, slices) {
    const field = rule.slice?.field ?? rule.by;
    if (field === undefined)
        return;
    const fail = (why) => {
        throw new ConfigError(`gate ${quote(rule.text, 120)}: ${why}`);
    };
    const values = slices?.get(field);
    if (!values) {
        const fields = slices ? [...slices.keys()] : [];
        fail(`${quote(field)} is not a slice field of this run; ` +
            (fields.length ? `the slice fields are ${fields.map((f) => quote(f)).join(', ')}` : 'name slice fields with --slice-field (action: slice-fields)'));
    }
    const value = rule.slice?.value;
    if (value !== undefined && !values.includes(value)) {
        const list = values;
        const shown = list.slice(0, 20).map((v) => quote(v)).join(', ') + (list.length > 20 ? ', …' : '');
        fail(`no compared example has ${field} = ${quote(value)}; its values are ${shown}`);
    }
}
/** How a slice is named in gate details: `region=EU`, or `region="EU West"`. */
function sliceName(field, value) {
    const word = (s) => (/^[^\s"=;#]+$/.test(s) ? s : JSON.stringify(s));
    return `${word(field)}=${word(value)}`;
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
/** Which way is better: lower for `log_loss` and `brier`, higher for everything else (docs/metrics.md). */
function direction(name) {
    return name === 'log_loss' || name === 'brier' ? 'lower' : 'higher';
}

;// CONCATENATED MODULE: ./src/gates/rules.ts
/**
 * Gates (docs/gates.md): rules, one per line or separated by `;`, `#` starting a comment.
 *
 * | rule | passes when |
 * | `METRIC >= X` (`>`, `<=`, `<`) | the candidate's value satisfies it |
 * | `METRIC delta >= X` (any operator) | candidate − baseline satisfies it |
 * | `METRIC no-regression` | not a significant regression: fails only when the change is in the worse direction and its one-sided p, adjusted over all no-regression rules (Westfall–Young minP or Holm, `multiplicity`), is below alpha |
 * | `METRIC non-inferior M` | three-way (docs/repeats-and-clusters.md): `pass` when the one-sided (1 − alpha) bound of delta on the worse side lies within M, `fail` when the bound on the better side lies beyond M on the worse side (shown inferior), `inconclusive` otherwise |
 * | `METRIC train-gap <= X` (any operator) | the gap train − test (positive: better on train) satisfies it (src/checks/overfitting.ts) |
 *
 * METRIC is a name of docs/metrics.md, per class included (`recall[spam]`; a label may hold spaces, `;` and `#`, which do
 * not split or end a rule inside the brackets), or a slice of one (docs/slices.md, src/gates/sliceRules.ts):
 * `METRIC@FIELD=VALUE …` and `METRIC no-regression by FIELD`.
 */




/** The default when no gates are given: no significant regression of accuracy, precision, recall or F1. */
const DEFAULT_GATES = 'accuracy no-regression; precision no-regression; recall no-regression; f1 no-regression';
/**
 * Splits rules text into rules: newlines and `;` separate, `#` comments, both ignored inside `[…]` and inside a
 * quoted slice name (`"…"`, with `\"` inside).
 */
function splitRules(text) {
    const rules = [];
    let current = '';
    let depth = 0;
    let comment = false;
    let quoted = false;
    let escaped = false;
    for (const ch of text) {
        if (ch === '\n' || ch === '\r') {
            rules.push(current);
            current = '';
            depth = 0;
            comment = false;
            quoted = escaped = false;
            continue;
        }
        if (comment)
            continue;
        if (quoted) {
            if (escaped)
                escaped = false;
            else if (ch === '\\')
                escaped = true;
            else if (ch === '"')
                quoted = false;
        }
        else if (depth === 0 && ch === '"')
            quoted = true;
        else if (ch === '[')
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
        checkSliceRule(parsed, known.slices);
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
    let tail = head[3].trim();
    let slice;
    if (tail.startsWith('@')) {
        const selector = parseSliceSelector(tail.slice(1));
        if (typeof selector === 'string')
            return fail(selector);
        slice = { field: selector.field, value: selector.value };
        tail = selector.rest;
    }
    const sliced = slice ? { slice } : {};
    const number = (s, what) => {
        const x = parseDecimal(s);
        if (!Number.isFinite(x))
            fail(`${what} ${quote(s)} is not a number`);
        return x;
    };
    let m;
    if ((m = /^(?:(delta|train-gap)\s*)?(>=|<=|>|<)\s*(\S+)$/.exec(tail))) {
        return { text, metric, kind: m[1] === 'delta' ? 'delta' : m[1] === 'train-gap' ? 'train-gap' : 'threshold', op: m[2], value: number(m[3], 'the threshold'), ...sliced };
    }
    if (/^no-regression$/.test(tail))
        return { text, metric, kind: 'no-regression', ...sliced };
    if ((m = /^no-regression\s+by(\s[\s\S]*)?$/.exec(tail))) {
        if (slice)
            fail('a rule is about one slice (@FIELD=VALUE) or every slice of a field (by FIELD), not both');
        const by = parseByField(m[1] ?? '');
        if (by === null)
            fail('"no-regression by" needs one slice field, e.g. "f1 no-regression by region"');
        return { text, metric, kind: 'no-regression', by: by };
    }
    if ((m = /^non-inferior(?:\s+(\S+))?$/.exec(tail))) {
        if (m[1] === undefined)
            fail('non-inferior needs a margin, e.g. "non-inferior 0.01"');
        const margin = number(m[1], 'the margin');
        if (margin < 0)
            fail('the margin must not be negative');
        return { text, metric, kind: 'non-inferior', margin, ...sliced };
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
 * The default adjustment: Holm, as docs/gates.md states it. Westfall–Young (minP, or max-T: the most power) is the option:
 * exact family-wise control under exchangeable models and about +75% power for a recall drop among six gates (15.4%
 * vs 8.7%, max-T with its ties broken by seeded keys), but short of issue 11's goal and a stronger null for roc_auc
 * (README, "Statistics", `npm run calibrate`).
 */
const DEFAULT_MULTIPLICITY = 'holm';

;// CONCATENATED MODULE: ./src/gates/evaluate.ts
/**
 * Evaluating the gates (docs/gates.md): each parsed rule against the report's metrics, the no-regression rules'
 * p-values adjusted together (Holm, Westfall–Young minP or max-T), and each rule's result with its detail line.
 */







/**
 * The no-regression family: every no-regression rule with a one-sided p-value; a slice rule its slice's metric;
 * a `by FIELD` rule one hypothesis per tested slice of FIELD.
 */
function noRegressionFamily(rules, metrics, options) {
    const family = [];
    if (!options.hasBaseline)
        return family;
    for (const rule of rules) {
        if (rule.kind !== 'no-regression')
            continue;
        if (rule.by !== undefined) {
            for (const [value, s] of Object.entries(options.slices?.[rule.by] ?? {})) {
                const m = s.tested ? s.metrics[rule.metric] : undefined;
                if (m?.pValueWorse != null)
                    family.push({ rule, value, m });
            }
            continue;
        }
        const m = metricOf(rule, metrics, options);
        if (m && m.pValueWorse != null)
            family.push({ rule, value: rule.slice?.value ?? null, m });
    }
    return family;
}
/** The metric a rule looks at: the run's, or (slice rules) its tested slice's; null for an untested slice. */
function metricOf(rule, metrics, options) {
    if (!rule.slice)
        return metrics[rule.metric];
    const s = options.slices?.[rule.slice.field]?.[rule.slice.value];
    return s && s.tested ? (s.metrics[rule.metric] ?? null) : null;
}
/**
 * Adjusted one-sided p of each tested rule: Westfall–Young step-down minP over the task's joint permutation
 * null when asked and available, else Holm. `note` says why Westfall–Young was not used when it was asked for.
 */
function adjust(family, options) {
    const tested = family.map((h) => h.rule);
    const holmP = () => holm(family.map((h) => h.m.pValueWorse));
    const multiplicity = options.multiplicity ?? DEFAULT_MULTIPLICITY;
    if (multiplicity === 'holm' || tested.length === 0)
        return { p: holmP(), method: 'Holm', note: '' };
    // Asked for by name, say why it is not used; as the default, a task without a joint null simply uses Holm.
    const asked = options.multiplicity !== undefined;
    const label = multiplicity === 'max-t' ? 'Westfall–Young max-T' : 'Westfall–Young';
    if (!options.joint)
        return { p: holmP(), method: 'Holm', note: asked ? ` (this task has no joint resampling for ${label})` : '' };
    // docs/slices.md: a slice's statistics come from its own resamples, so slices have no joint null with the rest.
    if (family.some((h) => h.rule.slice || h.rule.by !== undefined)) {
        return { p: holmP(), method: 'Holm', note: asked ? ` (not ${label}: slice rules have no joint resampling)` : '' };
    }
    const names = [...new Set(tested.map((r) => r.metric))];
    const joint = options.joint(names);
    if (typeof joint === 'string')
        return { p: holmP(), method: 'Holm', note: ` (not ${label}: ${joint})` };
    const adjusted = multiplicity === 'max-t' && joint.statistics
        ? maxT(joint.statistics.observed, joint.statistics.resampled, options.maxTTies === 'count' ? undefined : joint.ties)
        : westfallYoung(joint.observed, joint.resampled);
    const byName = new Map(names.map((name, i) => [name, adjusted[i]]));
    // A metric named by two rules is one hypothesis: the same adjusted p for both.
    return { p: tested.map((r) => byName.get(r.metric)), method: label, note: '' };
}
const compareOp = (x, op, y) => (op === '>=' ? x >= y : op === '>' ? x > y : op === '<=' ? x <= y : x < y);
/** Evaluates the rules against the metrics of a report. */
function evaluateGates(rules, metrics, options) {
    const { alpha } = options;
    const level = `${Math.round((1 - alpha) * 1000) / 10}%`;
    // Every no-regression hypothesis that has a one-sided p-value, adjusted together (Holm or Westfall–Young).
    const family = noRegressionFamily(rules, metrics, options);
    const adjusted = new Map();
    const bySlice = new Map();
    const adjustment = adjust(family, options);
    adjustment.p.forEach((p, i) => {
        const h = family[i];
        if (h.rule.by === undefined)
            adjusted.set(h.rule, p);
        else
            bySlice.set(h.rule, [...(bySlice.get(h.rule) ?? []), { value: h.value, m: h.m, p }]);
    });
    return rules.map((rule) => {
        const where = rule.slice ? `on ${sliceName(rule.slice.field, rule.slice.value)}: ` : '';
        const sliceField = rule.slice ? { slice: { ...rule.slice } } : {};
        const base = { rule: rule.text, metric: rule.metric, observed: null, pValue: null, bound: null };
        const result = (status, detail, extra = {}) => ({ ...base, status, detail: where + detail, ...sliceField, ...extra });
        const name = rule.metric;
        if (rule.by !== undefined) {
            if (!options.hasBaseline) {
                return { ...base, status: options.missingBaseline, detail: `no baseline to compare with (missing-baseline: ${options.missingBaseline})`, slice: { field: rule.by, failing: [] } };
            }
            return byFieldResult(rule, options.slices?.[rule.by] ?? {}, bySlice.get(rule) ?? [], { alpha, level, adjustment });
        }
        const found = metricOf(rule, metrics, options);
        if (!found) {
            const s = rule.slice ? options.slices?.[rule.slice.field]?.[rule.slice.value] : undefined;
            const below = s && options.minSlice !== undefined && s.counts.paired < options.minSlice;
            const why = s && !s.tested
                ? `the slice has ${s.counts.paired} compared examples, ${below ? `fewer than --min-slice ${options.minSlice}` : 'beyond the slices a run tests (see the warnings)'}: not tested`
                : `${name} was not computed`;
            return result('skip', why);
        }
        const m = found;
        if (rule.kind === 'train-gap')
            return { ...base, ...trainGapGate(rule, options.overfitting ?? null, level) };
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
        // non-inferior: three-way (docs/repeats-and-clusters.md)
        const margin = rule.margin;
        const bound = m.worseBound;
        if (bound === null)
            return result('fail', `${change}; ${name} has no confidence bound, so non-inferiority cannot be shown`, { observed: m.delta });
        const higher = m.direction === 'higher';
        const edge = higher ? -margin : margin;
        const side = higher ? 'lower' : 'upper';
        const marginText = `the margin of ${formatDelta(name, edge)}`;
        if (higher ? bound >= edge : bound <= edge) {
            return result('pass', `${change}; the one-sided ${level} ${side} bound is ${formatDelta(name, bound)}, within ${marginText}: non-inferior`, { observed: m.delta, bound });
        }
        const better = betterBound(m.delta, bound);
        const otherSide = higher ? 'upper' : 'lower';
        if (higher ? better < edge : better > edge) {
            return result('fail', `${change}; even the one-sided ${level} ${otherSide} bound, ${formatDelta(name, better)}, is beyond ${marginText}: shown inferior`, { observed: m.delta, bound });
        }
        const needed = options.examples ? examplesToSettle(options.examples, m.delta, bound, edge) : null;
        const settle = needed === null
            ? ''
            : Number.isFinite(needed)
                ? `; about ${roundUp2(needed).toLocaleString('en-US')} paired examples (now ${options.examples.toLocaleString('en-US')}) would settle it if the change stays at ${formatDelta(name, m.delta)}`
                : `; the change sits on the margin, so no number of examples settles it unless the change moves`;
        return result('inconclusive', `${change}; the one-sided ${level} ${side} bound ${formatDelta(name, bound)} is beyond ${marginText}, but the ${otherSide} bound ${formatDelta(name, better)} is within it: inconclusive${settle}`, { observed: m.delta, bound, examplesNeeded: needed === null || !Number.isFinite(needed) ? null : needed });
    });
}
/**
 * The one-sided (1 − alpha) bound of delta on the better side: the worse-side bound reflected about the observed
 * delta, 2·delta − worseBound. Exact for the symmetric intervals (paired t, DeLong, the bootstrap's normal form);
 * for a bootstrap percentile interval the same width on the other side (the report keeps only the worse-side
 * percentile). Cost O(1).
 * @example betterBound(-0.004, -0.012) // 0.004
 */
function betterBound(delta, worseBound) {
    return 2 * delta - worseBound;
}
/**
 * The paired examples that would settle an inconclusive non-inferiority gate, if the change and the spread per
 * example stay as observed (a sample-size computation from the interval, as for a z-interval):
 * the one-sided half-width is h = |delta − worseBound| = z₁₋α · s/√n, so with n′ examples it is h·√(n/n′); the
 * gate is settled (either bound on one side of the margin point e = ∓M) once that half-width is below the distance
 * |delta − e|:  n′ = ⌈n · (h / |delta − e|)²⌉ (+1 when that is exact). Infinity when delta sits on the margin.
 * Cost O(1).
 * @example examplesToSettle(1200, -0.004, -0.012, -0.01) // 2134 (= ⌈1200 · (0.008/0.006)²⌉)
 */
function examplesToSettle(n, delta, worseBound, edge) {
    const h = Math.abs(delta - worseBound);
    const d = Math.abs(delta - edge);
    if (d === 0)
        return Infinity;
    const exact = n * (h / d) ** 2;
    const up = Math.ceil(exact);
    return up === exact ? up + 1 : up;
}
/** Rounded up to two significant figures, for "about 4,800 examples": 4,763 → 4,800. */
function roundUp2(x) {
    if (x < 100)
        return x;
    const step = 10 ** (Math.floor(Math.log10(x)) - 1);
    return Math.ceil(x / step) * step;
}
/** `= 0.004` or `< 0.0001`. */
function pText(p) {
    const text = formatP(p);
    return text.startsWith('<') ? text : `= ${text}`;
}
/**
 * `METRIC no-regression by FIELD`: fails when any tested slice of FIELD regressed significantly (its one-sided p,
 * adjusted with the run's other no-regression hypotheses, below alpha); the detail names those slices.
 */
function byFieldResult(rule, slices, tested, ctx) {
    const field = rule.by;
    const name = rule.metric;
    const all = Object.values(slices);
    const testedCount = all.filter((s) => s.tested).length;
    const base = { rule: rule.text, metric: name, bound: null, adjustment: ctx.adjustment.method };
    const count = `${testedCount} of ${all.length} slices of ${field} tested`;
    if (tested.length === 0) {
        return {
            ...base,
            status: 'pass',
            observed: null,
            pValue: null,
            detail: testedCount === 0 ? `no slice of ${field} has enough compared examples (--min-slice) to be tested` : `${count}; ${name} has no significance test on them, so it cannot regress significantly`,
            slice: { field, failing: [] }
        };
    }
    const worse = (m) => m.delta !== null && (m.direction === 'higher' ? m.delta < 0 : m.delta > 0);
    const failing = tested.filter((t) => worse(t.m) && t.p < ctx.alpha);
    const smallest = tested.reduce((a, b) => (b.p < a.p ? b : a));
    const after = `after ${ctx.adjustment.method}${ctx.adjustment.note}`;
    const describe = (t) => `${sliceName(field, t.value)} (${describeChange(name, t.m)}, one-sided p ${pText(t.p)})`;
    const detail = failing.length
        ? `significant regression on ${failing.length} of ${testedCount} tested slices of ${field} ${after}: ${failing.slice(0, 10).map(describe).join('; ')}${failing.length > 10 ? '; …' : ''}`
        : `${count}, none a significant regression ${after}; smallest one-sided p ${pText(smallest.p)} on ${sliceName(field, smallest.value)}`;
    return {
        ...base,
        status: failing.length ? 'fail' : 'pass',
        observed: smallest.m.delta,
        pValue: smallest.p,
        detail,
        slice: { field, failing: failing.map((t) => t.value) }
    };
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
function limits_overLimit(text, limit) {
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
class limits_Pending {
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
            if (rows.otherColumn)
                for (const name of header)
                    if (!rows.columns.some((c) => c.name === name))
                        rows.otherColumn(name);
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
        this.pending = new limits_Pending(limit);
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
                if (lineEnd - pos > this.limit / 3 && limits_overLimit(text.slice(pos, lineEnd), this.limit))
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
                if (limits_overLimit(text.slice(pos, end), this.limit))
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
/**
 * A flat JSON object of numbers as keys and values: the object JSON.parse would build (keys in that order, no
 * key twice), without building it. `keys` is the same array for every row whose object has the same keys in the
 * same order, so a sink can compare it by identity; `values` is overwritten by the next row.
 */
class NumberVector {
    keys;
    values;
    constructor(keys, values) {
        this.keys = keys;
        this.values = values;
    }
    /** The object JSON.parse would have built. */
    toObject() {
        const object = {};
        for (let j = 0; j < this.keys.length; j++)
            object[this.keys[j]] = this.values[j];
        return object;
    }
}
/** The cells of a JSON object row for `columns`, into a reused array. Cost O(columns). */
function objectCells(row, columns, into) {
    for (let k = 0; k < columns.length; k++)
        into[k] = row[columns[k].name];
    return into;
}
/** Tells `rows.otherColumn` (when it has one) of the keys of a JSON object row that are none of its columns. Cost O(keys · columns). */
function otherKeys(row, rows) {
    if (!rows.otherColumn)
        return;
    for (const key of Object.keys(row)) {
        if (!rows.columns.some((c) => c.name === key))
            rows.otherColumn(key);
    }
}

;// CONCATENATED MODULE: ./src/read/jsonl.ts
/**
 * JSON Lines: one JSON object per line; blank lines skipped; CRLF accepted. Lines are split by hand on chunk
 * boundaries (faster than readline) and each parsed with JSON.parse. A line is at most `limit` UTF-8 bytes: a
 * longer one stops the read at its line as soon as the limit is passed (memory: the limit plus one chunk).
 */



async function readJsonl(chunks, rows, limit) {
    const parse = lineParser(rows);
    let lineNo = 0;
    const take = (text) => parse(text, ++lineNo);
    const tooLong = () => lineTooLong(rows.file, lineNo + 1, limit);
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
/**
 * The plain path for one line (also the byte reader's fallback, src/read/jsonlBytes.ts): a trailing CR dropped,
 * blank lines skipped, JSON.parse, an object required, its cells for the sink's columns.
 */
function lineParser(rows) {
    const cells = [];
    return (text, lineNo) => {
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
        otherKeys(row, rows);
        rows.add(lineNo, objectCells(row, rows.columns, cells));
    };
}
/** Too long a line: `x.jsonl:3: is longer than 1,000 bytes, the limit for one line: refused`. */
function lineTooLong(file, lineNo, limit) {
    return new InputError(file, lineNo, null, `is longer than ${bytes(limit)}, the limit for one line: refused`);
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
        otherKeys(row, rows);
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
        this.pending = new limits_Pending(limit);
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
            if (limits_overLimit(tail, this.limit))
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

;// CONCATENATED MODULE: external "node:zlib"
const external_node_zlib_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");
;// CONCATENATED MODULE: ./node_modules/hyparquet/src/constants.js

/** @type {import('../src/types.d.ts').ParquetType[]} */
const ParquetTypes = [
  'BOOLEAN',
  'INT32',
  'INT64',
  'INT96', // deprecated
  'FLOAT',
  'DOUBLE',
  'BYTE_ARRAY',
  'FIXED_LEN_BYTE_ARRAY',
]

/** @type {import('../src/types.d.ts').Encoding[]} */
const Encodings = [
  'PLAIN',
  'GROUP_VAR_INT', // deprecated
  'PLAIN_DICTIONARY',
  'RLE',
  'BIT_PACKED', // deprecated
  'DELTA_BINARY_PACKED',
  'DELTA_LENGTH_BYTE_ARRAY',
  'DELTA_BYTE_ARRAY',
  'RLE_DICTIONARY',
  'BYTE_STREAM_SPLIT',
]

/** @type {import('../src/types.d.ts').FieldRepetitionType[]} */
const FieldRepetitionTypes = [
  'REQUIRED',
  'OPTIONAL',
  'REPEATED',
]

/** @type {import('../src/types.d.ts').ConvertedType[]} */
const ConvertedTypes = [
  'UTF8',
  'MAP',
  'MAP_KEY_VALUE',
  'LIST',
  'ENUM',
  'DECIMAL',
  'DATE',
  'TIME_MILLIS',
  'TIME_MICROS',
  'TIMESTAMP_MILLIS',
  'TIMESTAMP_MICROS',
  'UINT_8',
  'UINT_16',
  'UINT_32',
  'UINT_64',
  'INT_8',
  'INT_16',
  'INT_32',
  'INT_64',
  'JSON',
  'BSON',
  'INTERVAL',
]

/** @type {import('../src/types.d.ts').CompressionCodec[]} */
const CompressionCodecs = [
  'UNCOMPRESSED',
  'SNAPPY',
  'GZIP',
  'LZO',
  'BROTLI',
  'LZ4',
  'ZSTD',
  'LZ4_RAW',
]

/** @type {import('../src/types.d.ts').PageType[]} */
const PageTypes = [
  'DATA_PAGE',
  'INDEX_PAGE',
  'DICTIONARY_PAGE',
  'DATA_PAGE_V2',
]

/** @type {import('../src/types.d.ts').BoundaryOrder[]} */
const BoundaryOrders = [
  'UNORDERED',
  'ASCENDING',
  'DESCENDING',
]

/** @type {import('../src/types.d.ts').EdgeInterpolationAlgorithm[]} */
const EdgeInterpolationAlgorithms = [
  'SPHERICAL',
  'VINCENTY',
  'THOMAS',
  'ANDOYER',
  'KARNEY',
]

;// CONCATENATED MODULE: ./node_modules/hyparquet/src/wkb.js
/**
 * WKB (Well-Known Binary) decoder for geometry objects.
 *
 * @param {DataReader} reader
 * @returns {Geometry} geometry object
 */
function wkbToGeojson(reader) {
  const flags = getFlags(reader)

  if (flags.type === 1) { // Point
    return { type: 'Point', coordinates: readPosition(reader, flags) }
  } else if (flags.type === 2) { // LineString
    return { type: 'LineString', coordinates: readLine(reader, flags) }
  } else if (flags.type === 3) { // Polygon
    return { type: 'Polygon', coordinates: readPolygon(reader, flags) }
  } else if (flags.type === 4) { // MultiPoint
    const points = []
    for (let i = 0; i < flags.count; i++) {
      points.push(readPosition(reader, getFlags(reader)))
    }
    return { type: 'MultiPoint', coordinates: points }
  } else if (flags.type === 5) { // MultiLineString
    const lines = []
    for (let i = 0; i < flags.count; i++) {
      lines.push(readLine(reader, getFlags(reader)))
    }
    return { type: 'MultiLineString', coordinates: lines }
  } else if (flags.type === 6) { // MultiPolygon
    const polygons = []
    for (let i = 0; i < flags.count; i++) {
      polygons.push(readPolygon(reader, getFlags(reader)))
    }
    return { type: 'MultiPolygon', coordinates: polygons }
  } else if (flags.type === 7) { // GeometryCollection
    const geometries = []
    for (let i = 0; i < flags.count; i++) {
      geometries.push(wkbToGeojson(reader))
    }
    return { type: 'GeometryCollection', geometries }
  } else {
    throw new Error(`Unsupported geometry type: ${flags.type}`)
  }
}

/**
 * Extract ISO WKB flags and base geometry type.
 *
 * @param {DataReader} reader
 * @returns {WkbFlags}
 */
function getFlags(reader) {
  const { view } = reader
  const littleEndian = view.getUint8(reader.offset++) === 1
  const rawType = view.getUint32(reader.offset, littleEndian)
  reader.offset += 4

  const type = rawType % 1000
  const flags = Math.floor(rawType / 1000)

  let count = 0
  if (type > 1 && type <= 7) {
    count = view.getUint32(reader.offset, littleEndian)
    reader.offset += 4
  }

  // XY, XYZ, XYM, XYZM
  let dim = 2
  if (flags) dim++
  if (flags === 3) dim++

  return { littleEndian, type, dim, count }
}

/**
 * @param {DataReader} reader
 * @param {WkbFlags} flags
 * @returns {number[]}
 */
function readPosition(reader, flags) {
  const points = []
  for (let i = 0; i < flags.dim; i++) {
    const coord = reader.view.getFloat64(reader.offset, flags.littleEndian)
    reader.offset += 8
    points.push(coord)
  }
  return points
}

/**
 * @param {DataReader} reader
 * @param {WkbFlags} flags
 * @returns {number[][]}
 */
function readLine(reader, flags) {
  const points = []
  for (let i = 0; i < flags.count; i++) {
    points.push(readPosition(reader, flags))
  }
  return points
}

/**
 * @param {DataReader} reader
 * @param {WkbFlags} flags
 * @returns {number[][][]}
 */
function readPolygon(reader, flags) {
  const { view } = reader
  const rings = []
  for (let r = 0; r < flags.count; r++) {
    const count = view.getUint32(reader.offset, flags.littleEndian)
    reader.offset += 4
    rings.push(readLine(reader, { ...flags, count }))
  }
  return rings
}

/**
 * @typedef {object} WkbFlags
 * @property {boolean} littleEndian
 * @property {number} type
 * @property {number} dim
 * @property {number} count
 */

/**
 * @import {DataReader, Geometry} from '../src/types.js'
 */

;// CONCATENATED MODULE: ./node_modules/hyparquet/src/convert.js


/**
 * @import {ColumnDecoder, DecodedArray, Encoding, ParquetParsers} from '../src/types.js'
 */

const decoder = new TextDecoder()

/**
 * Default type parsers when no custom ones are given
 * @type ParquetParsers
 */
const DEFAULT_PARSERS = {
  timestampFromMilliseconds(millis) {
    return new Date(Number(millis))
  },
  timestampFromMicroseconds(micros) {
    return new Date(Number(micros / 1000n))
  },
  timestampFromNanoseconds(nanos) {
    return new Date(Number(nanos / 1000000n))
  },
  dateFromDays(days) {
    return new Date(days * 86400000)
  },
  stringFromBytes(bytes) {
    return bytes && decoder.decode(bytes)
  },
  jsonFromBytes(bytes) {
    return bytes && JSON.parse(decoder.decode(bytes))
  },
  geometryFromBytes(bytes) {
    return bytes && wkbToGeojson({ view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), offset: 0 })
  },
  geographyFromBytes(bytes) {
    return bytes && wkbToGeojson({ view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), offset: 0 })
  },
  uuidFromBytes(bytes) {
    if (!bytes) return undefined
    const hex = Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('')
    return hex.slice(0, 8) + '-' + hex.slice(8, 12) + '-' + hex.slice(12, 16) + '-' + hex.slice(16, 20) + '-' + hex.slice(20, 32)
  },
}

/**
 * Convert known types from primitive to rich, and dereference dictionary.
 *
 * @param {DecodedArray} data series of primitive types
 * @param {DecodedArray | undefined} dictionary
 * @param {Encoding} encoding
 * @param {ColumnDecoder} columnDecoder
 * @returns {DecodedArray} series of rich types
 */
function convertWithDictionary(data, dictionary, encoding, columnDecoder) {
  if (dictionary && encoding.endsWith('_DICTIONARY')) {
    let output = data
    if (data instanceof Uint8Array && !(dictionary instanceof Uint8Array)) {
      // @ts-expect-error upgrade data to match dictionary type with fancy constructor
      output = new dictionary.constructor(data.length)
    }
    for (let i = 0; i < data.length; i++) {
      output[i] = dictionary[data[i]]
    }
    return output
  } else {
    return convert(data, columnDecoder)
  }
}

/**
 * Convert known types from primitive to rich.
 *
 * @param {DecodedArray} data series of primitive types
 * @param {ColumnDecoder} columnDecoder
 * @returns {DecodedArray} series of rich types
 */
function convert(data, columnDecoder) {
  const { element, parsers, utf8 = true, schemaPath } = columnDecoder
  const { type, converted_type: ctype, logical_type: ltype } = element
  const nullable = element.repetition_type !== 'REQUIRED'

  // Skip utf8 conversion for plain BYTE_ARRAY inside VARIANT
  const isVariant = schemaPath?.some(s => s.element.logical_type?.type === 'VARIANT')
  if (isVariant && type === 'BYTE_ARRAY' && ctype !== 'UTF8' && ltype?.type !== 'STRING') {
    return data
  }
  if (ctype === 'DECIMAL') {
    const scale = element.scale || 0
    const factor = 10 ** -scale
    const arr = new Array(data.length)
    for (let i = 0; i < arr.length; i++) {
      if (data[i] instanceof Uint8Array) {
        arr[i] = convert_parseDecimal(data[i]) * factor
      } else {
        arr[i] = Number(data[i]) * factor
      }
    }
    return arr
  }
  if (!ctype && type === 'INT96') {
    return Array.from(data).map(v => parsers.timestampFromNanoseconds(parseInt96Nanos(v)))
  }
  if (ctype === 'DATE') {
    return Array.from(data).map(v => parsers.dateFromDays(v))
  }
  if (ctype === 'TIMESTAMP_MILLIS') {
    return Array.from(data).map(v => parsers.timestampFromMilliseconds(v))
  }
  if (ctype === 'TIMESTAMP_MICROS') {
    return Array.from(data).map(v => parsers.timestampFromMicroseconds(v))
  }
  if (ctype === 'JSON') {
    return data.map(v => parsers.jsonFromBytes(v))
  }
  if (ctype === 'BSON') {
    throw new Error('parquet bson not supported')
  }
  if (ctype === 'INTERVAL') {
    throw new Error('parquet interval not supported')
  }
  if (ltype?.type === 'GEOMETRY') {
    return data.map(v => parsers.geometryFromBytes(v))
  }
  if (ltype?.type === 'GEOGRAPHY') {
    return data.map(v => parsers.geographyFromBytes(v))
  }
  if (ltype?.type === 'UUID') {
    return data.map(v => parsers.uuidFromBytes(v))
  }
  if (ctype === 'UTF8' || ltype?.type === 'STRING' || utf8 && type === 'BYTE_ARRAY') {
    return data.map(v => parsers.stringFromBytes(v))
  }
  if (ctype === 'UINT_64' || ltype?.type === 'INTEGER' && ltype.bitWidth === 64 && !ltype.isSigned) {
    if (data instanceof BigInt64Array) return new BigUint64Array(data.buffer, data.byteOffset, data.length)
    const arr = nullable ? new Array(data.length) : new BigUint64Array(data.length)
    for (let i = 0; i < arr.length; i++) arr[i] = data[i]
    return arr
  }
  if (ctype === 'UINT_32' || ltype?.type === 'INTEGER' && ltype.bitWidth === 32 && !ltype.isSigned) {
    if (data instanceof Int32Array) return new Uint32Array(data.buffer, data.byteOffset, data.length)
    const arr = nullable ? new Array(data.length) : new Uint32Array(data.length)
    for (let i = 0; i < arr.length; i++) {
      arr[i] = data[i] < 0 ? 4294967296 + data[i] : data[i]
    }
    return arr
  }
  if (ltype?.type === 'FLOAT16') {
    return Array.from(data).map(parseFloat16)
  }
  if (ltype?.type === 'TIMESTAMP') {
    const { unit } = ltype
    /** @type {ParquetParsers[keyof ParquetParsers]} */
    let parser = parsers.timestampFromMilliseconds
    if (unit === 'MICROS') parser = parsers.timestampFromMicroseconds
    if (unit === 'NANOS') parser = parsers.timestampFromNanoseconds
    const arr = new Array(data.length)
    for (let i = 0; i < arr.length; i++) {
      arr[i] = parser(data[i])
    }
    return arr
  }
  return data
}

/**
 * @param {Uint8Array} bytes
 * @returns {number}
 */
function convert_parseDecimal(bytes) {
  if (!bytes.length) return 0

  let value = 0n
  for (const byte of bytes) {
    value = value * 256n + BigInt(byte)
  }

  // handle signed
  const bits = bytes.length * 8
  if (value >= 2n ** BigInt(bits - 1)) {
    value -= 2n ** BigInt(bits)
  }

  return Number(value)
}

/**
 * Converts INT96 date format (hi 32bit days, lo 64bit nanos) to nanos since epoch
 * @param {bigint} value
 * @returns {bigint}
 */
function parseInt96Nanos(value) {
  const days = (value >> 64n) - 2440588n
  const nano = value & 0xffffffffffffffffn
  return days * 86400000000000n + nano
}

/**
 * @param {Uint8Array | undefined} bytes
 * @returns {number | undefined}
 */
function parseFloat16(bytes) {
  if (!bytes) return undefined
  const int16 = bytes[1] << 8 | bytes[0]
  const sign = int16 >> 15 ? -1 : 1
  const exp = int16 >> 10 & 0x1f
  const frac = int16 & 0x3ff
  if (exp === 0) return sign * 2 ** -14 * (frac / 1024) // subnormals
  if (exp === 0x1f) return frac ? NaN : sign * Infinity
  return sign * 2 ** (exp - 15) * (1 + frac / 1024)
}

;// CONCATENATED MODULE: ./node_modules/hyparquet/src/schema.js
/**
 * Build a tree from the schema elements.
 *
 * @param {SchemaElement[]} schema
 * @param {number} rootIndex index of the root element
 * @param {string[]} path path to the element
 * @returns {SchemaTree} tree of schema elements
 */
function schemaTree(schema, rootIndex, path) {
  const element = schema[rootIndex]
  const children = []
  let count = 1

  // Read the specified number of children
  if (element.num_children) {
    while (children.length < element.num_children) {
      const childElement = schema[rootIndex + count]
      const child = schemaTree(schema, rootIndex + count, [...path, childElement.name])
      count += child.count
      children.push(child)
    }
  }

  return { count, element, children, path }
}

/**
 * Get schema elements from the root to the given element name.
 *
 * @param {SchemaElement[]} schema
 * @param {string[]} name path to the element
 * @returns {SchemaTree[]} list of schema elements
 */
function getSchemaPath(schema, name) {
  return getTreePath(schemaTree(schema, 0, []), name)
}

/**
 * Get schema tree nodes from the root of a prebuilt tree to the given element name.
 *
 * @param {SchemaTree} tree root of the schema tree
 * @param {string[]} name path to the element
 * @returns {SchemaTree[]} list of schema elements
 */
function getTreePath(tree, name) {
  const path = [tree]
  for (const part of name) {
    const child = tree.children.find(child => child.element.name === part)
    if (!child) throw new Error(`parquet schema element not found: ${name}`)
    path.push(child)
    tree = child
  }
  return path
}

/**
 * Get all physical (leaf) column names.
 *
 * @param {SchemaTree} schemaTree
 * @returns {string[]} list of physical column names
 */
function getPhysicalColumns(schemaTree) {
  /** @type {string[]} */
  const columns = []
  /** @param {SchemaTree} node */
  function traverse(node) {
    if (node.children.length) {
      for (const child of node.children) {
        traverse(child)
      }
    } else {
      columns.push(node.path.join('.'))
    }
  }
  traverse(schemaTree)
  return columns
}

/**
 * Get the max repetition level for a given schema path.
 *
 * @param {SchemaTree[]} schemaPath
 * @returns {number} max repetition level
 */
function getMaxRepetitionLevel(schemaPath) {
  let maxLevel = 0
  for (const { element } of schemaPath) {
    if (element.repetition_type === 'REPEATED') {
      maxLevel++
    }
  }
  return maxLevel
}

/**
 * Get the max definition level for a given schema path.
 *
 * @param {SchemaTree[]} schemaPath
 * @returns {number} max definition level
 */
function getMaxDefinitionLevel(schemaPath) {
  let maxLevel = 0
  for (const { element } of schemaPath.slice(1)) {
    if (element.repetition_type !== 'REQUIRED') {
      maxLevel++
    }
  }
  return maxLevel
}

/**
 * Check if a column is list-like.
 *
 * @param {SchemaTree} schema
 * @returns {boolean} true if list-like
 */
function isListLike(schema) {
  if (!schema) return false
  if (schema.element.converted_type !== 'LIST') return false
  if (schema.children.length > 1) return false

  const firstChild = schema.children[0]
  if (firstChild.children.length > 1) return false
  if (firstChild.element.repetition_type !== 'REPEATED') return false

  return true
}

/**
 * Check if a column is map-like.
 *
 * @param {SchemaTree} schema
 * @returns {boolean} true if map-like
 */
function isMapLike(schema) {
  if (!schema) return false
  if (schema.element.converted_type !== 'MAP') return false
  if (schema.children.length > 1) return false

  const firstChild = schema.children[0]
  if (firstChild.children.length !== 2) return false
  if (firstChild.element.repetition_type !== 'REPEATED') return false

  const keyChild = firstChild.children.find(child => child.element.name === 'key')
  if (keyChild?.element.repetition_type === 'REPEATED') return false

  const valueChild = firstChild.children.find(child => child.element.name === 'value')
  if (valueChild?.element.repetition_type === 'REPEATED') return false

  return true
}

/**
 * Returns true if a column is non-nested.
 *
 * @param {SchemaTree[]} schemaPath
 * @returns {boolean}
 */
function isFlatColumn(schemaPath) {
  if (schemaPath.length !== 2) return false
  const [, column] = schemaPath
  if (column.element.repetition_type === 'REPEATED') return false
  if (column.children.length) return false
  return true
}

/**
 * @import {SchemaElement, SchemaTree} from '../src/types.js'
 */

;// CONCATENATED MODULE: ./node_modules/hyparquet/src/thrift.js
/**
 * @import {DataReader, ThriftObject, ThriftType} from '../src/types.js'
 */

// TCompactProtocol types
const STOP = 0
const TRUE = 1
const FALSE = 2
const BYTE = 3
const I16 = 4
const I32 = 5
const I64 = 6
const DOUBLE = 7
const BINARY = 8
const LIST = 9
const STRUCT = 12

/**
 * Parse TCompactProtocol
 *
 * @param {DataReader} reader
 * @returns {{ [key: `field_${number}`]: any }}
 */
function deserializeTCompactProtocol(reader) {
  /** @type {ThriftObject} */
  const value = {}
  let fid = 0

  while (true) {
    if (reader.offset >= reader.view.byteLength) throw new Error('thrift struct ended without STOP')
    // Parse each field based on its type and add to the result object
    const byte = reader.view.getUint8(reader.offset++)
    const type = byte & 0x0f
    if (type === STOP) break
    const delta = byte >> 4
    fid = delta ? fid + delta : readZigZag(reader)
    value[`field_${fid}`] = readElement(reader, type)
  }

  return value
}

/**
 * Read a single element based on its type
 *
 * @param {DataReader} reader
 * @param {number} type
 * @returns {ThriftType}
 */
function readElement(reader, type) {
  switch (type) {
  case TRUE:
    return true
  case FALSE:
    return false
  case BYTE:
    return reader.view.getInt8(reader.offset++)
  case I16:
  case I32:
    return readZigZag(reader)
  case I64:
    return readZigZagBigInt(reader)
  case DOUBLE: {
    const value = reader.view.getFloat64(reader.offset, true)
    reader.offset += 8
    return value
  }
  case BINARY: {
    const stringLength = readVarInt(reader)
    if (reader.offset + stringLength > reader.view.byteLength) {
      throw new Error(`thrift binary length ${stringLength} exceeds remaining ${reader.view.byteLength - reader.offset} bytes`)
    }
    const strBytes = new Uint8Array(reader.view.buffer, reader.view.byteOffset + reader.offset, stringLength)
    reader.offset += stringLength
    return strBytes
  }
  case LIST: {
    const byte = reader.view.getUint8(reader.offset++)
    const elemType = byte & 0x0f
    let listSize = byte >> 4
    if (listSize === 15) {
      listSize = readVarInt(reader)
    }
    const boolType = elemType === TRUE || elemType === FALSE
    const values = new Array(listSize)
    for (let i = 0; i < listSize; i++) {
      values[i] = boolType ? readElement(reader, BYTE) === 1 : readElement(reader, elemType)
    }
    return values
  }
  case STRUCT:
    // main function handles struct parsing
    return deserializeTCompactProtocol(reader)
  default:
    // MAP, SET, UUID not used by parquet
    throw new Error(`thrift unhandled type: ${type}`)
  }
}

/**
 * Read varint aka Unsigned LEB128.
 *
 * @param {DataReader} reader
 * @returns {number}
 */
function readVarInt(reader) {
  let result = 0
  let shift = 0
  while (true) {
    // Read groups of 7 low bits until high bit is 0
    const byte = reader.view.getUint8(reader.offset++)
    result |= (byte & 0x7f) << shift
    if (!(byte & 0x80)) {
      return result
    }
    shift += 7
  }
}

/**
 * Read a varint as a bigint.
 *
 * @param {DataReader} reader
 * @returns {bigint}
 */
function readVarBigInt(reader) {
  let result = 0n
  let shift = 0n
  while (true) {
    const byte = reader.view.getUint8(reader.offset++)
    result |= BigInt(byte & 0x7f) << shift
    if (!(byte & 0x80)) {
      return result
    }
    shift += 7n
  }
}

/**
 * Read a zigzag number.
 * Zigzag folds positive and negative numbers into the positive number space.
 *
 * @param {DataReader} reader
 * @returns {number}
 */
function readZigZag(reader) {
  const zigzag = readVarInt(reader)
  return zigzag >>> 1 ^ -(zigzag & 1)
}

/**
 * Read a zigzag bigint.
 *
 * @param {DataReader} reader
 * @returns {bigint}
 */
function readZigZagBigInt(reader) {
  const zigzag = readVarBigInt(reader)
  return zigzag >> 1n ^ -(zigzag & 1n)
}

;// CONCATENATED MODULE: ./node_modules/hyparquet/src/geoparquet.js
/**
 * @param {SchemaElement[]} schema
 * @param {KeyValue[] | undefined} key_value_metadata
 * @returns {void}
 */
function markGeoColumns(schema, key_value_metadata) {
  // Prepare the list of GeoParquet columns
  /** @type {Map<string, LogicalType>} */
  const columns = new Map()
  const geo = key_value_metadata?.find(({ key }) => key === 'geo')?.value
  const decodedColumns = (geo && JSON.parse(geo)?.columns) ?? {}
  for (const [name, column] of Object.entries(decodedColumns)) {
    if (column.encoding !== 'WKB') continue

    const type = column.edges === 'spherical' ? 'GEOGRAPHY' : 'GEOMETRY'
    const id = column.crs?.id ?? column.crs?.ids?.[0]
    const crs = id ? `${id.authority}:${id.code.toString()}` : undefined
    // Note: we can't infer GEOGRAPHY's algorithm from GeoParquet
    columns.set(name, { type, crs })
  }

  // Mark schema elements with logical type
  // Only look at root-level columns of type BYTE_ARRAY without existing logical_type
  for (let i = 1; i < schema.length; i++) { // skip root
    const { logical_type, name, num_children, type } = schema[i]
    if (num_children) {
      i += num_children
      continue // skip the element and its children
    }
    if (type === 'BYTE_ARRAY' && !logical_type) {
      schema[i].logical_type = columns.get(name)
    }
  }
}

/**
 * @import {KeyValue, LogicalType, SchemaElement} from '../src/types.js'
 */

;// CONCATENATED MODULE: ./node_modules/hyparquet/src/metadata.js






/**
 * @import {AsyncBuffer, FileMetaData, KeyValue, LogicalType, MetadataOptions, MinMaxType, ParquetParsers, SchemaElement, SchemaTree, Statistics, TimeUnit} from '../src/types.js'
 */

const metadata_defaultInitialFetchSize = 1 << 19 // 512kb

const metadata_decoder = new TextDecoder()
function decode(/** @type {Uint8Array} */ value) {
  return value && metadata_decoder.decode(value)
}

/**
 * Read parquet metadata from an async buffer.
 *
 * An AsyncBuffer is like an ArrayBuffer, but the slices are loaded
 * asynchronously, possibly over the network.
 *
 * You must provide the byteLength of the buffer, typically from a HEAD request.
 *
 * In theory, you could use suffix-range requests to fetch the end of the file,
 * and save a round trip. But in practice, this doesn't work because chrome
 * deems suffix-range requests as a not-safe-listed header, and will require
 * a pre-flight. So the byteLength is required.
 *
 * To make this efficient, we initially request the last 512kb of the file,
 * which is likely to contain the metadata. If the metadata length exceeds the
 * initial fetch, 512kb, we request the rest of the metadata from the AsyncBuffer.
 *
 * This ensures that we either make one 512kb initial request for the metadata,
 * or a second request for up to the metadata size.
 *
 * @param {AsyncBuffer} asyncBuffer parquet file contents
 * @param {MetadataOptions & { initialFetchSize?: number }} options initial fetch size in bytes (default 512kb)
 * @returns {Promise<FileMetaData>} parquet metadata object
 */
async function metadata_parquetMetadataAsync(asyncBuffer, { parsers, initialFetchSize = metadata_defaultInitialFetchSize, geoparquet = true } = {}) {
  if (!asyncBuffer || !(asyncBuffer.byteLength >= 0)) throw new Error('parquet expected AsyncBuffer')

  // fetch last bytes (footer) of the file
  const footerOffset = Math.max(0, asyncBuffer.byteLength - initialFetchSize)
  const footerBuffer = await asyncBuffer.slice(footerOffset, asyncBuffer.byteLength)

  // Check for parquet magic number "PAR1"
  const footerView = new DataView(footerBuffer)
  if (footerView.getUint32(footerBuffer.byteLength - 4, true) !== 0x31524150) {
    throw new Error('parquet file invalid (footer != PAR1)')
  }

  // Parquet files store metadata at the end of the file
  // Metadata length is 4 bytes before the last PAR1
  const metadataLength = footerView.getUint32(footerBuffer.byteLength - 8, true)
  if (metadataLength > asyncBuffer.byteLength - 8) {
    throw new Error(`parquet metadata length ${metadataLength} exceeds available buffer ${asyncBuffer.byteLength - 8}`)
  }

  // check if metadata size fits inside the initial fetch
  if (metadataLength + 8 > initialFetchSize) {
    // fetch the rest of the metadata
    const metadataOffset = asyncBuffer.byteLength - metadataLength - 8
    const metadataBuffer = await asyncBuffer.slice(metadataOffset, footerOffset)
    // combine initial fetch with the new slice
    const combinedBuffer = new ArrayBuffer(metadataLength + 8)
    const combinedView = new Uint8Array(combinedBuffer)
    combinedView.set(new Uint8Array(metadataBuffer))
    combinedView.set(new Uint8Array(footerBuffer), footerOffset - metadataOffset)
    return parquetMetadata(combinedBuffer, { parsers, geoparquet })
  } else {
    // parse metadata from the footer
    return parquetMetadata(footerBuffer, { parsers, geoparquet })
  }
}

/**
 * Read parquet metadata from a buffer synchronously.
 *
 * @param {ArrayBuffer | Uint8Array} arrayBuffer parquet file footer
 * @param {MetadataOptions} options metadata parsing options
 * @returns {FileMetaData} parquet metadata object
 */
function parquetMetadata(arrayBuffer, { parsers, geoparquet = true } = {}) {
  let view
  if (arrayBuffer instanceof ArrayBuffer) {
    view = new DataView(arrayBuffer)
  } else if (arrayBuffer instanceof Uint8Array) {
    view = new DataView(arrayBuffer.buffer, arrayBuffer.byteOffset, arrayBuffer.byteLength)
  } else {
    throw new Error('parquet expected ArrayBuffer or Uint8Array')
  }

  // Use default parsers if not given
  const allParsers = { ...DEFAULT_PARSERS, ...parsers }

  // Validate footer magic number "PAR1"
  if (view.byteLength < 8) {
    throw new Error('parquet file is too short')
  }
  if (view.getUint32(view.byteLength - 4, true) !== 0x31524150) {
    throw new Error('parquet file invalid (footer != PAR1)')
  }

  // Parquet files store metadata at the end of the file
  // Metadata length is 4 bytes before the last PAR1
  const metadataLengthOffset = view.byteLength - 8
  const metadataLength = view.getUint32(metadataLengthOffset, true)
  if (metadataLength > view.byteLength - 8) {
    // {metadata}, metadata_length, PAR1
    throw new Error(`parquet metadata length ${metadataLength} exceeds available buffer ${view.byteLength - 8}`)
  }

  const metadataOffset = metadataLengthOffset - metadataLength
  const reader = { view, offset: metadataOffset }
  const metadata = deserializeTCompactProtocol(reader)

  // Parse metadata from thrift data
  const version = metadata.field_1
  /** @type {SchemaElement[]} */
  const schema = metadata.field_2.map((/** @type {any} */ field) => ({
    type: ParquetTypes[field.field_1],
    type_length: field.field_2,
    repetition_type: FieldRepetitionTypes[field.field_3],
    name: decode(field.field_4),
    num_children: field.field_5,
    converted_type: ConvertedTypes[field.field_6],
    scale: field.field_7,
    precision: field.field_8,
    field_id: field.field_9,
    logical_type: logicalType(field.field_10),
  }))
  // schema element per column index
  const columnSchema = schema.filter(e => e.type)
  const num_rows = metadata.field_3
  const row_groups = metadata.field_4.map((/** @type {any} */ rowGroup) => ({
    columns: rowGroup.field_1.map((/** @type {any} */ column, /** @type {number} */ columnIndex) => ({
      file_path: decode(column.field_1),
      file_offset: column.field_2,
      meta_data: column.field_3 && {
        type: ParquetTypes[column.field_3.field_1],
        encodings: column.field_3.field_2?.map((/** @type {number} */ e) => Encodings[e]),
        path_in_schema: column.field_3.field_3.map(decode),
        codec: CompressionCodecs[column.field_3.field_4],
        num_values: column.field_3.field_5,
        total_uncompressed_size: column.field_3.field_6,
        total_compressed_size: column.field_3.field_7,
        key_value_metadata: column.field_3.field_8?.map((/** @type {any} */ kv) => ({
          key: decode(kv.field_1),
          value: decode(kv.field_2),
        })),
        data_page_offset: column.field_3.field_9,
        index_page_offset: column.field_3.field_10,
        dictionary_page_offset: column.field_3.field_11,
        statistics: convertStats(column.field_3.field_12, columnSchema[columnIndex], allParsers),
        encoding_stats: column.field_3.field_13?.map((/** @type {any} */ encodingStat) => ({
          page_type: PageTypes[encodingStat.field_1],
          encoding: Encodings[encodingStat.field_2],
          count: encodingStat.field_3,
        })),
        bloom_filter_offset: column.field_3.field_14,
        bloom_filter_length: column.field_3.field_15,
        size_statistics: column.field_3.field_16 && {
          unencoded_byte_array_data_bytes: column.field_3.field_16.field_1,
          repetition_level_histogram: column.field_3.field_16.field_2,
          definition_level_histogram: column.field_3.field_16.field_3,
        },
        geospatial_statistics: column.field_3.field_17 && {
          bbox: column.field_3.field_17.field_1 && {
            xmin: column.field_3.field_17.field_1.field_1,
            xmax: column.field_3.field_17.field_1.field_2,
            ymin: column.field_3.field_17.field_1.field_3,
            ymax: column.field_3.field_17.field_1.field_4,
            zmin: column.field_3.field_17.field_1.field_5,
            zmax: column.field_3.field_17.field_1.field_6,
            mmin: column.field_3.field_17.field_1.field_7,
            mmax: column.field_3.field_17.field_1.field_8,
          },
          geospatial_types: column.field_3.field_17.field_2,
        },
      },
      offset_index_offset: column.field_4,
      offset_index_length: column.field_5,
      column_index_offset: column.field_6,
      column_index_length: column.field_7,
      crypto_metadata: column.field_8,
      encrypted_column_metadata: column.field_9,
    })),
    total_byte_size: rowGroup.field_2,
    num_rows: rowGroup.field_3,
    sorting_columns: rowGroup.field_4?.map((/** @type {any} */ sortingColumn) => ({
      column_idx: sortingColumn.field_1,
      descending: sortingColumn.field_2,
      nulls_first: sortingColumn.field_3,
    })),
    file_offset: rowGroup.field_5,
    total_compressed_size: rowGroup.field_6,
    ordinal: rowGroup.field_7,
  }))
  /** @type {KeyValue[] | undefined} */
  const key_value_metadata = metadata.field_5?.map((/** @type {any} */ kv) => ({
    key: decode(kv.field_1),
    value: decode(kv.field_2),
  }))
  const created_by = decode(metadata.field_6)

  if (geoparquet) {
    markGeoColumns(schema, key_value_metadata)
  }

  return {
    version,
    schema,
    num_rows,
    row_groups,
    key_value_metadata,
    created_by,
    metadata_length: metadataLength,
  }
}

/**
 * Return a tree of schema elements from parquet metadata.
 *
 * @param {{schema: SchemaElement[]}} metadata parquet metadata object
 * @returns {SchemaTree} tree of schema elements
 */
function metadata_parquetSchema({ schema }) {
  return getSchemaPath(schema, [])[0]
}

/**
 * @param {any} logicalType
 * @returns {LogicalType | undefined}
 */
function logicalType(logicalType) {
  if (logicalType?.field_1) return { type: 'STRING' }
  if (logicalType?.field_2) return { type: 'MAP' }
  if (logicalType?.field_3) return { type: 'LIST' }
  if (logicalType?.field_4) return { type: 'ENUM' }
  if (logicalType?.field_5) return {
    type: 'DECIMAL',
    scale: logicalType.field_5.field_1,
    precision: logicalType.field_5.field_2,
  }
  if (logicalType?.field_6) return { type: 'DATE' }
  if (logicalType?.field_7) return {
    type: 'TIME',
    isAdjustedToUTC: logicalType.field_7.field_1,
    unit: timeUnit(logicalType.field_7.field_2),
  }
  if (logicalType?.field_8) return {
    type: 'TIMESTAMP',
    isAdjustedToUTC: logicalType.field_8.field_1,
    unit: timeUnit(logicalType.field_8.field_2),
  }
  if (logicalType?.field_10) return {
    type: 'INTEGER',
    bitWidth: logicalType.field_10.field_1,
    isSigned: logicalType.field_10.field_2,
  }
  if (logicalType?.field_11) return { type: 'NULL' }
  if (logicalType?.field_12) return { type: 'JSON' }
  if (logicalType?.field_13) return { type: 'BSON' }
  if (logicalType?.field_14) return { type: 'UUID' }
  if (logicalType?.field_15) return { type: 'FLOAT16' }
  if (logicalType?.field_16) return {
    type: 'VARIANT',
    specification_version: logicalType.field_16.field_1,
  }
  if (logicalType?.field_17) return {
    type: 'GEOMETRY',
    crs: decode(logicalType.field_17.field_1),
  }
  if (logicalType?.field_18) return {
    type: 'GEOGRAPHY',
    crs: decode(logicalType.field_18.field_1),
    algorithm: EdgeInterpolationAlgorithms[logicalType.field_18.field_2],
  }
  return logicalType
}

/**
 * @param {any} unit
 * @returns {TimeUnit}
 */
function timeUnit(unit) {
  if (unit.field_1) return 'MILLIS'
  if (unit.field_2) return 'MICROS'
  if (unit.field_3) return 'NANOS'
  throw new Error('parquet time unit required')
}

/**
 * Convert column statistics based on column type.
 *
 * @param {any} stats
 * @param {SchemaElement} schema
 * @param {ParquetParsers} parsers
 * @returns {Statistics}
 */
function convertStats(stats, schema, parsers) {
  return stats && {
    max: convertMetadata(stats.field_1, schema, parsers),
    min: convertMetadata(stats.field_2, schema, parsers),
    null_count: stats.field_3,
    distinct_count: stats.field_4,
    max_value: convertMetadata(stats.field_5, schema, parsers),
    min_value: convertMetadata(stats.field_6, schema, parsers),
    is_max_value_exact: stats.field_7,
    is_min_value_exact: stats.field_8,
  }
}

/**
 * @param {Uint8Array | undefined} value
 * @param {SchemaElement} schema
 * @param {ParquetParsers} parsers
 * @returns {MinMaxType | undefined}
 */
function convertMetadata(value, schema, parsers) {
  const { type, converted_type, logical_type } = schema
  if (value === undefined) return value
  if (type === 'BOOLEAN') return value[0] === 1
  if (type === 'BYTE_ARRAY') return parsers.stringFromBytes(value)
  const view = new DataView(value.buffer, value.byteOffset, value.byteLength)
  if (type === 'FLOAT' && view.byteLength === 4) return view.getFloat32(0, true)
  if (type === 'DOUBLE' && view.byteLength === 8) return view.getFloat64(0, true)
  if (type === 'INT32' && converted_type === 'DECIMAL' && view.byteLength === 4) {
    return view.getInt32(0, true) * 10 ** -(schema.scale || 0)
  }
  if (type === 'INT64' && converted_type === 'DECIMAL' && view.byteLength === 8) {
    return Number(view.getBigInt64(0, true)) * 10 ** -(schema.scale || 0)
  }
  if (type === 'INT32' && converted_type === 'DATE') return parsers.dateFromDays(view.getInt32(0, true))
  if (type === 'INT64' && converted_type === 'TIMESTAMP_MILLIS') return parsers.timestampFromMilliseconds(view.getBigInt64(0, true))
  if (type === 'INT64' && converted_type === 'TIMESTAMP_MICROS') return parsers.timestampFromMicroseconds(view.getBigInt64(0, true))
  if (type === 'INT64' && logical_type?.type === 'TIMESTAMP' && logical_type?.unit === 'NANOS') return parsers.timestampFromNanoseconds(view.getBigInt64(0, true))
  if (type === 'INT64' && logical_type?.type === 'TIMESTAMP' && logical_type?.unit === 'MICROS') return parsers.timestampFromMicroseconds(view.getBigInt64(0, true))
  if (type === 'INT64' && logical_type?.type === 'TIMESTAMP') return parsers.timestampFromMilliseconds(view.getBigInt64(0, true))
  const unsigned = converted_type?.startsWith('UINT_') ||
    logical_type?.type === 'INTEGER' && !logical_type.isSigned
  if (type === 'INT32' && unsigned && view.byteLength === 4) return view.getUint32(0, true)
  if (type === 'INT64' && unsigned && view.byteLength === 8) return view.getBigUint64(0, true)
  if (type === 'INT32' && view.byteLength === 4) return view.getInt32(0, true)
  if (type === 'INT64' && view.byteLength === 8) return view.getBigInt64(0, true)
  if (converted_type === 'DECIMAL') return convert_parseDecimal(value) * 10 ** -(schema.scale || 0)
  if (logical_type?.type === 'FLOAT16') return parseFloat16(value)
  if (logical_type?.type === 'UUID') return parsers.uuidFromBytes(value)
  if (type === 'FIXED_LEN_BYTE_ARRAY') return value
  // assert(false)
  return value
}

;// CONCATENATED MODULE: ./node_modules/hyparquet/src/xxhash.js
// XxHash64 (https://github.com/Cyan4973/xxHash/blob/dev/doc/xxhash_spec.md)
// Used by parquet bloom filters: hashes the PLAIN encoding of column values with seed 0.

const MASK = 0xffffffffffffffffn
const PRIME1 = 0x9e3779b185ebca87n
const PRIME2 = 0xc2b2ae3d27d4eb4fn
const PRIME3 = 0x165667b19e3779f9n
const PRIME4 = 0x85ebca77c2b2ae63n
const PRIME5 = 0x27d4eb2f165667c5n

/**
 * @param {bigint} x
 * @param {bigint} r rotation amount in bits (1..63)
 * @returns {bigint}
 */
function rotl64(x, r) {
  return (x << r | x >> 64n - r) & MASK
}

/**
 * @param {bigint} acc
 * @param {bigint} val
 * @returns {bigint}
 */
function round(acc, val) {
  acc = acc + val * PRIME2 & MASK
  acc = rotl64(acc, 31n)
  return acc * PRIME1 & MASK
}

/**
 * @param {bigint} acc
 * @param {bigint} val
 * @returns {bigint}
 */
function mergeRound(acc, val) {
  acc ^= round(0n, val)
  return acc * PRIME1 + PRIME4 & MASK
}

/**
 * Compute the 64-bit xxHash of a byte buffer.
 *
 * @param {Uint8Array} input
 * @param {bigint} [seed]
 * @returns {bigint} 64-bit hash
 */
function xxhash64(input, seed = 0n) {
  const view = new DataView(input.buffer, input.byteOffset, input.byteLength)
  const len = input.byteLength
  let offset = 0
  let h64

  if (len >= 32) {
    let v1 = seed + PRIME1 + PRIME2 & MASK
    let v2 = seed + PRIME2 & MASK
    let v3 = seed
    let v4 = seed - PRIME1 & MASK

    while (offset + 32 <= len) {
      v1 = round(v1, view.getBigUint64(offset, true)); offset += 8
      v2 = round(v2, view.getBigUint64(offset, true)); offset += 8
      v3 = round(v3, view.getBigUint64(offset, true)); offset += 8
      v4 = round(v4, view.getBigUint64(offset, true)); offset += 8
    }

    h64 = rotl64(v1, 1n) + rotl64(v2, 7n) + rotl64(v3, 12n) + rotl64(v4, 18n) & MASK
    h64 = mergeRound(h64, v1)
    h64 = mergeRound(h64, v2)
    h64 = mergeRound(h64, v3)
    h64 = mergeRound(h64, v4)
  } else {
    h64 = seed + PRIME5 & MASK
  }

  h64 = h64 + BigInt(len) & MASK

  while (offset + 8 <= len) {
    h64 ^= round(0n, view.getBigUint64(offset, true))
    h64 = rotl64(h64, 27n) * PRIME1 + PRIME4 & MASK
    offset += 8
  }

  if (offset + 4 <= len) {
    h64 ^= BigInt(view.getUint32(offset, true)) * PRIME1 & MASK
    h64 = rotl64(h64, 23n) * PRIME2 + PRIME3 & MASK
    offset += 4
  }

  while (offset < len) {
    h64 ^= BigInt(view.getUint8(offset)) * PRIME5 & MASK
    h64 = rotl64(h64, 11n) * PRIME1 & MASK
    offset += 1
  }

  h64 ^= h64 >> 33n
  h64 = h64 * PRIME2 & MASK
  h64 ^= h64 >> 29n
  h64 = h64 * PRIME3 & MASK
  h64 ^= h64 >> 32n
  return h64
}

;// CONCATENATED MODULE: ./node_modules/hyparquet/src/bloom.js
// Split Block Bloom Filter (https://github.com/apache/parquet-format/blob/master/BloomFilter.md)
// A bloom filter is a sequence of 32-byte blocks. Each block holds 8 little-endian uint32 words.
// Insertion sets one bit per word, chosen by salting the low 32 bits of an xxhash64.
// Membership requires all 8 bits to be set; misses are exact, hits are probabilistic.




/**
 * @import {BloomFilter, DataReader, ParquetQueryFilter, SchemaElement} from '../src/types.js'
 */

const textEncoder = new TextEncoder()

const SALT = new Uint32Array([
  0x47b6137b, 0x44974d91, 0x8824ad5b, 0xa2b7289d,
  0x705495c7, 0x2df1424b, 0x9efc4947, 0x5c6bfb31,
])

/**
 * Map the high 32 bits of a hash to a block index in [0, numBlocks).
 *
 * @param {bigint} hash
 * @param {number} numBlocks
 * @returns {number}
 */
function blockIndex(hash, numBlocks) {
  return Number((hash >> 32n) * BigInt(numBlocks) >> 32n)
}

/**
 * Per-block mask: 8 uint32 words, each with a single bit set at position `(low32 * SALT[i]) >> 27`.
 *
 * @param {bigint} hash
 * @returns {Uint32Array}
 */
function blockMask(hash) {
  const m = new Uint32Array(8)
  const low = Number(hash & 0xffffffffn) | 0
  for (let i = 0; i < 8; i++) {
    m[i] = 1 << (Math.imul(low, SALT[i]) >>> 27)
  }
  return m
}

/**
 * Insert a hash into a Split Block Bloom Filter.
 *
 * @param {Uint32Array} blocks bloom filter words (8 * numBlocks long)
 * @param {bigint} hash 64-bit xxhash of the parquet-plain-encoded value
 */
function sbbfInsert(blocks, hash) {
  const offset = blockIndex(hash, blocks.length >> 3) << 3
  const m = blockMask(hash)
  for (let i = 0; i < 8; i++) {
    blocks[offset + i] |= m[i]
  }
}

/**
 * Test whether a hash might be present in a Split Block Bloom Filter.
 * False positives are possible; false negatives are not.
 *
 * @param {Uint32Array} blocks bloom filter words (8 * numBlocks long)
 * @param {bigint} hash 64-bit xxhash of the parquet-plain-encoded value
 * @returns {boolean}
 */
function sbbfContains(blocks, hash) {
  const offset = blockIndex(hash, blocks.length >> 3) << 3
  const m = blockMask(hash)
  for (let i = 0; i < 8; i++) {
    if ((blocks[offset + i] & m[i]) === 0) return false
  }
  return true
}

/**
 * Parse a Split Block Bloom Filter from a reader positioned at the BloomFilterHeader.
 * Returns undefined when the header advertises an unsupported algorithm, hash, or
 * compression — callers should treat that as "cannot use this bloom filter."
 *
 * @param {DataReader} reader
 * @returns {BloomFilter | undefined}
 */
function readBloomFilter(reader) {
  const header = deserializeTCompactProtocol(reader)
  const numBytes = header.field_1
  if (typeof numBytes !== 'number' || numBytes <= 0 || numBytes % 32 !== 0) return undefined
  // BloomFilterAlgorithm / Hash / Compression are unions with a single supported variant each.
  if (!header.field_2?.field_1) return undefined // algorithm must be BLOCK
  if (!header.field_3?.field_1) return undefined // hash must be XXHASH
  if (!header.field_4?.field_1) return undefined // compression must be UNCOMPRESSED

  const { view, offset } = reader
  if (offset + numBytes > view.byteLength) {
    throw new Error(`parquet bloom filter truncated: need ${numBytes} bytes, have ${view.byteLength - offset}`)
  }
  // Reader offset is not 4-aligned in general, and we want endian-portable reads.
  const blocks = new Uint32Array(numBytes >> 2)
  for (let i = 0; i < blocks.length; i++) {
    blocks[i] = view.getUint32(offset + i * 4, true)
  }
  reader.offset = offset + numBytes
  return { numBytes, blocks }
}

/**
 * Hash a JS filter value as its parquet PLAIN-encoded bytes, suitable for a
 * bloom filter lookup. Returns undefined when the column's parser is lossy or
 * ambiguous (DATE, TIMESTAMP_*, DECIMAL, JSON, BSON, INT96, FLOAT16, UUID,
 * GEOMETRY, GEOGRAPHY, INTERVAL) or when the JS value type doesn't match the
 * column. Callers must treat undefined as "bloom filter cannot help."
 *
 * @param {any} value
 * @param {SchemaElement} element
 * @returns {bigint | undefined}
 */
function hashParquetValue(value, element) {
  if (value === null || value === undefined) return undefined
  const { type, converted_type, logical_type } = element

  if (type === 'BOOLEAN') {
    if (typeof value !== 'boolean') return undefined
    return xxhash64(new Uint8Array([value ? 1 : 0]))
  }

  if (type === 'FLOAT') {
    if (typeof value !== 'number') return undefined
    const buf = new ArrayBuffer(4)
    new DataView(buf).setFloat32(0, value, true)
    return xxhash64(new Uint8Array(buf))
  }

  if (type === 'DOUBLE') {
    if (typeof value !== 'number') return undefined
    const buf = new ArrayBuffer(8)
    new DataView(buf).setFloat64(0, value, true)
    return xxhash64(new Uint8Array(buf))
  }

  if (type === 'INT32') {
    if (converted_type === 'DATE' || converted_type === 'DECIMAL' || converted_type === 'TIME_MILLIS') return undefined
    if (logical_type?.type === 'DATE' || logical_type?.type === 'TIME' || logical_type?.type === 'DECIMAL') return undefined
    if (typeof value !== 'number' || !Number.isInteger(value)) return undefined
    const buf = new ArrayBuffer(4)
    new DataView(buf).setInt32(0, value | 0, true)
    return xxhash64(new Uint8Array(buf))
  }

  if (type === 'INT64') {
    if (converted_type === 'TIMESTAMP_MILLIS' || converted_type === 'TIMESTAMP_MICROS') return undefined
    if (converted_type === 'TIME_MICROS' || converted_type === 'DECIMAL') return undefined
    if (logical_type?.type === 'TIMESTAMP' || logical_type?.type === 'TIME' || logical_type?.type === 'DECIMAL') return undefined
    let bigValue
    if (typeof value === 'bigint') bigValue = value
    else if (typeof value === 'number' && Number.isSafeInteger(value)) bigValue = BigInt(value)
    else return undefined
    const buf = new ArrayBuffer(8)
    new DataView(buf).setBigUint64(0, BigInt.asUintN(64, bigValue), true)
    return xxhash64(new Uint8Array(buf))
  }

  if (type === 'BYTE_ARRAY') {
    if (converted_type === 'JSON' || converted_type === 'BSON' || converted_type === 'DECIMAL') return undefined
    if (logical_type?.type === 'JSON' || logical_type?.type === 'BSON' || logical_type?.type === 'VARIANT') return undefined
    if (logical_type?.type === 'GEOMETRY' || logical_type?.type === 'GEOGRAPHY') return undefined
    if (typeof value === 'string') return xxhash64(textEncoder.encode(value))
    if (value instanceof Uint8Array) return xxhash64(value)
    return undefined
  }

  if (type === 'FIXED_LEN_BYTE_ARRAY') {
    if (converted_type === 'DECIMAL' || converted_type === 'INTERVAL') return undefined
    if (logical_type?.type === 'DECIMAL' || logical_type?.type === 'UUID' || logical_type?.type === 'FLOAT16') return undefined
    if (logical_type?.type === 'GEOMETRY' || logical_type?.type === 'GEOGRAPHY') return undefined
    if (value instanceof Uint8Array) return xxhash64(value)
    return undefined
  }

  // INT96 deprecated, or type missing on group columns
  return undefined
}

/**
 * Top-level column names that appear in $eq or $in predicates within a filter.
 * These are the only columns where a bloom filter can prove a value's absence
 * and let us skip a row group; any other operator can't be helped by a bloom.
 *
 * @param {ParquetQueryFilter | undefined} filter
 * @returns {Set<string>}
 */
function bloomEligibleColumns(filter) {
  /** @type {Set<string>} */
  const out = new Set()
  walkBloomEligible(filter, out)
  return out
}

/**
 * @param {ParquetQueryFilter | undefined} filter
 * @param {Set<string>} out
 */
function walkBloomEligible(filter, out) {
  if (!filter) return
  if ('$and' in filter && Array.isArray(filter.$and)) {
    for (const sub of filter.$and) walkBloomEligible(sub, out)
    return
  }
  if ('$or' in filter && Array.isArray(filter.$or)) {
    for (const sub of filter.$or) walkBloomEligible(sub, out)
    return
  }
  // $nor would need to prove presence, not absence — bloom can't help.
  if ('$nor' in filter) return
  for (const [field, condition] of Object.entries(filter)) {
    if (field.startsWith('$')) continue
    if (typeof condition === 'object' && condition !== null && !Array.isArray(condition)) {
      if ('$eq' in condition || '$in' in condition) out.add(field)
    } else {
      // primitive / null / array condition is an implicit $eq
      out.add(field)
    }
  }
}

;// CONCATENATED MODULE: ./node_modules/hyparquet/src/utils.js
/**
 * @import {AsyncBuffer, Awaitable, DecodedArray} from '../src/types.js'
 */



/**
 * Replace bigint, date, etc with legal JSON types.
 *
 * @param {any} obj object to convert
 * @returns {unknown} converted object
 */
function toJson(obj) {
  if (obj === undefined) return null
  if (typeof obj === 'bigint') return Number(obj)
  if (Object.is(obj, -0)) return 0
  if (Array.isArray(obj)) return obj.map(toJson)
  if (obj instanceof Uint8Array) return Array.from(obj)
  if (obj instanceof Date) return obj.toISOString()
  if (obj instanceof Object) {
    /** @type {Record<string, unknown>} */
    const newObj = {}
    for (const key of Object.keys(obj)) {
      if (obj[key] === undefined) continue
      newObj[key] = toJson(obj[key])
    }
    return newObj
  }
  return obj
}

/**
 * Concatenate two arrays fast.
 *
 * @param {any[]} aaa
 * @param {DecodedArray} bbb
 */
function utils_concat(aaa, bbb) {
  const chunk = 10000
  for (let i = 0; i < bbb.length; i += chunk) {
    aaa.push(...bbb.slice(i, i + chunk))
  }
}

/**
 * Deep equality.
 *
 * @param {any} a
 * @param {any} b
 * @param {boolean} [strict]
 * @returns {boolean}
 */
function equals(a, b, strict = true) {
  // eslint-disable-next-line eqeqeq
  if (strict ? a === b : a == b) return true
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object') return false

  if (a instanceof Uint8Array && b instanceof Uint8Array) {
    if (a.length !== b.length) return false
    for (let i = 0; i < a.length; i++) {
      if (a[i] !== b[i]) return false
    }
    return true
  }
  if (a instanceof Date || b instanceof Date) {
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime()
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false
    for (let i = 0; i < a.length; i++) {
      if (!equals(a[i], b[i], strict)) return false
    }
    return true
  }

  const aKeys = Object.keys(a)
  if (aKeys.length !== Object.keys(b).length) return false
  for (const k of aKeys) {
    if (!equals(a[k], b[k], strict)) return false
  }
  return true
}

/**
 * Get the byte length using fetch with a ranged GET request.
 * Aborts the request if server returns 200 instead of 206.
 *
 * @param {string} url
 * @param {RequestInit} [requestInit] fetch options
 * @param {typeof globalThis.fetch} [fetchFn] fetch function to use
 * @returns {Promise<number>}
 */
async function byteLengthFromUrlUsingGet(url, requestInit = {}, fetchFn = globalThis.fetch) {
  const controller = new AbortController()
  const headers = new Headers(requestInit.headers)
  headers.set('Range', 'bytes=0-0')

  const res = await fetchFn(url, {
    ...requestInit,
    headers,
    signal: controller.signal,
  })

  if (!res.ok) throw new Error(`fetch with range failed ${res.status}`)

  // Server supports Range requests (206 Partial Content)
  if (res.status === 206) {
    const contentRange = res.headers.get('Content-Range')
    if (!contentRange) throw new Error('missing content-range header')

    // Parse "bytes 0-0/9446073" to get total length
    const match = contentRange.match(/bytes \d+-\d+\/(\d+)/)
    if (!match) throw new Error(`invalid content-range header: ${contentRange}`)

    return parseInt(match[1])
  }

  // Server ignored Range and returned 200 - get Content-Length and abort request
  if (res.status === 200) {
    const contentLength = res.headers.get('Content-Length')

    // Abort the request to stop any ongoing download
    controller.abort()

    if (contentLength) return parseInt(contentLength)
  }

  throw new Error('server does not support range requests and missing content-length')
}

/**
 * Get the byte length of a URL using a HEAD request.
 * If HEAD fails with 403 (e.g., with signed S3 URLs), falls back to a ranged GET request.
 * If HEAD succeeds but Content-Length is missing, falls back to GET with range.
 * If requestInit is provided, it will be passed to fetch.
 *
 * @param {string} url
 * @param {RequestInit} [requestInit] fetch options
 * @param {typeof globalThis.fetch} [customFetch] fetch function to use
 * @returns {Promise<number>}
 */
async function byteLengthFromUrl(url, requestInit, customFetch) {
  const fetch = customFetch ?? globalThis.fetch
  const res = await fetch(url, { ...requestInit, method: 'HEAD' })

  // If HEAD request is forbidden (common with signed S3 URLs), try GET with range
  if (res.status === 403) {
    return byteLengthFromUrlUsingGet(url, requestInit, fetch)
  }

  if (!res.ok) throw new Error(`fetch head failed ${res.status}`)
  const length = res.headers.get('Content-Length')
  // If Content-Length is missing from HEAD, fallback to GET with range
  if (!length) {
    return byteLengthFromUrlUsingGet(url, requestInit, fetch)
  }
  return parseInt(length)
}

/**
 * Construct an AsyncBuffer for a URL.
 * If byteLength is not provided, will make a HEAD request to get the file size.
 * If fetch is provided, it will be used instead of the global fetch.
 * If requestInit is provided, it will be passed to fetch.
 *
 * @param {object} options
 * @param {string} options.url
 * @param {number} [options.byteLength]
 * @param {typeof globalThis.fetch} [options.fetch] fetch function to use
 * @param {RequestInit} [options.requestInit]
 * @returns {Promise<AsyncBuffer>}
 */
async function asyncBufferFromUrl({ url, byteLength, requestInit, fetch: customFetch }) {
  if (!url) throw new Error('missing url')
  const fetch = customFetch ?? globalThis.fetch
  // byte length from HEAD request
  byteLength ??= await byteLengthFromUrl(url, requestInit, fetch)

  /**
   * A promise for the whole buffer, if range requests are not supported.
   * @type {Promise<ArrayBuffer>|undefined}
   */
  let buffer = undefined
  const init = requestInit || {}

  return {
    byteLength,
    async slice(start, end) {
      if (buffer) {
        return buffer.then(buffer => buffer.slice(start, end))
      }

      const headers = new Headers(init.headers)
      const endStr = end === undefined ? '' : end - 1
      headers.set('Range', `bytes=${start}-${endStr}`)

      const res = await fetch(url, { ...init, headers })
      if (!res.ok || !res.body) throw new Error(`fetch failed ${res.status}`)

      if (res.status === 200) {
        // Endpoint does not support range requests and returned the whole object
        buffer = res.arrayBuffer()
        return buffer.then(buffer => buffer.slice(start, end))
      } else if (res.status === 206) {
        // The endpoint supports range requests and sent us the requested range
        return res.arrayBuffer()
      } else {
        throw new Error(`fetch received unexpected status code ${res.status}`)
      }
    },
  }
}

/**
 * Returns a cached layer on top of an AsyncBuffer. For caching slices of a file
 * that are read multiple times, possibly over a network.
 *
 * @param {AsyncBuffer} file file-like object to cache
 * @param {{ minSize?: number }} [options]
 * @returns {AsyncBuffer} cached file-like object
 */
function cachedAsyncBuffer({ byteLength, slice }, { minSize = defaultInitialFetchSize } = {}) {
  if (byteLength < minSize) {
    // Cache whole file if it's small
    const buffer = slice(0, byteLength)
    return {
      byteLength,
      async slice(start, end) {
        return (await buffer).slice(start, end)
      },
    }
  }
  const cache = new Map()
  return {
    byteLength,
    /**
     * @param {number} start
     * @param {number} [end]
     * @returns {Awaitable<ArrayBuffer>}
     */
    slice(start, end) {
      const key = cacheKey(start, end, byteLength)
      const cached = cache.get(key)
      if (cached) return cached
      // cache miss, read from file
      const promise = slice(start, end)
      cache.set(key, promise)
      return promise
    },
  }
}


/**
 * Returns canonical cache key for a byte range 'start,end'.
 * Normalize int-range and suffix-range requests to the same key.
 *
 * @param {number} start start byte of range
 * @param {number} [end] end byte of range, or undefined for suffix range
 * @param {number} [size] size of file, or undefined for suffix range
 * @returns {string}
 */
function cacheKey(start, end, size) {
  if (start < 0) {
    if (end !== undefined) throw new Error(`invalid suffix range [${start}, ${end}]`)
    if (size === undefined) return `${start},`
    return `${size + start},${size}`
  } else if (end !== undefined) {
    if (start > end) throw new Error(`invalid empty range [${start}, ${end}]`)
    return `${start},${end}`
  } else if (size === undefined) {
    return `${start},`
  } else {
    return `${start},${size}`
  }
}

/**
 * Flatten a list of lists into a single list.
 *
 * @param {DecodedArray[]} [chunks]
 * @returns {DecodedArray}
 */
function utils_flatten(chunks) {
  if (!chunks) return []
  if (chunks.length === 1) return chunks[0]
  /** @type {any[]} */
  const output = []
  for (const chunk of chunks) {
    utils_concat(output, chunk)
  }
  return output
}

;// CONCATENATED MODULE: ./node_modules/hyparquet/src/filter.js
/**
 * @import {BloomFilter, ColumnPageStats, PageRanges, ParquetQueryFilter, RowGroup, SchemaElement} from '../src/types.js'
 */




const encoder = new TextEncoder()

/**
 * Returns the physical leaf paths referenced by a filter.
 *
 * @param {ParquetQueryFilter} [filter]
 * @returns {string[]}
 */
function pathsNeededForFilter(filter) {
  if (!filter) return []
  /** @type {string[]} */
  const paths = []
  if ('$and' in filter && Array.isArray(filter.$and)) {
    paths.push(...filter.$and.flatMap(pathsNeededForFilter))
  } else if ('$or' in filter && Array.isArray(filter.$or)) {
    paths.push(...filter.$or.flatMap(pathsNeededForFilter))
  } else if ('$nor' in filter && Array.isArray(filter.$nor)) {
    paths.push(...filter.$nor.flatMap(pathsNeededForFilter))
  } else {
    paths.push(...Object.keys(filter))
  }
  return [...new Set(paths)]
}

/**
 * Returns an array of top-level column names needed to evaluate the filter.
 *
 * @param {ParquetQueryFilter} [filter]
 * @returns {string[]}
 */
function filter_columnsNeededForFilter(filter) {
  return [...new Set(pathsNeededForFilter(filter).map(path => path.split('.')[0]))]
}

/**
 * Match a record against a query filter
 *
 * @param {Record<string, any>} record
 * @param {ParquetQueryFilter} filter
 * @param {boolean} [strict]
 * @returns {boolean}
 */
function matchFilter(record, filter, strict = true) {
  if ('$and' in filter && Array.isArray(filter.$and)) {
    return filter.$and.every(subQuery => matchFilter(record, subQuery, strict))
  }
  if ('$or' in filter && Array.isArray(filter.$or)) {
    return filter.$or.some(subQuery => matchFilter(record, subQuery, strict))
  }
  if ('$nor' in filter && Array.isArray(filter.$nor)) {
    return !filter.$nor.some(subQuery => matchFilter(record, subQuery, strict))
  }

  return Object.entries(filter).every(([field, condition]) => {
    const value = resolve(record, field)

    // implicit $eq for non-object conditions
    if (typeof condition !== 'object' || condition === null || Array.isArray(condition)) {
      return equals(value, condition, strict)
    }

    return Object.entries(condition || {}).every(([operator, target]) => {
      if (operator === '$gt') return value !== null && value !== undefined && value > target
      if (operator === '$gte') return value !== null && value !== undefined && value >= target
      if (operator === '$lt') return value !== null && value !== undefined && value < target
      if (operator === '$lte') return value !== null && value !== undefined && value <= target
      if (operator === '$eq') return equals(value, target, strict)
      if (operator === '$ne') return !equals(value, target, strict)
      if (operator === '$in') return Array.isArray(target) && matchesIn(value, target, strict)
      if (operator === '$nin') return Array.isArray(target) && !matchesIn(value, target, strict)
      // value is already resolved, so re-wrap it under a plain key. Reusing
      // field would send a dotted path back through resolve and lose the value.
      if (operator === '$not') return !matchFilter({ value }, { value: target }, strict)
      return true
    })
  })
}

/**
 * Match a value or one of its immediate array elements against a list.
 *
 * @param {any} value
 * @param {any[]} targets
 * @param {boolean} strict
 * @returns {boolean}
 */
function matchesIn(value, targets, strict) {
  return targets.some(target =>
    equals(value, target, strict) ||
    Array.isArray(value) && value.some(element => equals(element, target, strict)))
}

/**
 * Check if a row group can be skipped based on filter and column statistics,
 * optionally consulting per-column bloom filters for equality predicates that
 * statistics can't decide.
 *
 * @param {object} options
 * @param {RowGroup} options.rowGroup
 * @param {string[]} options.physicalColumns
 * @param {ParquetQueryFilter | undefined} options.filter
 * @param {boolean} [options.strict]
 * @param {Record<string, BloomFilter>} [options.bloomFilters] keyed by filter path
 * @param {Record<string, SchemaElement>} [options.schemaElements] keyed by physical leaf path
 * @returns {boolean} true if the row group can be skipped
 */
function canSkipRowGroup({ rowGroup, physicalColumns, filter, strict = true, bloomFilters, schemaElements }) {
  if (!filter) return false

  // Handle logical operators
  if ('$and' in filter && Array.isArray(filter.$and)) {
    // For AND, we can skip if ANY condition allows skipping
    return filter.$and.some(subFilter => canSkipRowGroup({ rowGroup, physicalColumns, filter: subFilter, strict, bloomFilters, schemaElements }))
  }
  if ('$or' in filter && Array.isArray(filter.$or)) {
    // For OR, we can skip only if ALL conditions allow skipping
    return filter.$or.every(subFilter => canSkipRowGroup({ rowGroup, physicalColumns, filter: subFilter, strict, bloomFilters, schemaElements }))
  }
  if ('$nor' in filter && Array.isArray(filter.$nor)) {
    // For NOR, we can skip if none of the conditions allow skipping
    // This is complex, so we'll be conservative and not skip
    return false
  }

  // Check column filters
  for (const [field, condition] of Object.entries(filter)) {
    // Find the column chunk for this field
    const columnIndex = physicalColumns.indexOf(field)
    if (columnIndex === -1) continue

    const stats = rowGroup.columns[columnIndex].meta_data?.statistics
    const { min, max, min_value, max_value, null_count: nullCount } = stats || {}
    const minVal = min_value !== undefined ? min_value : min
    const maxVal = max_value !== undefined ? max_value : max
    const haveStats = minVal !== undefined && maxVal !== undefined

    const bloom = bloomFilters?.[field]
    const element = schemaElements?.[field]
    const matchingNulls = matchFilter({ value: null }, { value: condition }, strict) &&
      (nullCount === undefined || nullCount > 0)

    if (haveStats && !matchingNulls && canSkipStats(condition, minVal, maxVal, strict, element)) {
      return true
    }

    // Handle operators
    for (const [operator, target] of Object.entries(condition || {})) {
      // Bloom-filter skipping for equality predicates (proves absence, never presence)
      if (bloom && element) {
        if (operator === '$eq') {
          const hash = hashParquetValue(target, element)
          if (hash !== undefined && !sbbfContains(bloom.blocks, hash)) return true
        }
        if (operator === '$in' && Array.isArray(target) && target.length > 0) {
          let allAbsent = true
          for (const v of target) {
            const h = hashParquetValue(v, element)
            if (h === undefined || sbbfContains(bloom.blocks, h)) {
              allAbsent = false
              break
            }
          }
          if (allAbsent) return true
        }
      }
    }
  }

  return false
}

/**
 * Check if a page value range [minVal, maxVal] provably contains no value
 * matching the operator conditions.
 *
 * @param {any} condition operator object like { $gt: 5 }
 * @param {any} minVal lower bound (may be truncated, still a valid bound)
 * @param {any} maxVal upper bound (may be truncated, still a valid bound)
 * @param {boolean} strict
 * @param {SchemaElement} [element] physical schema element for the bounds
 * @returns {boolean} true if no value in the range can match
 */
function canSkipStats(condition, minVal, maxVal, strict, element) {
  if (minVal === undefined || maxVal === undefined) return false
  const mayContainNaN = element?.type === 'FLOAT' || element?.type === 'DOUBLE' || element?.logical_type?.type === 'FLOAT16'
  for (const [operator, target] of Object.entries(condition || {})) {
    const minComparison = compareParquetValues(minVal, target, strict, element)
    const maxComparison = compareParquetValues(maxVal, target, strict, element)
    // Row filtering uses JavaScript relational operators. For non-ASCII
    // strings their UTF-16 order can differ from Parquet's UTF-8 index order,
    // and binary values are string-coerced rather than byte-compared, so those
    // min/max bounds cannot safely prove a relational predicate impossible.
    const binaryBounds = minVal instanceof Uint8Array || maxVal instanceof Uint8Array
    const relationalBoundsAreSafe = !binaryBounds && (element?.type !== 'BYTE_ARRAY' ||
      typeof target === 'string' && [...target].every(character => character.charCodeAt(0) <= 0x7f))
    if (operator === '$gt' && relationalBoundsAreSafe && maxComparison !== undefined && maxComparison <= 0) return true
    if (operator === '$gte' && relationalBoundsAreSafe && maxComparison !== undefined && maxComparison < 0) return true
    if (operator === '$lt' && relationalBoundsAreSafe && minComparison !== undefined && minComparison >= 0) return true
    if (operator === '$lte' && relationalBoundsAreSafe && minComparison !== undefined && minComparison > 0) return true
    if (operator === '$eq') {
      const targetMinComparison = compareParquetValues(target, minVal, strict, element)
      const targetMaxComparison = compareParquetValues(target, maxVal, strict, element)
      if (targetMinComparison !== undefined && targetMinComparison < 0 ||
          targetMaxComparison !== undefined && targetMaxComparison > 0) return true
    }
    if (operator === '$ne' && !mayContainNaN && equals(minVal, maxVal, strict) && equals(minVal, target, strict)) return true
    if (operator === '$in' && Array.isArray(target) && target.every(value => {
      const valueMinComparison = compareParquetValues(value, minVal, strict, element)
      const valueMaxComparison = compareParquetValues(value, maxVal, strict, element)
      return valueMinComparison !== undefined && valueMinComparison < 0 ||
        valueMaxComparison !== undefined && valueMaxComparison > 0
    })) return true
    if (operator === '$nin' && !mayContainNaN && Array.isArray(target) && equals(minVal, maxVal, strict) && target.some(value => equals(minVal, value, strict))) return true
  }
  return false
}

/**
 * Compare values using Parquet's unsigned lexicographic ordering for binary
 * values. Returns undefined when values do not have a safely comparable order.
 *
 * @param {any} a
 * @param {any} b
 * @param {boolean} strict
 * @param {SchemaElement} [element]
 * @returns {-1 | 0 | 1 | undefined}
 */
function compareParquetValues(a, b, strict, element) {
  // BYTE_ARRAY values are decoded as UTF-8 strings by the default parser even
  // without an explicit UTF8/STRING annotation.
  if (element?.type === 'BYTE_ARRAY') {
    if (typeof a !== 'string' || typeof b !== 'string') return undefined
    return compareBytes(encoder.encode(a), encoder.encode(b))
  }
  if (a instanceof Uint8Array || b instanceof Uint8Array) {
    if (!(a instanceof Uint8Array) || !(b instanceof Uint8Array)) return undefined
    return compareBytes(a, b)
  }
  if (a < b) return -1
  if (a > b) return 1
  if (equals(a, b, strict)) return 0
  return undefined
}

/**
 * @param {Uint8Array} a
 * @param {Uint8Array} b
 * @returns {-1 | 0 | 1}
 */
function compareBytes(a, b) {
  const length = Math.min(a.length, b.length)
  for (let i = 0; i < length; i++) {
    if (a[i] < b[i]) return -1
    if (a[i] > b[i]) return 1
  }
  if (a.length < b.length) return -1
  if (a.length > b.length) return 1
  return 0
}

/**
 * Check whether the filter condition accepts a null value.
 *
 * @param {any} condition
 * @param {boolean} strict
 * @returns {boolean}
 */
function matchesNull(condition, strict) {
  return matchFilter({ value: null }, { value: condition }, strict)
}

/**
 * Compute candidate row ranges within a row group that could match the filter,
 * based on per-page column index statistics.
 *
 * Returns sorted disjoint [start, end) row ranges relative to the group.
 * An empty array means the filter provably matches no rows in the group.
 * Returns undefined when the page statistics give no pruning information
 * (the caller must read the whole selection).
 *
 * @param {ParquetQueryFilter | undefined} filter
 * @param {Record<string, ColumnPageStats>} columnPages keyed by physical leaf path
 * @param {number} groupRows number of rows in the row group
 * @param {boolean} [strict]
 * @returns {PageRanges | undefined}
 */
function filterPageRanges(filter, columnPages, groupRows, strict = true) {
  if (!filter) return undefined
  if ('$and' in filter && Array.isArray(filter.$and)) {
    /** @type {PageRanges | undefined} */
    let ranges
    for (const subFilter of filter.$and) {
      ranges = intersectRanges(ranges, filterPageRanges(subFilter, columnPages, groupRows, strict))
    }
    return ranges
  }
  if ('$or' in filter && Array.isArray(filter.$or)) {
    /** @type {PageRanges} */
    let ranges = []
    for (const subFilter of filter.$or) {
      const subRanges = filterPageRanges(subFilter, columnPages, groupRows, strict)
      // any un-prunable branch could match anywhere
      if (!subRanges) return undefined
      ranges = unionRanges(ranges, subRanges)
    }
    return ranges
  }
  if ('$nor' in filter && Array.isArray(filter.$nor)) {
    // Conservative: negations cannot be pruned by min/max bounds
    return undefined
  }

  // Column conditions: all fields must match, so intersect their ranges
  /** @type {PageRanges | undefined} */
  let result
  for (const [field, condition] of Object.entries(filter)) {
    const pages = columnPages[field]
    if (!pages) continue
    const nullCanMatch = matchesNull(condition, strict)
    /** @type {PageRanges} */
    const keep = []
    for (let i = 0; i < pages.pageStarts.length; i++) {
      const start = pages.pageStarts[i]
      const end = i + 1 < pages.pageStarts.length ? pages.pageStarts[i + 1] : groupRows
      const nullCount = pages.nullCounts?.[i]
      // Keep pages with matching nulls, including pages whose null presence is
      // unknown because the optional null_counts index field was omitted.
      const matchingNulls = nullCanMatch && (nullCount === undefined || nullCount > 0)
      const skip = !pages.nullPages[i] && !matchingNulls &&
        canSkipStats(condition, pages.minValues[i], pages.maxValues[i], strict, pages.element)
      if (!skip) {
        const last = keep[keep.length - 1]
        if (last && last[1] === start) last[1] = end
        else keep.push([start, end])
      }
    }
    result = intersectRanges(result, keep)
  }
  return result
}

/**
 * Intersect two sets of sorted disjoint ranges. Undefined means "everything".
 *
 * @param {PageRanges | undefined} a
 * @param {PageRanges | undefined} b
 * @returns {PageRanges | undefined}
 */
function intersectRanges(a, b) {
  if (!a) return b
  if (!b) return a
  /** @type {PageRanges} */
  const out = []
  let i = 0
  let j = 0
  while (i < a.length && j < b.length) {
    const start = Math.max(a[i][0], b[j][0])
    const end = Math.min(a[i][1], b[j][1])
    if (start < end) out.push([start, end])
    if (a[i][1] < b[j][1]) i++
    else j++
  }
  return out
}

/**
 * Union two sets of sorted disjoint ranges.
 *
 * @param {PageRanges} a
 * @param {PageRanges} b
 * @returns {PageRanges}
 */
function unionRanges(a, b) {
  /** @type {PageRanges} */
  const out = []
  let i = 0
  let j = 0
  while (i < a.length || j < b.length) {
    const next = j >= b.length || i < a.length && a[i][0] <= b[j][0] ? a[i++] : b[j++]
    const last = out[out.length - 1]
    if (last && next[0] <= last[1]) last[1] = Math.max(last[1], next[1])
    else out.push([next[0], next[1]])
  }
  return out
}

/**
 * Resolve a dot-notation path to a value in a nested object.
 *
 * @param {Record<string, any>} record
 * @param {string} path
 * @returns {any}
 */
function resolve(record, path) {
  let value = record
  for (const part of path.split('.')) {
    value = value?.[part]
  }
  return value
}

;// CONCATENATED MODULE: ./node_modules/hyparquet/src/variant.js


/**
 * @import {DataReader, ParquetParsers, VariantMetadata} from '../src/types.js'
 */

const variant_decoder = new TextDecoder()
/** @type {WeakMap<object, Map<string, VariantMetadata>>} */
const metadataCache = new WeakMap()

/**
 * Recursively decode variant structs into native values.
 *
 * @param {any} value
 * @param {ParquetParsers} [parsers]
 * @returns {any}
 */
function decodeVariantColumn(value, parsers = DEFAULT_PARSERS) {
  if (Array.isArray(value)) {
    return value.map(entry => decodeVariantColumn(entry, parsers))
  }
  if (typeof value !== 'object') return value

  if ('metadata' in value) {
    const metadata = parseVariantMetadata(value.metadata)

    // Decode shredded fields from typed_value
    const shreddedFields = value.typed_value && decodeTypedValue(value.typed_value, metadata, parsers)

    // Decode binary value (may contain additional fields for partially shredded objects)
    const binaryValue = value.value && readVariant(makeReader(value.value), metadata, parsers)

    // Merge shredded and binary values for partially shredded objects
    if (shreddedFields && binaryValue) {
      return { ...binaryValue, ...shreddedFields }
    }
    return shreddedFields ?? binaryValue
  }

  return value
}

/**
 * Decode a shredded variant typed_value field.
 *
 * @param {any} typedValue
 * @param {VariantMetadata} metadata
 * @param {ParquetParsers} parsers
 * @returns {any}
 */
function decodeTypedValue(typedValue, metadata, parsers) {
  if (typedValue instanceof Date) return typedValue

  // Handle {typed_value, value} wrapper - unwrap and recurse
  if (typedValue && typeof typedValue === 'object' && !Array.isArray(typedValue) && !(typedValue instanceof Uint8Array)) {
    if ('typed_value' in typedValue && typedValue.typed_value !== null && typedValue.typed_value !== undefined) {
      return decodeTypedValue(typedValue.typed_value, metadata, parsers)
    }
    if ('value' in typedValue && typedValue.value instanceof Uint8Array) {
      return readVariant(makeReader(typedValue.value), metadata, parsers)
    }
    if ('typed_value' in typedValue || 'value' in typedValue) {
      // both null/missing → field is null
      return null
    }
    // Shredded object: each field value gets decoded
    /** @type {Record<string, any>} */
    const result = {}
    for (const [key, field] of Object.entries(typedValue)) {
      if (!metadata.dictionary.includes(key)) continue
      result[key] = decodeTypedValue(field, metadata, parsers)
    }
    return result
  }

  // Uint8Array: decode as binary variant
  if (typedValue instanceof Uint8Array) {
    return readVariant(makeReader(typedValue), metadata, parsers)
  }

  // Arrays
  if (Array.isArray(typedValue)) {
    return typedValue.map(element => decodeTypedValue(element, metadata, parsers))
  }

  return typedValue
}

/**
 * @param {Uint8Array} bytes
 * @returns {DataReader}
 */
function makeReader(bytes) {
  return { view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), offset: 0 }
}

/**
 * Parse and cache variant metadata dictionary.
 *
 * @param {Uint8Array} bytes
 * @returns {VariantMetadata}
 */
function parseVariantMetadata(bytes) {
  let bufferCache = metadataCache.get(bytes.buffer)
  if (!bufferCache) {
    bufferCache = new Map()
    metadataCache.set(bytes.buffer, bufferCache)
  }
  const key = `${bytes.byteOffset}:${bytes.byteLength}`
  const cached = bufferCache.get(key)
  if (cached) return cached

  const reader = makeReader(bytes)
  const header = reader.view.getUint8(reader.offset++)
  const version = header & 0x0f
  if (version !== 1) throw new Error(`parquet unsupported variant metadata version: ${version}`)
  const sorted = (header >> 4 & 0x1) === 1
  const offsetSize = (header >> 6 & 0x3) + 1

  const dictionarySize = readUnsigned(reader, offsetSize)

  const offsets = new Array(dictionarySize + 1)
  for (let i = 0; i < offsets.length; i++) {
    offsets[i] = readUnsigned(reader, offsetSize)
  }

  const base = reader.offset
  const dictionary = new Array(dictionarySize)
  for (let i = 0; i < dictionarySize; i++) {
    const start = offsets[i]
    const end = offsets[i + 1]
    const strBytes = new Uint8Array(bytes.buffer, bytes.byteOffset + base + start, end - start)
    dictionary[i] = variant_decoder.decode(strBytes)
  }

  const metadata = { dictionary, sorted }
  bufferCache.set(key, metadata)
  return metadata
}

/**
 * @param {DataReader} reader
 * @param {number} byteWidth
 * @returns {number}
 */
function readUnsigned(reader, byteWidth) {
  let value = 0
  for (let i = 0; i < byteWidth; i++) {
    value |= reader.view.getUint8(reader.offset + i) << i * 8
  }
  reader.offset += byteWidth
  return value
}

/**
 * @param {DataReader} reader
 * @param {VariantMetadata} metadata
 * @param {ParquetParsers} parsers
 * @returns {any}
 */
function readVariant(reader, metadata, parsers) {
  const typeByte = reader.view.getUint8(reader.offset++)
  const basicType = typeByte & 0x3
  const header = typeByte >> 2
  if (basicType === 0) return readVariantPrimitive(reader, header, parsers)
  if (basicType === 2) return readVariantObject(reader, header, metadata, parsers)
  if (basicType === 3) return readVariantArray(reader, header, metadata, parsers)
  // else short string
  const bytes = new Uint8Array(reader.view.buffer, reader.view.byteOffset + reader.offset, header)
  reader.offset += header
  return variant_decoder.decode(bytes)
}

/**
 * @param {DataReader} reader
 * @param {number} typeId
 * @param {ParquetParsers} parsers
 * @returns {any}
 */
function readVariantPrimitive(reader, typeId, parsers) {
  switch (typeId) {
  case 0: return null
  case 1: return true
  case 2: return false
  case 3: {
    const value = reader.view.getInt8(reader.offset)
    reader.offset += 1
    return value
  }
  case 4: {
    const value = reader.view.getInt16(reader.offset, true)
    reader.offset += 2
    return value
  }
  case 5: {
    const value = reader.view.getInt32(reader.offset, true)
    reader.offset += 4
    return value
  }
  case 6: {
    const value = reader.view.getBigInt64(reader.offset, true)
    reader.offset += 8
    return value
  }
  case 7: {
    const value = reader.view.getFloat64(reader.offset, true)
    reader.offset += 8
    return value
  }
  case 8:
    return readVariantDecimal(reader, 4)
  case 9:
    return readVariantDecimal(reader, 8)
  case 10:
    return readVariantDecimal(reader, 16)
  case 11: {
    const value = reader.view.getInt32(reader.offset, true)
    reader.offset += 4
    return parsers.dateFromDays(value)
  }
  case 12: // timestamp_micros (utc)
  case 13: { // timestamp_micros_ntz (no timezone)
    const value = reader.view.getBigInt64(reader.offset, true)
    reader.offset += 8
    return parsers.timestampFromMicroseconds(value)
  }
  case 14: {
    const value = reader.view.getFloat32(reader.offset, true)
    reader.offset += 4
    return value
  }
  case 15:
    return readVariantBinary(reader)
  case 16: {
    const bytes = readVariantBinary(reader)
    return variant_decoder.decode(bytes)
  }
  case 17: {
    // time: microseconds since midnight
    const value = reader.view.getBigInt64(reader.offset, true)
    reader.offset += 8
    return value
  }
  case 18: // timestamp_nanos (utc)
  case 19: { // timestamp_nanos_ntz (no timezone)
    const value = reader.view.getBigInt64(reader.offset, true)
    reader.offset += 8
    return parsers.timestampFromNanoseconds(value)
  }
  case 20: {
    const bytes = new Uint8Array(reader.view.buffer, reader.view.byteOffset + reader.offset, 16)
    reader.offset += 16
    const hex = Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('')
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
  }
  default:
    throw new Error(`parquet unsupported variant primitive type: ${typeId}`)
  }
}

/**
 * @param {DataReader} reader
 * @param {number} header
 * @param {VariantMetadata} metadata
 * @param {ParquetParsers} parsers
 * @returns {Record<string, any>}
 */
function readVariantObject(reader, header, metadata, parsers) {
  const offsetWidth = (header & 0x3) + 1
  const idWidth = (header >> 2 & 0x3) + 1
  const isLarge = header >> 4 & 0x1
  const numElements = isLarge ? readUnsigned(reader, 4) : reader.view.getUint8(reader.offset++)

  /** @type {number[]} */
  const fieldIds = new Array(numElements)
  for (let i = 0; i < numElements; i++) {
    fieldIds[i] = readUnsigned(reader, idWidth)
  }

  const offsets = new Array(numElements + 1)
  for (let i = 0; i < offsets.length; i++) {
    offsets[i] = readUnsigned(reader, offsetWidth)
  }

  /** @type {Record<string, any>} */
  const out = {}
  for (let i = 0; i < numElements; i++) {
    const key = metadata.dictionary[fieldIds[i]]
    // Read value at the given offset
    const valueReader = {
      view: reader.view,
      offset: reader.offset + offsets[i],
    }
    out[key] = readVariant(valueReader, metadata, parsers)
  }
  reader.offset += offsets[offsets.length - 1]
  return out
}

/**
 * @param {DataReader} reader
 * @param {number} header
 * @param {VariantMetadata} metadata
 * @param {ParquetParsers} parsers
 * @returns {any[]}
 */
function readVariantArray(reader, header, metadata, parsers) {
  const fieldOffsetSize = header & 0x3
  const isLarge = header >> 2 & 0x1
  const offsetWidth = fieldOffsetSize + 1
  const numElements = readUnsigned(reader, isLarge ? 4 : 1)

  const offsets = new Array(numElements + 1)
  for (let i = 0; i < offsets.length; i++) {
    offsets[i] = readUnsigned(reader, offsetWidth)
  }

  const valuesStart = reader.offset
  const result = new Array(numElements)
  for (let i = 0; i < numElements; i++) {
    const valueReader = {
      view: reader.view,
      offset: valuesStart + offsets[i],
    }
    result[i] = readVariant(valueReader, metadata, parsers)
  }
  reader.offset = valuesStart + offsets[offsets.length - 1]
  return result
}

/**
 * @param {DataReader} reader
 * @param {number} width
 * @returns {number}
 */
function readVariantDecimal(reader, width) {
  const scale = reader.view.getUint8(reader.offset)
  reader.offset += 1
  let unscaled
  if (width === 4) {
    unscaled = BigInt(reader.view.getInt32(reader.offset, true))
    reader.offset += 4
  } else if (width === 8) {
    unscaled = reader.view.getBigInt64(reader.offset, true)
    reader.offset += 8
  } else {
    const low = reader.view.getBigUint64(reader.offset, true)
    const high = reader.view.getBigInt64(reader.offset + 8, true)
    unscaled = high << 64n | low
    reader.offset += 16
  }

  return Number(unscaled) * 10 ** -scale
}

/**
 * @param {DataReader} reader
 * @returns {Uint8Array}
 */
function readVariantBinary(reader) {
  const length = reader.view.getUint32(reader.offset, true)
  reader.offset += 4
  const bytes = new Uint8Array(reader.view.buffer, reader.view.byteOffset + reader.offset, length)
  reader.offset += length
  return bytes
}

;// CONCATENATED MODULE: ./node_modules/hyparquet/src/assemble.js



/**
 * Reconstructs a complex nested structure from flat arrays of values and
 * definition and repetition levels, according to Dremel encoding.
 *
 * @param {any[]} output
 * @param {number[] | undefined} definitionLevels
 * @param {number[]} repetitionLevels
 * @param {DecodedArray} values
 * @param {SchemaTree[]} schemaPath
 * @returns {DecodedArray}
 */
function assembleLists(output, definitionLevels, repetitionLevels, values, schemaPath) {
  const maxDefinitionLevel = getMaxDefinitionLevel(schemaPath)
  // If no def/rep levels, synthesize def levels at max
  if (!definitionLevels?.length && !repetitionLevels.length) {
    if (!maxDefinitionLevel || !values.length) return values
    definitionLevels = new Array(values.length).fill(maxDefinitionLevel)
  }
  const n = definitionLevels?.length || repetitionLevels.length
  const repetitionPath = schemaPath.map(({ element }) => element.repetition_type)
  let valueIndex = 0

  // Track state of nested structures
  const containerStack = [output]
  let currentContainer = output
  let currentDepth = 0 // schema depth
  let currentDefLevel = 0 // list depth
  let currentRepLevel = 0

  if (repetitionLevels[0]) {
    // continue previous row
    while (currentDepth < repetitionPath.length - 2 && currentRepLevel < repetitionLevels[0]) {
      currentDepth++
      if (repetitionPath[currentDepth] !== 'REQUIRED') {
        // go into last list
        currentContainer = currentContainer.at(-1)
        containerStack.push(currentContainer)
        currentDefLevel++
      }
      if (repetitionPath[currentDepth] === 'REPEATED') currentRepLevel++
    }
  }

  for (let i = 0; i < n; i++) {
    // assert(currentDefLevel === containerStack.length - 1)
    const def = definitionLevels?.length ? definitionLevels[i] : maxDefinitionLevel
    const rep = repetitionLevels[i]

    // Pop up to start of rep level
    while (currentDepth && (rep < currentRepLevel || repetitionPath[currentDepth] !== 'REPEATED')) {
      if (repetitionPath[currentDepth] !== 'REQUIRED') {
        containerStack.pop()
        currentDefLevel--
      }
      if (repetitionPath[currentDepth] === 'REPEATED') currentRepLevel--
      currentDepth--
    }
    // @ts-expect-error won't be empty
    currentContainer = containerStack.at(-1)

    // Go deeper to end of definition level
    while (
      (currentDepth < repetitionPath.length - 2 || repetitionPath[currentDepth + 1] === 'REPEATED') &&
      (currentDefLevel < def || repetitionPath[currentDepth + 1] === 'REQUIRED')
    ) {
      currentDepth++
      if (repetitionPath[currentDepth] !== 'REQUIRED') {
        /** @type {any[]} */
        const newList = []
        currentContainer.push(newList)
        currentContainer = newList
        containerStack.push(newList)
        currentDefLevel++
      }
      if (repetitionPath[currentDepth] === 'REPEATED') currentRepLevel++
    }

    // Add value or null based on definition level
    if (def === maxDefinitionLevel) {
      // assert(currentDepth === maxDefinitionLevel || currentDepth === repetitionPath.length - 2)
      currentContainer.push(values[valueIndex++])
    } else if (currentDepth === repetitionPath.length - 2) {
      currentContainer.push(null)
    } else {
      currentContainer.push([])
    }
  }

  // Handle edge cases for empty inputs or single-level data
  if (!output.length) {
    // return max definition level of nested lists
    for (let i = 0; i < maxDefinitionLevel; i++) {
      /** @type {any[]} */
      const newList = []
      currentContainer.push(newList)
      currentContainer = newList
    }
  }

  return output
}

/**
 * Assemble a nested structure from subcolumn data.
 *
 * @param {Map<string, DecodedArray>} subcolumnData
 * @param {SchemaTree} schema top-level schema element
 * @param {ParquetParsers} parsers
 * @param {number} [depth] depth of nested structure
 */
function assembleNested(subcolumnData, schema, parsers, depth = 0) {
  const path = schema.path.join('.')
  const optional = schema.element.repetition_type === 'OPTIONAL'
  const nextDepth = optional ? depth + 1 : depth

  if (isListLike(schema)) {
    let sublist = schema.children[0]
    let subDepth = nextDepth
    if (sublist.children.length === 1) {
      sublist = sublist.children[0]
      subDepth++
    }
    assembleNested(subcolumnData, sublist, parsers, subDepth)

    const subcolumn = sublist.path.join('.')
    const values = subcolumnData.get(subcolumn)
    if (!values) throw new Error('parquet list column missing values')
    if (optional) flattenAtDepth(values, depth)
    subcolumnData.set(path, values)
    subcolumnData.delete(subcolumn)
    return
  }

  if (isMapLike(schema)) {
    const mapName = schema.children[0].element.name

    // Assemble keys and values
    assembleNested(subcolumnData, schema.children[0].children[0], parsers, nextDepth + 1)
    assembleNested(subcolumnData, schema.children[0].children[1], parsers, nextDepth + 1)

    const keys = subcolumnData.get(`${path}.${mapName}.key`)
    const values = subcolumnData.get(`${path}.${mapName}.value`)

    if (!keys) throw new Error('parquet map column missing keys')
    if (!values) throw new Error('parquet map column missing values')
    if (keys.length !== values.length) {
      throw new Error('parquet map column key/value length mismatch')
    }

    const out = assembleMaps(keys, values, nextDepth)
    if (optional) flattenAtDepth(out, depth)

    subcolumnData.delete(`${path}.${mapName}.key`)
    subcolumnData.delete(`${path}.${mapName}.value`)
    subcolumnData.set(path, out)
    return
  }

  // Struct-like column
  if (schema.children.length) {
    // construct a meta struct and then invert
    const invertDepth = schema.element.repetition_type === 'REQUIRED' ? depth : depth + 1
    /** @type {Record<string, any>} */
    const struct = {}
    for (const child of schema.children) {
      assembleNested(subcolumnData, child, parsers, invertDepth)
      const childData = subcolumnData.get(child.path.join('.'))
      if (!childData) throw new Error('parquet struct missing child data')
      struct[child.element.name] = childData
    }
    // remove children
    for (const child of schema.children) {
      subcolumnData.delete(child.path.join('.'))
    }

    // invert struct by depth
    let inverted = invertStruct(struct, invertDepth)
    if (schema.element.logical_type?.type === 'VARIANT') {
      inverted = decodeVariantColumn(inverted, parsers)
    }
    if (optional) flattenAtDepth(inverted, depth)
    subcolumnData.set(path, inverted)
  }
}

/**
 * @import {DecodedArray, ParquetParsers, SchemaTree} from '../src/types.js'
 * @param {DecodedArray} arr
 * @param {number} depth
 */
function flattenAtDepth(arr, depth) {
  for (let i = 0; i < arr.length; i++) {
    if (depth) {
      flattenAtDepth(arr[i], depth - 1)
    } else {
      arr[i] = arr[i][0]
    }
  }
}

/**
 * @param {DecodedArray} keys
 * @param {DecodedArray} values
 * @param {number} depth
 * @returns {any[]}
 */
function assembleMaps(keys, values, depth) {
  const out = []
  for (let i = 0; i < keys.length; i++) {
    if (depth) {
      out.push(assembleMaps(keys[i], values[i], depth - 1)) // go deeper
    } else {
      if (keys[i]) {
        /** @type {Record<string, any>} */
        const obj = {}
        for (let j = 0; j < keys[i].length; j++) {
          const value = values[i][j]
          obj[keys[i][j]] = value === undefined ? null : value
        }
        out.push(obj)
      } else {
        out.push(undefined)
      }
    }
  }
  return out
}

/**
 * Invert a struct-like object by depth.
 *
 * @param {Record<string, any[]>} struct
 * @param {number} depth
 * @returns {any[]}
 */
function invertStruct(struct, depth) {
  const keys = Object.keys(struct)
  const length = struct[keys[0]]?.length
  const out = []
  for (let i = 0; i < length; i++) {
    /** @type {Record<string, any>} */
    const obj = {}
    for (const key of keys) {
      if (struct[key].length !== length) throw new Error('parquet struct parsing error')
      obj[key] = struct[key][i]
    }
    if (depth) {
      out.push(invertStruct(obj, depth - 1)) // deeper
    } else {
      out.push(obj)
    }
  }
  return out
}

;// CONCATENATED MODULE: ./node_modules/hyparquet/src/delta.js
/**
 * @import {DataReader} from '../src/types.js'
 */



/**
 * @param {DataReader} reader
 * @param {number} count number of values to read
 * @param {Int32Array | BigInt64Array} output
 */
function deltaBinaryUnpack(reader, count, output) {
  if (output instanceof Int32Array) {
    deltaBinaryUnpackInt32(reader, count, output)
    return
  }
  const blockSize = readVarInt(reader)
  const miniblockPerBlock = readVarInt(reader)
  readVarInt(reader) // assert(=== count)
  let value = readZigZagBigInt(reader) // first value
  let outputIndex = 0
  output[outputIndex++] = value

  const valuesPerMiniblock = blockSize / miniblockPerBlock

  while (outputIndex < count) {
    // new block
    const minDelta = readZigZagBigInt(reader)
    const bitWidths = new Uint8Array(miniblockPerBlock)
    for (let i = 0; i < miniblockPerBlock; i++) {
      bitWidths[i] = reader.view.getUint8(reader.offset++)
    }

    for (let i = 0; i < miniblockPerBlock && outputIndex < count; i++) {
      // new miniblock
      const bitWidth = bitWidths[i]
      if (bitWidth) {
        // Miniblock data lengths are multiples of four bytes.
        let bitpackPos = 0
        let miniblockCount = valuesPerMiniblock
        const mask = (1n << BigInt(bitWidth)) - 1n
        while (miniblockCount && outputIndex < count) {
          let bits = BigInt(reader.view.getUint32(reader.offset, true) >>> bitpackPos) & mask // TODO: don't re-read value every time
          bitpackPos += bitWidth
          while (bitpackPos >= 32) {
            bitpackPos -= 32
            reader.offset += 4
            if (bitpackPos) {
              bits |= BigInt(reader.view.getUint32(reader.offset, true)) << BigInt(bitWidth - bitpackPos) & mask
            }
          }
          const delta = minDelta + bits
          value += delta
          output[outputIndex++] = value
          miniblockCount--
        }
        if (miniblockCount) {
          // consume leftover miniblock
          reader.offset += Math.ceil((miniblockCount * bitWidth + bitpackPos) / 8)
        }
      } else {
        for (let j = 0; j < valuesPerMiniblock && outputIndex < count; j++) {
          value += minDelta
          output[outputIndex++] = value
        }
      }
    }
  }
}

/**
 * Decode INT32 without BigInt arithmetic in the per-value loop.
 *
 * @param {DataReader} reader
 * @param {number} count
 * @param {Int32Array} output
 */
function deltaBinaryUnpackInt32(reader, count, output) {
  const blockSize = readVarInt(reader)
  const miniblockPerBlock = readVarInt(reader)
  readVarInt(reader)
  let value = readZigZag(reader)
  let outputIndex = 0
  output[outputIndex++] = value
  const valuesPerMiniblock = blockSize / miniblockPerBlock
  const { view } = reader
  while (outputIndex < count) {
    const minDelta = readZigZagInt33(reader)
    const bitWidthsOffset = reader.offset
    let offset = bitWidthsOffset + miniblockPerBlock
    for (let i = 0; i < miniblockPerBlock && outputIndex < count; i++) {
      const bitWidth = view.getUint8(bitWidthsOffset + i)
      const end = offset + valuesPerMiniblock * bitWidth / 8
      let bitOffset = 0
      for (let j = 0; j < valuesPerMiniblock && outputIndex < count; j++) {
        let residual = 0
        let bitsRead = 0
        while (bitsRead < bitWidth) {
          const bitsToRead = Math.min(8 - bitOffset, bitWidth - bitsRead)
          // Residual bits at 32 and above vanish modulo 2^32.
          if (bitsRead < 32) {
            residual |= (view.getUint8(offset) >>> bitOffset & (1 << bitsToRead) - 1) << bitsRead
          }
          bitsRead += bitsToRead
          bitOffset += bitsToRead
          if (bitOffset === 8) {
            bitOffset = 0
            offset++
          }
        }
        // Parquet INT32 delta arithmetic wraps in two's complement.
        value = value + minDelta + residual | 0
        output[outputIndex++] = value
      }
      // Consume the entire padded miniblock, but not unused miniblock bodies.
      offset = end
    }
    reader.offset = offset
  }
}

/**
 * Read a zigzag varint modulo 2^32. INT32 deltas can need 33 bits, which
 * readZigZag truncates, but only the low 32 bits of the decoded value matter.
 * readVarInt keeps the low 32 zigzag bits of a 5-byte varint; bit 32 is bit 4
 * of the fifth byte. Reusing readVarInt keeps the caller's hot loop fast.
 *
 * @param {DataReader} reader
 * @returns {number}
 */
function readZigZagInt33(reader) {
  const start = reader.offset
  const low = readVarInt(reader)
  const high = reader.offset - start === 5 ? reader.view.getUint8(start + 4) >>> 4 & 1 : 0
  return (low >>> 1 | high << 31) ^ -(low & 1)
}

/**
 * @param {DataReader} reader
 * @param {number} count
 * @param {Uint8Array[]} output
 */
function deltaLengthByteArray(reader, count, output) {
  const lengths = new Int32Array(count)
  deltaBinaryUnpack(reader, count, lengths)
  for (let i = 0; i < count; i++) {
    output[i] = new Uint8Array(reader.view.buffer, reader.view.byteOffset + reader.offset, lengths[i])
    reader.offset += lengths[i]
  }
}

/**
 * @param {DataReader} reader
 * @param {number} count
 * @param {Uint8Array[]} output
 */
function deltaByteArray(reader, count, output) {
  const prefixData = new Int32Array(count)
  deltaBinaryUnpack(reader, count, prefixData)
  const suffixData = new Int32Array(count)
  deltaBinaryUnpack(reader, count, suffixData)

  for (let i = 0; i < count; i++) {
    const suffix = new Uint8Array(reader.view.buffer, reader.view.byteOffset + reader.offset, suffixData[i])
    if (prefixData[i]) {
      // copy from previous value
      output[i] = new Uint8Array(prefixData[i] + suffixData[i])
      output[i].set(output[i - 1].subarray(0, prefixData[i]))
      output[i].set(suffix, prefixData[i])
    } else {
      output[i] = suffix
    }
    reader.offset += suffixData[i]
  }
}

;// CONCATENATED MODULE: ./node_modules/hyparquet/src/encoding.js
/**
 * @import {DataReader, DecodedArray, ParquetType} from '../src/types.js'
 */



/**
 * Read values from a run-length encoded/bit-packed hybrid encoding.
 *
 * If length is zero, then read int32 length at the start.
 *
 * @param {DataReader} reader
 * @param {number} width - bitwidth
 * @param {DecodedArray} output
 * @param {number} [length] - length of the encoded data
 */
function readRleBitPackedHybrid(reader, width, output, length) {
  if (length === undefined) {
    length = reader.view.getUint32(reader.offset, true)
    reader.offset += 4
  }
  const startOffset = reader.offset
  let seen = 0
  while (seen < output.length) {
    const header = readVarInt(reader)
    if (header & 1) {
      // bit-packed
      seen = readBitPacked(reader, header, width, output, seen)
    } else {
      // rle
      const count = header >>> 1
      readRle(reader, count, width, output, seen)
      seen += count
    }
  }
  reader.offset = startOffset + length // duckdb writes an empty block
}

/**
 * Run-length encoding: read value with bitWidth and repeat it count times.
 *
 * @param {DataReader} reader
 * @param {number} count
 * @param {number} bitWidth
 * @param {DecodedArray} output
 * @param {number} seen
 */
function readRle(reader, count, bitWidth, output, seen) {
  const width = bitWidth + 7 >> 3
  let value = 0
  for (let i = 0; i < width; i++) {
    value |= reader.view.getUint8(reader.offset++) << (i << 3)
  }
  // assert(value < 1 << bitWidth)

  // repeat value count times
  for (let i = 0; i < count; i++) {
    output[seen + i] = value
  }
}

/**
 * Read a bit-packed run of the rle/bitpack hybrid.
 * Supports width > 8 (crossing bytes).
 *
 * @param {DataReader} reader
 * @param {number} header - bit-pack header
 * @param {number} bitWidth
 * @param {DecodedArray} output
 * @param {number} seen
 * @returns {number} total output values so far
 */
function readBitPacked(reader, header, bitWidth, output, seen) {
  let count = header >> 1 << 3 // values to read
  const mask = (1 << bitWidth) - 1

  let data = 0
  if (reader.offset < reader.view.byteLength) {
    data = reader.view.getUint8(reader.offset++)
  } else if (mask) {
    // sometimes out-of-bounds reads are masked out
    throw new Error(`parquet bitpack offset ${reader.offset} out of range`)
  }
  let left = 8
  let right = 0

  // read values
  while (count) {
    // if we have crossed a byte boundary, shift the data
    if (right > 8) {
      right -= 8
      left -= 8
      data >>>= 8
    } else if (left - right < bitWidth) {
      // if we don't have bitWidth number of bits to read, read next byte
      data |= reader.view.getUint8(reader.offset) << left
      reader.offset++
      left += 8
    } else {
      if (seen < output.length) {
        // emit value
        output[seen++] = data >> right & mask
      }
      count--
      right += bitWidth
    }
  }

  return seen
}

/**
 * @param {DataReader} reader
 * @param {number} count
 * @param {ParquetType} type
 * @param {number | undefined} typeLength
 * @returns {DecodedArray}
 */
function byteStreamSplit(reader, count, type, typeLength) {
  const width = byteWidth(type, typeLength)
  const bytes = new Uint8Array(count * width)
  for (let b = 0; b < width; b++) {
    for (let i = 0; i < count; i++) {
      bytes[i * width + b] = reader.view.getUint8(reader.offset++)
    }
  }
  // interpret bytes as typed array
  if (type === 'FLOAT') return new Float32Array(bytes.buffer)
  else if (type === 'DOUBLE') return new Float64Array(bytes.buffer)
  else if (type === 'INT32') return new Int32Array(bytes.buffer)
  else if (type === 'INT64') return new BigInt64Array(bytes.buffer)
  else if (type === 'FIXED_LEN_BYTE_ARRAY') {
    // split into arrays of typeLength
    const split = new Array(count)
    for (let i = 0; i < count; i++) {
      split[i] = bytes.subarray(i * width, (i + 1) * width)
    }
    return split
  }
  throw new Error(`parquet byte_stream_split unsupported type: ${type}`)
}

/**
 * @param {ParquetType} type
 * @param {number | undefined} typeLength
 * @returns {number}
 */
function byteWidth(type, typeLength) {
  switch (type) {
  case 'INT32':
  case 'FLOAT':
    return 4
  case 'INT64':
  case 'DOUBLE':
    return 8
  case 'FIXED_LEN_BYTE_ARRAY':
    if (!typeLength) throw new Error('parquet byteWidth missing type_length')
    return typeLength
  default:
    throw new Error(`parquet unsupported type: ${type}`)
  }
}

;// CONCATENATED MODULE: ./node_modules/hyparquet/src/plain.js
/**
 * Read `count` values of the given type from the reader.view.
 *
 * @param {DataReader} reader - buffer to read data from
 * @param {ParquetType} type - parquet type of the data
 * @param {number} count - number of values to read
 * @param {number | undefined} fixedLength - length of each fixed length byte array
 * @returns {DecodedArray} array of values
 */
function readPlain(reader, type, count, fixedLength) {
  if (count === 0) return []
  if (type === 'BOOLEAN') {
    return readPlainBoolean(reader, count)
  } else if (type === 'INT32') {
    return readPlainInt32(reader, count)
  } else if (type === 'INT64') {
    return readPlainInt64(reader, count)
  } else if (type === 'INT96') {
    return readPlainInt96(reader, count)
  } else if (type === 'FLOAT') {
    return readPlainFloat(reader, count)
  } else if (type === 'DOUBLE') {
    return readPlainDouble(reader, count)
  } else if (type === 'BYTE_ARRAY') {
    return readPlainByteArray(reader, count)
  } else if (type === 'FIXED_LEN_BYTE_ARRAY') {
    if (!fixedLength) throw new Error('parquet missing fixed length')
    return readPlainByteArrayFixed(reader, count, fixedLength)
  } else {
    throw new Error(`parquet unhandled type: ${type}`)
  }
}

/**
 * Read `count` boolean values.
 *
 * @param {DataReader} reader
 * @param {number} count
 * @returns {boolean[]}
 */
function readPlainBoolean(reader, count) {
  const values = new Array(count)
  for (let i = 0; i < count; i++) {
    const byteOffset = reader.offset + (i / 8 | 0)
    const bitOffset = i % 8
    const byte = reader.view.getUint8(byteOffset)
    values[i] = (byte & 1 << bitOffset) !== 0
  }
  reader.offset += Math.ceil(count / 8)
  return values
}

/**
 * Read `count` int32 values.
 *
 * @param {DataReader} reader
 * @param {number} count
 * @returns {Int32Array}
 */
function readPlainInt32(reader, count) {
  const values = (reader.view.byteOffset + reader.offset) % 4
    ? new Int32Array(align(reader.view.buffer, reader.view.byteOffset + reader.offset, count * 4))
    : new Int32Array(reader.view.buffer, reader.view.byteOffset + reader.offset, count)
  reader.offset += count * 4
  return values
}

/**
 * Read `count` int64 values.
 *
 * @param {DataReader} reader
 * @param {number} count
 * @returns {BigInt64Array}
 */
function readPlainInt64(reader, count) {
  const values = (reader.view.byteOffset + reader.offset) % 8
    ? new BigInt64Array(align(reader.view.buffer, reader.view.byteOffset + reader.offset, count * 8))
    : new BigInt64Array(reader.view.buffer, reader.view.byteOffset + reader.offset, count)
  reader.offset += count * 8
  return values
}

/**
 * Read `count` int96 values.
 *
 * @param {DataReader} reader
 * @param {number} count
 * @returns {bigint[]}
 */
function readPlainInt96(reader, count) {
  const values = new Array(count)
  for (let i = 0; i < count; i++) {
    const low = reader.view.getBigInt64(reader.offset + i * 12, true)
    const high = reader.view.getInt32(reader.offset + i * 12 + 8, true)
    values[i] = BigInt(high) << 64n | low
  }
  reader.offset += count * 12
  return values
}

/**
 * Read `count` float values.
 *
 * @param {DataReader} reader
 * @param {number} count
 * @returns {Float32Array}
 */
function readPlainFloat(reader, count) {
  const values = (reader.view.byteOffset + reader.offset) % 4
    ? new Float32Array(align(reader.view.buffer, reader.view.byteOffset + reader.offset, count * 4))
    : new Float32Array(reader.view.buffer, reader.view.byteOffset + reader.offset, count)
  reader.offset += count * 4
  return values
}

/**
 * Read `count` double values.
 *
 * @param {DataReader} reader
 * @param {number} count
 * @returns {Float64Array}
 */
function readPlainDouble(reader, count) {
  const values = (reader.view.byteOffset + reader.offset) % 8
    ? new Float64Array(align(reader.view.buffer, reader.view.byteOffset + reader.offset, count * 8))
    : new Float64Array(reader.view.buffer, reader.view.byteOffset + reader.offset, count)
  reader.offset += count * 8
  return values
}

/**
 * Read `count` byte array values.
 *
 * @param {DataReader} reader
 * @param {number} count
 * @returns {Uint8Array[]}
 */
function readPlainByteArray(reader, count) {
  const values = new Array(count)
  for (let i = 0; i < count; i++) {
    const length = reader.view.getUint32(reader.offset, true)
    reader.offset += 4
    values[i] = new Uint8Array(reader.view.buffer, reader.view.byteOffset + reader.offset, length)
    reader.offset += length
  }
  return values
}

/**
 * Read a fixed length byte array.
 *
 * @param {DataReader} reader
 * @param {number} count
 * @param {number} fixedLength
 * @returns {Uint8Array[]}
 */
function readPlainByteArrayFixed(reader, count, fixedLength) {
  // assert(reader.view.byteLength - reader.offset >= count * fixedLength)
  const values = new Array(count)
  for (let i = 0; i < count; i++) {
    values[i] = new Uint8Array(reader.view.buffer, reader.view.byteOffset + reader.offset, fixedLength)
    reader.offset += fixedLength
  }
  return values
}

/**
 * Create a new buffer with the offset and size.
 *
 * @import {DataReader, DecodedArray, ParquetType} from '../src/types.js'
 * @param {ArrayBufferLike} buffer
 * @param {number} offset
 * @param {number} size
 * @returns {ArrayBuffer}
 */
function align(buffer, offset, size) {
  const aligned = new ArrayBuffer(size)
  new Uint8Array(aligned).set(new Uint8Array(buffer, offset, size))
  return aligned
}

;// CONCATENATED MODULE: ./node_modules/hyparquet/src/snappy.js
/**
 * The MIT License (MIT)
 * Copyright (c) 2016 Zhipeng Jia
 * https://github.com/zhipeng-jia/snappyjs
 */

const WORD_MASK = [0, 0xff, 0xffff, 0xffffff, 0xffffffff]

/**
 * Copy bytes from one array to another
 *
 * @param {Uint8Array} fromArray source array
 * @param {number} fromPos source position
 * @param {Uint8Array} toArray destination array
 * @param {number} toPos destination position
 * @param {number} length number of bytes to copy
 */
function copyBytes(fromArray, fromPos, toArray, toPos, length) {
  for (let i = 0; i < length; i++) {
    toArray[toPos + i] = fromArray[fromPos + i]
  }
}

/**
 * Decompress snappy data.
 * Accepts an output buffer to avoid allocating a new buffer for each call.
 *
 * @param {Uint8Array} input compressed data
 * @param {Uint8Array} output output buffer
 */
function snappyUncompress(input, output) {
  const inputLength = input.byteLength
  const outputLength = output.byteLength
  let pos = 0
  let outPos = 0

  // skip preamble (contains uncompressed length as varint)
  while (pos < inputLength) {
    const c = input[pos]
    pos++
    if (c < 128) {
      break
    }
  }
  if (outputLength && pos >= inputLength) {
    throw new Error('invalid snappy length header')
  }

  while (pos < inputLength) {
    const c = input[pos]
    let len = 0
    pos++

    if (pos >= inputLength) {
      throw new Error('missing eof marker')
    }

    // There are two types of elements, literals and copies (back references)
    if ((c & 0x3) === 0) {
      // Literals are uncompressed data stored directly in the byte stream
      let len = (c >>> 2) + 1
      // Longer literal length is encoded in multiple bytes
      if (len > 60) {
        if (pos + 3 >= inputLength) {
          throw new Error('snappy error literal pos + 3 >= inputLength')
        }
        const lengthSize = len - 60 // length bytes - 1
        len = input[pos]
          + (input[pos + 1] << 8)
          + (input[pos + 2] << 16)
          + (input[pos + 3] << 24)
        len = (len & WORD_MASK[lengthSize]) + 1
        pos += lengthSize
      }
      if (pos + len > inputLength) {
        throw new Error('snappy error literal exceeds input length')
      }
      copyBytes(input, pos, output, outPos, len)
      pos += len
      outPos += len
    } else {
      // Copy elements
      let offset = 0 // offset back from current position to read
      switch (c & 0x3) {
      case 1:
        // Copy with 1-byte offset
        len = (c >>> 2 & 0x7) + 4
        offset = input[pos] + (c >>> 5 << 8)
        pos++
        break
      case 2:
        // Copy with 2-byte offset
        if (inputLength <= pos + 1) {
          throw new Error('snappy error end of input')
        }
        len = (c >>> 2) + 1
        offset = input[pos] + (input[pos + 1] << 8)
        pos += 2
        break
      case 3:
        // Copy with 4-byte offset
        if (inputLength <= pos + 3) {
          throw new Error('snappy error end of input')
        }
        len = (c >>> 2) + 1
        offset = input[pos]
          + (input[pos + 1] << 8)
          + (input[pos + 2] << 16)
          + (input[pos + 3] << 24)
        pos += 4
        break
      default:
        break
      }
      if (offset === 0 || isNaN(offset)) {
        throw new Error(`invalid offset ${offset} pos ${pos} inputLength ${inputLength}`)
      }
      if (offset > outPos) {
        throw new Error('cannot copy from before start of buffer')
      }
      copyBytes(output, outPos - offset, output, outPos, len)
      outPos += len
    }
  }

  if (outPos !== outputLength) throw new Error('premature end of input')
}

;// CONCATENATED MODULE: ./node_modules/hyparquet/src/datapage.js
/**
 * @import {ColumnDecoder, CompressionCodec, Compressors, DataPage, DataPageHeader, DataPageHeaderV2, DataReader, DecodedArray, PageHeader, SchemaTree} from '../src/types.js'
 */







/**
 * Read a data page from uncompressed reader.
 *
 * @param {Uint8Array} bytes raw page data (should already be decompressed)
 * @param {DataPageHeader} daph data page header
 * @param {ColumnDecoder} columnDecoder
 * @returns {DataPage} definition levels, repetition levels, and array of values
 */
function readDataPage(bytes, daph, { type, element, schemaPath }) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const reader = { view, offset: 0 }
  /** @type {DecodedArray} */
  let dataPage

  // repetition and definition levels
  const repetitionLevels = readRepetitionLevels(reader, daph, schemaPath)
  // assert(!repetitionLevels.length || repetitionLevels.length === daph.num_values)
  const { definitionLevels, numNulls } = readDefinitionLevels(reader, daph, schemaPath)
  // assert(!definitionLevels.length || definitionLevels.length === daph.num_values)

  // read values based on encoding
  const nValues = daph.num_values - numNulls
  if (daph.encoding === 'PLAIN') {
    dataPage = readPlain(reader, type, nValues, element.type_length)
  } else if (
    daph.encoding === 'PLAIN_DICTIONARY' ||
    daph.encoding === 'RLE_DICTIONARY' ||
    daph.encoding === 'RLE'
  ) {
    const bitWidth = type === 'BOOLEAN' ? 1 : view.getUint8(reader.offset++)
    if (bitWidth) {
      dataPage = new Array(nValues)
      if (type === 'BOOLEAN') {
        readRleBitPackedHybrid(reader, bitWidth, dataPage)
        dataPage = dataPage.map(x => !!x) // convert to boolean
      } else {
        // assert(daph.encoding.endsWith('_DICTIONARY'))
        readRleBitPackedHybrid(reader, bitWidth, dataPage, view.byteLength - reader.offset)
      }
    } else {
      dataPage = new Uint8Array(nValues) // nValue zeroes
    }
  } else if (daph.encoding === 'BYTE_STREAM_SPLIT') {
    dataPage = byteStreamSplit(reader, nValues, type, element.type_length)
  } else if (daph.encoding === 'DELTA_BINARY_PACKED') {
    const int32 = type === 'INT32'
    dataPage = int32 ? new Int32Array(nValues) : new BigInt64Array(nValues)
    deltaBinaryUnpack(reader, nValues, dataPage)
  } else if (daph.encoding === 'DELTA_LENGTH_BYTE_ARRAY') {
    dataPage = new Array(nValues)
    deltaLengthByteArray(reader, nValues, dataPage)
  } else if (daph.encoding === 'DELTA_BYTE_ARRAY') {
    dataPage = new Array(nValues)
    deltaByteArray(reader, nValues, dataPage)
  } else {
    throw new Error(`parquet unsupported encoding: ${daph.encoding}`)
  }

  return { definitionLevels, repetitionLevels, dataPage }
}

/**
 * @param {DataReader} reader data view for the page
 * @param {DataPageHeader} daph data page header
 * @param {SchemaTree[]} schemaPath
 * @returns {any[]} repetition levels and number of bytes read
 */
function readRepetitionLevels(reader, daph, schemaPath) {
  if (schemaPath.length > 1) {
    const maxRepetitionLevel = getMaxRepetitionLevel(schemaPath)
    if (maxRepetitionLevel) {
      const values = new Array(daph.num_values)
      readRleBitPackedHybrid(reader, bitWidth(maxRepetitionLevel), values)
      return values
    }
  }
  return []
}

/**
 * @param {DataReader} reader data view for the page
 * @param {DataPageHeader} daph data page header
 * @param {SchemaTree[]} schemaPath
 * @returns {{ definitionLevels: number[], numNulls: number }} definition levels
 */
function readDefinitionLevels(reader, daph, schemaPath) {
  const maxDefinitionLevel = getMaxDefinitionLevel(schemaPath)
  if (!maxDefinitionLevel) return { definitionLevels: [], numNulls: 0 }

  const definitionLevels = new Array(daph.num_values)
  readRleBitPackedHybrid(reader, bitWidth(maxDefinitionLevel), definitionLevels)

  // count nulls
  let numNulls = daph.num_values
  for (const def of definitionLevels) {
    if (def === maxDefinitionLevel) numNulls--
  }
  if (numNulls === 0) definitionLevels.length = 0

  return { definitionLevels, numNulls }
}

/**
 * @param {Uint8Array} compressedBytes
 * @param {number} uncompressed_page_size
 * @param {CompressionCodec} codec
 * @param {Compressors | undefined} compressors
 * @returns {Uint8Array}
 */
function decompressPage(compressedBytes, uncompressed_page_size, codec, compressors) {
  /** @type {Uint8Array} */
  let page
  const customDecompressor = compressors?.[codec]
  if (codec === 'UNCOMPRESSED') {
    page = compressedBytes
  } else if (customDecompressor) {
    page = customDecompressor(compressedBytes, uncompressed_page_size)
  } else if (codec === 'SNAPPY') {
    page = new Uint8Array(uncompressed_page_size)
    snappyUncompress(compressedBytes, page)
  } else {
    throw new Error(`parquet unsupported compression codec: ${codec}`)
  }
  if (page?.length !== uncompressed_page_size) {
    throw new Error(`parquet decompressed page length ${page?.length} does not match header ${uncompressed_page_size}`)
  }
  return page
}


/**
 * Read a data page from the given Uint8Array.
 *
 * @param {Uint8Array} compressedBytes raw page data
 * @param {PageHeader} ph page header
 * @param {ColumnDecoder} columnDecoder
 * @returns {DataPage} definition levels, repetition levels, and array of values
 */
function readDataPageV2(compressedBytes, ph, columnDecoder) {
  const view = new DataView(compressedBytes.buffer, compressedBytes.byteOffset, compressedBytes.byteLength)
  const reader = { view, offset: 0 }
  const { type, element, schemaPath, codec, compressors } = columnDecoder
  const daph2 = ph.data_page_header_v2
  if (!daph2) throw new Error('parquet data page header v2 is undefined')

  // repetition levels
  const repetitionLevels = readRepetitionLevelsV2(reader, daph2, schemaPath)
  reader.offset = daph2.repetition_levels_byte_length // readVarInt() => len for boolean v2?

  // definition levels
  const definitionLevels = readDefinitionLevelsV2(reader, daph2, schemaPath)
  // assert(reader.offset === daph2.repetition_levels_byte_length + daph2.definition_levels_byte_length)

  const uncompressedPageSize = ph.uncompressed_page_size - daph2.definition_levels_byte_length - daph2.repetition_levels_byte_length

  let page = compressedBytes.subarray(reader.offset)
  if (daph2.is_compressed !== false) {
    page = decompressPage(page, uncompressedPageSize, codec, compressors)
  }
  const pageView = new DataView(page.buffer, page.byteOffset, page.byteLength)
  const pageReader = { view: pageView, offset: 0 }

  // read values based on encoding
  /** @type {DecodedArray} */
  let dataPage
  const nValues = daph2.num_values - daph2.num_nulls
  if (daph2.encoding === 'PLAIN') {
    dataPage = readPlain(pageReader, type, nValues, element.type_length)
  } else if (daph2.encoding === 'RLE') {
    // assert(type === 'BOOLEAN')
    dataPage = new Array(nValues)
    readRleBitPackedHybrid(pageReader, 1, dataPage)
    dataPage = dataPage.map(x => !!x)
  } else if (
    daph2.encoding === 'PLAIN_DICTIONARY' ||
    daph2.encoding === 'RLE_DICTIONARY'
  ) {
    const bitWidth = pageView.getUint8(pageReader.offset++)
    dataPage = new Array(nValues)
    readRleBitPackedHybrid(pageReader, bitWidth, dataPage, uncompressedPageSize - 1)
  } else if (daph2.encoding === 'DELTA_BINARY_PACKED') {
    const int32 = type === 'INT32'
    dataPage = int32 ? new Int32Array(nValues) : new BigInt64Array(nValues)
    deltaBinaryUnpack(pageReader, nValues, dataPage)
  } else if (daph2.encoding === 'DELTA_LENGTH_BYTE_ARRAY') {
    dataPage = new Array(nValues)
    deltaLengthByteArray(pageReader, nValues, dataPage)
  } else if (daph2.encoding === 'DELTA_BYTE_ARRAY') {
    dataPage = new Array(nValues)
    deltaByteArray(pageReader, nValues, dataPage)
  } else if (daph2.encoding === 'BYTE_STREAM_SPLIT') {
    dataPage = byteStreamSplit(pageReader, nValues, type, element.type_length)
  } else {
    throw new Error(`parquet unsupported encoding: ${daph2.encoding}`)
  }

  return { definitionLevels, repetitionLevels, dataPage }
}

/**
 * @param {DataReader} reader
 * @param {DataPageHeaderV2} daph2 data page header v2
 * @param {SchemaTree[]} schemaPath
 * @returns {any[]} repetition levels
 */
function readRepetitionLevelsV2(reader, daph2, schemaPath) {
  const maxRepetitionLevel = getMaxRepetitionLevel(schemaPath)
  if (!maxRepetitionLevel) return []

  const values = new Array(daph2.num_values)
  readRleBitPackedHybrid(reader, bitWidth(maxRepetitionLevel), values, daph2.repetition_levels_byte_length)
  return values
}

/**
 * @param {DataReader} reader
 * @param {DataPageHeaderV2} daph2 data page header v2
 * @param {SchemaTree[]} schemaPath
 * @returns {number[] | undefined} definition levels
 */
function readDefinitionLevelsV2(reader, daph2, schemaPath) {
  const maxDefinitionLevel = getMaxDefinitionLevel(schemaPath)
  if (maxDefinitionLevel) {
    // V2 we know the length
    const values = new Array(daph2.num_values)
    readRleBitPackedHybrid(reader, bitWidth(maxDefinitionLevel), values, daph2.definition_levels_byte_length)
    return values
  }
}

/**
 * Minimum bits needed to store value.
 *
 * @param {number} value
 * @returns {number}
 */
function bitWidth(value) {
  return 32 - Math.clz32(value)
}

;// CONCATENATED MODULE: ./node_modules/hyparquet/src/column.js
/**
 * @import {ColumnDecoder, DataReader, DecodedArray, PageHeader, PageResult, RowGroupSelect, Statistics, SubColumnData} from '../src/types.js'
 */









/**
 * Parse column data from a buffer.
 *
 * @param {DataReader} reader
 * @param {RowGroupSelect} rowGroupSelect row group selection
 * @param {ColumnDecoder} columnDecoder column decoder params
 * @param {(chunk: SubColumnData) => void} [onPage] callback for each page
 * @returns {{ data: DecodedArray[], skipped: number }}
 */
function readColumn(reader, { groupStart, selectStart, selectEnd }, columnDecoder, onPage) {
  const { pathInSchema, schemaPath } = columnDecoder
  const isFlat = isFlatColumn(schemaPath)
  /** @type {DecodedArray[]} */
  const chunks = []
  /** @type {DecodedArray | undefined} */
  let dictionary = undefined
  /** @type {DecodedArray | undefined} */
  let lastChunk = undefined
  let rowCount = 0
  let skipped = 0

  const emitLastChunk = onPage && (() => {
    lastChunk && onPage({
      pathInSchema,
      columnData: lastChunk,
      rowStart: groupStart + rowCount - lastChunk.length,
      rowEnd: groupStart + rowCount,
    })
  })

  while (isFlat ? rowCount < selectEnd : reader.offset < reader.view.byteLength - 1) {
    if (reader.offset >= reader.view.byteLength - 1) break // end of reader

    // read page header
    const header = parquetHeader(reader)
    if (header.type === 'DICTIONARY_PAGE') {
      const { data } = readPage(reader, header, columnDecoder, dictionary, undefined, 0)
      if (data) dictionary = convert(data, columnDecoder)
    } else {
      const lastChunkLength = lastChunk?.length || 0
      const result = readPage(reader, header, columnDecoder, dictionary, lastChunk, selectStart - rowCount)
      if (result.skipped) {
        // skipped page - just advance row count, don't add to chunks
        if (!chunks.length) {
          skipped += result.skipped
        }
        rowCount += result.skipped
      } else if (result.data && lastChunk === result.data) {
        // continued from previous page
        rowCount += result.data.length - lastChunkLength
      } else if (result.data && result.data.length) {
        emitLastChunk?.()
        chunks.push(result.data)
        rowCount += result.data.length
        lastChunk = result.data
      }
    }
  }
  emitLastChunk?.()

  return { data: chunks, skipped }
}

/**
 * Read a page (data or dictionary) from a buffer.
 *
 * @param {DataReader} reader
 * @param {PageHeader} header
 * @param {ColumnDecoder} columnDecoder
 * @param {DecodedArray | undefined} dictionary
 * @param {DecodedArray | undefined} previousChunk
 * @param {number} pageStart skip this many rows in the page
 * @returns {PageResult}
 */
function readPage(reader, header, columnDecoder, dictionary, previousChunk, pageStart) {
  const { type, element, schemaPath, codec, compressors } = columnDecoder
  // read compressed_page_size bytes
  const compressedBytes = new Uint8Array(
    reader.view.buffer, reader.view.byteOffset + reader.offset, header.compressed_page_size
  )
  reader.offset += header.compressed_page_size

  // parse page data by type
  if (header.type === 'DATA_PAGE') {
    const daph = header.data_page_header
    if (!daph) throw new Error('parquet data page header is undefined')

    // skip unnecessary non-nested pages
    if (pageStart > daph.num_values && isFlatColumn(schemaPath)) {
      return { skipped: daph.num_values }
    }

    const page = decompressPage(compressedBytes, Number(header.uncompressed_page_size), codec, compressors)
    const { definitionLevels, repetitionLevels, dataPage } = readDataPage(page, daph, columnDecoder)
    // assert(!daph.statistics?.null_count || daph.statistics.null_count === BigInt(daph.num_values - dataPage.length))

    // convert types, dereference dictionary, and assemble lists
    const values = convertWithDictionary(dataPage, dictionary, daph.encoding, columnDecoder)
    const output = Array.isArray(previousChunk) ? previousChunk : []
    const assembled = assembleLists(output, definitionLevels, repetitionLevels, values, schemaPath)
    return { skipped: 0, data: assembled }
  } else if (header.type === 'DATA_PAGE_V2') {
    const daph2 = header.data_page_header_v2
    if (!daph2) throw new Error('parquet data page header v2 is undefined')

    // skip unnecessary pages
    if (pageStart > daph2.num_rows) {
      return { skipped: daph2.num_rows }
    }

    const { definitionLevels, repetitionLevels, dataPage } =
      readDataPageV2(compressedBytes, header, columnDecoder)

    // convert types, dereference dictionary, and assemble lists
    const values = convertWithDictionary(dataPage, dictionary, daph2.encoding, columnDecoder)
    const output = Array.isArray(previousChunk) ? previousChunk : []
    const assembled = assembleLists(output, definitionLevels, repetitionLevels, values, schemaPath)
    return { skipped: 0, data: assembled }
  } else if (header.type === 'DICTIONARY_PAGE') {
    const diph = header.dictionary_page_header
    if (!diph) throw new Error('parquet dictionary page header is undefined')

    const page = decompressPage(
      compressedBytes, Number(header.uncompressed_page_size), codec, compressors
    )

    const reader = { view: new DataView(page.buffer, page.byteOffset, page.byteLength), offset: 0 }
    const dictArray = readPlain(reader, type, diph.num_values, element.type_length)
    return { skipped: 0, data: dictArray }
  } else {
    throw new Error(`parquet unsupported page type: ${header.type}`)
  }
}

/**
 * Read a page header from a buffer, leaving the reader at the start of the page data.
 *
 * @param {DataReader} reader
 * @returns {PageHeader}
 */
function parquetHeader(reader) {
  const header = deserializeTCompactProtocol(reader)

  // Parse parquet header from thrift data
  const type = PageTypes[header.field_1]
  const uncompressed_page_size = header.field_2
  const compressed_page_size = header.field_3
  const crc = header.field_4
  const data_page_header = header.field_5 && {
    num_values: header.field_5.field_1,
    encoding: Encodings[header.field_5.field_2],
    definition_level_encoding: Encodings[header.field_5.field_3],
    repetition_level_encoding: Encodings[header.field_5.field_4],
    statistics: pageStatistics(header.field_5.field_5),
  }
  const index_page_header = header.field_6
  const dictionary_page_header = header.field_7 && {
    num_values: header.field_7.field_1,
    encoding: Encodings[header.field_7.field_2],
    is_sorted: header.field_7.field_3,
  }
  const data_page_header_v2 = header.field_8 && {
    num_values: header.field_8.field_1,
    num_nulls: header.field_8.field_2,
    num_rows: header.field_8.field_3,
    encoding: Encodings[header.field_8.field_4],
    definition_levels_byte_length: header.field_8.field_5,
    repetition_levels_byte_length: header.field_8.field_6,
    is_compressed: header.field_8.field_7 === undefined ? true : header.field_8.field_7, // default true
    statistics: pageStatistics(header.field_8.field_8),
  }

  return {
    type,
    uncompressed_page_size,
    compressed_page_size,
    crc,
    data_page_header,
    index_page_header,
    dictionary_page_header,
    data_page_header_v2,
  }
}

/**
 * @param {any} stats thrift Statistics struct
 * @returns {Statistics | undefined}
 */
function pageStatistics(stats) {
  return stats && {
    max: stats.field_1,
    min: stats.field_2,
    null_count: stats.field_3,
    distinct_count: stats.field_4,
    max_value: stats.field_5,
    min_value: stats.field_6,
    is_max_value_exact: stats.field_7,
    is_min_value_exact: stats.field_8,
  }
}

;// CONCATENATED MODULE: ./node_modules/hyparquet/src/indexes.js
/**
 * @import {ColumnIndex, DataReader, OffsetIndex, PageLocation, ParquetParsers, SchemaElement} from '../src/types.js'
 */






/**
 * @param {DataReader} reader
 * @param {SchemaElement} schema
 * @param {Partial<ParquetParsers> | undefined} parsers
 * @returns {ColumnIndex}
 */
function readColumnIndex(reader, schema, parsers = undefined) {
  const allParsers = { ...DEFAULT_PARSERS, ...parsers }

  const thrift = deserializeTCompactProtocol(reader)
  return {
    null_pages: thrift.field_1,
    min_values: thrift.field_2.map((/** @type {any} */ m) => convertMetadata(m, schema, allParsers)),
    max_values: thrift.field_3.map((/** @type {any} */ m) => convertMetadata(m, schema, allParsers)),
    boundary_order: BoundaryOrders[thrift.field_4],
    null_counts: thrift.field_5,
    repetition_level_histograms: thrift.field_6,
    definition_level_histograms: thrift.field_7,
  }
}

/**
 * @param {DataReader} reader
 * @returns {OffsetIndex}
 */
function readOffsetIndex(reader) {
  const thrift = deserializeTCompactProtocol(reader)
  return {
    // @ts-ignore
    page_locations: thrift.field_1.map(loc => ({
      offset: loc.field_1,
      compressed_page_size: loc.field_2,
      first_row_index: loc.field_3,
    })),
    unencoded_byte_array_data_bytes: thrift.field_2,
  }
}

;// CONCATENATED MODULE: ./node_modules/hyparquet/src/rowgroup.js
/**
 * @import {AsyncColumn, AsyncRowGroup, ChunkPlan, ColumnDecoder, DecodedArray, GroupPlan, PageLocation, ParquetParsers, ParquetReadOptions, QueryPlan, SchemaTree} from '../src/types.js'
 */









/**
 * Read a row group from a file-like object.
 *
 * @param {ParquetReadOptions} options
 * @param {QueryPlan} plan
 * @param {GroupPlan} groupPlan
 * @returns {AsyncRowGroup} resolves to column data
 */
function readRowGroup(options, { metadata }, groupPlan) {
  /** @type {AsyncColumn[]} */
  const asyncColumns = []
  // build the schema tree once, not per column chunk
  const schemaTree = metadata_parquetSchema(metadata)

  // read column data
  for (const chunk of groupPlan.chunks) {
    const { path_in_schema: pathInSchema } = chunk.columnMetadata
    const schemaPath = getTreePath(schemaTree, pathInSchema)
    const columnDecoder = {
      pathInSchema,
      element: schemaPath[schemaPath.length - 1].element,
      schemaPath,
      ...options,
      ...chunk.columnMetadata,
      // merge after options, so a partial parsers object keeps the defaults
      parsers: { ...DEFAULT_PARSERS, ...options.parsers },
    }
    const { startByte, endByte } = chunk.range

    if ('pageLocations' in chunk) {
      // page locations already parsed from the offset index
      asyncColumns.push({
        pathInSchema,
        data: readSelectedPages(options, groupPlan, chunk, chunk.pageLocations, columnDecoder),
      })
    } else if ('offsetIndex' in chunk) {
      asyncColumns.push({
        pathInSchema,
        // fetch offset index
        data: Promise.resolve(options.file.slice(chunk.offsetIndex.startByte, chunk.offsetIndex.endByte))
          .then(arrayBuffer => {
            const pages = readOffsetIndex({ view: new DataView(arrayBuffer), offset: 0 }).page_locations
            return readSelectedPages(options, groupPlan, chunk, pages, columnDecoder)
          }),
      })
    } else {
      // full column chunk
      asyncColumns.push({
        pathInSchema,
        data: Promise.resolve(options.file.slice(startByte, endByte))
          .then(buffer => {
            const reader = { view: new DataView(buffer), offset: 0 }
            return readColumn(reader, groupPlan, columnDecoder, options.onPage)
          }),
      })
    }
  }

  return {
    groupStart: groupPlan.groupStart,
    groupRows: groupPlan.groupRows,
    selectStart: groupPlan.selectStart,
    selectEnd: groupPlan.selectEnd,
    asyncColumns,
  }
}

/**
 * Read only the pages of a column chunk that overlap the group plan's select
 * range [selectStart, selectEnd), using page locations from the offset index.
 *
 * @param {ParquetReadOptions} options
 * @param {GroupPlan} groupPlan
 * @param {ChunkPlan} chunk
 * @param {PageLocation[]} pages
 * @param {ColumnDecoder} columnDecoder
 * @returns {Promise<{data: DecodedArray[], skipped: number}>}
 */
async function readSelectedPages(options, groupPlan, chunk, pages, columnDecoder) {
  const { data_page_offset, dictionary_page_offset } = chunk.columnMetadata
  const { selectStart, selectEnd } = groupPlan
  let { startByte, endByte } = chunk.range
  let skipped = -1
  // include dictionary if present, handle polars missing dictionary_page_offset
  const hasDict = dictionary_page_offset || data_page_offset < pages[0].offset
  for (let i = 0; i < pages.length; i++) {
    const page = pages[i]
    const pageStart = Number(page.first_row_index)
    const pageEnd = i + 1 < pages.length
      ? Number(pages[i + 1].first_row_index)
      : groupPlan.groupRows // last page extends to end of row group
    // check if page overlaps with [selectStart, selectEnd)
    if (skipped < 0 && pageEnd > selectStart) {
      startByte = Number(page.offset)
      skipped = pageStart
    }
    if (pageStart < selectEnd) {
      endByte = Number(page.offset) + page.compressed_page_size
    }
  }
  if (skipped < 0) skipped = 0
  /** @type {DataView} */
  let view
  if (hasDict && skipped) {
    // fetch the dictionary page separately from the selected data pages so
    // the skipped leading pages are not transferred
    const dictLength = Number(pages[0].offset) - chunk.range.startByte
    const [dictBuffer, dataBuffer] = await Promise.all([
      options.file.slice(chunk.range.startByte, Number(pages[0].offset)),
      options.file.slice(startByte, endByte),
    ])
    // clamp in case the AsyncBuffer returned more bytes than requested
    const combined = new Uint8Array(dictLength + dataBuffer.byteLength)
    combined.set(new Uint8Array(dictBuffer, 0, dictLength))
    combined.set(new Uint8Array(dataBuffer), dictLength)
    view = new DataView(combined.buffer)
  } else if (hasDict) {
    // dictionary page is contiguous with the first selected page
    view = new DataView(await options.file.slice(chunk.range.startByte, endByte))
  } else {
    view = new DataView(await options.file.slice(startByte, endByte))
  }
  const reader = { view, offset: 0 }
  // adjust row selection for skipped pages
  const adjustedGroupPlan = skipped ? {
    ...groupPlan,
    groupStart: groupPlan.groupStart + skipped,
    selectStart: groupPlan.selectStart - skipped,
    selectEnd: groupPlan.selectEnd - skipped,
  } : groupPlan
  const { data, skipped: columnSkipped } = readColumn(reader, adjustedGroupPlan, columnDecoder, options.onPage)
  return {
    data,
    skipped: skipped + columnSkipped,
  }
}

/**
 * @overload
 * @param {AsyncRowGroup} asyncGroup
 * @param {number} selectStart
 * @param {number} selectEnd
 * @param {string[] | undefined} columns
 * @param {'object'} rowFormat
 * @returns {Promise<Record<string, any>[]>} resolves to row data
 */
/**
 * @overload
 * @param {AsyncRowGroup} asyncGroup
 * @param {number} selectStart
 * @param {number} selectEnd
 * @param {string[] | undefined} columns
 * @param {'array'} [rowFormat]
 * @returns {Promise<any[][]>} resolves to row data
 */
/**
 * @param {AsyncRowGroup} asyncGroup
 * @param {number} selectStart
 * @param {number} selectEnd
 * @param {string[] | undefined} columns
 * @param {'object' | 'array'} [rowFormat]
 * @returns {Promise<Record<string, any>[] | any[][]>} resolves to row data
 */
async function asyncGroupToRows({ asyncColumns }, selectStart, selectEnd, columns, rowFormat) {
  // TODO: do it without flatten
  const asyncPages = await Promise.all(asyncColumns.map(column =>
    column.data.then(({ skipped, data }) => ({ skipped, data: utils_flatten(data) }))
  ))

  // transpose columns into rows
  const selectCount = selectEnd - selectStart
  if (rowFormat === 'object') {
    /** @type {Record<string, any>[]} */
    const groupData = Array(selectCount)
    for (let selectRow = 0; selectRow < selectCount; selectRow++) {
      // return each row as an object
      /** @type {Record<string, any>} */
      const rowData = {}
      for (let i = 0; i < asyncColumns.length; i++) {
        const { data, skipped } = asyncPages[i]
        rowData[asyncColumns[i].pathInSchema[0]] = data[selectStart + selectRow - skipped]
      }
      groupData[selectRow] = rowData
    }
    return groupData
  }

  // careful mapping of column order for rowFormat: array
  const includedColumnNames = asyncColumns
    .map(child => child.pathInSchema[0])
    .filter(name => !columns || columns.includes(name))
  const columnOrder = columns ?? includedColumnNames
  const columnIndexes = columnOrder.map(name => asyncColumns.findIndex(column => column.pathInSchema[0] === name))

  /** @type {any[][]} */
  const groupData = Array(selectCount)
  for (let selectRow = 0; selectRow < selectCount; selectRow++) {
    // return each row as an array
    const rowData = Array(asyncColumns.length)
    for (let i = 0; i < columnOrder.length; i++) {
      const colIdx = columnIndexes[i]
      if (colIdx < 0) throw new Error(`parquet column not found: ${columnOrder[i]}`)
      const { data, skipped } = asyncPages[colIdx]
      rowData[i] = data[selectStart + selectRow - skipped]
    }
    groupData[selectRow] = rowData
  }
  return groupData
}

/**
 * Assemble physical columns into top-level columns asynchronously.
 *
 * @param {AsyncRowGroup} asyncRowGroup
 * @param {SchemaTree} schemaTree
 * @param {Partial<ParquetParsers>} [parsers]
 * @returns {AsyncRowGroup}
 */
function rowgroup_assembleAsync(asyncRowGroup, schemaTree, parsers) {
  const { asyncColumns } = asyncRowGroup
  const allParsers = { ...DEFAULT_PARSERS, ...parsers }
  /** @type {AsyncColumn[]} */
  const assembled = []
  for (const child of schemaTree.children) {
    if (child.children.length) {
      const childColumns = asyncColumns.filter(column => column.pathInSchema[0] === child.element.name)
      if (!childColumns.length) continue

      assembled.push({
        pathInSchema: child.path,
        data: (async () => {
          // collect subcolumn data — Promise.all observes every rejection so
          // a sibling failure cannot leak as an unhandledRejection
          const resolved = await Promise.all(childColumns.map(c => c.data))
          /** @type {Map<string, DecodedArray>} */
          const subcolumnData = new Map()
          const flattened = resolved.map(({ data }) => utils_flatten(data))
          // Physical pages can cover far more rows than the requested range.
          // Clip before nested/VARIANT assembly, which expands compact binary
          // values into independent object graphs and strings for every row.
          const skipped = Math.max(asyncRowGroup.selectStart ?? 0, ...resolved.map(result => result.skipped))
          const end = Math.min(asyncRowGroup.selectEnd ?? Infinity, ...resolved.map((result, i) => result.skipped + flattened[i].length))
          for (let i = 0; i < childColumns.length; i++) {
            // Offset-index reads may start each physical child at a different
            // page boundary. Align them to their common absolute row range.
            const start = skipped - resolved[i].skipped
            const length = Math.max(0, end - skipped)
            subcolumnData.set(
              childColumns[i].pathInSchema.join('.'),
              flattened[i].slice(start, start + length)
            )
          }
          // assemble the column
          assembleNested(subcolumnData, child, allParsers)
          const assembled = subcolumnData.get(child.element.name)
          if (!assembled) throw new Error('parquet column data not assembled')
          return { data: [assembled], skipped }
        })(),
      })
    } else {
      // leaf node, return the column
      const asyncColumn = asyncColumns.find(column => column.pathInSchema[0] === child.element.name)
      if (asyncColumn) assembled.push(asyncColumn)
    }
  }
  return { ...asyncRowGroup, asyncColumns: assembled }
}

;// CONCATENATED MODULE: ./node_modules/hyparquet/src/plan.js






/**
 * @import {AsyncBuffer, BloomFilter, ByteRange, ChunkPlan, ColumnPageStats, FileMetaData, GroupPlan, PageLocation, PageRanges, ParquetParsers, ParquetQueryFilter, ParquetReadOptions, QueryPlan, RowGroup, SchemaElement, SchemaTree} from '../src/types.js'
 */

// Combine column chunks if less than 2mb
const runLimit = 1 << 21 // 2mb
// When reading selected columns, combine chunks separated by at most this many unrequested bytes.
// Arrow C++ before 18 and Polars write a copy of each column's metadata after its chunk, leaving small gaps.
// Same default as Arrow's CacheOptions hole_size_limit.
const columnGapLimit = 1 << 13 // 8kb

/**
 * Plan which byte ranges to read to satisfy a read request.
 * Metadata must be non-null.
 *
 * @param {ParquetReadOptions & { bloomFiltersByGroup?: Record<string, BloomFilter>[], schemaElements?: Record<string, SchemaElement>, pageRangesByGroup?: (PageRanges | undefined)[], pageLocationsByGroup?: Record<string, PageLocation[]>[] }} options
 * @returns {QueryPlan}
 */
function plan_parquetPlan(options) {
  const { metadata, rowStart = 0, columns, useOffsetIndex = false } = options
  if (!metadata) throw new Error('parquetPlan requires metadata')
  /** @type {GroupPlan[]} */
  const groups = []
  /** @type {ByteRange[]} */
  const fetches = []
  /** @type {ByteRange[]} */
  const indexes = []
  const scanPlan = plan_parquetPlanGroups(options)
  for (const group of scanPlan.groups) {
    const groupPlan = plan_parquetPlanGroup({ ...group, columns, useOffsetIndex })
    groups.push(...groupPlan.groups)
    fetches.push(...groupPlan.fetches)
    indexes.push(...groupPlan.indexes)
  }
  fetches.push(...indexes)

  return { metadata, rowStart, rowEnd: scanPlan.rowEnd, columns, fetches, groups }
}

/**
 * Select physical row-group ranges without planning column reads.
 *
 * @param {ParquetReadOptions & { bloomFiltersByGroup?: Record<string, BloomFilter>[], schemaElements?: Record<string, SchemaElement>, pageRangesByGroup?: (PageRanges | undefined)[], pageLocationsByGroup?: Record<string, PageLocation[]>[] }} options
 * @returns {{groups: {rowGroup: RowGroup, groupIndex: number, groupStart: number, groupRows: number, ranges: PageRanges, pageRanges?: PageRanges, pageLocations?: Record<string, PageLocation[]>}[], rowEnd: number}}
 */
function plan_parquetPlanGroups({ metadata, rowStart = 0, rowEnd = Infinity, columns, filter, filterStrict = true, bloomFiltersByGroup, schemaElements, pageRangesByGroup, pageLocationsByGroup }) {
  if (!metadata) throw new Error('parquetPlan requires metadata')
  const schemaTree = metadata_parquetSchema(metadata)
  const physicalColumns = getPhysicalColumns(schemaTree)
  const elementsByPath = filter ? {
    ...physicalSchemaElements(schemaTree),
    ...schemaElements,
  } : schemaElements
  const groups = []
  let groupStart = 0
  for (let groupIndex = 0; groupIndex < metadata.row_groups.length; groupIndex++) {
    const rowGroup = metadata.row_groups[groupIndex]
    const groupRows = Number(rowGroup.num_rows)
    const groupEnd = groupStart + groupRows
    if (groupRows > 0 && groupEnd > rowStart && groupStart < rowEnd && !canSkipRowGroup({
      rowGroup,
      physicalColumns,
      filter,
      strict: filterStrict,
      bloomFilters: bloomFiltersByGroup?.[groupIndex],
      schemaElements: elementsByPath,
    })) {
      const selectStart = Math.max(rowStart - groupStart, 0)
      const selectEnd = Math.min(rowEnd - groupStart, groupRows)
      const pageRanges = pageRangesByGroup?.[groupIndex]
      const pageLocations = pageLocationsByGroup?.[groupIndex]
      /** @type {PageRanges} */
      let ranges = pageRanges
        ? pageRanges
          .map(([start, end]) => {
            /** @type {[number, number]} */
            const range = [Math.max(start, selectStart), Math.min(end, selectEnd)]
            return range
          })
          .filter(([start, end]) => start < end)
        : [[selectStart, selectEnd]]

      if (ranges.length > 1) {
        const canSplit = rowGroup.columns.every(chunk => {
          const columnName = chunk.meta_data?.path_in_schema[0]
          const columnPath = chunk.meta_data?.path_in_schema.join('.')
          if (columns && columnName && !columns.includes(columnName)) return true
          return !!(chunk.offset_index_offset && chunk.offset_index_length) || !!(columnPath && pageLocations?.[columnPath])
        })
        ranges = canSplit
          ? coalesceOverlappingPageRanges(ranges, rowGroup, columns, pageLocations)
          : [[ranges[0][0], ranges[ranges.length - 1][1]]]
      }
      if (ranges.length) {
        groups.push({ rowGroup, groupIndex, groupStart, groupRows, ranges, pageRanges, pageLocations })
      }
    }
    groupStart = groupEnd
  }
  return { groups, rowEnd: isFinite(rowEnd) ? rowEnd : groupStart }
}

/**
 * Build byte plans for retained ranges in one row group.
 *
 * @param {object} options
 * @param {RowGroup} options.rowGroup
 * @param {number} options.groupStart
 * @param {number} options.groupRows
 * @param {PageRanges} options.ranges
 * @param {string[]} [options.columns]
 * @param {boolean} [options.useOffsetIndex]
 * @param {PageRanges} [options.pageRanges]
 * @param {Record<string, PageLocation[]>} [options.pageLocations]
 * @returns {{groups: GroupPlan[], fetches: ByteRange[], indexes: ByteRange[]}}
 */
function plan_parquetPlanGroup({ rowGroup, groupStart, groupRows, ranges, columns, useOffsetIndex = false, pageRanges, pageLocations }) {
  /** @type {ChunkPlan[]} */
  const chunks = []
  /** @type {ByteRange[]} */
  const fetches = []
  /** @type {ByteRange[]} */
  const indexes = []
  const narrowed = ranges.length > 1 || ranges[0][0] > 0 || ranges[0][1] < groupRows
  for (const chunk of rowGroup.columns) {
    const meta = chunk.meta_data
    if (chunk.file_path) throw new Error('parquet file_path not supported')
    if (!meta) throw new Error('parquet column metadata is undefined')
    if (columns && !columns.includes(meta.path_in_schema[0])) continue
    const columnOffset = meta.dictionary_page_offset || meta.data_page_offset
    const startByte = Number(columnOffset)
    const endByte = Number(columnOffset + meta.total_compressed_size)
    const chunkPageLocations = pageLocations?.[meta.path_in_schema.join('.')]

    if (chunkPageLocations && narrowed) {
      chunks.push({ columnMetadata: meta, pageLocations: chunkPageLocations, range: { startByte, endByte } })
    } else if ((useOffsetIndex || pageRanges) && chunk.offset_index_offset && chunk.offset_index_length && narrowed) {
      const startByte = Number(chunk.offset_index_offset)
      chunks.push({
        columnMetadata: meta,
        offsetIndex: { startByte, endByte: startByte + chunk.offset_index_length },
        range: { startByte: Number(columnOffset), endByte },
      })
    } else {
      chunks.push({ columnMetadata: meta, range: { startByte, endByte } })
    }
  }

  /** @type {ByteRange[]} */
  const columnRanges = []
  /** @type {ByteRange | undefined} */
  let run
  for (const chunk of chunks) {
    if ('pageLocations' in chunk) continue
    if ('offsetIndex' in chunk) {
      indexes.push(chunk.offsetIndex)
    } else if (columns) {
      columnRanges.push(chunk.range)
    } else if (run && chunk.range.endByte - run.startByte <= runLimit) {
      run.endByte = chunk.range.endByte
    } else {
      if (run) fetches.push(run)
      run = { ...chunk.range }
    }
  }
  if (run) fetches.push(run)
  // selected chunks are combined in file order, skipping only small gaps
  fetches.push(...coalesceByteRanges(columnRanges, columnGapLimit, runLimit))
  const groups = ranges.map(([selectStart, selectEnd]) => ({
    chunks,
    rowGroup,
    groupStart,
    groupRows,
    selectStart,
    selectEnd,
  }))
  return { groups, fetches, indexes }
}

/**
 * Merge candidate ranges when any selected column would read an overlapping
 * data page for both ranges. Unknown page layouts are merged conservatively.
 *
 * @param {PageRanges} ranges
 * @param {RowGroup} rowGroup
 * @param {string[] | undefined} columns
 * @param {Record<string, PageLocation[]> | undefined} pageLocations
 * @returns {PageRanges}
 */
function coalesceOverlappingPageRanges(ranges, rowGroup, columns, pageLocations) {
  const selectedPageLayouts = rowGroup.columns
    .filter(chunk => !columns || columns.includes(chunk.meta_data?.path_in_schema[0] || ''))
    .map(chunk => pageLocations?.[chunk.meta_data?.path_in_schema.join('.') || ''])

  /** @type {PageRanges} */
  const merged = []
  for (const range of ranges) {
    const last = merged[merged.length - 1]
    const overlapsPage = last && selectedPageLayouts.some(pages => {
      if (!pages) return true
      const lastPages = pagesForRange(last, pages, Number(rowGroup.num_rows))
      const rangePages = pagesForRange(range, pages, Number(rowGroup.num_rows))
      return lastPages[0] <= rangePages[1] && rangePages[0] <= lastPages[1]
    })
    if (last && overlapsPage) last[1] = range[1]
    else merged.push([...range])
  }
  return merged
}

/**
 * Return the inclusive indexes of the first and last pages overlapping a row
 * range. Offset indexes cover every row, so a valid range always finds a page.
 *
 * @param {[number, number]} range
 * @param {PageLocation[]} pages
 * @param {number} groupRows
 * @returns {[number, number]}
 */
function pagesForRange([rangeStart, rangeEnd], pages, groupRows) {
  let first = Infinity
  let last = -Infinity
  for (let i = 0; i < pages.length; i++) {
    const pageStart = Number(pages[i].first_row_index)
    const pageEnd = i + 1 < pages.length ? Number(pages[i + 1].first_row_index) : groupRows
    if (pageEnd > rangeStart && pageStart < rangeEnd) {
      first = Math.min(first, i)
      last = i
    }
  }
  return [first, last]
}

/**
 * Fetch bloom filters for $eq / $in columns of row groups not already provably
 * skippable by statistics alone. Returns an array indexed by row-group ordinal;
 * each entry maps top-level column name → BloomFilter for any chunk whose
 * bloom filter we were able to parse. Adds one round-trip when at least one
 * bloom filter is fetched; otherwise returns synchronously.
 *
 * @param {object} options
 * @param {AsyncBuffer} options.file
 * @param {FileMetaData} options.metadata
 * @param {ParquetQueryFilter} options.filter
 * @param {boolean} [options.filterStrict]
 * @returns {Promise<Record<string, BloomFilter>[]>}
 */
async function prefetchBloomFilters({ file, metadata, filter, filterStrict = true }) {
  const result = metadata.row_groups.map(() => /** @type {Record<string, BloomFilter>} */ ({}))
  const eligibleCols = bloomEligibleColumns(filter)
  if (eligibleCols.size === 0) return result
  const physicalColumns = getPhysicalColumns(metadata_parquetSchema(metadata))

  /** @type {Promise<void>[]} */
  const tasks = []
  metadata.row_groups.forEach((rowGroup, rgIdx) => {
    if (canSkipRowGroup({ rowGroup, physicalColumns, filter, strict: filterStrict })) return
    for (const colName of eligibleCols) {
      const columnIdx = physicalColumns.indexOf(colName)
      if (columnIdx === -1) continue
      const meta = rowGroup.columns[columnIdx]?.meta_data
      if (!meta?.bloom_filter_offset || !meta.bloom_filter_length) continue
      const start = Number(meta.bloom_filter_offset)
      const end = start + meta.bloom_filter_length
      tasks.push((async () => {
        const buffer = await file.slice(start, end)
        const bloom = readBloomFilter({ view: new DataView(buffer), offset: 0 })
        if (bloom) result[rgIdx][colName] = bloom
      })())
    }
  })

  if (tasks.length) await Promise.all(tasks)
  return result
}

/**
 * Fetch page indexes (column index + offset index) for filter columns of row
 * groups that survive row-group-level pruning, and compute candidate row
 * ranges per group from the per-page min/max statistics.
 *
 * Returns pageRangesByGroup indexed by row-group ordinal: sorted disjoint
 * [start, end) row ranges (relative to the group) that could match the filter.
 * An empty array means the group provably contains no matching rows; undefined
 * means no page-level information was available for that group.
 * Also returns pageLocationsByGroup, mapping row-group ordinals and physical
 * leaf paths to page locations, so the read path can reuse the parsed offset
 * indexes without refetching them.
 *
 * @param {object} options
 * @param {AsyncBuffer} options.file
 * @param {FileMetaData} options.metadata
 * @param {ParquetQueryFilter} [options.filter]
 * @param {boolean} [options.filterStrict]
 * @param {number} [options.rowStart]
 * @param {number} [options.rowEnd]
 * @param {string[]} [options.columns]
 * @param {Record<string, BloomFilter>[]} [options.bloomFiltersByGroup]
 * @param {Record<string, SchemaElement>} [options.schemaElements]
 * @param {Partial<ParquetParsers>} [options.parsers]
 * @returns {Promise<{pageRangesByGroup: (PageRanges | undefined)[], pageLocationsByGroup: Record<string, PageLocation[]>[]}>}
 */
async function prefetchPageIndexes({ file, metadata, filter, filterStrict = true, rowStart = 0, rowEnd = Infinity, columns, bloomFiltersByGroup, schemaElements, parsers }) {
  /** @type {(PageRanges | undefined)[]} */
  const pageRangesByGroup = metadata.row_groups.map(() => undefined)
  const pageLocationsByGroup = metadata.row_groups.map(() => /** @type {Record<string, PageLocation[]>} */ ({}))
  if (filter && '$nor' in filter && Array.isArray(filter.$nor)) {
    return { pageRangesByGroup, pageLocationsByGroup }
  }
  const filterColumns = pathsNeededForFilter(filter)
  if (!filterColumns.length) return { pageRangesByGroup, pageLocationsByGroup }
  const schemaTree = metadata_parquetSchema(metadata)
  const physicalColumns = getPhysicalColumns(schemaTree)
  const elementsByPath = {
    ...physicalSchemaElements(schemaTree),
    ...schemaElements,
  }

  /** @type {ByteRange[]} */
  const indexRanges = []
  /** @type {((file: AsyncBuffer) => Promise<void>)[]} */
  const indexTasks = []
  /** @type {{rgIdx: number, groupRows: number, columnPages: Record<string, ColumnPageStats>}[]} */
  const candidateGroups = []
  let groupStart = 0
  metadata.row_groups.forEach((rowGroup, rgIdx) => {
    const groupRows = Number(rowGroup.num_rows)
    const groupEnd = groupStart + groupRows
    const overlaps = groupRows > 0 && groupEnd > rowStart && groupStart < rowEnd
    groupStart = groupEnd
    if (!overlaps) return
    if (canSkipRowGroup({ rowGroup, physicalColumns, filter, strict: filterStrict, bloomFilters: bloomFiltersByGroup?.[rgIdx], schemaElements: elementsByPath })) return

    /** @type {Record<string, ColumnPageStats>} */
    const columnPages = {}
    let columnTaskCount = 0
    const scheduledOffsetPaths = new Set()
    let hasFilterIndex = false
    for (const columnName of filterColumns) {
      const columnIdx = physicalColumns.indexOf(columnName)
      if (columnIdx === -1) continue
      const chunk = rowGroup.columns[columnIdx]
      const meta = chunk?.meta_data
      if (!meta) continue
      if (!chunk.column_index_offset || !chunk.column_index_length) continue
      if (!chunk.offset_index_offset || !chunk.offset_index_length) continue
      const element = elementsByPath[columnName]
      if (!element) continue
      hasFilterIndex = true
      scheduledOffsetPaths.add(columnName)
      const columnIndexStart = Number(chunk.column_index_offset)
      const offsetIndexStart = Number(chunk.offset_index_offset)
      const columnIndexEnd = columnIndexStart + chunk.column_index_length
      const offsetIndexEnd = offsetIndexStart + chunk.offset_index_length
      indexRanges.push(
        { startByte: columnIndexStart, endByte: columnIndexEnd },
        { startByte: offsetIndexStart, endByte: offsetIndexEnd }
      )
      columnTaskCount++
      indexTasks.push(async prefetchedFile => {
        const [columnIndexBuffer, offsetIndexBuffer] = await Promise.all([
          prefetchedFile.slice(columnIndexStart, columnIndexEnd),
          prefetchedFile.slice(offsetIndexStart, offsetIndexEnd),
        ])
        const columnIndex = readColumnIndex({ view: new DataView(columnIndexBuffer), offset: 0 }, element, parsers)
        const offsetIndex = readOffsetIndex({ view: new DataView(offsetIndexBuffer), offset: 0 })
        pageLocationsByGroup[rgIdx][columnName] = offsetIndex.page_locations
        columnPages[columnName] = {
          minValues: columnIndex.min_values,
          maxValues: columnIndex.max_values,
          nullPages: columnIndex.null_pages,
          nullCounts: columnIndex.null_counts,
          pageStarts: offsetIndex.page_locations.map(page => Number(page.first_row_index)),
          element,
        }
      })
    }
    // Candidate ranges are shared by every selected column. Load their offset
    // indexes too so the planner can merge ranges that map to the same coarse
    // page instead of fetching and decoding that page more than once.
    if (hasFilterIndex) {
      for (const chunk of rowGroup.columns) {
        const meta = chunk.meta_data
        if (!meta) continue
        const columnName = meta.path_in_schema[0]
        const columnPath = meta.path_in_schema.join('.')
        if (columns && !columns.includes(columnName)) continue
        if (scheduledOffsetPaths.has(columnPath)) continue
        if (!chunk.offset_index_offset || !chunk.offset_index_length) continue
        scheduledOffsetPaths.add(columnPath)
        const offsetIndexStart = Number(chunk.offset_index_offset)
        const offsetIndexEnd = offsetIndexStart + chunk.offset_index_length
        indexRanges.push({ startByte: offsetIndexStart, endByte: offsetIndexEnd })
        columnTaskCount++
        indexTasks.push(async prefetchedFile => {
          const offsetIndexBuffer = await prefetchedFile.slice(offsetIndexStart, offsetIndexEnd)
          const offsetIndex = readOffsetIndex({ view: new DataView(offsetIndexBuffer), offset: 0 })
          pageLocationsByGroup[rgIdx][columnPath] = offsetIndex.page_locations
        })
      }
    }
    if (columnTaskCount) {
      candidateGroups.push({ rgIdx, groupRows, columnPages })
    }
  })

  if (indexTasks.length) {
    const prefetchedFile = prefetchAsyncBuffer(file, { fetches: coalesceByteRanges(indexRanges) })
    await Promise.all(indexTasks.map(task => task(prefetchedFile)))
    for (const { rgIdx, groupRows, columnPages } of candidateGroups) {
      pageRangesByGroup[rgIdx] = filterPageRanges(filter, columnPages, groupRows, filterStrict)
    }
  }
  return { pageRangesByGroup, pageLocationsByGroup }
}

/**
 * Merge overlapping or touching byte ranges. By default no bytes are added;
 * pass maxGap to also merge ranges separated by up to maxGap unrequested bytes,
 * as long as the merged range stays within maxSize.
 *
 * @param {ByteRange[]} ranges
 * @param {number} [maxGap]
 * @param {number} [maxSize]
 * @returns {ByteRange[]}
 */
function coalesceByteRanges(ranges, maxGap = 0, maxSize = Infinity) {
  const sorted = ranges
    .map(range => ({ ...range }))
    .sort((a, b) => a.startByte - b.startByte || a.endByte - b.endByte)
  /** @type {ByteRange[]} */
  const merged = []
  for (const range of sorted) {
    const last = merged[merged.length - 1]
    if (last && range.startByte <= last.endByte + maxGap && Math.max(last.endByte, range.endByte) - last.startByte <= maxSize) {
      last.endByte = Math.max(last.endByte, range.endByte)
    } else {
      merged.push(range)
    }
  }
  return merged
}

/**
 * Build a lookup from physical paths to leaf schema elements.
 *
 * @param {SchemaTree} schemaTree
 * @returns {Record<string, SchemaElement>}
 */
function physicalSchemaElements(schemaTree) {
  /** @type {Record<string, SchemaElement>} */
  const elements = {}
  /** @param {SchemaTree} node */
  function traverse(node) {
    if (node.children.length) {
      for (const child of node.children) traverse(child)
    } else {
      elements[node.path.join('.')] = node.element
    }
  }
  traverse(schemaTree)
  return elements
}

/**
 * Prefetch byte ranges from an AsyncBuffer.
 *
 * @param {AsyncBuffer} file
 * @param {{fetches: ByteRange[]}} options
 * @returns {AsyncBuffer}
 */
function prefetchAsyncBuffer(file, { fetches }) {
  // fetch byte ranges from the file
  const promises = fetches.map(({ startByte, endByte }) => file.slice(startByte, endByte))
  return {
    byteLength: file.byteLength,
    slice(start, end = file.byteLength) {
      // find matching slice
      const index = fetches.findIndex(({ startByte, endByte }) => startByte <= start && end <= endByte)
      if (index < 0) {
        // fallback to direct read
        return file.slice(start, end)
      }
      if (fetches[index].startByte !== start || fetches[index].endByte !== end) {
        // slice a subrange of the prefetch
        const startOffset = start - fetches[index].startByte
        const endOffset = end - fetches[index].startByte
        if (promises[index] instanceof Promise) {
          return promises[index].then(buffer => buffer.slice(startOffset, endOffset))
        } else {
          return promises[index].slice(startOffset, endOffset)
        }
      } else {
        return promises[index]
      }
    },
  }
}

;// CONCATENATED MODULE: ./node_modules/hyparquet/src/scan.js
/**
 * @import {AsyncRowGroup, BaseParquetReadOptions, BloomFilter, DecodedArray, PageLocation, PageRanges, ParquetScan, ParquetScanOptions, QueryPlan, SchemaElement} from '../src/types.js'
 */

/**
 * @typedef {BaseParquetReadOptions & {
 *   bloomFiltersByGroup?: Record<string, BloomFilter>[],
 *   schemaElements?: Record<string, SchemaElement>,
 *   pageRangesByGroup?: (PageRanges | undefined)[],
 *   pageLocationsByGroup?: Record<string, PageLocation[]>[],
 * }} PreparedParquetReadOptions
 */







/**
 * Prepare a lazy column-oriented scan of a parquet file.
 *
 * The returned ranges are physical, zero-based row ranges in the file. A
 * `pruningFilter` may narrow them using row-group statistics, bloom filters,
 * and page indexes, but does not filter individual values returned by
 * `readColumn`. This makes the scan suitable for query engines that maintain
 * their own row selections while retaining parquet-level I/O pushdown.
 *
 * `columns`, when supplied, limits the columns available to `readColumn`.
 * Columns referenced by `pruningFilter` are included automatically.
 *
 * @param {ParquetScanOptions} options
 * @returns {Promise<ParquetScan>}
 */
async function parquetScan(options) {
  options.metadata ??= await parquetMetadataAsync(options.file, options)
  const { pruningFilter, ...readOptions } = options
  let { columns } = readOptions
  if (columns && pruningFilter) {
    const selectedColumns = new Set(columns)
    const extraColumns = columnsNeededForFilter(pruningFilter)
      .filter(column => !selectedColumns.has(column))
    if (extraColumns.length) columns = [...columns, ...extraColumns]
  }
  const preparedOptions = await prepareParquetOptions({
    ...readOptions,
    columns,
    filter: pruningFilter,
    useOffsetIndex: readOptions.useOffsetIndex ?? true,
  })
  const { metadata } = preparedOptions
  if (!metadata) throw new Error('parquet requires metadata')

  const schemaTree = parquetSchema(metadata)
  const availableColumns = new Set(columns ?? schemaTree.children.map(child => child.element.name))
  const plan = parquetPlanGroups(preparedOptions)
  const candidates = plan.groups.flatMap(group => group.ranges.map(([selectStart, selectEnd]) => ({
    rowStart: group.groupStart + selectStart,
    rowEnd: group.groupStart + selectEnd,
    group,
  })))
  const ranges = candidates.map(({ rowStart, rowEnd }) => ({ rowStart, rowEnd }))
  /** @type {Map<string, {rowStart: number, rowEnd: number, data: Promise<DecodedArray>}>} */
  const cache = new Map()

  /**
   * @param {import('../src/types.js').ParquetScanColumnOptions} columnOptions
   * @returns {Promise<DecodedArray>}
   */
  function readColumn({ column, rowStart, rowEnd }) {
    if (!availableColumns.has(column)) {
      throw new Error(`parquet column not found in scan: ${column}`)
    }
    validateRange(rowStart, rowEnd)
    if (rowStart === rowEnd) return Promise.resolve([])
    const candidateIndex = findCandidate(candidates, rowStart, rowEnd)
    if (candidateIndex < 0) {
      throw new RangeError(`parquet row range [${rowStart}, ${rowEnd}) is outside scan ranges`)
    }
    const { group } = candidates[candidateIndex]

    const cached = cache.get(column)
    if (cached && rowStart >= cached.rowStart && rowEnd <= cached.rowEnd) {
      return cached.data.then(data => sliceDecodedArray(
        data,
        rowStart - cached.rowStart,
        rowEnd - cached.rowStart
      ))
    }

    const data = readColumnRange({
      options: preparedOptions,
      schemaTree,
      group,
      column,
      rowStart,
      rowEnd,
    })
    cache.set(column, { rowStart, rowEnd, data })
    return data
  }

  return {
    metadata,
    ranges,
    readColumn,
  }
}

/**
 * Load optional indexes and build the canonical physical read plan.
 * Shared by row-oriented reads and lazy scans so pruning behavior cannot
 * diverge between APIs.
 *
 * @param {BaseParquetReadOptions} options
 * @returns {Promise<{options: PreparedParquetReadOptions, plan: QueryPlan}>}
 */
async function scan_prepareParquetRead(options) {
  const prepared = await prepareParquetOptions(options)
  return {
    options: prepared,
    plan: plan_parquetPlan(prepared),
  }
}

/**
 * Load optional indexes and validate read options without planning data reads.
 *
 * @param {BaseParquetReadOptions} options
 * @returns {Promise<PreparedParquetReadOptions>}
 */
async function prepareParquetOptions(options) {
  const metadata = options.metadata ?? await metadata_parquetMetadataAsync(options.file, options)
  const schemaColumns = metadata_parquetSchema(metadata).children.map(child => child.element.name)
  const filterColumns = filter_columnsNeededForFilter(options.filter)
  const missingFilterColumns = filterColumns.filter(column => !schemaColumns.includes(column))
  if (missingFilterColumns.length) {
    throw new Error(`parquet filter columns not found: ${missingFilterColumns.join(', ')}`)
  }

  if (options.columns) {
    const missingColumns = options.columns.filter(column => !schemaColumns.includes(column))
    if (missingColumns.length) throw new Error(`parquet column not found: ${missingColumns[0]}`)
  }

  /** @type {PreparedParquetReadOptions} */
  let prepared = { ...options, metadata }
  prepared = await withBloomFilters(prepared)
  prepared = await withPageIndexes(prepared)
  return prepared
}

/**
 * Read all planned row groups, prefetching their coalesced byte ranges.
 *
 * @param {BaseParquetReadOptions} options
 * @param {QueryPlan} plan
 * @returns {AsyncRowGroup[]}
 */
function scan_readParquetPlan(options, plan) {
  const readOptions = { ...options, file: prefetchAsyncBuffer(options.file, plan) }
  return plan.groups.map(group => readRowGroup(readOptions, plan, group))
}

/**
 * @param {object} input
 * @param {PreparedParquetReadOptions} input.options
 * @param {import('../src/types.js').SchemaTree} input.schemaTree
 * @param {ReturnType<typeof parquetPlanGroups>['groups'][number]} input.group
 * @param {string} input.column
 * @param {number} input.rowStart
 * @param {number} input.rowEnd
 * @returns {Promise<DecodedArray>}
 */
async function readColumnRange({ options, schemaTree, group, column, rowStart, rowEnd }) {
  const columnOptions = {
    ...options,
    columns: [column],
    filter: undefined,
    rowStart,
    rowEnd,
    useBloomFilters: false,
    useOffsetIndex: options.useOffsetIndex ?? true,
    usePageIndex: false,
    pageRangesByGroup: undefined,
  }
  const columnPlan = planCandidateColumn({ options, group, column, rowStart, rowEnd })
  const [asyncGroup] = scan_readParquetPlan(columnOptions, columnPlan)
  if (!asyncGroup) throw new Error('parquet scan range not planned')
  const assembled = assembleAsync(asyncGroup, schemaTree, options.parsers)
  const asyncColumn = assembled.asyncColumns.find(child => child.pathInSchema[0] === column)
  if (!asyncColumn) throw new Error(`parquet column not found: ${column}`)
  const result = await asyncColumn.data
  const data = flatten(result.data)
  const selectStart = assembled.selectStart ?? rowStart - assembled.groupStart
  const selectEnd = assembled.selectEnd ?? rowEnd - assembled.groupStart
  return sliceDecodedArray(data, selectStart - result.skipped, selectEnd - result.skipped)
}

/**
 * Build a one-column plan from a retained candidate without scanning the
 * file's row groups again.
 *
 * @param {object} input
 * @param {PreparedParquetReadOptions} input.options
 * @param {ReturnType<typeof parquetPlanGroups>['groups'][number]} input.group
 * @param {string} input.column
 * @param {number} input.rowStart
 * @param {number} input.rowEnd
 * @returns {QueryPlan}
 */
function planCandidateColumn({ options, group, column, rowStart, rowEnd }) {
  if (!options.metadata) throw new Error('parquet requires metadata')
  const localPlan = parquetPlanGroup({
    rowGroup: group.rowGroup,
    groupStart: group.groupStart,
    groupRows: group.groupRows,
    ranges: [[rowStart - group.groupStart, rowEnd - group.groupStart]],
    columns: [column],
    useOffsetIndex: options.useOffsetIndex ?? true,
    pageLocations: group.pageLocations,
  })
  const [localGroupPlan] = localPlan.groups
  if (!localGroupPlan) throw new Error(`parquet column not found: ${column}`)
  return {
    metadata: options.metadata,
    rowStart,
    rowEnd,
    columns: [column],
    fetches: [...localPlan.fetches, ...localPlan.indexes],
    groups: [localGroupPlan],
  }
}

/**
 * Find the one candidate that fully contains a requested non-empty range.
 * Candidates are sorted and disjoint, so lookup is logarithmic.
 *
 * @param {{rowStart: number, rowEnd: number}[]} candidates
 * @param {number} rowStart
 * @param {number} rowEnd
 * @returns {number}
 */
function findCandidate(candidates, rowStart, rowEnd) {
  let low = 0
  let high = candidates.length - 1
  while (low <= high) {
    const middle = Math.floor((low + high) / 2)
    const candidate = candidates[middle]
    if (rowStart < candidate.rowStart) {
      high = middle - 1
    } else if (rowStart >= candidate.rowEnd) {
      low = middle + 1
    } else {
      return rowEnd <= candidate.rowEnd ? middle : -1
    }
  }
  return -1
}

/**
 * @param {number} rowStart
 * @param {number} rowEnd
 */
function validateRange(rowStart, rowEnd) {
  if (!Number.isSafeInteger(rowStart) || rowStart < 0) {
    throw new RangeError('parquet rowStart must be a non-negative safe integer')
  }
  if (!Number.isSafeInteger(rowEnd) || rowEnd < rowStart) {
    throw new RangeError('parquet rowEnd must be a safe integer greater than or equal to rowStart')
  }
}

/**
 * Return an exact view over decoded values. Typed arrays retain a zero-copy
 * subarray while ordinary arrays use their native slice.
 *
 * @param {DecodedArray} data
 * @param {number} start
 * @param {number} end
 * @returns {DecodedArray}
 */
function sliceDecodedArray(data, start, end) {
  if (start === 0 && end === data.length) return data
  return Array.isArray(data) ? data.slice(start, end) : data.subarray(start, end)
}

/**
 * Conditionally fetch bloom filters and attach them to planner options.
 *
 * @param {PreparedParquetReadOptions} options
 * @returns {Promise<PreparedParquetReadOptions>}
 */
async function withBloomFilters(options) {
  if (!options.useBloomFilters || !options.filter || !options.metadata) return options
  const schemaTree = metadata_parquetSchema(options.metadata)
  /** @type {Record<string, SchemaElement>} */
  const schemaElements = {}
  for (const child of schemaTree.children) schemaElements[child.element.name] = child.element
  const bloomFiltersByGroup = await prefetchBloomFilters({
    file: options.file,
    metadata: options.metadata,
    filter: options.filter,
    filterStrict: options.filterStrict,
  })
  return { ...options, bloomFiltersByGroup, schemaElements }
}

/**
 * Conditionally fetch page indexes and attach candidate ranges and layouts.
 *
 * @param {PreparedParquetReadOptions} options
 * @returns {Promise<PreparedParquetReadOptions>}
 */
async function withPageIndexes(options) {
  if (!options.usePageIndex || !options.filter || !options.metadata) return options
  const { pageRangesByGroup, pageLocationsByGroup } = await prefetchPageIndexes({
    file: options.file,
    metadata: options.metadata,
    filter: options.filter,
    filterStrict: options.filterStrict,
    rowStart: options.rowStart,
    rowEnd: options.rowEnd,
    columns: options.columns,
    bloomFiltersByGroup: options.bloomFiltersByGroup,
    schemaElements: options.schemaElements,
    parsers: options.parsers,
  })
  return { ...options, pageRangesByGroup, pageLocationsByGroup }
}

;// CONCATENATED MODULE: ./node_modules/hyparquet/src/read.js
/**
 * @import {AsyncRowGroup, BaseParquetReadOptions, DecodedArray, ParquetReadOptions, ParquetRow} from '../src/types.js'
 */








/**
 * Symbol for the absolute, zero-based physical position of an object row.
 * @type {typeof import('../src/types.js').rowIndex}
 */
// eslint-disable-next-line no-extra-parens
const rowIndex = /** @type {typeof import('../src/types.js').rowIndex} */ (Symbol('rowIndex'))

/**
 * Read parquet data rows from a file-like object.
 * Reads the minimal number of row groups and columns to satisfy the request.
 *
 * Returns a void promise when complete.
 * Errors are thrown on the returned promise.
 * Data is returned in callbacks onComplete, onChunk, onPage, NOT the return promise.
 * See parquetReadObjects for a more convenient API.
 *
 * @param {ParquetReadOptions} options read options
 * @returns {Promise<void>} resolves when all requested rows and columns are parsed, all errors are thrown here
 */
async function parquetRead(options) {
  // load metadata if not provided
  options.metadata ??= await metadata_parquetMetadataAsync(options.file, options)

  const { rowStart = 0, rowEnd, columns, onChunk, onComplete, rowFormat, filter, filterStrict = true } = options

  // Filter requires object format to match column names
  if (filter && rowFormat !== 'object') {
    throw new Error('parquet filter requires rowFormat: "object"')
  }

  if (options.includeRowIndex && rowFormat !== 'object') {
    throw new Error('parquet includeRowIndex requires rowFormat: "object"')
  }

  const filterColumns = filter_columnsNeededForFilter(filter)
  let readColumns = columns
  if (columns && filterColumns.length) {
    const selectedColumns = new Set(columns)
    const extraColumns = filterColumns.filter(column => !selectedColumns.has(column))
    if (extraColumns.length) readColumns = [...columns, ...extraColumns]
  }
  const readOptions = readColumns === columns ? options : { ...options, columns: readColumns }
  const prepared = await scan_prepareParquetRead(readOptions)
  const preparedOptions = prepared.options
  const requiresProjection = readColumns !== columns
  const asyncGroups = scan_readParquetPlan(preparedOptions, prepared.plan)

  // skip assembly if no onComplete or onChunk, but wait for reading to finish
  if (!onComplete && !onChunk) {
    await awaitAllColumns(asyncGroups)
    return
  }

  // assemble struct columns
  if (!preparedOptions.metadata) throw new Error('parquet requires metadata')
  const schemaTree = metadata_parquetSchema(preparedOptions.metadata)
  const assembled = asyncGroups.map(arg => rowgroup_assembleAsync(arg, schemaTree, options.parsers))

  // onChunk emit all chunks (don't await). Rejection is surfaced by awaitAllColumns below.
  if (onChunk) {
    for (const asyncGroup of assembled) {
      for (const asyncColumn of asyncGroup.asyncColumns) {
        asyncColumn.data.then(({ data, skipped }) => {
          let rowStart = asyncGroup.groupStart + skipped
          for (const columnData of data) {
            onChunk({
              columnName: asyncColumn.pathInSchema[0],
              columnData,
              rowStart,
              rowEnd: rowStart + columnData.length,
            })
            rowStart += columnData.length
          }
        }, () => {})
      }
    }
  }

  // onComplete transpose column chunks to rows
  if (onComplete) {
    // wait for all reads to settle so a sibling rejection cannot leak
    await awaitAllColumns(assembled)
    // loosen the types to avoid duplicate code
    /** @type {any[]} */
    const rows = []
    for (const asyncGroup of assembled) {
      // filter to rows in range (the plan may have narrowed the selection to
      // a sub-range of the group via page index pushdown)
      const selectStart = asyncGroup.selectStart ?? Math.max(rowStart - asyncGroup.groupStart, 0)
      const selectEnd = asyncGroup.selectEnd ?? Math.min((rowEnd ?? Infinity) - asyncGroup.groupStart, asyncGroup.groupRows)
      // transpose column chunks to rows in output
      const groupData = rowFormat === 'object' ?
        await asyncGroupToRows(asyncGroup, selectStart, selectEnd, readColumns, 'object') :
        await asyncGroupToRows(asyncGroup, selectStart, selectEnd, columns, 'array')

      // Attach positions before filtering compacts rows. selectStart accounts
      // for both requested ranges and page-index pruning within the group.
      if (options.includeRowIndex) {
        for (let i = 0; i < groupData.length; i++) {
          Object.defineProperty(groupData[i], rowIndex, {
            value: asyncGroup.groupStart + selectStart + i,
          })
        }
      }

      // Apply filter and projection
      if (filter) {
        // eslint-disable-next-line no-extra-parens
        for (const row of /** @type {Record<string, any>[]} */ (groupData)) {
          if (matchFilter(row, filter, filterStrict)) {
            if (requiresProjection && columns) {
              for (const col of filterColumns) {
                if (!columns.includes(col)) delete row[col]
              }
            }
            rows.push(row)
          }
        }
      } else {
        utils_concat(rows, groupData)
      }
    }
    onComplete(rows)
  } else {
    // wait for all async groups to finish (complete takes care of this)
    await awaitAllColumns(assembled)
  }
}

/**
 * Await every column promise across the given row groups via Promise.allSettled
 * so no rejection escapes as an unhandledRejection. Throws the first rejection.
 *
 * @param {AsyncRowGroup[]} asyncGroups
 * @returns {Promise<void>}
 */
async function awaitAllColumns(asyncGroups) {
  const all = asyncGroups.flatMap(g => g.asyncColumns.map(c => c.data))
  const results = await Promise.allSettled(all)
  const failed = results.find(r => r.status === 'rejected')
  if (failed) throw failed.reason
}

/**
 * @param {ParquetReadOptions} options read options
 * @returns {AsyncRowGroup[]}
 */
function parquetReadAsync(options) {
  if (!options.metadata) throw new Error('parquet requires metadata')
  // TODO: validate options (start, end, columns, etc)
  return readParquetPlan(options, parquetPlan(options))
}

/**
 * Reads a single column from a parquet file.
 *
 * @param {BaseParquetReadOptions} options
 * @returns {Promise<DecodedArray>}
 */
async function parquetReadColumn(options) {
  if (options.columns?.length !== 1) {
    throw new Error('parquetReadColumn expected columns: [columnName]')
  }
  options.metadata ??= await parquetMetadataAsync(options.file, options)
  const column = options.columns[0]
  const prepared = await prepareParquetRead(options)
  const asyncGroups = readParquetPlan(prepared.options, prepared.plan)
  if (!prepared.options.metadata) throw new Error('parquet requires metadata')
  const schemaTree = parquetSchema(prepared.options.metadata)
  const assembled = asyncGroups.map(group => assembleAsync(group, schemaTree, options.parsers))

  // Keep one plan for the whole column so reads can be prefetched together.
  await awaitAllColumns(assembled)
  /** @type {DecodedArray} */
  const columnData = []
  for (const group of assembled) {
    const asyncColumn = group.asyncColumns.find(candidate => candidate.pathInSchema[0] === column)
    if (!asyncColumn) throw new Error(`parquet column not found: ${column}`)
    const { data } = await asyncColumn.data
    for (const chunk of data) concat(columnData, chunk)
  }
  return columnData
}

/**
 * This is a helper function to read parquet row data as a promise.
 * It is a wrapper around the more configurable parquetRead function.
 *
 * @param {Omit<ParquetReadOptions, 'onComplete'>} options
 * @returns {Promise<ParquetRow[]>} resolves when all requested rows and columns are parsed
 */
function parquetReadObjects(options) {
  return new Promise((onComplete, reject) => {
    parquetRead({
      ...options,
      rowFormat: 'object', // force object output
      onComplete,
    }).catch(reject)
  })
}

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:stream"
const external_node_stream_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");
;// CONCATENATED MODULE: external "node:string_decoder"
const external_node_string_decoder_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:string_decoder");
;// CONCATENATED MODULE: ./src/read/source.ts
/**
 * Opens a prediction source as a stream of UTF-8 text chunks: from disk or memory, gunzipped when it is gzip
 * (by the `.gz` extension or the magic bytes 1f 8b), with a leading byte-order mark removed. Every failure is an
 * InputError naming the file. With `maxUnpackedBytes`, the bytes after the gzip layer (or the plain bytes) are
 * counted as they come and the read stops as soon as they pass it: at most one chunk (1 MiB) past the cap is held.
 */






const CHUNK = 1 << 20;
/** Text chunks of the source, in order: its bytes ({@link byteChunks}) decoded as UTF-8 across chunk ends. */
async function* textChunks(source, gzipByName) {
    const decoder = new external_node_string_decoder_namespaceObject.StringDecoder('utf8');
    for await (const chunk of byteChunks(source, gzipByName)) {
        const text = decoder.write(chunk);
        if (text.length > 0)
            yield text;
    }
    const rest = decoder.end();
    if (rest.length > 0)
        yield rest;
}
const BOM = [0xef, 0xbb, 0xbf];
/**
 * Byte chunks of the source, in order, gunzipped, without a leading UTF-8 byte-order mark (EF BB BF, the bytes of
 * the U+FEFF that {@link textChunks} would otherwise start with). Chunks are 1 MiB except the last.
 */
async function* byteChunks(source, gzipByName) {
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
        /** The file's first bytes while fewer than 3 have come (a byte-order mark may span chunks); null after. */
        let head = Buffer.alloc(0);
        for await (const raw of (gzip ? gunzip(stream) : stream)) {
            total += raw.length;
            if (cap !== undefined && total > cap)
                throw tooBig(source, gzip, cap);
            let chunk = raw;
            if (head !== null) {
                chunk = head.length === 0 ? raw : Buffer.concat([head, raw]);
                if (chunk.length < BOM.length && BOM.slice(0, chunk.length).every((b, i) => chunk[i] === b)) {
                    head = chunk;
                    continue;
                }
                head = null;
                if (chunk[0] === BOM[0] && chunk[1] === BOM[1] && chunk[2] === BOM[2])
                    chunk = chunk.subarray(3);
            }
            if (chunk.length > 0)
                yield chunk;
        }
        if (head !== null && head.length > 0)
            yield head;
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
/** A file's read error as an InputError naming the file: not found, a directory, no permission, bad gzip, other. */
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

;// CONCATENATED MODULE: ./src/read/parquet.ts
/**
 * Parquet (docs/scale.md): the same fields and the same errors as the text formats, with the 1-based row where they
 * give a line (`candidate.parquet: row 17: field "prediction" is missing`, src/common/errors.ts `isRowNumbered`).
 *
 * Read with hyparquet (pure JavaScript), one row group at a time: only the columns the row builder names are
 * read, and memory holds one row group of them (a writer's row group: DuckDB 122,880 rows, Spark ~128 MB) plus
 * the file's footer. From a path the bytes are read by range (a row group's column chunks), from memory
 * (`PredictionSource.data`, an artifact's file) they are sliced.
 *
 * Values handed to the builder, as a JSON reader would: strings (BYTE_ARRAY UTF8, enums, dictionary-encoded or
 * not) as strings; INT32, FLOAT, DOUBLE, DECIMAL as numbers; INT64 as a number when it is a safe integer
 * (|x| ≤ 2⁵³ − 1), else as its exact decimal text (an id 2⁶⁰ stays exact and pairs with the same id written as
 * text); BOOLEAN as a boolean; a null (an OPTIONAL column's missing value) as an absent field, so a null
 * prediction is `is missing`, as in JSON Lines; a struct or a MAP (and a JSON-annotated string) as an object
 * (a `scores` column: label → probability); a LIST as an array. Dates and timestamps are objects, which no field
 * takes.
 *
 * Limits: `maxUnpackedBytes` bounds the file's size (in memory) and the uncompressed size of the columns read,
 * as the footer gives it, before anything is decompressed; a text value longer than the row limit is refused.
 * Compression: UNCOMPRESSED and SNAPPY (hyparquet's own), GZIP and BROTLI (node:zlib, each page capped at the
 * size its header gives), ZSTD where Node has it (22.15 and later); LZ4 is refused with a message.
 */







/**
 * Reads a Parquet file's rows into `rows`: the cells of `rows.columns` in order, one row group at a time.
 * Cost: O(rows × columns read) time; memory one row group of those columns.
 */
async function readParquet(source, rows, limit) {
    markRowNumbered(source.name);
    const file = await openSource(source);
    try {
        const metadata = await footer(source, file.buffer);
        const present = new Set(metadata_parquetSchema(metadata).children.map((c) => c.element.name));
        const names = rows.columns.map((c) => c.name);
        for (const column of rows.columns) {
            if (column.required && !present.has(column.name)) {
                throw new InputError(source.name, null, column.name, `is missing from the columns (columns: ${parquet_listColumns([...present])})`);
            }
        }
        const read = [...new Set(names.filter((n) => present.has(n)))];
        if (rows.otherColumn)
            for (const name of present)
                if (!names.includes(name))
                    rows.otherColumn(name);
        checkUnpacked(source, metadata, read);
        const cells = new Array(names.length);
        let groupStart = 0;
        for (const group of metadata.row_groups) {
            const groupRows = Number(group.num_rows);
            const data = new Map();
            if (groupRows > 0 && read.length > 0) {
                for (const name of read)
                    data.set(name, new Array(groupRows));
                await parquetRead({
                    file: file.buffer,
                    metadata,
                    columns: read,
                    rowStart: groupStart,
                    rowEnd: groupStart + groupRows,
                    compressors: COMPRESSORS,
                    onChunk(chunk) {
                        const target = data.get(chunk.columnName);
                        if (!target)
                            return;
                        const values = chunk.columnData;
                        for (let i = 0; i < values.length; i++) {
                            const at = chunk.rowStart - groupStart + i;
                            if (at >= 0 && at < groupRows)
                                target[at] = values[i];
                        }
                    }
                }).catch((error) => {
                    throw parquetError(source, error);
                });
            }
            const columns = names.map((n) => data.get(n) ?? null);
            for (let r = 0; r < groupRows; r++) {
                const rowNo = groupStart + r + 1;
                for (let k = 0; k < columns.length; k++) {
                    const column = columns[k];
                    cells[k] = column === null ? undefined : cellOf(column[r], source.name, rowNo, names[k], limit);
                }
                rows.add(rowNo, cells);
            }
            groupStart += groupRows;
        }
    }
    finally {
        await file.close();
    }
}
/**
 * A Parquet value as the builders take it (see the module's comment).
 * @example cellOf(17n, 'a.parquet', 1, 'id', 1e6) // 17
 * @example cellOf(2n ** 60n, 'a.parquet', 1, 'id', 1e6) // '1152921504606846976'
 * @example cellOf(null, 'a.parquet', 1, 'prediction', 1e6) // undefined
 */
function cellOf(value, file, rowNo, field, limit) {
    switch (typeof value) {
        case 'string':
            if (limits_overLimit(value, limit))
                throw new InputError(file, rowNo, field, `is longer than ${bytes(limit)}, the limit for one value: refused`);
            return value;
        case 'bigint':
            return value >= MIN_SAFE && value <= MAX_SAFE ? Number(value) : value.toString();
        case 'object':
            return value === null ? undefined : value;
        default:
            return value;
    }
}
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const MIN_SAFE = -MAX_SAFE;
/** Decompressors beyond hyparquet's SNAPPY, each capped at the page's declared size (no decompression bomb). */
const COMPRESSORS = {
    GZIP: (input, size) => (0,external_node_zlib_namespaceObject.gunzipSync)(input, { maxOutputLength: Math.max(1, size) }),
    BROTLI: (input, size) => (0,external_node_zlib_namespaceObject.brotliDecompressSync)(input, { maxOutputLength: Math.max(1, size) }),
    ...zstd()
};
function zstd() {
    const decompress = external_node_zlib_namespaceObject.zstdDecompressSync;
    return decompress ? { ZSTD: (input, size) => decompress(input, { maxOutputLength: Math.max(1, size) }) } : {};
}
/** The file as hyparquet's AsyncBuffer: byte ranges read from disk, or slices of the bytes in memory. */
async function openSource(source) {
    const cap = source.maxUnpackedBytes;
    if (source.data) {
        const data = source.data;
        if (cap !== undefined && data.length > cap)
            throw new InputError(source.name, null, null, `is larger than ${bytes(cap)}: refused`);
        return {
            buffer: { byteLength: data.length, slice: (start, end) => copy(data, start, end ?? data.length) },
            close: async () => undefined
        };
    }
    if (!source.path)
        throw new InputError(source.name, null, null, 'has neither a path nor data');
    try {
        const handle = await (0,promises_namespaceObject.open)(source.path, 'r');
        const info = await handle.stat();
        if (!info.isFile()) {
            await handle.close();
            throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
        }
        const size = info.size;
        return {
            buffer: {
                byteLength: size,
                async slice(start, end = size) {
                    const out = new Uint8Array(Math.max(0, end - start));
                    let done = 0;
                    while (done < out.length) {
                        const { bytesRead } = await handle.read(out, done, out.length - done, start + done);
                        if (bytesRead === 0)
                            throw new Error(`the file ended at byte ${start + done} (it changed while being read?)`);
                        done += bytesRead;
                    }
                    return out.buffer;
                }
            },
            close: () => handle.close()
        };
    }
    catch (error) {
        throw sourceError(source, error);
    }
}
function copy(data, start, end) {
    return data.buffer.slice(data.byteOffset + start, data.byteOffset + Math.min(end, data.length));
}
async function footer(source, buffer) {
    if (buffer.byteLength === 0)
        throw new InputError(source.name, null, null, 'is empty: no prediction rows');
    try {
        return await metadata_parquetMetadataAsync(buffer);
    }
    catch (error) {
        throw parquetError(source, error);
    }
}
/** The uncompressed size of the columns read (as the footer gives it) against `maxUnpackedBytes`. */
function checkUnpacked(source, metadata, columns) {
    const cap = source.maxUnpackedBytes;
    if (cap === undefined)
        return;
    const wanted = new Set(columns);
    let total = 0;
    for (const group of metadata.row_groups) {
        for (const chunk of group.columns) {
            const meta = chunk.meta_data;
            if (meta && wanted.has(meta.path_in_schema[0]))
                total += Number(meta.total_uncompressed_size);
        }
    }
    if (total > cap)
        throw new InputError(source.name, null, null, `unpacks to more than ${bytes(cap)}: refused`);
}
/** hyparquet's errors (`parquet file invalid (footer != PAR1)`, an unsupported codec) as InputErrors naming the file. */
function parquetError(source, error) {
    if (error instanceof InputError)
        return error;
    const message = error instanceof Error ? error.message : String(error);
    const codec = /unsupported compression codec: (\w+)/.exec(message);
    if (codec) {
        const hint = codec[1] === 'ZSTD' ? ' on this Node.js (22.15 or later reads it)' : '';
        return new InputError(source.name, null, null, `uses ${codec[1]} compression, which cannot be read${hint}: write it with SNAPPY (the usual default), GZIP or no compression`);
    }
    if (/invalid|footer|metadata|magic|PAR1/i.test(message))
        return new InputError(source.name, null, null, `is not a valid Parquet file (${message.slice(0, 200)})`);
    return new InputError(source.name, null, null, `cannot be read as Parquet: ${message.slice(0, 200)}`);
}
/** `id, label, prediction` (quoted when unusual, at most 20). */
function parquet_listColumns(names) {
    const shown = names.slice(0, 20).map((n) => (/^[\w.-]+$/.test(n) ? n : quote(n)));
    return shown.join(', ') + (names.length > 20 ? `, … ${names.length - 20} more` : '');
}

;// CONCATENATED MODULE: ./src/read/jsonlBytes.ts
/**
 * JSON Lines from bytes: the fast path of the JSONL reader. Lines are split on the raw bytes (Buffer#indexOf, no
 * UTF-8 decoding of the file) and a line of the usual shape is scanned byte by byte into the sink's cells without
 * JSON.parse and without building the row object: only the values of the columns the sink declares become
 * JavaScript values (a string is one slice of the line, a short decimal one division).
 *
 * The usual shape: one flat object `{"key": value, …}` with JSON whitespace, keys in any order, keys and strings
 * without escapes or control characters, values strings, numbers, `true`, `false`, `null`, and, for a declared
 * column, a flat object of such values (a `scores` object). Every other line (escapes, nesting, arrays, a syntax
 * error, a line that is not an object, a `__proto__` key inside an object, a line long enough to near the limit)
 * goes to the plain path (src/read/jsonl.ts: the line decoded, JSON.parse, `objectCells`), so that results and
 * errors are those of the plain path exactly: a duplicate key keeps its last value as JSON.parse does, an absent
 * column reads what `row[name]` would read on a parsed object.
 *
 * Cost: one pass over each line's bytes, O(columns) per row; memory: the limit plus one chunk, as the plain path.
 */




/** Reads JSONL byte chunks into `rows`, each line at most `limit` UTF-8 bytes (as decoded text, like the plain path). */
async function readJsonlBytes(chunks, rows, limit) {
    const slow = lineParser(rows);
    const fast = new LineScanner(rows);
    let lineNo = 0;
    const take = (buf, start, end) => {
        lineNo++;
        if ((end - start) * 3 > limit) {
            // Only here can the decoded line pass the limit (an invalid byte decodes to U+FFFD, 3 bytes).
            const text = buf.toString('utf8', start, end);
            if (limits_overLimit(text, limit))
                throw lineTooLong(rows.file, lineNo, limit);
            slow(text, lineNo);
        }
        else if (!fast.scan(buf, start, end, lineNo))
            slow(buf.toString('utf8', start, end), lineNo);
    };
    /** The start of a line that the chunks so far have not ended. */
    const pieces = [];
    let held = 0;
    for await (const chunk of chunks) {
        let start = 0;
        let nl = chunk.indexOf(10);
        if (pieces.length > 0) {
            if (nl === -1) {
                if (held + chunk.length > limit)
                    throw lineTooLong(rows.file, lineNo + 1, limit);
                pieces.push(chunk);
                held += chunk.length;
                continue;
            }
            if (held + nl > limit)
                throw lineTooLong(rows.file, lineNo + 1, limit);
            pieces.push(chunk.subarray(0, nl));
            const line = external_node_buffer_namespaceObject.Buffer.concat(pieces, held + nl);
            pieces.length = 0;
            held = 0;
            take(line, 0, line.length);
            start = nl + 1;
            nl = chunk.indexOf(10, start);
        }
        while (nl !== -1) {
            if (nl - start > limit)
                throw lineTooLong(rows.file, lineNo + 1, limit);
            take(chunk, start, nl);
            start = nl + 1;
            nl = chunk.indexOf(10, start);
        }
        if (start < chunk.length) {
            if (chunk.length - start > limit)
                throw lineTooLong(rows.file, lineNo + 1, limit);
            pieces.push(start === 0 ? chunk : chunk.subarray(start));
            held = chunk.length - start;
        }
    }
    if (pieces.length > 0) {
        const line = external_node_buffer_namespaceObject.Buffer.concat(pieces, held);
        take(line, 0, line.length);
    }
}
const own = external_node_buffer_namespaceObject.Buffer.prototype;
/** b[start, end) as Latin-1 text: for ASCII bytes (checked by the caller), the same text as UTF-8. */
const latin1 = typeof own.latin1Slice === 'function' ? (b, start, end) => b.latin1Slice(start, end) : (b, start, end) => b.toString('latin1', start, end);
/** b[start, end) decoded as UTF-8 (an invalid sequence as U+FFFD, as toString does). */
const utf8 = typeof own.utf8Slice === 'function' ? (b, start, end) => b.utf8Slice(start, end) : (b, start, end) => b.toString('utf8', start, end);
/** 10^0 … 10^22: exact doubles. */
const POW10 = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));
/** What `row[name]` reads on a parsed row without that key: undefined, or what Object.prototype has (`toString`). */
const inherited = (name) => ({}[name]);
/**
 * Scans one line of the usual shape into the sink's cells (see the module comment); false when the line needs
 * the plain path (nothing has been handed to the sink then).
 */
class LineScanner {
    rows;
    names;
    ascii;
    texts;
    absent;
    cells;
    /** Where the value just scanned ends. */
    pos = 0;
    /** The value just scanned (when it was asked for). */
    value = undefined;
    /** Keys of nested objects by position, with their bytes: each row's `scores` keys come in the same order. */
    keyBytes = [];
    keyTexts = [];
    /** The sink's `otherColumn`, told of each key that is none of its columns (absent: keys are not looked at). */
    other;
    /** Per column: a flat object of numbers may be handed as a NumberVector (every column of that name takes one). */
    vector;
    /** The keys of the last object of numbers of a vector column, their bytes, and the vector handed for them. */
    vectorKeyBytes = [];
    numberVector = null;
    constructor(rows) {
        this.rows = rows;
        this.other = rows.otherColumn ? (name) => rows.otherColumn?.(name) : undefined;
        this.texts = rows.columns.map((c) => c.name);
        this.names = this.texts.map((name) => new TextEncoder().encode(name));
        this.ascii = this.texts.map((name) => /^[\x20-\x7e]*$/.test(name));
        this.absent = this.texts.map(inherited);
        this.cells = this.absent.slice();
        this.vector = rows.columns.map((c) => rows.columns.every((o) => o.name !== c.name || o.vector === true));
    }
    scan(b, start, end, lineNo) {
        let i = start;
        let odd = false;
        while (i < end) {
            const c = b[i];
            if (c === 32 || c === 9 || c === 13)
                i++;
            else if (c === 11 || c === 12) {
                odd = true;
                i++;
            }
            else
                break;
        }
        if (i === end)
            return true; // blank: whitespace only (String#trim would drop it too)
        if (odd || b[i] !== 123)
            return false;
        const cells = this.cells;
        const absent = this.absent;
        for (let k = 0; k < cells.length; k++)
            cells[k] = absent[k];
        i = ws(b, i + 1, end);
        if (b[i] === 125)
            i++;
        else {
            for (;;) {
                if (i >= end || b[i] !== 34)
                    return false;
                const ks = i + 1;
                let j = ks;
                let high = false;
                for (; j < end; j++) {
                    const c = b[j];
                    if (c === 34)
                        break;
                    if (c === 92 || c < 32)
                        return false;
                    if (c >= 128)
                        high = true;
                }
                if (j >= end)
                    return false;
                i = ws(b, j + 1, end);
                if (b[i] !== 58)
                    return false;
                i = ws(b, i + 1, end);
                const first = this.match(b, ks, j, high, -1);
                if (first >= 0) {
                    if (!this.scanValue(b, i, end, true, false, this.vector[first]))
                        return false;
                    for (let k = first; k >= 0; k = this.match(b, ks, j, high, k))
                        cells[k] = this.value;
                }
                else {
                    if (!this.scanValue(b, i, end, false))
                        return false;
                    if (this.other)
                        this.other(utf8(b, ks, j));
                }
                i = ws(b, this.pos, end);
                if (b[i] === 44) {
                    i = ws(b, i + 1, end);
                    continue;
                }
                if (b[i] === 125) {
                    i++;
                    break;
                }
                return false;
            }
        }
        if (ws(b, i, end) !== end)
            return false;
        this.rows.add(lineNo, cells);
        return true;
    }
    /** The next column after `after` whose name is the key b[ks, ke), or −1. */
    match(b, ks, ke, high, after) {
        const len = ke - ks;
        const names = this.names;
        for (let k = after + 1; k < names.length; k++) {
            if (high || !this.ascii[k]) {
                // Compare as decoded text: an invalid byte in the key decodes to U+FFFD as in the plain path.
                if (b.toString('utf8', ks, ke) === this.texts[k])
                    return k;
                continue;
            }
            const name = names[k];
            if (name.length !== len)
                continue;
            let same = true;
            for (let q = 0; q < len; q++) {
                if (b[ks + q] !== name[q]) {
                    same = false;
                    break;
                }
            }
            if (same)
                return k;
        }
        return -1;
    }
    /**
     * Scans the value at b[i]: its end into `pos`, and when `keep`, its value into `value`. Objects are taken only
     * when kept and flat. False when the plain path must decide.
     */
    scanValue(b, i, end, keep, nested = false, vector = false) {
        const c = b[i];
        if (c === 34) {
            let j = i + 1;
            let high = false;
            for (; j < end; j++) {
                const d = b[j];
                if (d === 34)
                    break;
                if (d === 92 || d < 32)
                    return false;
                if (d >= 128)
                    high = true;
            }
            if (j >= end)
                return false;
            if (keep)
                this.value = high ? utf8(b, i + 1, j) : latin1(b, i + 1, j);
            this.pos = j + 1;
            return true;
        }
        if (c === 45 || (c >= 48 && c <= 57))
            return this.scanNumber(b, i, end, keep);
        if (c === 116)
            return this.literal(b, i, end, 'true', true);
        if (c === 102)
            return this.literal(b, i, end, 'false', false);
        if (c === 110)
            return this.literal(b, i, end, 'null', null);
        if (c === 123 && keep && !nested) {
            if (!vector)
                return this.scanObject(b, i, end);
            if (this.scanVector(b, i, end))
                return true;
            if (!this.scanObject(b, i, end))
                return false;
            this.rememberKeys(this.value);
            return true;
        }
        return false;
    }
    /**
     * An object of numbers with exactly the remembered keys, in their order (the bytes of each key the same): its
     * numbers into the NumberVector, handed as the value. False for anything else (another key, a key twice, a value
     * not a number): then the object is scanned as an object.
     */
    scanVector(b, i, end) {
        const vector = this.numberVector;
        if (vector === null)
            return false;
        const keyBytes = this.vectorKeyBytes;
        const values = vector.values;
        const last = keyBytes.length - 1;
        i = ws(b, i + 1, end);
        for (let p = 0;; p++) {
            if (p > last || i >= end || b[i] !== 34)
                return false;
            const key = keyBytes[p];
            const ks = i + 1;
            const len = key.length;
            if (ks + len >= end || b[ks + len] !== 34)
                return false;
            for (let q = 0; q < len; q++)
                if (b[ks + q] !== key[q])
                    return false;
            i = ws(b, ks + len + 1, end);
            if (b[i] !== 58)
                return false;
            i = ws(b, i + 1, end);
            const c = b[i];
            if (!(c === 45 || (c >= 48 && c <= 57)) || !this.scanNumber(b, i, end, true))
                return false;
            values[p] = this.value;
            i = ws(b, this.pos, end);
            if (b[i] === 44) {
                i = ws(b, i + 1, end);
                continue;
            }
            if (b[i] === 125 && p === last) {
                this.value = vector;
                this.pos = i + 1;
                return true;
            }
            return false;
        }
    }
    /** After an object of a vector column: its keys become the remembered ones when its values are all numbers and its keys printable ASCII. */
    rememberKeys(object) {
        const keys = Object.keys(object);
        if (keys.length === 0 || keys.length > 100_000)
            return;
        for (const key of keys) {
            if (typeof object[key] !== 'number' || !/^[\x20-\x7e]*$/.test(key) || key.includes('"') || key.includes('\\'))
                return;
        }
        const current = this.numberVector?.keys;
        if (current && current.length === keys.length && current.every((k, j) => k === keys[j]))
            return;
        this.vectorKeyBytes = keys.map((key) => external_node_buffer_namespaceObject.Buffer.from(key, 'latin1'));
        this.numberVector = new NumberVector(Object.freeze(keys), new Float64Array(keys.length));
    }
    literal(b, i, end, word, value) {
        if (i + word.length > end)
            return false;
        for (let q = 1; q < word.length; q++)
            if (b[i + q] !== word.charCodeAt(q))
                return false;
        this.value = value;
        this.pos = i + word.length;
        return true;
    }
    /**
     * A JSON number: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`. Up to 15 digits and no exponent, its
     * value is the digits as an integer divided by a power of ten: both exact doubles, so the one division is
     * correctly rounded, the same double as JSON.parse gives (Clinger 1990, the fast path); else `Number(text)`.
     */
    scanNumber(b, i, end, keep) {
        let j = i;
        const negative = b[j] === 45;
        if (negative)
            j++;
        if (j >= end)
            return false;
        let m = 0;
        let digits = 0;
        let c = b[j];
        if (c === 48)
            j++;
        else if (c >= 49 && c <= 57) {
            while (j < end && (c = b[j]) >= 48 && c <= 57) {
                m = m * 10 + (c - 48);
                digits++;
                j++;
            }
        }
        else
            return false;
        let fraction = 0;
        if (j < end && b[j] === 46) {
            j++;
            const from = j;
            while (j < end && (c = b[j]) >= 48 && c <= 57) {
                m = m * 10 + (c - 48);
                j++;
            }
            fraction = j - from;
            if (fraction === 0)
                return false;
            digits += fraction;
        }
        let exponent = false;
        if (j < end && (b[j] === 101 || b[j] === 69)) {
            exponent = true;
            j++;
            if (j < end && (b[j] === 43 || b[j] === 45))
                j++;
            const from = j;
            while (j < end && (c = b[j]) >= 48 && c <= 57)
                j++;
            if (j === from)
                return false;
        }
        this.pos = j;
        if (!keep)
            return true;
        if (!exponent && digits <= 15) {
            const x = fraction === 0 ? m : m / POW10[fraction];
            this.value = negative ? -x : x;
        }
        else
            this.value = Number(latin1(b, i, j));
        return true;
    }
    /** A flat object of strings, numbers, booleans and nulls, built as JSON.parse builds it (keys in order of first appearance, the last value of a repeated key). */
    scanObject(b, i, end) {
        const object = {};
        i = ws(b, i + 1, end);
        if (b[i] === 125) {
            this.value = object;
            this.pos = i + 1;
            return true;
        }
        for (let p = 0;; p++) {
            if (i >= end || b[i] !== 34)
                return false;
            const ks = i + 1;
            let j = ks;
            let high = false;
            for (; j < end; j++) {
                const c = b[j];
                if (c === 34)
                    break;
                if (c === 92 || c < 32)
                    return false;
                if (c >= 128)
                    high = true;
            }
            if (j >= end)
                return false;
            const key = this.key(b, ks, j, high, p);
            if (key === '__proto__')
                return false;
            i = ws(b, j + 1, end);
            if (b[i] !== 58)
                return false;
            i = ws(b, i + 1, end);
            if (!this.scanValue(b, i, end, true, true))
                return false;
            object[key] = this.value;
            i = ws(b, this.pos, end);
            if (b[i] === 44) {
                i = ws(b, i + 1, end);
                continue;
            }
            if (b[i] === 125) {
                this.value = object;
                this.pos = i + 1;
                return true;
            }
            return false;
        }
    }
    /** The text of a nested key, from the cache of position `p` when its bytes are the same. */
    key(b, ks, ke, high, p) {
        const len = ke - ks;
        const cached = this.keyBytes[p];
        if (cached !== undefined && cached.length === len) {
            let same = true;
            for (let q = 0; q < len; q++) {
                if (b[ks + q] !== cached[q]) {
                    same = false;
                    break;
                }
            }
            if (same)
                return this.keyTexts[p];
        }
        const text = high ? utf8(b, ks, ke) : latin1(b, ks, ke);
        if (p < 100_000) {
            this.keyBytes[p] = Uint8Array.prototype.slice.call(b, ks, ke);
            this.keyTexts[p] = text;
        }
        return text;
    }
}
/** The index of the first byte at or after `i` that is not JSON whitespace (space, tab, CR, LF). */
function ws(b, i, end) {
    while (i < end) {
        const c = b[i];
        if (c !== 32 && c !== 9 && c !== 13 && c !== 10)
            return i;
        i++;
    }
    return i;
}

;// CONCATENATED MODULE: ./src/read/labels.ts
/**
 * Label text and label order (docs/inputs.md).
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
 * The id column of a file, any task (docs/inputs.md): a string or an integer per row, on every row or on none (and on
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

;// CONCATENATED MODULE: ./src/read/keys.ts
/**
 * Key fields of a row (docs/repeats-and-clusters.md, docs/slices.md): the slice fields, the repeat field and the cluster field. Each is read as
 * text (a JSON string, number or boolean; CSV text as written), interned per file to small codes, so a million
 * rows with 50 slice values cost one Uint32Array per field. Every row must have every key field: a missing,
 * null or empty value names file, line and field (a slice field missing on some rows is bad input, not a slice
 * of its own).
 */



/** The key fields a row builder reads after its own columns. Columns grow by doubling with the builder's. */
class KeyColumns {
    file;
    fields;
    columns;
    codes;
    dictionaries;
    values;
    constructor(file, fields, cap) {
        this.file = file;
        this.fields = fields;
        this.columns = fields.map((f) => ({ name: f.name, required: true }));
        this.codes = fields.map(() => new Uint32Array(fields.length ? cap : 0));
        this.dictionaries = fields.map(() => new Map());
        this.values = fields.map(() => []);
    }
    get size() {
        return this.fields.length;
    }
    /** Row `i`'s key cells: `cells[offset + k]` is the value of field k. */
    add(cells, offset, lineNo, i) {
        for (let k = 0; k < this.fields.length; k++) {
            const value = cells[offset + k];
            const field = this.fields[k];
            let text = null;
            if (typeof value === 'string')
                text = value.trim() === '' ? null : value;
            else if (typeof value === 'number' || typeof value === 'boolean')
                text = labelText(value);
            else if (value !== undefined && value !== null) {
                throw new InputError(this.file, lineNo, field.name, `must be a string, number or boolean (${field.role}), got ${describe(value)}`);
            }
            if (text === null)
                throw new InputError(this.file, lineNo, field.name, `is missing (${field.role}): every row needs it`);
            const dictionary = this.dictionaries[k];
            let code = dictionary.get(text);
            if (code === undefined) {
                code = this.values[k].length;
                dictionary.set(text, code);
                this.values[k].push(text);
            }
            this.codes[k][i] = code;
        }
    }
    /** The code of field k on row i (after {@link add}). */
    codeAt(k, i) {
        return this.codes[k][i];
    }
    /** The value (text) of field k on row i (after {@link add}). */
    valueAt(k, i) {
        return this.values[k][this.codes[k][i]];
    }
    grow(cap) {
        this.codes = this.codes.map((a) => {
            const b = new Uint32Array(cap);
            b.set(a);
            return b;
        });
    }
    finish(n) {
        return this.fields.map((f, k) => ({ field: f.name, values: this.values[k], codes: this.codes[k].slice(0, n) }));
    }
}
/** The key fields the options name, in order: slices, then repeat, then cluster (no field twice). */
function keyFields(options) {
    const out = [];
    const add = (name, role) => {
        if (name !== undefined && !out.some((f) => f.name === name))
            out.push({ name, role });
    };
    for (const f of options.sliceFields ?? [])
        add(f, 'the slice field');
    add(options.repeatField, 'the repeat field');
    add(options.clusterField, 'the cluster field');
    return out;
}
/** The key column of `field` in a file's keys, or undefined. */
function keyColumn(keys, field) {
    return keys?.find((k) => k.field === field);
}

;// CONCATENATED MODULE: ./src/read/errorColumn.ts
/**
 * The error column of a prediction file (docs/errors.md, `--errors`): which rows are errors (a timeout, a refusal, a
 * crashed call), never silently missing rows. A row is an error when its `error` field (DEFAULT_ERROR_FIELD) is
 * non-empty, or when its prediction is empty or null (the row builders decide the latter).
 *
 * The `error` field's value: absent, null, `""` (or only spaces) and `false` mean no error; any other text (the
 * error message) and `true` mean an error. In CSV/TSV the cell is text: empty or `false` is no error, anything else
 * is. A number, an array or an object is bad input naming file, line and field. The column is a Uint8Array (1 per
 * error row), made on the first error row only: a file without errors costs nothing.
 *
 * @example isErrorCell('rate limited', false, 'c.jsonl', 3, 'error') // true
 */


/** The field that marks a row as an error. */
const DEFAULT_ERROR_FIELD = 'error';
/** Whether an `error` cell marks its row as an error; a value of the wrong type is an InputError. Cost O(1) (a trim). */
function isErrorCell(value, file, lineNo, field) {
    if (value === undefined || value === null)
        return false;
    if (typeof value === 'string') {
        const text = value.trim();
        return text !== '' && text !== 'false';
    }
    if (typeof value === 'boolean')
        return value;
    throw new InputError(file, lineNo, field, `must be the error's message (a string), true/false or null, got ${describe(value)}`);
}
/** Whether a prediction cell is empty or null: such a row is an error. */
function isEmptyPrediction(value, textCells) {
    return value === null || value === '' || (textCells && typeof value === 'string' && value.trim() === '');
}
/** The error flags of a file's rows, grown with the builder's columns. */
class ErrorColumn {
    flags = null;
    cap;
    count = 0;
    constructor(cap) {
        this.cap = cap;
    }
    /** Marks row i as an error. */
    mark(i) {
        this.flags ??= new Uint8Array(this.cap);
        this.flags[i] = 1;
        this.count++;
    }
    grow(cap) {
        this.cap = cap;
        if (!this.flags)
            return;
        const b = new Uint8Array(cap);
        b.set(this.flags);
        this.flags = b;
    }
    /** The flags of the first n rows; null when no row is an error. */
    finish(n) {
        return this.flags ? this.flags.slice(0, n) : null;
    }
}

;// CONCATENATED MODULE: ./src/read/rows.ts
/**
 * Builds the columns of a PredictionFile row by row, checking each value (docs/inputs.md): labels and ids normalised to
 * text, scores numbers in [0, 1] on all rows or none. Typed arrays grow by doubling.
 */








/** Labels in one `scores` object, and probabilities in all (rows × labels: 800 MB as doubles). */
const MAX_SCORE_LABELS = 10_000;
const MAX_SCORE_VALUES = 100_000_000;
/** The prediction code of an error row (docs/errors.md) until the task decides what it counts as: no dictionary code. */
const ERROR_CODE = 0xffffffff;
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
    /** The keys of a NumberVector equal to the score labels (same order): its rows' numbers go straight in. */
    vectorLabels = null;
    scoreLabels = [];
    scoreValues = null;
    numberCodes = new Map();
    /** Codes of the labels 0 … 255 written as JSON numbers (−1: not seen yet): no map look-up for the common case. */
    smallIntCodes = new Int32Array(256).fill(-1);
    trueCode = -1;
    falseCode = -1;
    constructor(file, fields, dictionary, requireId, 
    /** CSV/TSV: cells are text as written, scores are parsed from text. */
    textCells, 
    /** Key fields read after the row's own (slice, repeat, cluster: src/read/keys.ts). */
    keys = []) {
        this.file = file;
        this.fields = fields;
        this.dictionary = dictionary;
        this.requireId = requireId;
        this.textCells = textCells;
        this.ids = new IdColumn(file, fields.id, requireId, textCells, this.cap);
        this.keys = new KeyColumns(file, keys, this.cap);
        this.errors = new ErrorColumn(this.cap);
    }
    keys;
    errors;
    /** The field that marks an error row (docs/errors.md). */
    errorField = DEFAULT_ERROR_FIELD;
    /** id, label, prediction, score (binary, or a scores object in that field) and `scores`. */
    get columns() {
        return (this.columnList ??= [
            { name: this.fields.id, required: false },
            { name: this.fields.label, required: true },
            { name: this.fields.prediction, required: true },
            { name: this.fields.score, required: false, vector: true },
            { name: 'scores', required: false, vector: true },
            ...this.keys.columns,
            { name: this.errorField, required: false }
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
        // An error row (docs/errors.md): its error field is set, or its prediction is empty or null; then the prediction may
        // be missing and the scores too.
        const failed = isErrorCell(cells[5 + this.keys.size], this.file, lineNo, this.errorField);
        if (failed || isEmptyPrediction(prediction, this.textCells)) {
            this.errors.mark(i);
            this.pred[i] = ERROR_CODE;
        }
        else
            this.pred[i] = this.code(prediction, lineNo, this.fields.prediction);
        this.ids.add(id, lineNo, i, this.line[0]);
        if (this.pred[i] !== ERROR_CODE || !absent(score, scores))
            this.addScore(score, scores, lineNo, i);
        if (this.keys.size > 0)
            this.keys.add(cells, 5, lineNo, i);
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
                ? { labels: this.scoreLabels, values: fit(this.scoreValues, n * this.scoreLabels.length) }
                : null,
            ...(this.keys.size > 0 ? { keys: this.keys.finish(n) } : {}),
            errors: this.errors.finish(n)
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
        this.keys.grow(this.cap);
        this.errors.grow(this.cap);
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
        if (value instanceof NumberVector) {
            // The keys of the first row's scores, in their order (checked once, below): the numbers go straight in.
            if (value.keys === this.vectorLabels) {
                const labels = this.scoreLabels;
                const values = this.scoreValues;
                const from = i * labels.length;
                const x = value.values;
                for (let j = 0; j < labels.length; j++) {
                    const v = x[j];
                    values[from + j] = v >= 0 && v <= 1 ? v : this.probability(v, lineNo, `${field}.${labels[j]}`);
                }
                return;
            }
            this.addScores(value.toObject(), lineNo, i, field);
            const labels = this.scoreLabels;
            if (labels && labels.length === value.keys.length && labels.every((l, j) => l === value.keys[j]))
                this.vectorLabels = value.keys;
            return;
        }
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
        if (this.scoreValues === null) {
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
            // A number in [0, 1] as it is; anything else through probability() (its message names the label).
            values[i * labels.length + j] = typeof v === 'number' && v >= 0 && v <= 1 ? v : this.probability(v, lineNo, `${field}.${labels[j]}`);
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
/** No score and no scores object on the row (an error row may lack them). */
const absent = (score, scores) => (score === undefined || score === null || score === '') && (scores === undefined || scores === null || scores === '');
/**
 * The first `length` values of a grown column: a view when at most a quarter of it is unused (no copy of what can
 * be rows × labels doubles, 160 MB for a million rows of 20 labels), else a copy.
 */
function fit(values, length) {
    return (values.length - length) * 4 <= length ? values.subarray(0, length) : values.slice(0, length);
}
function isObjectCell(value, textCells) {
    if (textCells)
        return typeof value === 'string' && value.trimStart().startsWith('{');
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

;// CONCATENATED MODULE: ./src/read/readPredictions.ts
/**
 * Reading prediction files (docs/inputs.md): the parse stage. Format by extension (or the `format` option), gzip by
 * `.gz` or magic bytes, streamed by chunks (Parquet, docs/scale.md: by row groups, src/read/parquet.ts); every bad input is an InputError naming file, line and field. Memory is
 * bounded whatever the file: one row (at most the row limit, src/read/limits.ts) plus a chunk, and the columns.
 */








const EXTENSIONS = { jsonl: 'jsonl', ndjson: 'jsonl', csv: 'csv', tsv: 'tsv', json: 'json', parquet: 'parquet' };
/**
 * The format and compression of a file from its name.
 * @example formatOf('preds.csv.gz') // { format: 'csv', gzip: true }
 */
function formatOf(name, override) {
    const lower = name.toLowerCase();
    const gzip = lower.endsWith('.gz');
    const base = gzip ? lower.slice(0, -3) : lower;
    const ext = base.slice(base.lastIndexOf('.') + 1);
    // `cells` says what the rows are (src/tasks/cellsTask.ts), not how the file is written: that comes from the extension.
    const format = override !== undefined && override !== 'cells' ? override : EXTENSIONS[ext];
    if (!format) {
        throw new InputError(name, null, null, override === 'cells'
            ? 'has an extension that names no known format: a cells file is .csv, .tsv, .jsonl, .ndjson, .json (optionally .gz) or .parquet'
            : 'has an extension that names no known format (.jsonl, .ndjson, .csv, .tsv, .json, optionally .gz; .parquet): set format (CLI --format)');
    }
    if (format === 'parquet' && gzip) {
        throw new InputError(name, null, null, 'is a gzip-compressed Parquet file: Parquet compresses its own pages; unpack it (gunzip) and give the .parquet file');
    }
    return { format, gzip };
}
/** Reads one prediction file into columns (classification: id, label, prediction, scores). */
async function readPredictions(source, options) {
    const { format } = formatOf(source.name, options.format);
    const rows = new RowBuilder(source.name, options.fields, options.dictionary, options.requireId, format === 'csv' || format === 'tsv', options.keys ?? []);
    await readRows(source, rows, options);
    return rows.finish();
}
/**
 * Streams a file's rows into a task's row builder: the format by extension (or `format`), gzip unpacked, each row
 * at most the row limit. The builder decides which fields it reads and what a bad value is.
 */
async function readRows(source, rows, options) {
    const { format, gzip } = formatOf(source.name, options.format);
    const limit = options.maxRowBytes ?? maxRowBytes();
    if (format === 'parquet')
        return readParquet(source, rows, limit);
    if (format === 'jsonl')
        return readJsonlBytes(byteChunks(source, gzip), rows, limit);
    const chunks = textChunks(source, gzip);
    switch (format) {
        case 'json':
            return readJsonArray(chunks, rows, limit);
        case 'csv':
            return readDelimited(chunks, rows, ',', limit);
        case 'tsv':
            return readDelimited(chunks, rows, '\t', limit);
        case 'cells':
            throw new Error('unreachable: formatOf never gives cells');
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
 * The leakage check (docs/data-checks.md): how many test examples also occur in the training file, by id, or by text after
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

;// CONCATENATED MODULE: ./src/stats/mover.ts
/**
 * MOVER (method of variance estimates recovery): a confidence interval for the difference a − b of two
 * independent estimates, from each one's own (1 − alpha) interval, (la, ua) around a and (lb, ub) around b:
 *
 *   L = (a − b) − √((a − la)² + (ub − b)²)
 *   U = (a − b) + √((ua − a)² + (b − lb)²)
 *
 * Each side's distance to its interval's ends stands in for its variance on that side, so a skewed interval
 * (Wilson near 0 or 1, a bootstrap percentile interval of a bounded metric) keeps its skew in the difference.
 * With Wilson score intervals on both sides this is exactly Newcombe's hybrid score interval for a difference of
 * independent proportions (Newcombe 1998, method 10; statsmodels `confint_proportions_2indep(method="newcomb")`).
 * References: Newcombe, R. G. (1998), "Interval estimation for the difference between independent proportions:
 * comparison of eleven methods", Statistics in Medicine 17, 873–890; Zou, G. Y. & Donner, A. (2008),
 * "Construction of confidence limits about effect measures: a general approach", Statistics in Medicine 27,
 * 1693–1702. Cost O(1).
 *
 * @example moverDifference(0.8, [0.6918335550374695, 0.8769526075163705], 0.6, [0.4904546500516038, 0.7003817240412906])
 * // [0.0524314724…, 0.3338726540…] (56/70 − 48/80, Newcombe's example (a): 0.0524 to 0.3339)
 */
function moverDifference(a, ciA, b, ciB) {
    const d = a - b;
    const lower = d - Math.hypot(a - ciA[0], ciB[1] - b);
    const upper = d + Math.hypot(ciA[1] - a, b - ciB[0]);
    return [lower, upper];
}

;// CONCATENATED MODULE: ./src/read/cellsFile.ts
/**
 * Pre-aggregated cell counts (docs/scale.md, `--format cells`): each row is a true label, the baseline's prediction,
 * the candidate's prediction and how many examples have them, as a `GROUP BY` over the two predictions tables
 * joined on id gives them. Read from any format (CSV, TSV, JSON Lines, a JSON array, Parquet) through the same
 * RowSink as prediction rows, so every format error is the same.
 *
 * Columns: the label field (`--label-field`, default `label`), `baseline`, `candidate`, `count`, and one column per
 * slice field (`--slice-field`, docs/slices.md: the file grouped by it too). Labels are read as prediction files read
 * them (docs/inputs.md: a string as it is, a number in its shortest form, a boolean as `true`/`false`, a CSV cell as
 * written), and slice values as src/read/keys.ts reads them on prediction rows (a missing, null or empty value
 * names file, line and field), so a cells file and the row files give the same labels and slice values. A count
 * is a whole number from 0 to 2⁵³ − 1 (a JSON or Parquet integer, or its decimal digits as text: BigQuery writes
 * INT64 as text in JSON), and the counts add up to at most 2⁵³ − 1, so every sum of them is exact in a double.
 * A row with count 0 stands for no example: its labels and slice values are checked, never counted (a label or
 * slice value only there is not "seen").
 *
 * Repeats: the key of a row is (label, baseline, candidate, slice values…). When the file has no other column, a
 * key given twice is refused, both lines named: a GROUP BY gives each key once, so a repeat is a mistake (two
 * shards concatenated, a label written two ways that read the same). When the file has another column (a CSV or
 * TSV header cell, a Parquet column, a key of any JSON row) the rows are taken to be grouped by it too (`GROUP BY
 * label, baseline, candidate, lang` read without `--slice-field lang`), and rows with the same key are added up.
 */




/** The fixed column names of a cells file besides the label field. */
const CELL_COLUMNS = { baseline: 'baseline', candidate: 'candidate', count: 'count' };
class CellsBuilder {
    file;
    labelField;
    dictionary;
    textCells;
    columns;
    size = 0;
    cap = 256;
    truth = new Uint32Array(this.cap);
    baseline = new Uint32Array(this.cap);
    candidate = new Uint32Array(this.cap);
    count = new Float64Array(this.cap);
    lines = new Uint32Array(this.cap);
    total = 0;
    /** Cell key (t, b, c, slice codes…) → its row, for repeats. */
    seen = new Map();
    /** The slice columns, read after the four (src/read/keys.ts). */
    keys;
    /** A column besides the four and the slice columns: rows with the same key are then added up. */
    other = null;
    repeat = null;
    constructor(file, labelField, dictionary, 
    /** CSV/TSV: cells are text as written. */
    textCells, 
    /** The slice fields (`keyFields({ sliceFields })`), one column each. */
    keyFields = []) {
        this.file = file;
        this.labelField = labelField;
        this.dictionary = dictionary;
        this.textCells = textCells;
        this.keys = new KeyColumns(file, keyFields, this.cap);
        this.columns = [
            { name: labelField, required: true },
            { name: CELL_COLUMNS.baseline, required: true },
            { name: CELL_COLUMNS.candidate, required: true },
            { name: CELL_COLUMNS.count, required: true },
            ...this.keys.columns
        ];
    }
    otherColumn(name) {
        this.other ??= name;
    }
    add(lineNo, cells) {
        const count = this.countOf(cells[3], lineNo);
        const label = this.labelOf(cells[0], lineNo, this.labelField);
        const base = this.labelOf(cells[1], lineNo, CELL_COLUMNS.baseline);
        const cand = this.labelOf(cells[2], lineNo, CELL_COLUMNS.candidate);
        if (this.size === this.cap)
            this.grow();
        // Read into the next free row; it is kept only for a new key with a count above 0.
        const i = this.size;
        this.keys.add(cells, 4, lineNo, i);
        if (count === 0)
            return;
        if (this.total + count > Number.MAX_SAFE_INTEGER) {
            throw new InputError(this.file, lineNo, CELL_COLUMNS.count, `brings the total past 2^53 − 1 (${Number.MAX_SAFE_INTEGER.toLocaleString('en-US')}) examples: refused`);
        }
        const t = this.dictionary.code(label);
        const b = this.dictionary.code(base);
        const c = this.dictionary.code(cand);
        let key = `${t},${b},${c}`;
        for (let k = 0; k < this.keys.size; k++)
            key += `,${this.keys.codeAt(k, i)}`;
        this.total += count;
        const earlier = this.seen.get(key);
        if (earlier !== undefined) {
            this.repeat ??= { line: lineNo, message: this.repeatMessage(label, base, cand, i, this.lines[earlier]) };
            this.count[earlier] += count;
            return;
        }
        this.size++;
        this.seen.set(key, i);
        this.truth[i] = t;
        this.baseline[i] = b;
        this.candidate[i] = c;
        this.count[i] = count;
        this.lines[i] = lineNo;
    }
    /**
     * The cells read; an InputError when no row has a count above 0, or when a key is repeated and the file has no
     * other column (see the module's comment).
     */
    finish() {
        if (this.repeat && this.other === null)
            throw new InputError(this.file, this.repeat.line, null, this.repeat.message);
        if (this.size === 0)
            throw new InputError(this.file, null, null, 'is empty: no cell with a count above 0');
        const n = this.size;
        return {
            name: this.file,
            size: n,
            truth: this.truth.slice(0, n),
            baseline: this.baseline.slice(0, n),
            candidate: this.candidate.slice(0, n),
            count: this.count.slice(0, n),
            total: this.total,
            keys: this.keys.finish(n)
        };
    }
    /** `repeats the cell (label "a", baseline "a", candidate "b", lang "en") of line 2: …` (row i's slice values). */
    repeatMessage(label, base, cand, i, earlier) {
        const slices = this.keys.fields.map((f, k) => `, ${f.name} ${quote(this.keys.valueAt(k, i))}`).join('');
        return (`repeats the cell (${this.labelField} ${quote(label)}, baseline ${quote(base)}, candidate ${quote(cand)}${slices}) of line ${earlier}: ` +
            'a GROUP BY gives each cell once; add the counts up in one row (a file with a column besides ' +
            `${[this.labelField, 'baseline', 'candidate', 'count', ...this.keys.fields.map((f) => f.name)].map((c) => quote(c)).join(', ')} ` +
            'is read as grouped by it too, and then such rows are added up)');
    }
    grow() {
        this.cap *= 2;
        this.keys.grow(this.cap);
        const grow32 = (a) => {
            const out = new Uint32Array(this.cap);
            out.set(a);
            return out;
        };
        this.truth = grow32(this.truth);
        this.baseline = grow32(this.baseline);
        this.candidate = grow32(this.candidate);
        this.lines = grow32(this.lines);
        const count = new Float64Array(this.cap);
        count.set(this.count);
        this.count = count;
    }
    /** A label as text, as src/read/rows.ts reads it. */
    labelOf(value, lineNo, field) {
        if (typeof value === 'string') {
            if (value.length === 0 || (this.textCells && value.trim().length === 0))
                throw new InputError(this.file, lineNo, field, 'is empty');
            return value;
        }
        if (typeof value === 'number') {
            const text = labelText(value);
            if (text === null)
                throw new InputError(this.file, lineNo, field, `must be a finite number, got ${value}`);
            return text;
        }
        if (typeof value === 'boolean')
            return value ? 'true' : 'false';
        if (value === undefined)
            throw new InputError(this.file, lineNo, field, 'is missing');
        throw new InputError(this.file, lineNo, field, `must be a string, number or boolean, got ${describe(value)}`);
    }
    /** A count: a whole number from 0 to 2⁵³ − 1, as a number or as decimal digits. */
    countOf(value, lineNo) {
        const field = CELL_COLUMNS.count;
        let x = NaN;
        if (typeof value === 'number')
            x = value;
        else if (typeof value === 'string' && /^\s*[0-9]+\s*$/.test(value))
            x = Number(value);
        else if (value === undefined || (typeof value === 'string' && value.trim() === ''))
            throw new InputError(this.file, lineNo, field, value === undefined ? 'is missing' : 'is empty');
        if (!Number.isSafeInteger(x) || x < 0) {
            throw new InputError(this.file, lineNo, field, `must be a whole number of examples from 0 to 2^53 − 1, got ${describe(value)}`);
        }
        return x;
    }
}

;// CONCATENATED MODULE: ./src/metrics/confusion.ts
/**
 * Classification metrics from a confusion matrix, with scikit-learn 1.2's definitions and edge cases
 * (`zero_division=0`).
 *
 * The matrix is a K×K Float64Array, row-major, rows true labels and columns predicted labels (label order).
 * Every metric of docs/metrics.md that does not need scores is a function of it alone, which is what makes resampling
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

;// CONCATENATED MODULE: ./src/stats/order.ts
/** Orders of a column of numbers: the ascending order by a radix sort, and a subset's order from the whole's. */
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
 * The ascending order of a subset's scores from the order of the whole file's: `order` is ascendingOrder of a
 * file's n scores, `rows` the rows kept (pair p is row rows[p]). When `rows` is strictly increasing, keeping the
 * order's kept rows, renumbered, is exactly ascendingOrder of the gathered scores (ties stay in increasing
 * position); otherwise null (sort the gathered scores). Cost O(n).
 * @example orderOfRows(Uint32Array.of(3, 1, 0, 2), Uint32Array.of(0, 2, 3), 4) // Uint32Array [2, 0, 1]
 */
function orderOfRows(order, rows, n) {
    for (let p = 1; p < rows.length; p++)
        if (rows[p] <= rows[p - 1])
            return null;
    if (rows.length === n)
        return order; // strictly increasing n rows of n: every row, in its place
    const position = new Int32Array(n).fill(-1);
    for (let p = 0; p < rows.length; p++)
        position[rows[p]] = p;
    const out = new Uint32Array(rows.length);
    let m = 0;
    for (let k = 0; k < n; k++) {
        const p = position[order[k]];
        if (p >= 0)
            out[m++] = p;
    }
    return out;
}

;// CONCATENATED MODULE: ./src/stats/scoreRows.ts
/**
 * Rows × classes probabilities (docs/metrics.md), read in place from a file's scores or dense.
 */
/** Dense n × k probabilities as ScoreRows (a view of every row, columns in label order); ScoreRows as they are. */
function scoreRows(probs, k) {
    return probs instanceof Float64Array ? { values: probs, width: k, column: Int32Array.from({ length: k }, (_, j) => j), rows: null } : probs;
}

;// CONCATENATED MODULE: ./src/metrics/scores.ts
/**
 * Score-based metrics with scikit-learn 1.2's definitions: ROC AUC, average precision, log loss, Brier score.
 * `positive` is 1 for an example of the positive class; `score` the model's probability of it.
 * Cost: O(n log n) for the ranking metrics (one sort), O(n) for the others.
 */


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
    const { values, width, column, rows } = scoreRows(probs, k);
    const out = new Float64Array(truth.length);
    for (let i = 0; i < out.length; i++) {
        const at = (rows === null ? i : rows[i]) * width;
        let sum = 0;
        for (let j = 0; j < k; j++)
            sum += Math.min(1 - EPS, Math.max(EPS, values[at + column[j]]));
        out[i] = -Math.log(Math.min(1 - EPS, Math.max(EPS, values[at + column[truth[i]]])) / sum);
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
    const { values, width, column: columns, rows } = scoreRows(probs, k);
    const n = truth.length;
    let sum = 0;
    const column = new Float64Array(n);
    const pos = new Uint8Array(n);
    for (let c = 0; c < k; c++) {
        const from = columns[c];
        for (let i = 0; i < n; i++) {
            column[i] = values[(rows === null ? i : rows[i]) * width + from];
            pos[i] = truth[i] === c ? 1 : 0;
        }
        const auc = rocAuc(pos, column);
        if (auc === null)
            return null;
        sum += auc;
    }
    return sum / k;
}

;// CONCATENATED MODULE: ./src/pair/cellTable.ts
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
/**
 * Bin(n, 1/2), the swap count of a permutation test: the same draws and values as `binomial(rng, n, 0.5)`, with
 * the inversion's start P(X = 0) and search bound computed once per n (n < 60) instead of once per draw.
 * @example binomialHalf(streamFor(0, 'x'), 1) === binomial(streamFor(0, 'x'), 1, 0.5) // true
 */
function binomialHalf(rng, n) {
    if (n >= 60 || !Number.isInteger(n))
        return binomial(rng, n, 0.5);
    if (n <= 0)
        return 0;
    let qn = HALF_QN[n];
    if (qn === 0) {
        qn = HALF_QN[n] = Math.exp(n * Math.log1p(-0.5));
        const np = n * 0.5;
        HALF_BOUND[n] = Math.min(n, np + 10 * Math.sqrt(np * 0.5 + 1));
    }
    return search(rng, n, 0.5, 0.5, qn, HALF_BOUND[n]);
}
const HALF_QN = new Float64Array(60);
const HALF_BOUND = new Float64Array(60);
/**
 * Bin(counts[j], 1/2) for j = 0, 1, … into out[j]: the same random numbers and values as calling
 * `binomialHalf(rng, counts[j])` in that order, about twice as fast for counts below 60 (the usual cells of a
 * permutation test): the generator's state is stepped in local variables (xoshiro128** inline) and the
 * inversion's start and bound come from per-count arrays filled once. Counts of 60 or more go to
 * {@link binomialHalf} with the state put back. `counts` are integers ≥ 0.
 * Cost: as binomialHalf per count.
 * @example binomialHalves(streamFor(0, 'x'), Float64Array.of(1, 2), out) // out as binomialHalf twice
 */
function binomialHalves(rng, counts, out) {
    const state = STATE;
    rng.getState(state);
    let s0 = state[0];
    let s1 = state[1];
    let s2 = state[2];
    let s3 = state[3];
    for (let j = 0; j < counts.length; j++) {
        const n = counts[j];
        if (n >= 60 || !Number.isInteger(n)) {
            state[0] = s0;
            state[1] = s1;
            state[2] = s2;
            state[3] = s3;
            rng.setState(state);
            out[j] = binomialHalf(rng, n);
            rng.getState(state);
            s0 = state[0];
            s1 = state[1];
            s2 = state[2];
            s3 = state[3];
            continue;
        }
        if (n <= 0) {
            out[j] = 0;
            continue;
        }
        let qn = HALF_QN[n];
        if (qn === 0) {
            qn = HALF_QN[n] = Math.exp(n * Math.log1p(-0.5));
            const np = n * 0.5;
            HALF_BOUND[n] = Math.min(n, np + 10 * Math.sqrt(np * 0.5 + 1));
        }
        const bound = HALF_BOUND[n];
        // search(rng, n, 0.5, 0.5, qn, bound), each nextDouble() written out: two steps of xoshiro128**.
        let x = 0;
        let px = qn;
        let u = 0;
        for (let restart = true;;) {
            if (restart) {
                let t = s1 << 9;
                let r = Math.imul(s1, 5);
                const a = Math.imul((r << 7) | (r >>> 25), 9) >>> 0;
                s2 ^= s0;
                s3 ^= s1;
                s1 ^= s2;
                s0 ^= s3;
                s2 ^= t;
                s3 = (s3 << 11) | (s3 >>> 21);
                t = s1 << 9;
                r = Math.imul(s1, 5);
                const b = Math.imul((r << 7) | (r >>> 25), 9) >>> 0;
                s2 ^= s0;
                s3 ^= s1;
                s1 ^= s2;
                s0 ^= s3;
                s2 ^= t;
                s3 = (s3 << 11) | (s3 >>> 21);
                u = ((a >>> 5) * 67108864 + (b >>> 6)) / 9007199254740992;
                restart = false;
            }
            if (!(u > px))
                break;
            x++;
            if (x > bound) {
                x = 0;
                px = qn;
                restart = true;
            }
            else {
                u -= px;
                px = ((n - x + 1) * 0.5 * px) / (x * 0.5);
            }
        }
        out[j] = x;
    }
    state[0] = s0;
    state[1] = s1;
    state[2] = s2;
    state[3] = s3;
    rng.setState(state);
}
const STATE = new Int32Array(4);
function inversion(rng, n, p) {
    const q = 1 - p;
    const qn = Math.exp(n * Math.log1p(-p));
    const np = n * p;
    const bound = Math.min(n, np + 10 * Math.sqrt(np * q + 1));
    return search(rng, n, p, q, qn, bound);
}
/** The inversion's sequential search from 0: P(X = 0) = qn, restarted past `bound`. */
function search(rng, n, p, q, qn, bound) {
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
 * Cost: at most one binomial draw per cell. `from`/`to` draw the cells of a range only (src/stats/blockMultinomial.ts).
 *
 * @example multinomial(rng, 10, [10], out) // out = [10]
 */

function multinomial(rng, n, weights, out, 
/** Only the cells from … to − 1 (the others of `out` are left as they are). */
from = 0, to = weights.length) {
    let left = n;
    let rest = 0;
    for (let j = from; j < to; j++)
        rest += weights[j];
    for (let j = from; j < to; j++) {
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
    /** Copies the state words into `out` (for a sampler that steps the generator in local variables). */
    getState(out) {
        out[0] = this.s0;
        out[1] = this.s1;
        out[2] = this.s2;
        out[3] = this.s3;
    }
    /** Puts back state words from {@link getState}, stepped as {@link nextUint32} steps them. */
    setState(state) {
        this.s0 = state[0];
        this.s1 = state[1];
        this.s2 = state[2];
        this.s3 = state[3];
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

;// CONCATENATED MODULE: ./src/stats/blockMultinomial.ts
/**
 * Exact multinomial sampling over many cells with integer weights, in blocks: X ~ Multinomial(n, wⱼ / W).
 *
 * Method: the cells (in the caller's order) are cut into blocks of consecutive cells, each holding at most
 * BLOCK_SLOTS weight and BLOCK_CELLS cells (a heavier cell is a block of its own). The block totals are drawn
 * first, Multinomial(n, W_b / W) by the conditional binomial method (src/stats/multinomial.ts); then within each
 * block, given its total X_b, the cells' counts are Multinomial(X_b, wⱼ / W_b) — the two stages give the
 * multinomial exactly (the multinomial's aggregation property). Within a block of few draws per cell (X_b at most
 * EXAMPLES_PER_CELL per cell) the X_b draws are thrown one by one uniformly into the block's W_b slots (cell j
 * owns wⱼ consecutive slots; Lemire's exact uniform integer), a slot array small enough to stay in the
 * processor's cache; else the conditional binomial method runs inside the block.
 * A table of many classes is mostly cells of one or two examples: there the conditional binomial method costs an
 * exp and a log per cell, the blocks about one 32-bit random number per drawn example.
 * Cost: O(blocks) binomial draws, then per block O(X_b + W_b) or O(cells of the block) binomial draws; O(n) time
 * and O(BLOCK_SLOTS) memory at most per draw beyond the output.
 *
 * @example
 * const plan = blockPlan(Float64Array.of(3, 1, 1, 1))
 * blockMultinomial(streamFor(0, 'x'), 6, plan, out) // out sums to 6
 */

/** Most weight a block holds (its slot array: 32 KB of 32-bit counts). */
const BLOCK_SLOTS = 8192;
/** Most cells a block holds. */
const BLOCK_CELLS = 4096;
/** Up to this many draws per cell of a block on average, the draws are thrown one by one into its slots. */
const DRAWS_PER_CELL = 8;
/** Cuts `weights` (non-negative integers) into blocks. Cost O(cells). */
function blockPlan(weights) {
    const starts = [];
    const sums = [];
    let sum = 0;
    let cells = 0;
    for (let j = 0; j < weights.length; j++) {
        const w = weights[j];
        if (cells === 0 || sum + w > BLOCK_SLOTS || cells === BLOCK_CELLS) {
            if (cells > 0)
                sums.push(sum);
            starts.push(j);
            sum = 0;
            cells = 0;
        }
        sum += w;
        cells++;
    }
    if (cells > 0)
        sums.push(sum);
    starts.push(weights.length);
    let widest = 0;
    for (const s of sums)
        if (s <= BLOCK_SLOTS)
            widest = Math.max(widest, s);
    return {
        weights,
        start: Int32Array.from(starts),
        weight: Float64Array.from(sums),
        totals: new Float64Array(sums.length),
        slots: new Uint32Array(widest)
    };
}
/** One draw of Multinomial(n, wⱼ / W) into out[0 … cells), W the sum of the plan's weights. */
function blockMultinomial(rng, n, plan, out) {
    const { weights, start, weight, totals, slots } = plan;
    const blocks = weight.length;
    multinomial(rng, n, weight, totals, 0, blocks);
    for (let b = 0; b < blocks; b++) {
        const from = start[b];
        const to = start[b + 1];
        const x = totals[b];
        if (x === 0) {
            for (let j = from; j < to; j++)
                out[j] = 0;
        }
        else if (to - from === 1) {
            out[from] = x;
        }
        else if (x <= DRAWS_PER_CELL * (to - from)) {
            const w = weight[b];
            slots.fill(0, 0, w);
            throwInto(rng, slots, x, w);
            for (let j = from, slot = 0; j < to; j++) {
                let sum = 0;
                for (const stop = slot + weights[j]; slot < stop; slot++)
                    sum += slots[slot];
                out[j] = sum;
            }
        }
        else {
            multinomial(rng, x, weights, out, from, to);
        }
    }
}
const blockMultinomial_STATE = new Int32Array(4);
const TWO32 = 4294967296;
/**
 * x draws of a uniform integer below w (≤ 2²¹), each counted in slots[]: the numbers and values of
 * `uniformBelow(rng, w)` called x times (Lemire's multiply-and-reject), with xoshiro128** stepped in local
 * variables (a call and four field loads and stores less per draw).
 */
function throwInto(rng, slots, x, w) {
    rng.getState(blockMultinomial_STATE);
    let s0 = blockMultinomial_STATE[0];
    let s1 = blockMultinomial_STATE[1];
    let s2 = blockMultinomial_STATE[2];
    let s3 = blockMultinomial_STATE[3];
    const threshold = (TWO32 - w) % w;
    for (let i = 0; i < x; i++) {
        let u;
        let low;
        do {
            const r = Math.imul(s1, 5);
            u = Math.imul((r << 7) | (r >>> 25), 9) >>> 0;
            const t = s1 << 9;
            s2 ^= s0;
            s3 ^= s1;
            s1 ^= s2;
            s0 ^= s3;
            s2 ^= t;
            s3 = (s3 << 11) | (s3 >>> 21);
            low = Math.imul(u, w) >>> 0;
        } while (low < threshold);
        slots[Math.floor((u * w) / TWO32)]++;
    }
    blockMultinomial_STATE[0] = s0;
    blockMultinomial_STATE[1] = s1;
    blockMultinomial_STATE[2] = s2;
    blockMultinomial_STATE[3] = s3;
    rng.setState(blockMultinomial_STATE);
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
        quantile_select(values, from, n - 1, rank);
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
function quantile_select(a, left, right, rank) {
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

;// CONCATENATED MODULE: ./src/significance/classification/classificationResample.ts






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
withTest = true, 
/** Gives the permutation counts made elsewhere ({@link familyPermutation} on a helper thread); called after the bootstrap. */
permutation, 
/** Gives a chunked family's bootstrap drawn by two threads (src/significance/classification/statsWorker.ts); else this thread draws every chunk. */
bootstrap) {
    const { metrics } = family;
    const R = settings.resamples;
    const observed = observe(family);
    const perClass = family.perClass === true;
    const boot = perClass
        ? bootstrapClass(family, R, settings.seed)
        : family.chunked
            ? (bootstrap ? bootstrap() : drawEveryChunk(family, R, settings.seed))
            : bootstrapDraws(family, R, settings.seed);
    const perm = withTest ? (permutation ? permutation() : (perClass ? permutationClass : permutationHits)(family, observed, directions, R, settings.seed)) : null;
    const out = new Map();
    const { alpha } = settings;
    metrics.forEach((m, i) => {
        const obs = observed[i];
        const worseHigh = directions(m.name) === 'lower';
        if (Number.isNaN(obs) || (perClass && i === CLASS_SUPPORT)) {
            out.set(m.name, { ci: null, candidateCi: null, worseBound: null, pValue: null, pValueWorse: null });
            return;
        }
        const deltas = finite(boot.deltas[i]);
        const cands = finite(boot.candidates[i]);
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
 * The permutation counts of a family exactly as {@link resampleFamily} makes them (its own stream
 * `permutation:NAME`, independent of the bootstrap's): what a helper thread runs while this thread draws the
 * bootstrap. Cost: see permutationHits.
 */
function familyPermutation(family, directions, settings) {
    return (family.perClass ? permutationClass : permutationHits)(family, observe(family), directions, settings.resamples, settings.seed);
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
/** Resamples per chunk of a chunked bootstrap ({@link CellFamily.chunked}). */
const BOOTSTRAP_CHUNK = 16;
/**
 * A chunked family's bootstrap: resample r belongs to chunk ⌊r / BOOTSTRAP_CHUNK⌋, and chunk i is drawn from its
 * own stream `bootstrap:NAME/i`, so any thread can draw any chunk and the numbers depend only on (seed, NAME, i),
 * never on which thread drew it or how many there were.
 *
 * A resample's cell counts are Multinomial(n, wⱼ / n) (the cells largest first), drawn in blocks
 * (src/stats/blockMultinomial.ts: block totals by conditional binomials, then within a block of small cells the
 * examples one by one into its slots, else conditional binomials): the same distribution as the conditional
 * binomial method over all cells, with about one 32-bit random number per example instead of a binomial (an exp
 * and a log) per cell where the cells hold one or two examples (a table of many classes). The sums of the two
 * confusion matrices are updated cell by cell, as {@link bootstrapDraws} does.
 * Cost per chunk: BOOTSTRAP_CHUNK × (the draw: at most min(cells, n) binomials or n uniform integers; + cells +
 * K·metrics). Setup O(cells log cells).
 * @example chunkedBootstrap(family, 1000, 0).chunks // 63
 */
function chunkedBootstrap(family, R, seed) {
    const { cells, metrics } = family;
    const order = largestFirst(cells);
    const m = order.length;
    // Plain loops: TypedArray.from with a mapping function is several times slower on 10⁵–10⁶ cells.
    const weights = new Float64Array(m);
    const ts = new Int32Array(m);
    const bs = new Int32Array(m);
    const cs = new Int32Array(m);
    const right = new Uint8Array(m);
    let n = 0;
    for (let i = 0; i < m; i++) {
        const j = order[i];
        weights[i] = cells.count[j];
        ts[i] = cells.t[j];
        bs[i] = cells.b[j];
        cs[i] = cells.c[j];
        right[i] = (cells.b[j] === cells.t[j] ? 1 : 0) | (cells.c[j] === cells.t[j] ? 2 : 0);
        n += weights[i];
    }
    const plan = blockPlan(weights);
    const draw = new Float64Array(m);
    const sB = newClassSums(cells.k);
    const sC = newClassSums(cells.k);
    const evaluate = evaluator(metrics, cells.k);
    const vB = new Float64Array(metrics.length);
    const vC = new Float64Array(metrics.length);
    return {
        chunks: Math.ceil(R / BOOTSTRAP_CHUNK),
        draw(chunk, out) {
            const rng = streamFor(seed, `bootstrap:${family.name}/${chunk}`);
            const end = Math.min(R, (chunk + 1) * BOOTSTRAP_CHUNK);
            for (let r = chunk * BOOTSTRAP_CHUNK; r < end; r++) {
                blockMultinomial(rng, n, plan, draw);
                addCells(draw, ts, bs, cs, right, sB, sC);
                evaluate(sB, vB);
                evaluate(sC, vC);
                for (let i = 0; i < metrics.length; i++) {
                    out.deltas[i][r] = vC[i] - vB[i];
                    out.candidates[i][r] = vC[i];
                }
            }
        }
    };
}
/**
 * The two models' class sums of drawn cell counts `x` (cells t, b, c; `right` bit 1 where the baseline is
 * right, bit 2 where the candidate is) into sB and sC. Without branches (a count is 0 about a third of the time in a table of small cells, and
 * whether a model is right varies from cell to cell): integer sums, so adding zeros changes nothing. A function
 * of its own, its arrays in arguments, so that the loop keeps them in registers; the flags in one byte, as the
 * pass is bound by memory (21 bytes a cell).
 */
function addCells(x, ts, bs, cs, right, sB, sC) {
    const { truth, predicted: predB, tp: tpB } = sB;
    const { predicted: predC, tp: tpC } = sC;
    truth.fill(0);
    predB.fill(0);
    tpB.fill(0);
    predC.fill(0);
    tpC.fill(0);
    let total = 0;
    let correctB = 0;
    let correctC = 0;
    const m = x.length;
    for (let j = 0; j < m; j++) {
        const v = x[j];
        const t = ts[j];
        total += v;
        truth[t] += v;
        predB[bs[j]] += v;
        predC[cs[j]] += v;
        const f = right[j];
        const vB = v * (f & 1);
        const vC = v * (f >> 1);
        tpB[t] += vB;
        tpC[t] += vC;
        correctB += vB;
        correctC += vC;
    }
    sC.truth.set(truth);
    sB.total = sC.total = total;
    sB.correct = correctB;
    sC.correct = correctC;
}
/** Every chunk of a chunked family's bootstrap, on this thread. */
function drawEveryChunk(family, R, seed) {
    const out = { deltas: family.metrics.map(() => new Float64Array(R)), candidates: family.metrics.map(() => new Float64Array(R)) };
    const boot = chunkedBootstrap(family, R, seed);
    for (let chunk = 0; chunk < boot.chunks; chunk++)
        boot.draw(chunk, out);
    return out;
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
    const swaps = new Float64Array(ns.length);
    // +1: a swap moves a right answer from the baseline to the candidate (b = t); −1 the other way (c = t).
    const toCandidate = Float64Array.from(source, (j) => (cells.b[j] === cells.t[j] ? 1 : cells.c[j] === cells.t[j] ? -1 : 0));
    const { predicted: predB, tp: tpB } = sB;
    const { predicted: predC, tp: tpC } = sC;
    for (let r = 0; r < R; r++) {
        sB.predicted.set(b0.predicted);
        sB.tp.set(b0.tp);
        sC.predicted.set(c0.predicted);
        sC.tp.set(c0.tp);
        let correctB = b0.correct;
        let correctC = c0.correct;
        // The swap counts of every cell, drawn in cell order (the draws of binomialHalf cell by cell).
        binomialHalves(rng, ns, swaps);
        // Without branches (half the swap counts are 0): integer sums, so adding zeros changes nothing.
        for (let j = 0; j < ns.length; j++) {
            const s = swaps[j];
            const t = ts[j];
            const b = bs[j];
            const c = cs[j];
            predB[b] -= s;
            predB[c] += s;
            predC[c] -= s;
            predC[b] += s;
            const moved = s * toCandidate[j];
            tpB[t] -= moved;
            tpC[t] += moved;
            correctB -= moved;
            correctC += moved;
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
    const swaps = new Float64Array(ns.length);
    for (let r = 0; r < R; r++) {
        let predB = sB.predicted[1];
        let predC = sC.predicted[1];
        let tpB = sB.tp[1];
        let tpC = sC.tp[1];
        binomialHalves(rng, ns, swaps);
        for (let j = 0; j < ns.length; j++) {
            const s = swaps[j];
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
function finite(values) {
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

;// CONCATENATED MODULE: external "node:worker_threads"
const external_node_worker_threads_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");
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


/** DeLong's placement values of one model's scores (see the file's comment) and its AUC. Cost O(n) after the sort. */
function placements(positive, score, nPos, nNeg, order = ascendingOrder(score)) {
    const n = positive.length;
    const v10 = new Float64Array(nPos);
    const v01 = new Float64Array(nNeg);
    const posIndex = new Int32Array(n);
    let p = 0;
    let q = 0;
    for (let i = 0; i < n; i++)
        posIndex[i] = positive[i] ? p++ : q++;
    // The scores and classes in score order, gathered once: the group scan below then reads memory in sequence.
    const sorted = new Float64Array(n);
    const sortedPos = new Uint8Array(n);
    for (let k = 0; k < n; k++) {
        const e = order[k];
        sorted[k] = score[e];
        sortedPos[k] = positive[e];
    }
    let seen = 0;
    let seenPos = 0;
    for (let i = 0; i < n;) {
        let j = i;
        let groupPos = 0;
        const s = sorted[i];
        while (j < n && sorted[j] === s) {
            groupPos += sortedPos[j];
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
            if (sortedPos[k])
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
 * Medical Tests", docs/gates.md.2.4; Qin & Hotilovac 2008, Stat. Methods Med. Res. 17, 207–221, for the AUC). It stays in
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

;// CONCATENATED MODULE: ./src/stats/rankCounts.ts
/**
 * DeLong's placement values of one class column without sorting the whole column: for a positive i,
 * V10ᵢ = (#negatives below sᵢ + ½·#negatives tied with sᵢ) / N, and for a negative j,
 * V01ⱼ = 1 − (#positives below sⱼ + ½·#positives tied with sⱼ) / P — the midrank form of src/stats/delong.ts
 * (z − x there is exactly #negatives below + ½·#negatives tied: integers and halves, no rounding), so the
 * values are the same doubles.
 *
 * Method: only the smaller side (positives or negatives, m examples) is sorted (native Float64Array sort) and
 * reduced to its distinct values with their counts; every example of the larger side finds its place among
 * them by binary search, which gives its own placement and, counted per place, the larger side's counts below
 * and tied for every distinct value of the smaller side. With K classes the positives of a class are about n/K,
 * so the search is in a small array that stays in cache.
 * Cost: O(m log m + n log m) time, O(n) memory; against O(n) radix passes over the whole column with scattered
 * reads (src/metrics/scores.ts `ascendingOrder`), several times faster at n = 10⁶, K = 20.
 * Scores must not be NaN (the readers reject them).
 *
 * @example
 * const out = new Float64Array(4)
 * placementsBySearch(Uint8Array.of(0, 0, 1, 1), Float64Array.of(0.1, 0.4, 0.35, 0.8), 2, 2, out)
 * // out = [1, 0.5, 0.5, 1]: V01 of the negatives (0.1 is below both positives, 0.4 above one), V10 of the positives
 */
function placementsBySearch(positive, score, nPos, nNeg, out) {
    const n = positive.length;
    // The smaller side's flag (1: positives), its sorted distinct values and how many of it are below / tied.
    const small = nPos <= nNeg ? 1 : 0;
    const m = small === 1 ? nPos : nNeg;
    const sorted = new Float64Array(m);
    for (let e = 0, i = 0; e < n; e++)
        if (positive[e] === small)
            sorted[i++] = score[e];
    sorted.sort();
    const distinct = new Float64Array(m);
    const smallBelow = new Float64Array(m + 1);
    const smallTied = new Float64Array(m);
    let d = 0;
    for (let i = 0; i < m;) {
        const v = sorted[i];
        let j = i + 1;
        // -0 and 0 are one value (===), as in the sorted scan of src/stats/delong.ts.
        while (j < m && sorted[j] === v)
            j++;
        distinct[d] = v;
        smallBelow[d] = i;
        smallTied[d] = j - i;
        d++;
        i = j;
    }
    // Per distinct value t of the smaller side: examples of the larger side strictly between distinct[t − 1] and
    // distinct[t] (index t; index d: above all), and tied with distinct[t].
    const largeBetween = new Float64Array(d + 1);
    const largeTied = new Float64Array(d);
    const place = new Int32Array(m);
    const nSmall = m;
    const find = searcher(distinct, d);
    for (let e = 0, s = 0; e < n; e++) {
        const v = score[e];
        const lo = find(v);
        if (positive[e] === small) {
            place[s++] = lo;
            continue;
        }
        const tied = lo < d && distinct[lo] === v;
        const counted = tied ? smallBelow[lo] + smallTied[lo] / 2 : lo < d ? smallBelow[lo] : nSmall;
        if (tied)
            largeTied[lo]++;
        else
            largeBetween[lo]++;
        // This example is on the larger side: its count is against the smaller side.
        out[e] = small === 1 ? 1 - counted / nPos : counted / nNeg;
    }
    // Larger-side examples below each distinct value: a running sum of the between and tied counts.
    const largeBelow = new Float64Array(d);
    let below = 0;
    for (let t = 0; t < d; t++) {
        below += largeBetween[t];
        largeBelow[t] = below;
        below += largeTied[t];
    }
    for (let e = 0, s = 0; e < n; e++) {
        if (positive[e] !== small)
            continue;
        const t = place[s++];
        const counted = largeBelow[t] + largeTied[t] / 2;
        out[e] = small === 1 ? counted / nNeg : 1 - counted / nPos;
    }
}
/**
 * The first index of `distinct[0 … d)` (ascending, distinct) whose value is ≥ v, by a bucket table over the
 * values' range: bucket(v) = ⌊(v − min)·B / (max − min)⌋ is monotone in v, so the answer lies between the
 * first distinct value of v's bucket and the first of the next one; that range is scanned (a binary search
 * when it is long, as when the values crowd into a few buckets). B = 2d buckets.
 * Cost: O(d) to build; O(1) per search for values spread over their range, O(log d) at worst.
 * @example searcher(Float64Array.of(0.1, 0.5, 0.9), 3)(0.5) // 1
 */
function searcher(distinct, d) {
    if (d === 0)
        return () => 0;
    const min = distinct[0];
    const max = distinct[d - 1];
    const B = 2 * d;
    const range = max - min;
    // A range that overflows (±1e308) gives scale 0: one bucket, the binary search.
    const scale = range > 0 && Number.isFinite(range) ? B / range : 0;
    const start = new Int32Array(B + 1);
    let b = 0;
    for (let t = 0; t < d; t++) {
        const bt = Math.min(B - 1, Math.floor((distinct[t] - min) * scale));
        while (b <= bt)
            start[b++] = t;
    }
    while (b <= B)
        start[b++] = d;
    return (v) => {
        if (v <= min)
            return 0;
        if (v > max)
            return d;
        const bv = Math.min(B - 1, Math.floor((v - min) * scale));
        let lo = start[bv];
        let hi = start[bv + 1];
        if (hi - lo > 8) {
            while (lo < hi) {
                const mid = (lo + hi) >>> 1;
                if (distinct[mid] < v)
                    lo = mid + 1;
                else
                    hi = mid;
            }
            return lo;
        }
        while (lo < hi && distinct[lo] < v)
            lo++;
        return lo;
    };
}

;// CONCATENATED MODULE: ./src/stats/delongMulticlass.ts
/**
 * DeLong's paired test for the one-vs-rest macro AUC of two multiclass models (DeLong, DeLong & Clarke-Pearson
 * 1988, generalized to a mean of K correlated two-sample U-statistics; the per-example form of Sun & Xu 2014).
 *
 * Macro AUC = (1/K) Σ_c A_c, A_c the AUC of class c against the rest on the scores of column c (as scikit-learn
 * `roc_auc_score(y, P, multi_class="ovr", average="macro")`). Each A_c is a U-statistic with DeLong's structural
 * components: V10_c(i) = mean over the negatives j of c of ψ(s_ic, s_jc) for a positive i, V01_c(j) = mean over the
 * positives i of ψ(s_ic, s_jc) for a negative j (ψ = 1 if >, ½ if tied, 0 else). The same example is a positive of
 * its own class and a negative of every other one, so the K AUCs are correlated through it: its influence on the
 * macro AUC sums over the classes,
 *   h(e) = (1/K)·[ V10_y(e)/P_y + Σ_{c ≠ y} V01_c(e)/N_c ]     (y = e's true class, P_c, N_c = class c's counts),
 * and with the true labels fixed (as DeLong fixes P and N) the examples of each true class g are one i.i.d. sample:
 *   Var(macro) = Σ_g n_g · s²_g(h),  s²_g the sample variance (n_g − 1) of h over the examples of class g.
 * For the paired difference the same with d(e) = h_B(e) − h_A(e). With K = 2 (and scores that sum to 1) this is
 * exactly the binary DeLong test; with one class of interest per example it is DeLong's S10/P + S01/N.
 * Cost: O(K·n log(n/K)) (per class column and model, a sort of the smaller side and a binary search of every
 * example in it: src/stats/rankCounts.ts) and O(n) memory for one column at a time.
 *
 * @example
 * // Six examples of three classes; rows are (p0, p1, p2).
 * const A = Float64Array.of(.5, .3, .2, .3, .4, .3, .2, .3, .5, .4, .4, .2, .4, .3, .3, .3, .3, .4)
 * const B = Float64Array.of(.6, .2, .2, .2, .6, .2, .1, .2, .7, .5, .3, .2, .3, .5, .2, .2, .2, .6)
 * delongOvrMacro(Uint32Array.of(0, 1, 2, 0, 1, 2), A, B, 3, 0.05)
 * // { aucA: 0.8542 (scikit-learn's), aucB: 1, delta: 0.1458, variance: 0.014757, z: 1.2005, pValue: 0.2299, … }
 */




/**
 * Per-example influence values h(e) of a model's macro one-vs-rest AUC (see the file's comment) and the macro AUC.
 * `probs` is row-major n × k, or the files' own rows read in place (ScoreRows). Null when a class has no positive
 * or no negative example.
 */
function ovrInfluence(truth, probs, k) {
    const n = truth.length;
    const { values, width, column: columns, rows } = scoreRows(probs, k);
    const h = new Float64Array(n);
    const column = new Float64Array(n);
    const positive = new Uint8Array(n);
    const placed = new Float64Array(n);
    const perClass = [];
    for (let c = 0; c < k; c++) {
        let nPos = 0;
        for (let e = 0; e < n; e++) {
            column[e] = values[(rows === null ? e : rows[e]) * width + columns[c]];
            positive[e] = truth[e] === c ? 1 : 0;
            nPos += positive[e];
        }
        const nNeg = n - nPos;
        if (nPos === 0 || nNeg === 0)
            return null;
        // V10 of the positives and V01 of the negatives, in example order (the same doubles as placements()).
        placementsBySearch(positive, column, nPos, nNeg, placed);
        let sum = 0;
        for (let e = 0; e < n; e++) {
            if (positive[e]) {
                sum += placed[e];
                h[e] += placed[e] / nPos;
            }
            else
                h[e] += placed[e] / nNeg;
        }
        perClass.push(sum / nPos);
    }
    for (let e = 0; e < n; e++)
        h[e] /= k;
    let sum = 0;
    for (const a of perClass)
        sum += a;
    return { auc: sum / k, h, perClass };
}
/** Σ over true classes g of n_g · (sample variance of x over class g); classes with one example add 0. */
function stratifiedVariance(truth, x, k) {
    const count = new Float64Array(k);
    const mean = new Float64Array(k);
    const m2 = new Float64Array(k);
    for (let e = 0; e < x.length; e++) {
        const g = truth[e];
        count[g]++;
        const d = x[e] - mean[g];
        mean[g] += d / count[g];
        m2[g] += d * (x[e] - mean[g]);
    }
    let v = 0;
    for (let g = 0; g < k; g++)
        if (count[g] > 1)
            v += (count[g] * m2[g]) / (count[g] - 1);
    return v;
}
/**
 * Paired DeLong test of model B (candidate) against model A (baseline) on the macro one-vs-rest AUC.
 * `probsA`, `probsB`: row-major n × k class probabilities of the same examples. Null when a class has no
 * positive or no negative example (the macro AUC is undefined, as scikit-learn's is).
 */
function delongOvrMacro(truth, probsA, probsB, k, alpha) {
    const a = ovrInfluence(truth, probsA, k);
    const b = probsB === probsA ? a : ovrInfluence(truth, probsB, k);
    if (!a || !b)
        return null;
    const d = new Float64Array(truth.length);
    for (let e = 0; e < d.length; e++)
        d[e] = b.h[e] - a.h[e];
    const variance = Math.max(0, stratifiedVariance(truth, d, k));
    const varianceB = Math.max(0, stratifiedVariance(truth, b.h, k));
    const delta = b.auc - a.auc;
    const se = Math.sqrt(variance);
    const z2 = normalQuantile(1 - alpha / 2);
    const z1 = normalQuantile(1 - alpha);
    const z = se > 0 ? delta / se : delta === 0 ? 0 : Math.sign(delta) * Infinity;
    return {
        aucA: a.auc,
        aucB: b.auc,
        delta,
        variance,
        varianceB,
        z,
        pValue: se > 0 ? Math.min(1, 2 * normalCdf(-Math.abs(z))) : delta === 0 ? 1 : 0,
        pLess: se > 0 ? normalCdf(z) : delta < 0 ? 0 : 1,
        ci: [delta - z2 * se, delta + z2 * se],
        lower: delta - z1 * se,
        ciB: logitInterval(b.auc, Math.sqrt(varianceB), alpha)
    };
}

;// CONCATENATED MODULE: ./src/stats/beta.ts
/**
 * The regularized incomplete beta function I_x(a, b), by its continued fraction evaluated with the modified
 * Lentz method (Press et al., Numerical Recipes, 3rd ed., docs/cli.md.4; Lentz 1976), using the symmetry
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
    return tResult(n, mean, se, df, alpha);
}
/**
 * The t test's result for a mean with its standard error and degrees of freedom (shared by the plain and the
 * cluster paired t): two-sided p, both one-sided p, the two-sided interval and both one-sided bounds. A zero
 * standard error gives p 0 or 1 and a point interval. Cost O(1) plus the t quantiles.
 * @example tResult(10, 0.5, 0.2, 9, 0.05).t // 2.5
 */
function tResult(n, mean, se, df, alpha) {
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

;// CONCATENATED MODULE: ./src/stats/poissonWeights.ts
/** ⌊F(k)·2³²⌋ for k = 0 … 29 (the last, 30, takes every draw left), F summed as e^−1, then p /= k, F += p. */
const THRESHOLDS = (() => {
    const t = new Float64Array(30);
    let p = Math.exp(-1);
    let F = p;
    for (let k = 0; k < 30; k++) {
        t[k] = Math.min(4294967296, Math.floor(F * 4294967296));
        p /= k + 1;
        F += p;
    }
    return t;
})();
/**
 * The weight of every draw x by its top 12 bits: bucket b holds x in [b·2²⁰, (b + 1)·2²⁰), and gets its weight
 * when the whole bucket has one (no threshold inside it), else 255: the draw is then searched against the
 * thresholds. 5 of the 4,096 buckets hold a threshold (k ≥ 5 share the last), so a draw almost never searches: one
 * load from a 4 KiB table instead of a chain of unpredictable comparisons (about half the time per weight).
 */
const BUCKETS = (() => {
    const search = (x) => {
        let v = 0;
        while (v < 30 && x >= THRESHOLDS[v])
            v++;
        return v;
    };
    const table = new Uint8Array(4096);
    for (let b = 0; b < 4096; b++) {
        const low = search(b * 1048576);
        table[b] = low === search(b * 1048576 + 1048575) ? low : 255;
    }
    return table;
})();
const poissonWeights_STATE = new Int32Array(4);
/** Fills `w` with n = w.length Poisson(1) weights and returns their sum over the examples where `positive` is 1. */
function poissonWeights(rng, w, positive) {
    const state = poissonWeights_STATE;
    rng.getState(state);
    let s0 = state[0];
    let s1 = state[1];
    let s2 = state[2];
    let s3 = state[3];
    const buckets = BUCKETS;
    let total = 0;
    for (let k = 0; k < w.length; k++) {
        // xoshiro128** (Random.nextUint32), written out; y is the draw as an int32 (its bits).
        const r = Math.imul(s1, 5);
        const y = Math.imul((r << 7) | (r >>> 25), 9);
        const t = s1 << 9;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = (s3 << 11) | (s3 >>> 21);
        let v = buckets[y >>> 20];
        if (v === 255) {
            const x = y >>> 0;
            v = 0;
            while (v < 30 && x >= THRESHOLDS[v])
                v++;
        }
        w[k] = v;
        total += v & -positive[k];
    }
    state[0] = s0;
    state[1] = s1;
    state[2] = s2;
    state[3] = s3;
    rng.setState(state);
    return total;
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
    let ties = 0;
    for (let k = 0; k < n; k++) {
        pos[k] = positive[order[k]];
        start[k] = k === 0 || score[order[k - 1]] !== score[order[k]] ? 1 : 0;
        ties += 1 - start[k];
    }
    return { pos, start, ties };
}
/**
 * Weighted AP from the top down: position k has weight w[map[k]] (map null: w[k]); `total` is the positive weight
 * (the same for both models: the same examples are drawn). Null without positive weight. Written without
 * callbacks and with one loop per case: it runs n steps per resample. `pos` is 0 or 1: a weight goes to the
 * group (positive) or to fp by masks, not by a branch that the examples' order makes unpredictable.
 *
 * A group is closed where a score ends (start) if it has positive weight. When many scores tie (more than a
 * quarter of the positions), whether that happens is a coin toss per position, and a mispredicted branch costs
 * more than computing the term at every position: there the term is added everywhere, with the group's weight g
 * set to 0 where no group closes; it then adds (0 / total) · x = +0 to a sum that is ≥ +0, which leaves it the
 * same double, so both loops give the same value bit for bit (tested). `everywhere` picks the loop; it masks the
 * group's weight as an int32, so it is kept to n < 2²³ (a group weighs at most 255·n < 2³¹).
 */
function weightedAp(r, w, map, total, everywhere = r.ties * 4 > r.pos.length && r.pos.length < 2 ** 23) {
    if (total === 0)
        return null;
    const n = r.pos.length;
    if (everywhere)
        return weightedApEverywhere(r, w, map, total);
    const { pos, start } = r;
    let tp = 0;
    let fp = 0;
    let group = 0;
    let ap = 0;
    if (map === null) {
        for (let k = n - 1; k >= 0; k--) {
            const weight = w[k];
            const p = pos[k];
            group += weight & -p;
            fp += weight & (p - 1);
            if (start[k] && group > 0) {
                tp += group;
                ap += (group / total) * (tp / (tp + fp));
                group = 0;
            }
        }
    }
    else {
        for (let k = n - 1; k >= 0; k--) {
            const weight = w[map[k]];
            const p = pos[k];
            group += weight & -p;
            fp += weight & (p - 1);
            if (start[k] && group > 0) {
                tp += group;
                ap += (group / total) * (tp / (tp + fp));
                group = 0;
            }
        }
    }
    return ap;
}
/** {@link weightedAp} with the term computed at every position (many ties); the same double. */
function weightedApEverywhere(r, w, map, total) {
    if (total === 0)
        return null;
    const n = r.pos.length;
    const { pos, start } = r;
    let tp = 0;
    let fp = 0;
    let group = 0;
    let ap = 0;
    if (map === null) {
        for (let k = n - 1; k >= 0; k--) {
            const weight = w[k];
            const p = pos[k];
            group += weight & -p;
            fp += weight & (p - 1);
            // tp + fp is 0 only above the first weight, where g is 0 too: the || 1 keeps 0 / 0 out.
            const g = group & -start[k];
            tp += g;
            ap += (g / total) * (tp / (tp + fp || 1));
            group -= g;
        }
    }
    else {
        for (let k = n - 1; k >= 0; k--) {
            const weight = w[map[k]];
            const p = pos[k];
            group += weight & -p;
            fp += weight & (p - 1);
            const g = group & -start[k];
            tp += g;
            ap += (g / total) * (tp / (tp + fp || 1));
            group -= g;
        }
    }
    return ap;
}
/** The {@link ApPlan} of models A and B from their ascending score orders. Cost O(n). */
function apPlan(positive, scoreA, scoreB, orderA, orderB) {
    const n = positive.length;
    const a = ranked(positive, scoreA, orderA);
    const b = ranked(positive, scoreB, orderB);
    // Weights live in A's order (a resample draws positions, which is drawing examples); B reads them through mapB.
    const rankA = new Uint32Array(n);
    for (let k = 0; k < n; k++)
        rankA[orderA[k]] = k;
    const mapB = new Uint32Array(n);
    for (let k = 0; k < n; k++)
        mapB[k] = rankA[orderB[k]];
    return { a, b, mapB };
}
/**
 * AP of A and B from the plan: the weighted pass with every weight 1, which sums the same terms in the same order
 * as src/metrics/scores.ts `averagePrecision` (the same doubles), without its reads at random through the order.
 * Null for a model without positives. Cost O(n).
 */
function apValues(plan) {
    const ones = new Uint8Array(plan.a.pos.length).fill(1);
    let total = 0;
    for (const p of plan.a.pos)
        total += p;
    return [weightedAp(plan.a, ones, null, total), weightedAp(plan.b, ones, null, total)];
}
/**
 * Bootstrap interval, candidate interval, worse-side bound and p-values of AP_B − AP_A (B the candidate).
 * `orderA`/`orderB` are the ascending score orders (src/metrics/scores.ts `ascendingOrder`).
 */
function apStatistics(positive, scoreA, scoreB, orderA, orderB, observedDelta, resamples, alpha, rngBoot, rngPerm, plan = apPlan(positive, scoreA, scoreB, orderA, orderB)) {
    const n = positive.length;
    const R = resamplesFor(resamples, n);
    const { a, b, mapB } = plan;
    // Weights as bytes (a Poisson(1) weight is at most 30): B's pass reads them at random through mapB, and n bytes
    // stay in cache where 4n do not.
    const w = new Uint8Array(n);
    const deltas = new Float64Array(R);
    const cands = new Float64Array(R);
    let kept = 0;
    const poisson = R < 1000;
    for (let r = 0; r < R; r++) {
        let total = 0;
        if (poisson) {
            // Large n: Poisson(1) weights, drawn in order (Hanley & MacGibbon 2006) — the multinomial bootstrap
            // conditioned on nothing; at this n the two agree, and this one reads and writes memory in sequence.
            total = poissonWeights(rngBoot, w, a.pos);
        }
        else {
            w.fill(0);
            for (let i = 0; i < n; i++) {
                const j = Math.floor(rngBoot.nextDouble() * n);
                // One example drawn 256 times of n ≤ WORK/1000 draws (probability below 10⁻⁴⁰⁰) would wrap the byte.
                if (++w[j] === 0)
                    throw new Error('apStatistics: a bootstrap weight above 255');
            }
            const apos = a.pos;
            for (let k = 0; k < n; k++)
                if (apos[k])
                    total += w[k];
        }
        const apA = weightedAp(a, w, null, total);
        const apB = weightedAp(b, w, mapB, total);
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

;// CONCATENATED MODULE: ./src/significance/classification/scoreColumnStatistics.ts
/**
 * The statistics stage for score metrics (docs/metrics.md, docs/statistics.md): `roc_auc` with DeLong's paired test and interval (the
 * candidate's own on the logit scale), `log_loss` and `brier` with the paired t-test on per-example loss
 * differences (and a t interval; the candidate's log loss gets a log-scale t interval), and
 * `average_precision` with the paired bootstrap and approximate randomization (src/stats/scoreResampling.ts).
 * Values are on the paired examples only.
 */









/** Where the binary score orders of the last run came from: the files' orders (read early) or a sort here (for tests). */
const lastScoreOrders = { candidate: 'none', baseline: 'none' };
/**
 * The paired binary columns the score metrics read, in pair order; null unless the task is binary with a positive
 * class and the candidate has a `score`. Cost O(n).
 */
function binaryScoreColumns(ctx) {
    const { candidate, baseline, pairing } = ctx;
    if (ctx.task !== 'binary' || ctx.positive === null || candidate.score === null)
        return null;
    const candRows = pairing ? pairing.cand : null;
    const n = candRows ? candRows.length : candidate.n;
    const pos = new Uint8Array(n);
    const positive = ctx.positive;
    for (let p = 0; p < n; p++)
        pos[p] = ctx.remap[candidate.truth[candRows ? candRows[p] : p]] === positive ? 1 : 0;
    const cand = gather(candidate.score, candRows ?? identity(n));
    const base = baseline !== null && pairing !== null && baseline.score ? gather(baseline.score, pairing.base) : null;
    const orderC = pairedOrder(ctx.orders?.candidate, candidate.score, candRows ?? identity(n));
    const orderB = base && baseline && pairing ? pairedOrder(ctx.orders?.baseline, baseline.score, pairing.base) : null;
    return { pos, cand, base, orderC, orderB };
}
/** The ascending order of `score` at `rows` from a file's order, when it is this column's and carries over. */
function pairedOrder(known, score, rows) {
    return known && score && known.score === score ? orderOfRows(known.order, rows, score.length) : null;
}
function identity(n) {
    return Uint32Array.from({ length: n }, (_, i) => i);
}
const scoreColumnStatistics_empty = (name) => ({
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
const scoreColumnStatistics_finite = (x) => (x !== null && Number.isFinite(x) ? x : null);
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
        const m = scoreColumnStatistics_empty(name);
        m.candidate = scoreColumnStatistics_finite(mean(cand));
        // Log loss is a mean of right-skewed losses: its interval is made on the log scale.
        if (name === 'log_loss') {
            m.candidateCi = logScaleTInterval(cand, alpha);
            if (m.candidateCi)
                m.candidateCiMethod = 'log-t';
        }
        else
            m.candidateCi = pairedT(cand, alpha)?.ci ?? null;
        if (base) {
            m.baseline = scoreColumnStatistics_finite(mean(base));
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
        const { pos, cand, base, orderC: knownC, orderB: knownB } = ctx.columns ?? binaryScoreColumns(ctx);
        const orderC = knownC ?? ascendingOrder(cand);
        const orderB = base ? (knownB ?? ascendingOrder(base)) : orderC;
        lastScoreOrders.candidate = knownC ? 'file' : 'sorted';
        lastScoreOrders.baseline = base ? (knownB ? 'file' : 'sorted') : 'none';
        const auc = scoreColumnStatistics_empty('roc_auc');
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
        if (ctx.averagePrecision === 'later')
            out.set('average_precision', scoreColumnStatistics_empty('average_precision'));
        else {
            const ap = averagePrecisionMetric(pos, base, cand, settings, orderB, orderC);
            out.set('average_precision', ap.metric);
            if (ap.warning)
                warnings.push(ap.warning);
        }
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
        // Read in place (no copy of rows × classes doubles): the pairs' rows, the report's label order.
        return { values, width, column: Int32Array.from(column), rows };
    };
    const cand = probs(candidate, candRows);
    if (!cand)
        return { metrics: out, warnings };
    const base = compareBaseline ? probs(baseline, baseRows) : null;
    const auc = scoreColumnStatistics_empty('roc_auc');
    // One-vs-rest macro AUC with DeLong's paired test over the K correlated class AUCs (src/stats/delongMulticlass.ts).
    const delong = delongOvrMacro(truth, base ?? cand, cand, k, alpha);
    auc.candidate = delong ? delong.aucB : rocAucOvrMacro(truth, cand, k);
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
    lossMetric('log_loss', logLossesMulticlass(truth, cand, k), base ? logLossesMulticlass(truth, base, k) : null);
    return { metrics: out, warnings };
}
/**
 * `average_precision` of the paired binary examples: both models' values, and with a baseline the paired bootstrap
 * and randomization of src/stats/scoreResampling.ts (streams `bootstrap:average_precision` and
 * `permutation:average_precision`), and the warning when it was resampled fewer times. The ascending score orders
 * are computed when not given. Cost: O(n log n) for the orders, then O(n) per resample. It needs only its
 * arguments, so a helper thread can run it (src/significance/classification/statsWorker.ts) while this thread does the rest.
 */
function averagePrecisionMetric(pos, base, cand, settings, orderB = null, orderC = null) {
    const n = pos.length;
    const { alpha } = settings;
    const oC = orderC ?? ascendingOrder(cand);
    const oB = base ? (orderB ?? ascendingOrder(base)) : oC;
    let warning = null;
    const ap = scoreColumnStatistics_empty('average_precision');
    if (!base)
        ap.candidate = averagePrecision(pos, cand, oC);
    else {
        // Both values from the resampling's plan (the same doubles as averagePrecision; the examples gathered once).
        const plan = apPlan(pos, base, cand, oB, oC);
        [ap.baseline, ap.candidate] = apValues(plan);
        if (ap.candidate !== null && ap.baseline !== null) {
            ap.delta = ap.candidate - ap.baseline;
            const s = apStatistics(pos, base, cand, oB, oC, ap.delta, settings.resamples, alpha, streamFor(settings.seed, 'bootstrap:average_precision'), streamFor(settings.seed, 'permutation:average_precision'), plan);
            if (s) {
                setTest(ap, s.test, s, s.method);
                ap.candidateCi = s.candidateCi;
                if (s.resamples < settings.resamples) {
                    warning = (`average_precision was resampled ${s.resamples.toLocaleString('en-US')} times, not ${settings.resamples.toLocaleString('en-US')}: each resample is a pass over all ` +
                        `${n.toLocaleString('en-US')} examples. ${s.method === 'bootstrap-normal' ? 'Its interval and p-value use the normal approximation with the bootstrap standard error.' : ''}`.trim());
                }
            }
        }
    }
    return { metric: ap, warning };
}
function gather(values, rows) {
    const out = new Float64Array(rows.length);
    for (let p = 0; p < rows.length; p++)
        out[p] = values[rows[p]];
    return out;
}

;// CONCATENATED MODULE: ./src/significance/classification/classFamily.ts
/**
 * One class's family of per-class metrics (docs/statistics.md): its cells from the class tables, and its resampling, which the main thread or a helper thread runs.
 */




/** The 2 × 2 cells (both models right or wrong, on the class and the rest) of class i, from the class tables. */
function classCells(blocks, i) {
    return fromDense(2, blocks.subarray(i * 8, i * 8 + 8));
}
/**
 * Resamples the per-class family of class `i` (named `label`), whose 8 cells are `blocks[8i … 8i + 8]`
 * (classTables), as confusionStatistics does: what a helper thread runs. Cost 8 cells × resamples.
 */
function resampleClassFamily(blocks, i, label, settings, hasBaseline) {
    return resampleFamily({ name: `class:${label}`, cells: classCells(blocks, i), metrics: perClassMetrics(label), perClass: true }, direction, settings, hasBaseline);
}

;// CONCATENATED MODULE: ./src/significance/classification/statsWorker.ts
/**
 * Statistics on the second core (docs/scale.md): a helper thread runs one self-contained piece of the statistics while
 * the main thread runs the rest. The thread is the CLI (or action) bundle itself, started with a marker in
 * `workerData`, as src/tasks/classification/readerThread.ts and the generation helper do; `serveStatsJob()` answers it.
 *
 * A job needs only its inputs (its columns are copied to the thread once: 17 MB for 1,000,000 binary pairs, a few
 * milliseconds; not shared memory, whose typed arrays V8 reads several times slower in the sorts and the resampling
 * loops, measured 2.2 s against 0.36 s for two sorts of 1,000,000 scores) and draws from the same
 * named random streams as on one thread, so its numbers are the same byte for byte wherever it runs; without a
 * script (compare() called directly, as in tests) or when the thread cannot start, the caller runs it itself.
 * Jobs: `ap`, average precision of a binary task with its paired bootstrap and randomization
 * ({@link averagePrecisionMetric}), the costliest score statistic; `families`, a share of the per-class cell
 * families of src/significance/classification/classificationStatistics.ts.
 */






const FREE = 0;
const MAIN = 1;
const HELPER = 2;
const DONE = 3;
function tableFamily(job) {
    return { name: 'table', cells: job.cells, metrics: aggregateMetrics(job.task, job.cells.k, job.positive), chunked: true };
}
/** The rows of the shared arrays as one array per metric (views, no copy). */
function sharedDraws(job, metrics) {
    const R = job.settings.resamples;
    const rows = (a) => Array.from({ length: metrics }, (_, i) => a.subarray(i * R, i * R + R));
    return { deltas: rows(job.deltas), candidates: rows(job.candidates) };
}
function runTable(job) {
    const family = tableFamily(job);
    if (Atomics.compareExchange(job.status, 0, FREE, HELPER) === FREE) {
        try {
            const counts = familyPermutation(family, direction, job.settings);
            job.twoSided.set(counts.twoSided);
            job.worse.set(counts.worse);
            Atomics.store(job.status, 0, DONE);
        }
        catch {
            // Given back: the main thread computes it (and meets the error itself, if any).
            Atomics.store(job.status, 0, FREE);
        }
        Atomics.notify(job.status, 0);
    }
    let boot = null;
    const out = sharedDraws(job, family.metrics.length);
    for (let c = job.chunks.length - 1; c >= 0; c--) {
        if (Atomics.compareExchange(job.chunks, c, FREE, HELPER) !== FREE)
            break;
        try {
            boot ??= chunkedBootstrap(family, job.settings.resamples, job.settings.seed);
            boot.draw(c, out);
            Atomics.store(job.chunks, c, DONE);
        }
        catch {
            Atomics.store(job.chunks, c, FREE);
            Atomics.notify(job.chunks, c);
            return;
        }
        Atomics.notify(job.chunks, c);
    }
}
/** What the helper thread computed in the last run (for tests and timing). */
const lastStatsSplit = {
    ap: 'none',
    families: { main: 0, helper: 0 },
    table: 'none',
    /** The table bootstrap's chunks each thread drew. */
    tableChunks: { main: 0, helper: 0 }
};
/** True in a helper thread started by {@link startStatsJob}. */
function isStatsWorker() {
    return !external_node_worker_threads_namespaceObject.isMainThread && external_node_worker_threads_namespaceObject.workerData?.evalGateStats === true;
}
/** Runs a job on this thread. */
function runStatsJob(job) {
    const { pos, base, cand, orderB, orderC } = job.columns;
    return averagePrecisionMetric(pos, base, cand, job.settings, orderB ?? null, orderC ?? null);
}
/**
 * In a helper thread: claims families from the last down, until it meets one the main thread (which claims from
 * the first up) has taken.
 */
function runFamilies(job) {
    const out = [];
    for (let j = job.todo.length - 1; j >= 0; j--) {
        if (Atomics.compareExchange(job.status, j, FREE, HELPER) !== FREE)
            break;
        out.push([job.todo[j], resampleClassFamily(job.blocks, job.todo[j], job.labels[j], job.settings, job.hasBaseline)]);
    }
    return out;
}
/** In a helper thread: runs the job in workerData and posts its result. */
function serveStatsJob() {
    const { job } = external_node_worker_threads_namespaceObject.workerData;
    if (job.kind === 'table') {
        runTable(job);
        return;
    }
    let reply;
    try {
        reply = { ok: true, result: job.kind === 'ap' ? runStatsJob(job) : runFamilies(job) };
    }
    catch (error) {
        reply = { ok: false, message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
    external_node_worker_threads_namespaceObject.parentPort?.postMessage(reply);
}
/**
 * A helper thread running `script` on `job`: its one reply, or null when it fails or exits without one (the
 * thread is ended once it has answered). Null instead of a promise when no thread can start.
 */
function startHelper(script, job) {
    try {
        const worker = new external_node_worker_threads_namespaceObject.Worker(script, { workerData: { evalGateStats: true, job } });
        return new Promise((resolve) => {
            worker.once('message', (reply) => {
                void worker.terminate();
                resolve(reply);
            });
            worker.once('error', () => resolve(null));
            worker.once('exit', () => resolve(null));
        });
    }
    catch {
        return null;
    }
}
/**
 * Starts `job` in a helper thread running `script`; without a script it is run by `result()` on this thread.
 * The job's arrays are copied to the thread (structured clone). A helper that fails or
 * exits without an answer is not an error: the job is then run here, with the same numbers.
 */
function startStatsJob(script, job) {
    if (!script)
        return { result: () => Promise.resolve(runStatsJob(job)) };
    const answer = startHelper(script, job) ?? Promise.resolve(null);
    return {
        async result() {
            const reply = await answer;
            lastStatsSplit.ap = reply?.ok ? 'helper' : 'main';
            if (reply?.ok)
                return reply.result;
            // A bug in the job surfaces here as it would on one thread; a helper that died is simply replaced.
            return runStatsJob(job);
        }
    };
}
/** Starts a helper thread on `job`'s families (status made here); null when no thread can start. */
function startFamilies(script, job) {
    const status = new Int32Array(new SharedArrayBuffer(4 * job.todo.length));
    const answer = startHelper(script, { ...job, kind: 'families', status });
    if (!answer)
        return null;
    return {
        claim: (j) => Atomics.compareExchange(status, j, FREE, MAIN) === FREE,
        owner: (j) => (Atomics.load(status, j) === MAIN ? 'main' : 'helper'),
        async result() {
            const reply = await answer;
            return new Map(reply?.ok ? reply.result : []);
        }
    };
}
/**
 * Starts the table's permutation test, then its share of the bootstrap's chunks, on a helper thread. The
 * helper's share comes when it is done (waiting while it works), else is computed here (the helper never started,
 * gave a piece back, or is taken to be gone after 10 minutes, far past the time of a capped table's work: the
 * same numbers). Null when no thread can start. Shared memory: 2 × metrics × (resamples + 1) doubles.
 */
function startTableJob(script, job) {
    const m = tableFamily(job).metrics.length;
    const R = job.settings.resamples;
    const shared = (length) => new Float64Array(new SharedArrayBuffer(8 * length));
    const full = {
        ...job,
        kind: 'table',
        status: new Int32Array(new SharedArrayBuffer(4)),
        twoSided: shared(m),
        worse: shared(m),
        chunks: new Int32Array(new SharedArrayBuffer(4 * Math.ceil(R / BOOTSTRAP_CHUNK))),
        deltas: shared(m * R),
        candidates: shared(m * R)
    };
    try {
        const worker = new external_node_worker_threads_namespaceObject.Worker(script, { workerData: { evalGateStats: true, job: full } });
        worker.unref();
        // A helper that fails simply never takes a piece (or gives it back): see below.
        worker.on('error', () => undefined);
    }
    catch {
        return null;
    }
    const { status, twoSided, worse, chunks } = full;
    return {
        permutation() {
            for (;;) {
                const s = Atomics.load(status, 0);
                lastStatsSplit.table = s === DONE ? 'helper' : 'main';
                if (s === DONE)
                    return { twoSided: Float64Array.from(twoSided), worse: Float64Array.from(worse) };
                if (s === FREE && Atomics.compareExchange(status, 0, FREE, MAIN) === FREE)
                    return familyPermutation(tableFamily(job), direction, job.settings);
                if (s === HELPER && Atomics.wait(status, 0, HELPER, 600_000) === 'timed-out')
                    return familyPermutation(tableFamily(job), direction, job.settings);
            }
        },
        bootstrap(family) {
            const boot = chunkedBootstrap(family, R, job.settings.seed);
            // This thread's chunks go straight into arrays of its own (typed arrays in shared memory are slow to read
            // for the quantile selection); the helper's are copied from the shared ones.
            const out = { deltas: family.metrics.map(() => new Float64Array(R)), candidates: family.metrics.map(() => new Float64Array(R)) };
            const helperOut = sharedDraws(full, m);
            const split = { main: 0, helper: 0 };
            for (let c = 0; c < boot.chunks; c++) {
                if (Atomics.compareExchange(chunks, c, FREE, MAIN) === FREE) {
                    boot.draw(c, out);
                    split.main++;
                    continue;
                }
                for (;;) {
                    const s = Atomics.load(chunks, c);
                    if (s === DONE)
                        break;
                    if (s === FREE && Atomics.compareExchange(chunks, c, FREE, MAIN) === FREE)
                        break;
                    if (s === HELPER && Atomics.wait(chunks, c, HELPER, 600_000) === 'timed-out')
                        break;
                }
                if (Atomics.load(chunks, c) === DONE) {
                    const from = c * BOOTSTRAP_CHUNK;
                    const to = Math.min(R, from + BOOTSTRAP_CHUNK);
                    for (let i = 0; i < m; i++) {
                        out.deltas[i].set(helperOut.deltas[i].subarray(from, to), from);
                        out.candidates[i].set(helperOut.candidates[i].subarray(from, to), from);
                    }
                    split.helper++;
                }
                else {
                    boot.draw(c, out);
                    split.main++;
                }
            }
            lastStatsSplit.tableChunks = split;
            return out;
        }
    };
}

;// CONCATENATED MODULE: ./src/significance/classification/classificationStatistics.ts
/**
 * The statistics stage for confusion-matrix metrics (docs/statistics.md): for each metric its value for both models, the
 * delta, the bootstrap interval of the delta, the p-value of the right test, and the candidate's own interval.
 *
 * - `accuracy`: exact McNemar on all examples; `recall`/`specificity` (binary) and `recall[L]`: exact McNemar on
 *   the examples of that true class (mid-p McNemar with `mcnemar: 'mid-p'`).
 * - every other metric: paired approximate randomization over the cells (src/significance/classification/classificationResample.ts).
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
    const results = confusionCore(ctx, settings, null);
    applyExactTests(ctx, results.metrics, settings.alpha);
    return results;
}
/**
 * {@link confusionStatistics} on two threads (docs/scale.md): the per-class families to resample are shared with a
 * helper thread started from `script` (src/significance/classification/statsWorker.ts), each class claimed by one thread with an atomic
 * compare-and-swap (this thread from the first class, the helper from the last); a family's numbers depend only
 * on its own random stream, so the report is the same byte for byte. Without many classes to resample, with
 * clusters, or when the helper fails, it is the one-thread function. `meanwhile` (the caller's other statistics)
 * runs on this thread once the helper is started, before this thread claims any family, so that the helper's
 * share grows by that much.
 */
async function confusionStatisticsParallel(ctx, settings, script, meanwhile = () => undefined) {
    const results = confusionCore(ctx, settings, (todo, blocks, labels) => startFamilies(script, { todo, blocks, labels, settings, hasBaseline: ctx.hasBaseline }), meanwhile, (tableSettings) => startTableJob(script, { cells: ctx.table, task: ctx.task, positive: ctx.positive, settings: tableSettings }));
    if (results.pending) {
        const { todo, split } = results.pending;
        const done = await split.result();
        lastStatsSplit.families = { main: 0, helper: done.size };
        for (let j = 0; j < todo.length; j++)
            if (split.owner(j) === 'main')
                lastStatsSplit.families.main++;
        for (let j = 0; j < todo.length; j++) {
            const i = todo[j];
            if (split.owner(j) === 'main')
                continue;
            const label = ctx.labels[i];
            const { blocks } = results.pending;
            const family = { name: `class:${label}`, cells: classCells(blocks, i), metrics: perClassMetrics(label), perClass: true };
            // A helper that failed leaves its classes to this thread: the same numbers.
            report(ctx, family, settings, done.get(i) ?? resampleClassFamily(blocks, i, label, settings, ctx.hasBaseline), results.metrics);
        }
    }
    applyExactTests(ctx, results.metrics, settings.alpha);
    return { metrics: results.metrics, warnings: results.warnings };
}
/**
 * Per-class families are shared with a helper thread from this much cell work (8 cells × classes × resamples;
 * about 50 ms, the time a helper takes to start); the table's permutation test from SPLIT_WORK cells × resamples.
 */
const FAMILY_SPLIT_WORK = 2_000_000;
const SPLIT_WORK = 4_000_000;
function confusionCore(ctx, settings, startSplit, meanwhile = () => undefined, startTable = null) {
    const { k } = ctx.table;
    const R = settings.resamples;
    const warnings = [];
    const needed = (m) => !ctx.only || ctx.only.has(m.name);
    const aggregate = aggregateMetrics(ctx.task, k, ctx.positive).filter(needed);
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
        meanwhile();
        const metrics = [...aggregate, ...ctx.labels.flatMap((label, i) => perClassMetrics(label, i))].filter(needed);
        report(ctx, { name: 'table', cells: ctx.table, metrics }, { ...settings, resamples: tableR }, true, out);
    }
    else {
        const blocks = classTables(ctx.table);
        const tableSettings = { ...settings, resamples: tableR };
        // A large table's permutation test (its own stream) on a helper thread while this thread draws its bootstrap,
        // whose chunks (each its own stream) the helper then shares.
        const tableHelper = startTable && !ctx.clusters && !ctx.only && ctx.hasBaseline && ctx.table.size * tableR >= SPLIT_WORK ? startTable(tableSettings) : null;
        const everyClass = k * R <= caps.classes;
        const gated = ctx.gatedClasses ?? new Set();
        const resampled = (i) => everyClass || gated.has(i);
        const wanted = (label) => !ctx.only || perClassMetrics(label).some(needed);
        // The classes to resample, shared with a helper thread (started before the table is resampled, so that it
        // loads meanwhile) when there is enough work.
        let pending;
        if (startSplit && !ctx.clusters) {
            const todo = Int32Array.from(ctx.labels.flatMap((label, i) => (resampled(i) && wanted(label) ? [i] : [])));
            const split = todo.length > 1 && 8 * todo.length * R >= FAMILY_SPLIT_WORK ? startSplit(todo, blocks, Array.from(todo, (i) => ctx.labels[i])) : null;
            if (split)
                pending = { todo, blocks, split };
        }
        meanwhile();
        report(ctx, { name: 'table', cells: ctx.table, metrics: aggregate, chunked: true }, tableSettings, true, out, tableHelper ?? undefined);
        const position = new Map();
        if (pending)
            pending.todo.forEach((i, j) => position.set(i, j));
        ctx.labels.forEach((label, i) => {
            if (!wanted(label))
                return;
            const j = position.get(i);
            // A class the helper has claimed is reported when its results come (confusionStatisticsParallel).
            if (pending && j !== undefined && !pending.split.claim(j))
                return;
            report(ctx, { name: `class:${label}`, cells: classCells(blocks, i), metrics: perClassMetrics(label), perClass: true }, settings, resampled(i), out);
        });
        if (!everyClass) {
            warnings.push(`Per-class metrics of ${k.toLocaleString('en-US')} classes with ${R.toLocaleString('en-US')} resamples each would take too long: ` +
                `their bootstrap intervals and permutation p-values are left out${gated.size > 0 ? ' except for the classes named in gates' : ''} ` +
                `(values, Wilson intervals and the McNemar test of recall[L] are given). With resamples at most ` +
                `${Math.max(1, Math.floor(caps.classes / k)).toLocaleString('en-US')} every class gets them.`);
        }
        if (pending)
            return { metrics: out, warnings, pending };
    }
    return { metrics: out, warnings };
}
/** Values of a family's metrics for both models, and (when `resample`) their intervals and p-values, into `out`. */
function report(ctx, family, settings, resample, out, helper) {
    const values = familyValues(family);
    const clusters = ctx.clusters ?? null;
    const resampled = resample instanceof Map
        ? resample
        : !resample
            ? new Map()
            : clusters
                ? clusters.resample(family, direction, settings, ctx.hasBaseline)
                : resampleFamily(family, direction, settings, ctx.hasBaseline, helper?.permutation, helper ? () => helper.bootstrap(family) : undefined);
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
            test: ctx.hasBaseline && !isSupport && r?.pValue != null ? (clusters ? clusters.permutationTest : 'permutation') : null,
            direction: direction(m.name),
            pValueWorse: ctx.hasBaseline && !isSupport ? (r?.pValueWorse ?? null) : null,
            worseBound: ctx.hasBaseline && !isSupport ? (r?.worseBound ?? null) : null,
            ciMethod: ctx.hasBaseline && !isSupport && r?.ci ? (clusters ? clusters.ciMethod : 'bootstrap-percentile') : null
        });
    }
}
function familyValues(family) {
    const sb = classSumsOfCells(family.cells, 'baseline');
    const sc = classSumsOfCells(family.cells, 'candidate');
    return new Map(family.metrics.map((m) => [m.name, { candidate: m.fn(sc), baseline: m.fn(sb) }]));
}
const finiteOrNull = (x) => (Number.isFinite(x) ? x : null);
/** McNemar p-values and Wilson intervals where docs/statistics.md asks for them. Cost O(cells + K). */
function applyExactTests(ctx, out, alpha) {
    const { table, labels } = ctx;
    const method = mcnemarMethod(ctx.mcnemar ?? DEFAULT_MCNEMAR);
    const clusters = ctx.clusters ?? null;
    const mcnemar = (name, d, restriction) => {
        const m = out.get(name);
        if (!m)
            return;
        if (clusters) {
            // Clustered: the bootstrap interval of the candidate's value stays; the test is the clustered McNemar.
            if (!ctx.hasBaseline)
                return;
            const test = clusters.mcnemar(restriction);
            m.pValue = test.pValue;
            m.pValueWorse = test.pLess;
            m.test = clusters.test;
            return;
        }
        m.candidateCi = wilson(d.bothRight + d.c, d.n, alpha);
        if (!ctx.hasBaseline)
            return;
        m.pValue = method.twoSided(d.b, d.c);
        m.pValueWorse = method.drop(d.b, d.c);
        m.test = method.test;
    };
    const wilsonOf = (name, successes, trials) => {
        const m = out.get(name);
        if (m && !clusters)
            m.candidateCi = wilson(successes, trials, alpha);
    };
    const s = classSumsOfCells(table, 'candidate');
    const byClass = discordantByClass(table);
    const ofClass = (i) => ({ b: byClass.b[i], c: byClass.c[i], n: byClass.n[i], bothRight: byClass.bothRight[i] });
    mcnemar('accuracy', discordant(table, null), 'all');
    labels.forEach((label, i) => {
        mcnemar(`recall[${label}]`, ofClass(i), i);
        wilsonOf(`precision[${label}]`, s.tp[i], s.predicted[i]);
    });
    if (ctx.task === 'binary' && ctx.positive !== null) {
        const pos = ctx.positive;
        mcnemar('recall', ofClass(pos), pos);
        wilsonOf('precision', s.tp[pos], s.predicted[pos]);
        if (table.k === 2)
            mcnemar('specificity', ofClass(1 - pos), 1 - pos);
    }
}

;// CONCATENATED MODULE: ./src/significance/classification/jointPermutation.ts




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
    /** McNemar's standardized statistic (b − c)/√(b + c), set by `value` beside the p it returns. */
    let lastZ = 0;
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
                lastZ = D > 0 ? diff / Math.sqrt(D) : 0;
                return m.drop((D + diff) / 2, (D - diff) / 2);
            }
            case 'loss':
                return lossSum;
            case 'auc':
                return -auc;
        }
    };
    const observedZ = metrics.map(() => 0);
    const observedDelta = aucWalk ? aucWalk.delta(null) : NaN;
    const observedValues = metrics.map((m, i) => {
        const v = value(i, lossTotal[i], observedDelta);
        observedZ[i] = lastZ;
        return v;
    });
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
                const s = binomialHalf(rng, cells.count[j]);
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
            if (p) {
                p[r] = v;
                stats[i][r] = lastZ;
            }
            else
                stats[i][r] = v;
        }
    }
    const observed = [];
    const resampled = [];
    const statistics = { observed: [], resampled: [] };
    metrics.forEach((m, i) => {
        const p = mcnemarP[i];
        if (p) {
            observed.push(observedValues[i]);
            resampled.push(p);
            statistics.observed.push(observedZ[i]);
            statistics.resampled.push(stats[i]);
        }
        else {
            const ranked = rankPValues(observedValues[i], stats[i]);
            observed.push(ranked.observed);
            resampled.push(ranked.resampled);
            const z = standardize(observedValues[i], stats[i]);
            statistics.observed.push(z.observed);
            statistics.resampled.push(z.resampled);
        }
    });
    return { resamples: R, observed, resampled, statistics };
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

;// CONCATENATED MODULE: ./src/significance/classification/classificationJoint.ts








/** A JointNull over the run's metrics; each call resamples the metrics it is asked for. */
function classificationJoint(ctx) {
    return (names) => {
        const k = ctx.table.k;
        const aggregate = new Map(aggregateMetrics(ctx.task, k, ctx.positive).map((m) => [m.name, m]));
        const drop = mcnemarMethod(ctx.mcnemar).drop;
        const rows = ctx.candidate && ctx.baseline && ctx.pairing ? { candidate: ctx.candidate, baseline: ctx.baseline, pairing: ctx.pairing } : null;
        const binaryScores = rows !== null && ctx.task === 'binary' && ctx.positive !== null && rows.candidate.score !== null && rows.baseline.score !== null;
        /** The rows: only reached for score metrics, which only rows have (binaryScores). */
        const on = () => rows;
        const metrics = [];
        let needsScores = false;
        let positive = null;
        const positives = () => {
            if (!positive) {
                const { pairing, candidate } = on();
                const { cand } = pairing;
                positive = new Uint8Array(pairing.n);
                for (let p = 0; p < pairing.n; p++)
                    positive[p] = ctx.remap[candidate.truth[cand[p]]] === ctx.positive ? 1 : 0;
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
            cand ??= scoresOf(on().candidate, on().pairing.cand);
            base ??= scoresOf(on().baseline, on().pairing.base);
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
            const n = on().pairing.n;
            R = Math.min(R, jointResamples(ctx.resamples, n));
            if (R < Math.min(MIN_JOINT_RESAMPLES, ctx.resamples)) {
                return `${n.toLocaleString('en-US')} examples with score metrics would allow only ${R.toLocaleString('en-US')} joint resamples`;
            }
            data.examples = examplesOf(ctx.remap, on());
            if (metrics.some((m) => m.kind === 'auc')) {
                const [b, c] = scores();
                data.auc = { positive: positives(), baseline: b, candidate: c };
            }
        }
        const joint = jointPermutation(data, metrics, R, streamFor(ctx.seed, 'joint:westfall-young'));
        return { ...joint, ties: tieKeys(R, streamFor(ctx.seed, 'joint:max-t:ties')) };
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
function examplesOf(remap, rows) {
    const { n, cand, base } = rows.pairing;
    const t = new Int32Array(n);
    const b = new Int32Array(n);
    const c = new Int32Array(n);
    for (let p = 0; p < n; p++) {
        t[p] = remap[rows.candidate.truth[cand[p]]];
        b[p] = remap[rows.baseline.pred[base[p]]];
        c[p] = remap[rows.candidate.pred[cand[p]]];
    }
    return { t, b, c };
}

;// CONCATENATED MODULE: ./src/pair/idIndex.ts
/**
 * An index from id to row for pairing (docs/statistics.md): open addressing with linear probing over one Int32Array, keyed by
 * a 32-bit hash of the id and confirmed by `===` on the id itself. For a million string ids it is several times
 * faster than a `Map<string, number>` (no hash stored in each string, no table entries on the heap; V8 hashes
 * the long sliced strings JSON.parse or the reader makes on first use, then the map rehashes as it grows).
 *
 * Cost: O(n) expected to build and O(1) per look-up; memory 4·2^⌈log₂ 2n⌉ bytes for the slots and 4n for the
 * hashes (16 MB for a million ids).
 */
const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
/**
 * A 32-bit hash of an id: FNV-1a over the UTF-16 code units of a string, or over the two halves of a number's
 * IEEE-754 bits, finished by the murmur3 mixer so that linear probing sees well-spread slots.
 * @example hashId('ex-1') === hashId('ex-' + 1) // true
 */
function hashId(id) {
    let h = 0x811c9dc5;
    if (typeof id === 'number') {
        f64[0] = id === 0 ? 0 : id; // -0 and 0 are the same id, as in a Map
        h = Math.imul(h ^ u32[0], 0x01000193);
        h = Math.imul(h ^ u32[1], 0x01000193);
    }
    else {
        for (let i = 0; i < id.length; i++)
            h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
    }
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    return h >>> 0;
}
class IdIndex {
    ids;
    /** Row + 1 of the id in each slot; 0 is an empty slot. */
    slots;
    hashes;
    mask;
    /**
     * Indexes `ids`; `onRepeat(first, second)` is called for an id met a second time (and must throw: the later row
     * is not indexed).
     * @example new IdIndex(['a', 'b'], () => { throw new Error() }).get('b') // 1
     */
    constructor(ids, onRepeat) {
        this.ids = ids;
        const n = ids.length;
        let size = 16;
        while (size < 2 * n)
            size *= 2;
        this.slots = new Int32Array(size);
        this.hashes = new Uint32Array(n);
        this.mask = size - 1;
        const { slots, hashes, mask } = this;
        for (let i = 0; i < n; i++) {
            const id = ids[i];
            const h = hashId(id);
            hashes[i] = h;
            let s = h & mask;
            for (;;) {
                const j = slots[s] - 1;
                if (j < 0)
                    break;
                if (hashes[j] === h && ids[j] === id)
                    onRepeat(j, i);
                s = (s + 1) & mask;
            }
            slots[s] = i + 1;
        }
    }
    /** The row of `id`, or −1. */
    get(id) {
        const { slots, hashes, mask, ids } = this;
        const h = hashId(id);
        let s = h & mask;
        for (;;) {
            const j = slots[s] - 1;
            if (j < 0)
                return -1;
            if (hashes[j] === h && ids[j] === id)
                return j;
            s = (s + 1) & mask;
        }
    }
}

;// CONCATENATED MODULE: ./src/pair/pairByIds.ts
/**
 * Pairing by id (docs/statistics.md): the candidate's rows are matched with the baseline's rows of the same id. Examples
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
 * at all); otherwise one Map over the baseline's ids. `known.checkedElsewhere`: the baseline's ids when the
 * caller checks them for a repeat itself ({@link firstRepeat}, on another thread) and throws {@link repeatError}
 * for one: the same list in both files then needs no index here.
 */
function pairByIds(candidate, baseline, sameTruth, known = {}) {
    let cIds = requireIds(candidate);
    let bIds = requireIds(baseline);
    if (cIds instanceof Float64Array !== bIds instanceof Float64Array) {
        // One file has integer ids, the other text: compare as text (17 and "17" are the same id).
        cIds = asText(cIds);
        bIds = asText(bIds);
    }
    if (sameList(cIds, bIds)) {
        // The same ids in the same order: unique when strictly increasing, else checked by an index of the baseline's
        // (the file the general path indexes first, so a repeat is reported as it would be there), unless the caller
        // has that very list checked elsewhere (`known.checkedElsewhere`) and reports its repeat as repeatError does.
        if (known.checkedElsewhere !== bIds && !strictlyIncreasing(bIds))
            indexIds(baseline, bIds);
        return pairInOrder(candidate, sameTruth);
    }
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
        if (j < 0) {
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
/**
 * The first repeat pairing would meet indexing a file's ids (the rows of the id's first and second line), or null
 * when the ids are unique (`===`, as pairing compares them). Cost O(n) expected.
 * @example firstRepeat(['b', 'a', 'b', 'a']) // [0, 2]
 */
function firstRepeat(ids) {
    if (strictlyIncreasing(ids))
        return null;
    let found = null;
    try {
        new IdIndex(ids, (first, second) => {
            found = [first, second];
            throw REPEAT;
        });
    }
    catch (error) {
        if (error !== REPEAT)
            throw error;
    }
    return found;
}
const REPEAT = new Error('repeat');
/** The error pairing gives for the repeat at rows [first, second] of `file`'s ids ({@link firstRepeat}). */
function repeatError(file, [first, second]) {
    return duplicate(file, first, second, file.ids[second]);
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
    return new IdIndex(ids, (first, second) => {
        throw duplicate(file, first, second, ids[second]);
    });
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
/** Both lists equal element by element. */
function sameList(a, b) {
    if (a.length !== b.length)
        return false;
    for (let i = 0; i < a.length; i++)
        if (a[i] !== b[i])
            return false;
    return true;
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
/**
 * A pairing of just these pairs (candidate rows `cand`, baseline rows `base`): a slice's pairs (docs/slices.md), with
 * nothing unpaired. Without a baseline, pass the candidate rows as both.
 */
function pairingOf(cand, base) {
    return { n: cand.length, cand, base, candidateOnly: 0, baselineOnly: 0, labelConflicts: 0, candidateOnlyIds: [], baselineOnlyIds: [], conflictIds: [] };
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

;// CONCATENATED MODULE: ./src/tasks/classification/classificationWarnings.ts
/**
 * Classification's warnings in plain words (docs/statistics.md): a test set too small to see a 1-point drop
 * (accuracy and, binary, recall), and the disagreement summary.
 */





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

;// CONCATENATED MODULE: ./src/tasks/classification/readerThread.ts
/**
 * Reading the baseline on a second core: a worker thread runs the same reader on the baseline file while the
 * main thread reads the candidate, then hands its columns over without copying (transferred buffers). Asked, it
 * also sorts the file's `score` column before it answers, and afterwards searches its text ids for a repeat and
 * posts what it found, while the main thread pairs (src/tasks/classification/classificationTask.ts readBoth). The worker is the CLI
 * bundle itself, started with a marker in `workerData`; `serveReadRequest()` answers it.
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
        const file = await readPredictions(request.source, { format: request.format, fields: request.fields, dictionary, requireId: request.requireId, maxRowBytes: request.maxRowBytes, keys: request.keys });
        const scoreOrder = request.sortScore && file.score ? ascendingOrder(file.score) : null;
        for (const column of [file.line, file.truth, file.pred, file.score, file.scores?.values, file.ids instanceof Float64Array ? file.ids : null, file.errors, ...(file.keys ?? []).map((k) => k.codes), scoreOrder]) {
            if (column)
                transfer.push(column.buffer);
        }
        reply = { ok: true, file, labels: dictionary.names, scoreOrder };
    }
    catch (error) {
        reply =
            error instanceof InputError
                ? { ok: false, input: true, file: error.file, line: error.line, field: error.field, reason: error.reason, message: error.message }
                : { ok: false, input: false, message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
    external_node_worker_threads_namespaceObject.parentPort?.postMessage(reply, transfer);
    // Text ids are copied to the other thread, not transferred: this thread still has them, and looks for a repeat
    // while the main thread goes on (pairing takes its word: src/pair/pairByIds.ts `checkedElsewhere`).
    if (reply.ok && request.checkIds && Array.isArray(reply.file.ids)) {
        const check = { repeat: firstRepeat(reply.file.ids) };
        external_node_worker_threads_namespaceObject.parentPort?.postMessage(check);
    }
}
/**
 * Reads `source` in a worker started from `script`; label codes are re-interned into `dictionary`.
 * Errors come back as they would from readPredictions. With `sortScore`, the worker also sorts the file's
 * `score` column (the score statistics' first step) before it answers; with `checkIds`, it then searches the
 * file's text ids for a repeat (`repeat`), and ends once it has posted that.
 */
function readInWorker(script, source, options) {
    const request = {
        evalGateRead: true,
        source,
        format: options.format,
        fields: options.fields,
        requireId: options.requireId,
        maxRowBytes: options.maxRowBytes,
        keys: options.keys,
        sortScore: options.sortScore,
        checkIds: options.checkIds
    };
    return new Promise((resolve, reject) => {
        const worker = new external_node_worker_threads_namespaceObject.Worker(script, { workerData: request });
        let answered = false;
        worker.once('message', (reply) => {
            answered = true;
            const checking = reply.ok && options.checkIds === true && Array.isArray(reply.file.ids);
            let repeat = null;
            if (checking) {
                // The thread's second answer (compare() always awaits it: the thread is not unref'd, or a run awaiting it
                // with nothing else to do would let the process end).
                repeat = new Promise((resolve) => {
                    worker.once('message', (check) => {
                        void worker.terminate();
                        resolve(check.repeat);
                    });
                    worker.once('exit', () => resolve(undefined));
                });
            }
            else
                void worker.terminate();
            if (!reply.ok) {
                reject(reply.input ? new InputError(reply.file, reply.line ?? null, reply.field ?? null, reply.reason) : new Error(reply.message));
                return;
            }
            const { file, labels, scoreOrder } = reply;
            const codes = Uint32Array.from(labels, (name) => options.dictionary.code(name));
            for (let i = 0; i < file.n; i++) {
                file.truth[i] = codes[file.truth[i]];
                // An error row's ERROR_CODE (docs/errors.md) is no dictionary code: it stays as it is.
                if (file.pred[i] !== ERROR_CODE)
                    file.pred[i] = codes[file.pred[i]];
            }
            resolve({ file, scoreOrder, repeat });
        });
        worker.once('error', reject);
        // A thread that ends without answering (not the reader: a script that serves nothing) must not leave this waiting.
        worker.once('exit', (code) => {
            if (!answered)
                reject(new Error(`the reader thread stopped with code ${code} without an answer`));
        });
    });
}

;// CONCATENATED MODULE: ./src/tasks/classification/chooseTask.ts
/**
 * Task and positive class (docs/tasks.md), and the label order of the report (docs/inputs.md).
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

;// CONCATENATED MODULE: ./src/pair/repeats.ts
/**
 * Repeats (docs/repeats-and-clusters.md, `--repeat-field F`): several rows per id (an LLM sampled k times, a seed sweep). The rows
 * of one id are its repeats, told apart by the value of F; a second row with the same (id, F) is bad input.
 *
 * - Classification pairs a candidate row with the baseline row of the same id and the same repeat value
 *   ({@link repeatIds} gives the pairing key); every paired row is a prediction the metrics count, and the id
 *   is the cluster that resampling and the tests work on (src/clusters/).
 * - Scores and regression collapse each file to one row per id first ({@link collapseRepeats}): the id's value
 *   is the mean over its repeats, each file over its own (k and k' may differ); the ids are then paired.
 *
 * `counts.repeats` is the mean number of rows per id of each file (rows / distinct ids): 1 without repeats,
 * k when every id has k, and a fraction when ids have different numbers of repeats.
 */


/**
 * Reads a file's repeats: every row has an id (the row builders require one with a repeat field) and a repeat
 * value (src/read/keys.ts); a repeated (id, F) names the file, the line and the field F.
 * Cost: O(n) expected (two hash maps).
 * @example repeatIds({ name: 'c.jsonl', idField: 'id', n: 2, ids: ['a', 'a'], line: Uint32Array.of(1, 2), keys: [{ field: 'seed', values: ['1', '2'], codes: Uint32Array.of(0, 1) }] }, 'seed').meanK // 2
 */
function repeats_repeatIds(file, field) {
    const ids = file.ids;
    if (file.n > 0 && ids === null)
        throw new InputError(file.name, file.line[0], file.idField, 'is missing: with a repeat field every row needs an id');
    const column = keyColumn(file.keys, field);
    if (!column)
        throw new Error(`repeatIds: the key field "${field}" was not read`);
    const idOf = new Uint32Array(file.n);
    const index = new Map();
    const seen = new Map();
    const keys = new Array(file.n);
    for (let i = 0; i < file.n; i++) {
        const id = String(ids[i]);
        let code = index.get(id);
        if (code === undefined) {
            code = index.size;
            index.set(id, code);
        }
        idOf[i] = code;
        const repeat = column.values[column.codes[i]];
        const key = JSON.stringify([id, repeat]);
        const first = seen.get(key);
        if (first !== undefined) {
            throw new InputError(file.name, file.line[i], field, `repeats the value ${quote(repeat)} of id ${quote(id)} (line ${file.line[first]}): each repeat of an id needs its own value`);
        }
        seen.set(key, i);
        keys[i] = key;
    }
    return { idOf, ids: index.size, meanK: index.size === 0 ? 0 : file.n / index.size, keys };
}
/** A file as the pairing sees it with repeats: its ids replaced by the (id, repeat) keys. */
function withRepeatKeys(file, repeats) {
    return { ...file, ids: repeats.keys };
}
/**
 * One row per id: `values[f]` of the new row is the mean of the id's rows (each file over its own repeats), its
 * line and key codes those of the id's first row. A cluster field must have one value per id (the repeats of
 * an id are one example): a second value names the file, line and field. Cost O(n · fields).
 * @example collapseRepeats(file, repeats, [file.values[0]]) // one mean per id
 */
function repeats_collapseRepeats(file, repeats, columns, clusterField) {
    const g = repeats.ids;
    const first = new Int32Array(g).fill(-1);
    const count = new Float64Array(g);
    const sums = columns.map(() => new Float64Array(g));
    const cluster = clusterField === undefined ? undefined : keyColumn(file.keys, clusterField);
    for (let i = 0; i < file.n; i++) {
        const id = repeats.idOf[i];
        if (first[id] < 0)
            first[id] = i;
        else if (cluster && cluster.codes[i] !== cluster.codes[first[id]]) {
            throw new InputError(file.name, file.line[i], cluster.field, `is ${quote(cluster.values[cluster.codes[i]])}, but an earlier repeat of the same id (line ${file.line[first[id]]}) has ${quote(cluster.values[cluster.codes[first[id]]])}: the repeats of an id belong to one cluster`);
        }
        count[id]++;
        for (let f = 0; f < columns.length; f++)
            sums[f][id] += columns[f][i];
    }
    const rows = Uint32Array.from(first);
    const ids = file.ids;
    const collapsed = {
        ...file,
        n: g,
        ids: Array.from(rows, (i) => String(ids[i])),
        line: Uint32Array.from(rows, (i) => file.line[i]),
        ...(file.keys ? { keys: file.keys.map((k) => ({ field: k.field, values: k.values, codes: Uint32Array.from(rows, (i) => k.codes[i]) })) } : {})
    };
    return { file: collapsed, columns: sums.map((s) => s.map((x, id) => x / count[id])) };
}
/**
 * A (id, repeat) pairing key as messages show it: `q7 (seed 2)`; any other text unchanged.
 * @example repeatLabel('["q7","2"]', 'seed') // 'q7 (seed 2)'
 */
function repeatLabel(key, field) {
    if (!key.startsWith('['))
        return key;
    try {
        const [id, repeat] = JSON.parse(key);
        return `${id} (${field} ${repeat})`;
    }
    catch {
        return key;
    }
}

;// CONCATENATED MODULE: ./src/pair/repeatPairing.ts
/**
 * docs/repeats-and-clusters.md repeats and clusters: what the tasks call. Repeats: src/pair/repeats.ts; the clusters of the
 * pairs and the clustered confusion-matrix statistics: src/significance/clusters/clusterCells.ts; clustered means (scores):
 * src/significance/clusters/clusteredMeans.ts.
 */


/** Each file's repeats when `--repeat-field` is given (a repeated (id, F) is bad input), else null. */
function readRepeats(options, candidate, baseline) {
    const field = options.repeatField;
    if (field === undefined)
        return null;
    return { candidate: repeats_repeatIds(candidate, field), baseline: baseline ? repeats_repeatIds(baseline, field) : null };
}
/** Pairs rows of the same id and the same repeat value (classification). */
function pairRepeats(candidate, baseline, repeats, sameTruth, field) {
    return labelRepeats(pairByIds(withRepeatKeys(candidate, repeats.candidate), withRepeatKeys(baseline, repeats.baseline), sameTruth), field);
}
/** The pairing's named ids as `id (F value)` instead of pairing keys. */
function labelRepeats(pairing, field) {
    if (field === undefined)
        return pairing;
    const label = (ids) => ids.map((k) => repeatLabel(k, field));
    return { ...pairing, candidateOnlyIds: label(pairing.candidateOnlyIds), baselineOnlyIds: label(pairing.baselineOnlyIds), conflictIds: label(pairing.conflictIds) };
}
/** The counts with `repeats` (rows per id, the mean over ids) when the files have repeats. */
function withRepeatCounts(counts, repeats) {
    if (!repeats)
        return counts;
    return { ...counts, repeats: { candidate: repeats.candidate.meanK, baseline: repeats.baseline ? repeats.baseline.meanK : null } };
}
/** The warning for metrics whose statistics have no clustered form here (they keep their values only). */
function unclusteredWarning(names, what) {
    return (`The ${names.map((n) => `\`${n}\``).join(', ')} statistics have no clustered form yet: with clusters (${what}) their intervals and ` +
        'p-values are left out (values only), since per-example resampling would overstate their precision.');
}
/** A metric's values without its intervals and tests. */
function valuesOnly(m) {
    return { ...m, ci: null, pValue: null, candidateCi: null, test: null, pValueWorse: null, worseBound: null, ciMethod: null };
}
/**
 * The repeats of a numeric task (scores): `collapse` turns a file into one row per id, each value the mean of
 * the id's repeats (the identity without `--repeat-field`); `counts` then adds `counts.repeats` and gives the
 * files' row counts (not their ids) as `counts.candidate` and `counts.baseline`.
 */
function meanOfRepeats(options, columns, replace) {
    const seen = [];
    const field = options.repeatField;
    return {
        collapse(file) {
            if (field === undefined)
                return file;
            const repeats = repeatIds(file, field);
            seen.push({ rows: file.n, meanK: repeats.meanK });
            const collapsed = collapseRepeats(file, repeats, columns(file), options.clusterField);
            return replace(collapsed.file, collapsed.columns);
        },
        counts(counts) {
            if (field === undefined || seen.length === 0)
                return counts;
            const [c, b] = seen;
            return { ...counts, candidate: c.rows, baseline: b ? b.rows : null, repeats: { candidate: c.meanK, baseline: b ? b.meanK : null } };
        }
    };
}
/**
 * The repeats of a task that pairs rows (regression): `keyed` gives a file its (id, repeat) keys as ids, so
 * rows pair by id and repeat value, and records its repeats; `counts` adds `counts.repeats`.
 */
function pairedRepeats(options) {
    const seen = [];
    const field = options.repeatField;
    const repeats = () => (field === undefined || seen.length === 0 ? null : { candidate: seen[0], baseline: seen[1] ?? null });
    return {
        keyed(file) {
            if (field === undefined)
                return file;
            const r = repeats_repeatIds(file, field);
            seen.push(r);
            return withRepeatKeys(file, r);
        },
        repeats,
        counts: (counts) => withRepeatCounts(counts, repeats())
    };
}

;// CONCATENATED MODULE: ./src/stats/mcnemarCluster.ts
/**
 * McNemar's test for clustered paired binary data (docs/repeats-and-clusters.md, `test: "mcnemar-cluster"`): Durkalski, Palesch,
 * Lipsitz & Rust (2003), "Analysis of clustered matched-pair data", Stat Med 22:2417–2428. With b_g (c_g) the
 * pairs of cluster g where only the candidate (only the baseline) is right, and d_g = b_g − c_g:
 *
 *   X² = (Σ_g d_g)² / Σ_g d_g²,  p = P(χ²₁ > X²)
 *
 * One-sided forms: z = Σ d_g / √(Σ d_g²), p = Φ(z) for the candidate lower, 1 − Φ(z) for it higher. With every cluster of one pair
 * X² = (b − c)² / (b + c), McNemar's χ² without continuity correction (statsmodels
 * `mcnemar(table, exact=False, correction=False)`). Only d_g is needed, so the statistic also takes a cluster's
 * difference of correct counts when its two models have the same number of rows. Cost O(G).
 *
 * @example mcnemarCluster(Float64Array.of(2, 1, -1, 0, 3)) // { statistic: 1.6667, pValue: 0.19671, pLess: 0.90165, pGreater: 0.09835 } (rounded)
 */

function mcnemarCluster(d) {
    let sum = 0;
    let squares = 0;
    for (let g = 0; g < d.length; g++) {
        sum += d[g];
        squares += d[g] * d[g];
    }
    if (squares === 0)
        return { statistic: 0, pValue: 1, pLess: 1, pGreater: 1 };
    const statistic = (sum * sum) / squares;
    const z = sum / Math.sqrt(squares);
    return { statistic, pValue: normal_erfc(Math.sqrt(statistic / 2)), pLess: normalCdf(z), pGreater: normalSf(z) };
}

;// CONCATENATED MODULE: ./src/significance/clusters/patterns.ts
/**
 * Cluster patterns: the cell reduction for clustered data (docs/repeats-and-clusters.md, `--cluster-field`). A cluster is a small
 * vector of sufficient statistics (for confusion-matrix metrics: its count in each (true, baseline, candidate)
 * cell; for a mean: its sums and size). Clusters with the same vector are one weighted "super-cell", so
 *
 * - a cluster bootstrap resample (draw G clusters with replacement) is a draw from Multinomial(G, w_p / G) over
 *   the P distinct patterns, and
 * - a cluster randomization (swap the two models in a whole cluster with probability 1/2) swaps Bin(w_p, 1/2)
 *   of the w_p clusters of pattern p,
 *
 * both exact, at a cost per resample of O(P · pattern length) instead of O(rows).
 * Reference: Davison & Hinkley (1997), "Bootstrap Methods and their Application", docs/metrics.md.8 (resampling clusters).
 */
/**
 * Patterns of count vectors: row r adds 1 to dimension `dimOf[r]` of cluster `clusterOf[r]`. Clusters are
 * numbered 0 … G − 1 (every one has at least one row). Cost: O(n + G) to group the rows by cluster (a counting
 * sort), then O(n log m) to sort each cluster's m dimensions, and one hash lookup per cluster.
 * @example countPatterns(Uint32Array.of(0, 0, 1), Int32Array.of(3, 5, 3), 2, 8).size // 2
 */
function countPatterns(clusterOf, dimOf, clusters, dims) {
    const n = clusterOf.length;
    const start = new Int32Array(clusters + 1);
    for (let r = 0; r < n; r++)
        start[clusterOf[r] + 1]++;
    for (let g = 0; g < clusters; g++)
        start[g + 1] += start[g];
    const fill = start.slice(0, clusters);
    const sorted = new Int32Array(n);
    for (let r = 0; r < n; r++)
        sorted[fill[clusterOf[r]]++] = dimOf[r];
    const builder = new PatternBuilder(dims);
    const ds = [];
    const vs = [];
    for (let g = 0; g < clusters; g++) {
        const part = sorted.subarray(start[g], start[g + 1]).sort();
        ds.length = vs.length = 0;
        for (let j = 0; j < part.length; j++) {
            if (j > 0 && part[j] === part[j - 1])
                vs[vs.length - 1]++;
            else {
                ds.push(part[j]);
                vs.push(1);
            }
        }
        builder.add(ds, vs);
    }
    return builder.finish();
}
/**
 * Patterns of dense vectors: cluster g is `vectors[g·dims … g·dims + dims)`. Cost O(G · dims).
 * @example densePatterns(Float64Array.of(1, 2, 1, 2, 0, 1), 2).weight // [2, 1]
 */
function densePatterns(vectors, dims) {
    const clusters = vectors.length / dims;
    const builder = new PatternBuilder(dims);
    const ds = [];
    const vs = [];
    for (let g = 0; g < clusters; g++) {
        ds.length = vs.length = 0;
        for (let d = 0; d < dims; d++) {
            const x = vectors[g * dims + d];
            if (x !== 0) {
                ds.push(d);
                vs.push(x);
            }
        }
        builder.add(ds, vs);
    }
    return builder.finish();
}
/**
 * The patterns restricted to the dimensions `keep` accepts, regrouped (clusters equal on those dimensions are one
 * pattern), and the totals of the other dimensions over all clusters. For randomization: the cells where both
 * models predict the same never move under a swap, so only the rest tells clusters apart. Cost O(Σ lengths).
 * @example restrictPatterns(p, (d) => d !== 0) // patterns without dimension 0, and Σ w·v₀ in `fixed[0]`
 */
function restrictPatterns(p, keep) {
    const fixed = new Float64Array(p.dims);
    const builder = new PatternBuilder(p.dims);
    const ds = [];
    const vs = [];
    for (let q = 0; q < p.size; q++) {
        ds.length = vs.length = 0;
        for (let j = p.start[q]; j < p.start[q + 1]; j++) {
            if (keep(p.dim[j])) {
                ds.push(p.dim[j]);
                vs.push(p.value[j]);
            }
            else
                fixed[p.dim[j]] += p.weight[q] * p.value[j];
        }
        builder.add(ds, vs, p.weight[q]);
    }
    const patterns = builder.finish();
    return { patterns: p.maxDims ? { ...patterns, maxDims: p.maxDims } : patterns, fixed };
}
class PatternBuilder {
    dims;
    index = new Map();
    weights = [];
    entries = [];
    constructor(dims) {
        this.dims = dims;
    }
    add(ds, vs, weight = 1) {
        let key = '';
        for (let j = 0; j < ds.length; j++)
            key += `${ds[j]}:${vs[j]},`;
        const p = this.index.get(key);
        if (p !== undefined) {
            this.weights[p] += weight;
            return;
        }
        this.index.set(key, this.weights.length);
        this.weights.push(weight);
        this.entries.push({ dims: ds.slice(), values: vs.slice() });
    }
    finish() {
        // Largest first (ties in first-seen order), the order the conditional binomial method wants.
        const order = this.weights.map((_, p) => p).sort((a, b) => this.weights[b] - this.weights[a] || a - b);
        const size = order.length;
        const start = new Int32Array(size + 1);
        order.forEach((p, i) => (start[i + 1] = start[i] + this.entries[p].dims.length));
        const dim = new Int32Array(start[size]);
        const value = new Float64Array(start[size]);
        order.forEach((p, i) => {
            dim.set(this.entries[p].dims, start[i]);
            value.set(this.entries[p].values, start[i]);
        });
        const weight = Float64Array.from(order, (p) => this.weights[p]);
        let clusters = 0;
        for (const w of weight)
            clusters += w;
        return { size, clusters, dims: this.dims, weight, start, dim, value };
    }
}
/**
 * Totals of a resample: Σ_p count[p] · pattern_p, plus Σ_p swapped[p] · swap(pattern_p) when `swapped` is given
 * (then count[p] is the number of unswapped clusters). `swap[d]` is the dimension d moves to when the two
 * models are exchanged. Cost O(Σ pattern lengths).
 */
function patternTotals(p, count, out, swapped, swap) {
    out.fill(0);
    const max = p.maxDims;
    for (let q = 0; q < p.size; q++) {
        const x = count[q];
        const s = swapped ? swapped[q] : 0;
        if (x === 0 && s === 0)
            continue;
        for (let j = p.start[q]; j < p.start[q + 1]; j++) {
            const v = p.value[j];
            const d = p.dim[j];
            if (max && max[d]) {
                // A maximum (≥ 0) over the drawn clusters, not a sum.
                if (x !== 0 && v > out[d])
                    out[d] = v;
                const e = s !== 0 ? swap[d] : -1;
                if (e >= 0 && v > out[e])
                    out[e] = v;
                continue;
            }
            if (x !== 0)
                out[d] += x * v;
            if (s !== 0)
                out[swap[d]] += s * v;
        }
    }
}

;// CONCATENATED MODULE: ./src/stats/valueCells.ts
/**
 * The cell reduction for numbers: per-example tuples of values — (baseline, candidate) for a score field,
 * (truth, baseline, candidate) for regression — grouped into weighted cells of identical tuples.
 *
 * Every statistic the numeric tasks resample is a function of weighted sums (or a weighted maximum) over the
 * examples, so it is the same function of the cells with their counts as weights (docs/statistics.md, "the cell
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
const valueCells_f64 = new Float64Array(1);
const valueCells_u32 = new Uint32Array(valueCells_f64.buffer);
/** A 32-bit hash of row i's tuple (murmur3-style mixing of the two halves of each double). */
function hashRow(columns, i) {
    let h = 0x2545f491;
    for (let c = 0; c < columns.length; c++) {
        valueCells_f64[0] = columns[c][i] + 0;
        h = Math.imul(h ^ valueCells_u32[0], 0xcc9e2d51);
        h = (h << 15) | (h >>> 17);
        h = Math.imul(h ^ valueCells_u32[1], 0x1b873593);
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
const valueCells_BUCKETS = 1 << DIGIT_BITS;
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
    const count = new Uint32Array(valueCells_BUCKETS);
    for (let c = columns.length - 1; c >= 0; c--) {
        const { hi, lo } = orderableWords(columns[c]);
        for (const word of [lo, hi]) {
            for (let k = 0; k < n; k++)
                keys[k] = word[order[k]];
            for (let shift = 0; shift < 32; shift += DIGIT_BITS) {
                count.fill(0);
                for (let k = 0; k < n; k++)
                    count[(keys[k] >>> shift) & (valueCells_BUCKETS - 1)]++;
                if (count[(keys[0] >>> shift) & (valueCells_BUCKETS - 1)] === n)
                    continue;
                for (let d = 0, at = 0; d < valueCells_BUCKETS; d++) {
                    const x = count[d];
                    count[d] = at;
                    at += x;
                }
                for (let k = 0; k < n; k++) {
                    const key = keys[k];
                    const to = count[(key >>> shift) & (valueCells_BUCKETS - 1)]++;
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

;// CONCATENATED MODULE: ./src/significance/clusters/clusterResample.ts
/**
 * Cluster bootstrap and cluster randomization over {@link Patterns} (docs/repeats-and-clusters.md, `--cluster-field`).
 *
 * - Bootstrap: draw G clusters with replacement (a Multinomial(G, w_p / G) draw over the patterns), sum their
 *   vectors, evaluate each metric for both models: the deltas give the percentile interval and the worse-side
 *   bound, the candidate's values its own interval (Davison & Hinkley 1997, docs/metrics.md.8; Field & Welsh 2007).
 * - Randomization: in each cluster swap the two models' predictions with probability 1/2 (Bin(w_p, 1/2) of the
 *   clusters of pattern p); p = (hits + 1) / (R + 1), hits as in src/significance/classification/classificationResample.ts (ties within
 *   γ = max(1e-14, 1e-14·|δ|) count).
 * Cost per resample: O(Σ pattern lengths + metric evaluation). One seeded stream per family.
 */






/** Observed totals, values and deltas of a family. */
function observeFamily(f) {
    const totals = new Float64Array(f.patterns.dims);
    patternTotals(f.patterns, f.patterns.weight, totals);
    const candidate = new Float64Array(f.metrics);
    const baseline = new Float64Array(f.metrics);
    f.evaluate(totals, candidate, baseline);
    return { candidate, baseline, delta: candidate.map((c, i) => c - baseline[i]) };
}
/**
 * Above this many patterns per cluster (most clusters unique), a resample draws G cluster indices uniformly
 * (one 32-bit number each) instead of one binomial per pattern: the same multinomial, at less cost.
 */
const INDEX_DRAWS = 1 / 8;
/** R cluster bootstrap resamples: per metric, the deltas and the candidate's values. */
function clusterBootstrap(f, R, seed) {
    const rng = streamFor(seed, `cluster-bootstrap:${f.name}`);
    const { patterns } = f;
    const G = patterns.clusters;
    const draw = new Float64Array(patterns.size);
    // Many distinct patterns: draw clusters by index (patternOf[g] is the pattern of the g-th cluster).
    let patternOf = null;
    if (patterns.size > G * INDEX_DRAWS) {
        patternOf = new Uint32Array(G);
        let g = 0;
        for (let q = 0; q < patterns.size; q++)
            for (let w = 0; w < patterns.weight[q]; w++)
                patternOf[g++] = q;
    }
    const totals = new Float64Array(patterns.dims);
    const vC = new Float64Array(f.metrics);
    const vB = new Float64Array(f.metrics);
    const deltas = Array.from({ length: f.metrics }, () => new Float64Array(R));
    const candidates = Array.from({ length: f.metrics }, () => new Float64Array(R));
    for (let r = 0; r < R; r++) {
        if (patternOf) {
            draw.fill(0);
            for (let i = 0; i < G; i++)
                draw[patternOf[uniformBelow(rng, G)]]++;
        }
        else
            multinomial(rng, G, patterns.weight, draw);
        patternTotals(patterns, draw, totals);
        f.evaluate(totals, vC, vB);
        for (let i = 0; i < f.metrics; i++) {
            deltas[i][r] = vC[i] - vB[i];
            candidates[i][r] = vC[i];
        }
    }
    return { deltas, candidates };
}
/** R cluster randomizations: per metric, two-sided and worse-side hits against the observed deltas. */
function clusterRandomization(f, observed, R, seed) {
    const swap = f.swap;
    if (!swap)
        throw new Error('clusterRandomization: the family has no swap');
    const rng = streamFor(seed, `cluster-permutation:${f.name}`);
    // Dimensions a swap leaves in place (both models predict the same) are a constant: only the rest is drawn.
    const { patterns, fixed } = restrictPatterns(f.patterns, (d) => swap[d] !== d);
    const kept = new Float64Array(patterns.size);
    const swapped = new Float64Array(patterns.size);
    const totals = new Float64Array(patterns.dims);
    const vC = new Float64Array(f.metrics);
    const vB = new Float64Array(f.metrics);
    const twoSided = new Float64Array(f.metrics);
    const worse = new Float64Array(f.metrics);
    const gamma = observed.map((d) => Math.max(1e-14, 1e-14 * Math.abs(d)));
    // A pattern equal to its own swap never changes anything: no draw for it.
    const symmetric = Uint8Array.from({ length: patterns.size }, (_, q) => (isSymmetric(patterns, q, swap) ? 1 : 0));
    for (let r = 0; r < R; r++) {
        for (let q = 0; q < patterns.size; q++) {
            const w = patterns.weight[q];
            const s = symmetric[q] ? 0 : binomial(rng, w, 0.5);
            kept[q] = w - s;
            swapped[q] = s;
        }
        patternTotals(patterns, kept, totals, swapped, swap);
        for (let d = 0; d < totals.length; d++)
            totals[d] += fixed[d];
        f.evaluate(totals, vC, vB);
        for (let i = 0; i < f.metrics; i++) {
            const d = vC[i] - vB[i];
            const obs = observed[i];
            if (Math.abs(d) >= Math.abs(obs) - gamma[i])
                twoSided[i]++;
            if (f.lowerBetter[i] ? d >= obs - gamma[i] : d <= obs + gamma[i])
                worse[i]++;
        }
    }
    return { twoSided, worse };
}
function isSymmetric(p, q, swap) {
    const values = new Map();
    for (let j = p.start[q]; j < p.start[q + 1]; j++)
        values.set(p.dim[j], p.value[j]);
    for (const [d, v] of values)
        if ((values.get(swap[d]) ?? 0) !== v)
            return false;
    return true;
}
/**
 * The most cluster draws (or pattern draws) a family's bootstrap may make in all: above, it is resampled fewer
 * times (at least {@link MIN_CLUSTER_RESAMPLES}) and a warning says so, as the unclustered cells are
 * (src/significance/classification/classificationStatistics.ts). 2·10⁸ is about 10 s on one core.
 */
const CLUSTER_WORK_CAP = 200_000_000;
const MIN_CLUSTER_RESAMPLES = 1000;
/** The cost of one bootstrap resample of the patterns: the draws and the pass over the patterns. */
function bootstrapCost(p) {
    return (p.size > p.clusters * INDEX_DRAWS ? p.clusters : p.size) + p.start[p.size];
}
/** How many times a family is resampled: `resamples`, or fewer when that would pass {@link CLUSTER_WORK_CAP}. */
function clusterResamples(p, resamples, cap = CLUSTER_WORK_CAP) {
    const cost = bootstrapCost(p);
    return cost * resamples > cap ? Math.min(resamples, Math.max(MIN_CLUSTER_RESAMPLES, Math.floor(cap / cost))) : resamples;
}
/**
 * Bootstrap intervals and (with a swap and `withTest`) randomization p-values of every metric of a family,
 * as src/significance/classification/classificationResample.ts `resampleFamily` gives them for unclustered cells. Null where a metric is NaN.
 * `resamples` is how many were made (fewer than asked above the work cap).
 */
function resampleClusterFamily(f, settings, withTest) {
    const R = clusterResamples(f.patterns, settings.resamples);
    const { alpha } = settings;
    const observed = observeFamily(f).delta;
    const boot = clusterBootstrap(f, R, settings.seed);
    const perm = withTest && f.swap ? clusterRandomization(f, observed, R, settings.seed) : null;
    const metrics = Array.from({ length: f.metrics }, (_, i) => {
        if (Number.isNaN(observed[i]))
            return { ci: null, candidateCi: null, worseBound: null, pValue: null, pValueWorse: null };
        const deltas = boot.deltas[i].filter(Number.isFinite);
        const cands = boot.candidates[i].filter(Number.isFinite);
        const d = deltas.length > 0 ? quantiles(deltas, [alpha / 2, 1 - alpha / 2, f.lowerBetter[i] ? 1 - alpha : alpha]) : null;
        const own = cands.length > 0 ? quantiles(cands, [alpha / 2, 1 - alpha / 2]) : null;
        return {
            ci: d ? [d[0], d[1]] : null,
            candidateCi: own ? [own[0], own[1]] : null,
            worseBound: d ? d[2] : null,
            pValue: perm ? (perm.twoSided[i] + 1) / (R + 1) : null,
            pValueWorse: perm ? (perm.worse[i] + 1) / (R + 1) : null
        };
    });
    return { metrics, resamples: R };
}
/** The warning for a family resampled fewer times than asked. */
function cappedClustersWarning(what, made, asked, p) {
    const f = (x) => x.toLocaleString('en-US');
    return (`${what} resampled ${f(made)} times by cluster, not ${f(asked)}: its ${f(p.clusters)} clusters have ${f(p.size)} distinct patterns, ` +
        `and one resample costs ${f(bootstrapCost(p))} steps (cluster draws and pattern entries; at most ${f(CLUSTER_WORK_CAP)} in all).`);
}

;// CONCATENATED MODULE: ./src/significance/clusters/clusterCells.ts







/**
 * The cluster of each pair: the candidate row's `--cluster-field` value (the baseline row must have the same
 * value: a different one names the baseline's file, line and field), else, with repeats, the pair's id.
 * Null when there is no cluster field and no repeats, or when every cluster holds a single pair (then the
 * clustered methods are the plain ones and the plain path is used). Cost O(n).
 */
function pairClusters(options, candidate, baseline, pairing, repeats) {
    const n = pairing ? pairing.n : candidate.n;
    const row = (p) => (pairing ? pairing.cand[p] : p);
    let code;
    let what;
    if (options.clusterField !== undefined) {
        const field = options.clusterField;
        const cc = keyColumn(candidate.keys, field);
        if (!cc)
            throw new Error(`pairClusters: the key field "${field}" was not read`);
        const bc = baseline ? keyColumn(baseline.keys, field) : undefined;
        if (baseline && pairing && bc) {
            for (let p = 0; p < n; p++) {
                const a = cc.values[cc.codes[pairing.cand[p]]];
                const b = bc.values[bc.codes[pairing.base[p]]];
                if (a !== b) {
                    throw new InputError(baseline.name, baseline.line[pairing.base[p]], field, `is ${quote(b)}, but the candidate's row of the same example (line ${candidate.line[pairing.cand[p]]}) has ${quote(a)}: both files must put an example in the same cluster`);
                }
            }
        }
        if (repeats)
            checkOneClusterPerId(candidate, repeats.candidate, field);
        code = (p) => cc.codes[row(p)];
        what = field;
    }
    else if (repeats) {
        code = (p) => repeats.candidate.idOf[row(p)];
        what = 'id';
    }
    else
        return null;
    const renumber = new Map();
    const clusterOf = new Uint32Array(n);
    for (let p = 0; p < n; p++) {
        const c = code(p);
        let g = renumber.get(c);
        if (g === undefined) {
            g = renumber.size;
            renumber.set(c, g);
        }
        clusterOf[p] = g;
    }
    if (renumber.size === n)
        return null;
    return { clusterOf, clusters: renumber.size, what };
}
/** The repeats of an id are one example: they must share the cluster value. */
function checkOneClusterPerId(file, repeats, field) {
    const column = keyColumn(file.keys, field);
    if (!column)
        return;
    const first = new Int32Array(repeats.ids).fill(-1);
    for (let i = 0; i < file.n; i++) {
        const id = repeats.idOf[i];
        if (first[id] < 0)
            first[id] = i;
        else if (column.codes[i] !== column.codes[first[id]]) {
            throw new InputError(file.name, file.line[i], field, `is ${quote(column.values[column.codes[i]])}, but an earlier repeat of the same id (line ${file.line[first[id]]}) has ${quote(column.values[column.codes[first[id]]])}: the repeats of an id belong to one cluster`);
        }
    }
}
/** The pairs' report indices (true, baseline, candidate) and clusters, and the clustered statistics over them. */
class ClusteredCells {
    k;
    labels;
    t;
    b;
    c;
    clusters;
    test = 'mcnemar-cluster';
    permutationTest = 'permutation-cluster';
    ciMethod = 'cluster-bootstrap-percentile';
    /** Families resampled fewer times than asked (the work cap). */
    warnings = [];
    constructor(k, labels, t, b, c, clusters) {
        this.k = k;
        this.labels = labels;
        this.t = t;
        this.b = b;
        this.c = c;
        this.clusters = clusters;
    }
    /** From the files and the pairing (`remap[code]`: report index of a dictionary code). Cost O(n). */
    static of(k, labels, remap, candidate, baseline, pairing, clusters) {
        const n = clusters.clusterOf.length;
        const t = new Int32Array(n);
        const b = new Int32Array(n);
        const c = new Int32Array(n);
        for (let p = 0; p < n; p++) {
            const i = pairing ? pairing.cand[p] : p;
            t[p] = remap[candidate.truth[i]];
            c[p] = remap[candidate.pred[i]];
            b[p] = baseline && pairing ? remap[baseline.pred[pairing.base[p]]] : c[p];
        }
        return new ClusteredCells(k, labels, t, b, c, clusters);
    }
    /**
     * A family's metrics by cluster bootstrap and cluster randomization (the family `table`, or `class:L` of one
     * class against the rest), in the shape `resampleFamily` gives. Support is not resampled.
     */
    resample(family, directions, settings, withTest) {
        const n = this.t.length;
        const dimOf = new Int32Array(n);
        let cells;
        if (family.perClass) {
            const L = this.labels.indexOf(family.name.slice('class:'.length));
            for (let p = 0; p < n; p++)
                dimOf[p] = (this.t[p] === L ? 4 : 0) + (this.b[p] === L ? 2 : 0) + (this.c[p] === L ? 1 : 0);
            const bits = [0, 1, 2, 3, 4, 5, 6, 7];
            cells = { k: 2, t: bits.map((d) => d >> 2), b: bits.map((d) => (d >> 1) & 1), c: bits.map((d) => d & 1) };
        }
        else {
            // The non-empty cells and their swaps, numbered in first-seen order.
            const k = this.k;
            const index = new Map();
            cells = { k, t: [], b: [], c: [] };
            const dim = (t, b, c) => {
                const key = (t * k + b) * k + c;
                let d = index.get(key);
                if (d === undefined) {
                    d = index.size;
                    index.set(key, d);
                    cells.t.push(t);
                    cells.b.push(b);
                    cells.c.push(c);
                }
                return d;
            };
            for (let p = 0; p < n; p++) {
                dimOf[p] = dim(this.t[p], this.b[p], this.c[p]);
                dim(this.t[p], this.c[p], this.b[p]);
            }
        }
        const dims = cells.t.length;
        const swap = new Int32Array(dims);
        const where = new Map();
        for (let d = 0; d < dims; d++)
            where.set(`${cells.t[d]},${cells.b[d]},${cells.c[d]}`, d);
        for (let d = 0; d < dims; d++)
            swap[d] = where.get(`${cells.t[d]},${cells.c[d]},${cells.b[d]}`);
        const table = { k: cells.k, size: dims, total: 0, t: Int32Array.from(cells.t), b: Int32Array.from(cells.b), c: Int32Array.from(cells.c), count: new Float64Array(dims) };
        const evaluate = evaluator(family.metrics, cells.k);
        const sB = newClassSums(cells.k);
        const sC = newClassSums(cells.k);
        const patterns = countPatterns(this.clusters.clusterOf, dimOf, this.clusters.clusters, dims);
        const { metrics: results, resamples } = resampleClusterFamily({
            name: family.name,
            patterns,
            metrics: family.metrics.length,
            swap,
            lowerBetter: family.metrics.map((m) => directions(m.name) === 'lower'),
            evaluate: (totals, vC, vB) => {
                table.count = totals;
                let total = 0;
                for (let d = 0; d < dims; d++)
                    total += totals[d];
                table.total = total;
                evaluate(classSumsOfCells(table, 'candidate', sC), vC);
                evaluate(classSumsOfCells(table, 'baseline', sB), vB);
            }
        }, settings, withTest);
        if (resamples < settings.resamples) {
            this.warnings.push(cappedClustersWarning(family.perClass ? `The metrics of class ${quote(family.name.slice('class:'.length))}` : 'The metrics over all classes', resamples, settings.resamples, patterns));
        }
        const out = new Map();
        family.metrics.forEach((m, i) => {
            const support = m.name.startsWith('support[');
            out.set(m.name, support ? { ci: null, candidateCi: null, worseBound: null, pValue: null, pValueWorse: null } : results[i]);
        });
        return out;
    }
    /**
     * Per cluster, the candidate's right answers minus the baseline's over the pairs whose true class is
     * `restriction` (`all`: every pair), with how many such pairs there are, how many of them the models disagree on
     * (one right, one wrong) and how many clusters hold them: what the power of the clustered McNemar test depends on
     * (src/significance/clusters/clusterPower.ts).
     */
    discordance(restriction) {
        const d = new Float64Array(this.clusters.clusters);
        const held = new Uint8Array(this.clusters.clusters);
        let pairs = 0;
        let discordant = 0;
        let clusters = 0;
        for (let p = 0; p < this.t.length; p++) {
            const t = this.t[p];
            if (restriction !== 'all' && t !== restriction)
                continue;
            const g = this.clusters.clusterOf[p];
            const x = (this.c[p] === t ? 1 : 0) - (this.b[p] === t ? 1 : 0);
            d[g] += x;
            pairs++;
            if (x !== 0)
                discordant++;
            if (!held[g])
                clusters++;
            held[g] = 1;
        }
        return { d, pairs, discordant, clusters };
    }
    /** The clustered McNemar test on the pairs whose true class is `restriction` (`all`: every pair). */
    mcnemar(restriction) {
        const d = new Float64Array(this.clusters.clusters);
        for (let p = 0; p < this.t.length; p++) {
            const t = this.t[p];
            if (restriction !== 'all' && t !== restriction)
                continue;
            d[this.clusters.clusterOf[p]] += (this.c[p] === t ? 1 : 0) - (this.b[p] === t ? 1 : 0);
        }
        return mcnemarCluster(d);
    }
}

;// CONCATENATED MODULE: ./src/tasks/taskModule.ts
/** The counts of a comparison (docs/report.md), from the two files' sizes and the pairing. */
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

;// CONCATENATED MODULE: ./src/pair/errorRule.ts
/** The default of `--errors`. */
const DEFAULT_ERRORS = 'wrong';
/** Applies the rule to the compared examples. */
function errorRule(mode, candidate, baseline, pairing) {
    const cErr = candidate.errors ?? null;
    const bErr = baseline?.errors ?? null;
    const paired = baseline !== null && pairing !== null;
    const n = paired ? pairing.n : candidate.n;
    const cFlags = new Uint8Array(n);
    const bFlags = paired ? new Uint8Array(n) : null;
    let cCount = 0;
    let bCount = 0;
    for (let p = 0; p < n; p++) {
        const c = cErr ? cErr[paired ? pairing.cand[p] : p] : 0;
        cFlags[p] = c;
        cCount += c;
        if (bFlags && bErr) {
            const b = bErr[pairing.base[p]];
            bFlags[p] = b;
            bCount += b;
        }
    }
    const outcome = {
        mode,
        original: pairing,
        pairing,
        keep: null,
        counts: { candidate: cCount, baseline: paired ? bCount : null },
        excluded: 0,
        flags: { candidate: cFlags, baseline: bFlags }
    };
    if (mode === 'wrong' || cCount + bCount === 0)
        return outcome;
    const kept = [];
    for (let p = 0; p < n; p++)
        if (!cFlags[p] && !(bFlags && bFlags[p]))
            kept.push(p);
    outcome.excluded = n - kept.length;
    if (paired) {
        outcome.pairing = {
            ...pairing,
            n: kept.length,
            cand: Uint32Array.from(kept, (p) => pairing.cand[p]),
            base: Uint32Array.from(kept, (p) => pairing.base[p])
        };
    }
    else
        outcome.keep = Uint32Array.from(kept);
    return outcome;
}
/** Whether the compared examples hold any error row. */
const anyErrors = (e) => e.counts.candidate + (e.counts.baseline ?? 0) > 0;
/** The report's counts of the rule: `errors` per side and, under exclude, `excluded`. */
function errorCounts(e) {
    return { errors: { ...e.counts }, ...(e.mode === 'exclude' ? { excluded: e.excluded } : {}) };
}
/**
 * The warning that names the counts, or null when no compared example errored.
 * @example "4 compared examples have an error row (candidate 3, baseline 1), a row with an \"error\" field set or an empty or null prediction: counted as wrong predictions, …"
 */
function errorWarning(e) {
    if (!anyErrors(e))
        return null;
    const c = e.counts;
    const total = c.baseline === null ? c.candidate : e.flags.candidate.reduce((s, x, p) => s + (x || e.flags.baseline[p] ? 1 : 0), 0);
    const sides = c.baseline === null
        ? `${c.candidate.toLocaleString('en-US')} candidate ${c.candidate === 1 ? 'row is an error' : 'rows are errors'}`
        : `${total.toLocaleString('en-US')} compared ${total === 1 ? 'example has' : 'examples have'} an error row (candidate ${c.candidate.toLocaleString('en-US')}, baseline ${c.baseline.toLocaleString('en-US')})`;
    const what = 'a row with an "error" field set or an empty or null prediction';
    if (e.mode === 'wrong')
        return `${sides}, ${what}: counted as wrong predictions, or as the worst value of a score (errors: wrong); errors: exclude leaves them out of both models.`;
    return `${sides}, ${what}: left out of both models (errors: exclude), so every metric is on ${(e.flags.candidate.length - e.excluded).toLocaleString('en-US')} examples.`;
}

;// CONCATENATED MODULE: ./src/significance/clusters/clusterPower.ts
/**
 * The "too small to see a 1-point drop" warning of a clustered classification comparison (`--cluster-field`, or
 * the ids with `--repeat-field`; docs/repeats-and-clusters.md): the minimum detectable effect of
 * the test actually used, the clustered McNemar test (src/stats/mcnemarCluster.ts), not the plain one's.
 *
 * The clustered test divides Σ_g d_g by √(Σ_g d_g²), d_g the candidate's right answers minus the baseline's in
 * cluster g; the plain McNemar test (every cluster one pair) by √(b + c), the discordant pairs. So with N pairs:
 *
 *   design effect  D = Σ_g d_g² / (b + c),   effective n = N / D,
 *   MDE = (z_{1−α} + z_{power}) · √(ψ / (N / D)) = (z_{1−α} + z_{power}) · √(Σ_g d_g²) / N,   ψ = (b + c) / N,
 *
 * which is Connor's (1987) MDE of src/stats/power.ts with n replaced by the effective n; with clusters of one
 * pair D = 1 and it is that MDE. Cost O(n).
 *
 * @example // d = (−5, 3, 0, 0, 0, 0), N = 30: D = 34 / 8 = 4.25, MDE = 2.4865 · √34 / 30 = 48.3 points
 */

/** The clustered test's design effect, effective n and MDE on the pairs of true class `restriction` (`all`: every pair). */
function clusteredPower(clustered, restriction, alpha, power = 0.8) {
    const { d, pairs, discordant, clusters } = clustered.discordance(restriction);
    if (pairs === 0)
        return null;
    let squares = 0;
    for (let g = 0; g < d.length; g++)
        squares += d[g] * d[g];
    const designEffect = discordant === 0 ? 1 : squares / discordant;
    const effectiveN = pairs / designEffect;
    const mde = discordant === 0 ? 0 : minimumDetectableEffect(discordant / pairs, effectiveN, alpha, power);
    return { pairs, discordant, clusters, designEffect, effectiveN, mde };
}
const clusterPower_plural = (n, one, many = one + 's') => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
const clusterPower_pct = (x) => `${(100 * x).toFixed(1)}%`;
const clusterPower_points = (x) => `${(100 * x).toFixed(1)} points`;
/**
 * The power warnings of a clustered classification comparison: accuracy and (binary) recall, each when the
 * clustered test's MDE is above 1 point. Names the design effect and the effective number of examples.
 */
function clusteredPowerWarnings(ctx) {
    const out = [];
    const check = (name, restriction) => {
        const power = clusteredPower(ctx.clustered, restriction, ctx.settings.alpha, 0.8);
        if (!power || !(power.mde > 0.01))
            return;
        const what = ctx.clustered.clusters.what === 'id' ? 'ids (their repeats)' : `clusters of ${ctx.clustered.clusters.what}`;
        out.push(`This test set is too small to see a 1-point drop in ${name}: with ${clusterPower_plural(power.pairs, 'example')} in ${power.clusters.toLocaleString('en-US')} ${what} and the models ` +
            `disagreeing on ${clusterPower_pct(power.discordant / power.pairs)} of them, the clustered McNemar test weighs as ${clusterPower_plural(Math.round(power.effectiveN), 'independent example')} ` +
            `(design effect ${power.designEffect.toFixed(2)}); the smallest drop it can detect with 80% power at α = ${ctx.settings.alpha} is ${clusterPower_points(power.mde)}.`);
    };
    check('accuracy', 'all');
    if (ctx.task === 'binary' && ctx.positive !== null)
        check('recall', ctx.positive);
    return out;
}

;// CONCATENATED MODULE: ./src/tasks/classification/scoreConfidence.ts
/**
 * Scores that are not probabilities of the positive class (docs/statistics.md, docs/inputs.md): a binary
 * `score` that looks like the confidence of the predicted label, which is what a classifier pipeline gives as its
 * top-class score (a Hugging Face `pipeline("text-classification")` result's `score`, `predict_proba(X).max(1)`).
 * Every score metric (`roc_auc`, `average_precision`, `log_loss`, `brier`) is then wrong, and nothing else shows
 * it: a 97%-accurate model gets a roc_auc near 50%.
 *
 * A file's scores are suspect, on its compared non-error rows, when
 * - every score is ≥ 0.5 while some rows are predicted negative (a model that predicts the positive class
 *   everywhere may rightly score every row ≥ 0.5), or
 * - on most rows (more than half) a score ≥ 0.5 disagrees with `prediction = positive`, or
 * - its roc_auc is below 0.5 while its accuracy is above 0.8.
 * The warning names the file, the reasons, the likely cause and the fix. Cost O(n).
 *
 * @example scoreConfidenceWarnings(ctx, metrics) // ['The candidate\'s `score` looks like the confidence of the predicted label, …']
 */

/** The scores of a file at `rows` (compared rows; error rows skipped) against its predictions. */
function scoreLook(file, rows, remap, positive) {
    const score = file.score;
    if (!score)
        return null;
    let n = 0;
    let lowest = Infinity;
    let negatives = 0;
    let disagree = 0;
    for (let p = 0; p < rows.length; p++) {
        const i = rows[p];
        if (file.errors && file.errors[i])
            continue;
        const s = score[i];
        const predictedPositive = remap[file.pred[i]] === positive;
        n++;
        if (s < lowest)
            lowest = s;
        if (!predictedPositive)
            negatives++;
        if (s >= 0.5 !== predictedPositive)
            disagree++;
    }
    return n === 0 ? null : { rows: n, lowest, negatives, disagree };
}
/** The reasons a file's scores look like top-class confidences (none: they do not). */
function confidenceReasons(look, rocAuc, accuracy) {
    const reasons = [];
    const pct = (x) => `${(100 * x).toFixed(1)}%`;
    if (look.lowest >= 0.5 && look.negatives > 0)
        reasons.push(`every score is at least 0.5 (the lowest ${Number(look.lowest.toPrecision(4))}), though ${look.negatives.toLocaleString('en-US')} rows are predicted negative`);
    if (look.disagree > look.rows / 2)
        reasons.push(`on ${pct(look.disagree / look.rows)} of the rows the score (≥ 0.5 or not) disagrees with the prediction`);
    if (rocAuc !== null && accuracy !== null && rocAuc < 0.5 && accuracy > 0.8)
        reasons.push(`its roc_auc is ${pct(rocAuc)} while its accuracy is ${pct(accuracy)}`);
    return reasons;
}
/** The warnings of a binary comparison with scores: one per file whose scores look like top-class confidences. */
function scoreConfidenceWarnings(ctx, metrics) {
    if (ctx.task !== 'binary' || ctx.positive === null)
        return [];
    const positiveLabel = ctx.labels[ctx.positive];
    const out = [];
    const sides = [
        { side: 'candidate', file: ctx.candidate, rows: ctx.pairing ? ctx.pairing.cand : Uint32Array.from({ length: ctx.candidate.n }, (_, i) => i) },
        ...(ctx.baseline && ctx.pairing ? [{ side: 'baseline', file: ctx.baseline, rows: ctx.pairing.base }] : [])
    ];
    for (const { side, file, rows } of sides) {
        const look = scoreLook(file, rows, ctx.remap, ctx.positive);
        if (!look)
            continue;
        const reasons = confidenceReasons(look, metrics.roc_auc?.[side] ?? null, metrics.accuracy?.[side] ?? null);
        if (reasons.length === 0)
            continue;
        out.push(`The ${side}'s \`score\` looks like the confidence of the predicted label, not the probability of the positive class ${quote(positiveLabel)}: ${reasons.join('; ')}. ` +
            `A classifier pipeline's top-class confidence gives this (e.g. the \`score\` of a Hugging Face \`pipeline(...)\` result, or \`predict_proba(X).max(axis=1)\`), ` +
            `and roc_auc, average_precision, log_loss and brier are then meaningless. Fix: write the probability of ${quote(positiveLabel)} on every row, e.g. call the pipeline with ` +
            `\`top_k=None\` (formerly \`return_all_scores=True\`) and take the score of the label ${quote(positiveLabel)}, or \`predict_proba(X)[:, 1]\`.`);
    }
    return out;
}

;// CONCATENATED MODULE: ./src/tasks/classification/classificationErrors.ts
/** The reserved prediction of an error row: `(error)`, or `(error 2)`, … when a label already has that text. */
function errorLabel(taken) {
    const set = new Set(taken);
    let name = '(error)';
    for (let k = 2; set.has(name); k++)
        name = `(error ${k})`;
    return name;
}
/**
 * Gives every error row of both files its wrong prediction and worst scores. Appends the reserved label to
 * `labels` when it is used (multiclass; binary with one label) and returns it, else null.
 */
function countErrorsWrong(ctx, candidate, baseline) {
    const files = [candidate, baseline].filter((f) => f !== null && f.errors != null);
    if (files.length === 0)
        return null;
    const { labels, dictionary } = ctx;
    let reserved = -1;
    const reservedCode = () => {
        if (reserved < 0) {
            const name = errorLabel(dictionary.names);
            reserved = dictionary.code(name);
            labels.push(name);
        }
        return reserved;
    };
    const binary = ctx.task === 'binary';
    const codes = labels.map((l) => dictionary.find(l));
    const positiveCode = ctx.positiveLabel === null ? -1 : dictionary.find(ctx.positiveLabel);
    for (const f of files) {
        const errors = f.errors;
        for (let i = 0; i < f.n; i++) {
            if (!errors[i])
                continue;
            const truth = f.truth[i];
            if (binary && codes.length === 2)
                f.pred[i] = codes[0] === truth ? codes[1] : codes[0];
            else
                f.pred[i] = reservedCode();
            if (f.score)
                f.score[i] = truth === positiveCode ? 0 : 1;
            if (f.scores) {
                const { labels: keys, values } = f.scores;
                const truthText = dictionary.names[truth];
                const hit = keys.indexOf(truthText);
                const rest = hit >= 0 ? keys.length - 1 : keys.length;
                for (let j = 0; j < keys.length; j++)
                    values[i * keys.length + j] = j === hit ? 0 : rest > 0 ? 1 / rest : 0;
            }
        }
    }
    return reserved < 0 ? null : dictionary.names[reserved];
}

;// CONCATENATED MODULE: ./src/tasks/keepRows.ts
function pick(a, keep) {
    const out = new a.constructor(keep.length);
    for (let p = 0; p < keep.length; p++)
        out[p] = a[keep[p]];
    return out;
}
const pickIds = (ids, keep) => ids === null ? null : ids instanceof Float64Array ? pick(ids, keep) : Array.from(keep, (i) => ids[i]);
const pickKeys = (keys, keep) => keys ? { keys: keys.map((k) => ({ ...k, codes: pick(k.codes, keep) })) } : {};
/** Without the rows' errors (every kept row is a non-error row). */
const base = (file, keep) => ({
    n: keep.length,
    ids: pickIds(file.ids, keep),
    line: pick(file.line, keep),
    ...pickKeys(file.keys, keep),
    errors: null
});
function keepPredictionRows(file, keep) {
    const labels = file.scores?.labels.length ?? 0;
    return {
        ...file,
        ...base(file, keep),
        truth: pick(file.truth, keep),
        pred: pick(file.pred, keep),
        score: file.score ? pick(file.score, keep) : null,
        scores: file.scores
            ? {
                labels: file.scores.labels,
                values: Float64Array.from({ length: keep.length * labels }, (_, q) => file.scores.values[keep[Math.floor(q / labels)] * labels + (q % labels)])
            }
            : null
    };
}
function keepNumericRows(file, keep) {
    return { ...file, ...base(file, keep), values: file.values.map((v) => pick(v, keep)) };
}
function keepTextRows(file, keep) {
    return {
        ...file,
        ...base(file, keep),
        references: Array.from(keep, (i) => file.references[i]),
        predictions: Array.from(keep, (i) => file.predictions[i]),
        loss: file.loss ? pick(file.loss, keep) : null,
        tokens: file.tokens ? pick(file.tokens, keep) : null
    };
}

;// CONCATENATED MODULE: ./src/tasks/classification/classificationTask.ts
/**
 * The classification task (docs/inputs.md, docs/tasks.md, docs/metrics.md, docs/statistics.md): labels and predictions, binary or multiclass, optional scores. Reading
 * (the baseline on a second core when large), pairing, the task and positive class, the cell table, the
 * confusion-matrix statistics and the score statistics.
 */




























/**
 * The most classes a comparison takes. At 100,000 the report alone holds 400,000 per-class metrics (a 140 MB
 * JSON file, about 20 s and 900 MB in all); past it a pull request's file could exhaust memory (SECURITY.md).
 */
const MAX_CLASSES = 100_000;
/** Up to this many classes the report's confusion matrices are dense K×K tables (docs/report.md); above, sparse entries. */
const DENSE_MATRIX_CLASSES = 1000;
/** Work (examples × resamples) of average precision's resampling above which a helper thread does it. */
const HELPER_WORK = 1_000_000;
/** Files smaller than this are read on this thread: starting a worker costs more than it saves. */
const PARALLEL_BYTES = 4 << 20;
const classification = {
    async prepare(options) {
        const dictionary = new LabelDictionary();
        const readOptions = { format: options.format, fields: options.fields, dictionary, requireId: options.baseline !== null || options.repeatField !== undefined, keys: keyFields(options) };
        const [read, baseline, early] = await readBoth(options, readOptions);
        try {
            return { ...prepareRead(options, dictionary, read, baseline, early), settle: () => settleIds(early, baseline) };
        }
        catch (error) {
            // A repeated baseline id, left to the reader thread by pairing, is the first error, as it would be here.
            await settleIds(early, baseline);
            throw error;
        }
    }
};
/** Pairing, the task and classes, and the analyses of files read (see {@link classification}). */
function prepareRead(options, dictionary, read, baseline, early) {
    const repeats = readRepeats(options, read, baseline);
    let byId = null;
    if (baseline)
        byId = repeats ? pairRepeats(read, baseline, repeats, sameLabel(read, baseline), options.repeatField) : pairByIds(read, baseline, sameLabel(read, baseline), { checkedElsewhere: early.baselineRepeat ? baseline.ids : null });
    else if (!repeats)
        checkUniqueIds(read);
    // docs/errors.md: error rows (pred ERROR_CODE, no dictionary code) are left out here under exclude, or given a
    // wrong prediction below once the labels are known.
    const errors = errorRule(options.errors ?? DEFAULT_ERRORS, read, baseline, byId);
    const candidate = errors.keep ? keepPredictionRows(read, errors.keep) : read;
    const pairing = errors.pairing;
    const used = usedCodes(dictionary.size, candidate, baseline, pairing);
    const { task, labels, positiveLabel } = classesOf(dictionary, used, options);
    const reserved = errors.mode === 'wrong' && anyErrors(errors) ? countErrorsWrong({ task, labels, positiveLabel, dictionary }, candidate, baseline) : null;
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
        counts: { ...withRepeatCounts(countsOf(read.n, baseline ? baseline.n : null, byId), repeats), ...errorCounts(errors) },
        pairing,
        hasBaseline,
        errors,
        known: { metrics: names, labels },
        defaultGates: DEFAULT_GATES,
        keys: { candidate: candidate.keys, baseline: baseline ? baseline.keys : null },
        analyzeSlice(rows, wanted, settings) {
            // The slice's pairs as a pairing of their own (without a baseline: the candidate's rows, paired with themselves).
            const sub = slicePairing(rows, pairing);
            const table = countCells(labels.length, remap, candidate, baseline ?? candidate, sub);
            const only = new Set(wanted);
            const mcnemar = options.mcnemar ?? DEFAULT_MCNEMAR;
            // Repeats and clusters hold within a slice too: the slice's pairs in their clusters (those it has a part of).
            const clusters = pairClusters(options, candidate, baseline, sub, repeats);
            const clustered = clusters ? ClusteredCells.of(labels.length, labels, remap, candidate, baseline, sub, clusters) : null;
            const confusion = confusionStatistics({ task, labels, positive, table, hasBaseline, mcnemar, only, clusters: clustered }, settings);
            const scored = hasScores && wanted.some((name) => !confusion.metrics.has(name))
                ? scoreStatistics({ task, labels, positive, remap, candidate, baseline, pairing: sub }, settings)
                : { metrics: new Map(), warnings: [] };
            if (clusters && scored.metrics.size > 0) {
                for (const [name, m] of scored.metrics)
                    scored.metrics.set(name, valuesOnly(m));
                scored.warnings = [unclusteredWarning([...scored.metrics.keys()], clusters.what)];
            }
            const metrics = {};
            for (const name of wanted) {
                const m = confusion.metrics.get(name) ?? scored.metrics.get(name);
                if (m)
                    metrics[name] = m;
            }
            return { metrics, warnings: [...confusion.warnings, ...scored.warnings, ...(clustered ? clustered.warnings : [])] };
        },
        async analyze(rules, settings) {
            const k = labels.length;
            const table = countCells(k, remap, candidate, baseline, pairing);
            const gatedClasses = gatedClassesOf(rules, index);
            const mcnemar = options.mcnemar ?? DEFAULT_MCNEMAR;
            const clusters = pairClusters(options, candidate, baseline, pairing, repeats);
            const clustered = clusters ? ClusteredCells.of(k, labels, remap, candidate, baseline, pairing, clusters) : null;
            // The reserved error label (last) is no class of the scores: every true label is a real one.
            const scoreContext = { task, labels: reserved ? labels.slice(0, -1) : labels, positive, remap, candidate, baseline, pairing, orders: early.orders };
            // docs/scale.md: average precision's resampling (a pass over every example per resample) goes to a helper
            // thread, started first, while this thread does everything else; the same numbers either way.
            const n = pairing ? pairing.n : candidate.n;
            const apElsewhere = hasScores && !clusters && options.readerScript !== undefined && n * resamplesFor(settings.resamples, n) >= HELPER_WORK;
            const columns = apElsewhere ? binaryScoreColumns(scoreContext) : null;
            const apJob = columns && columns.base ? startStatsJob(options.readerScript, { kind: 'ap', columns, settings }) : null;
            const confusionContext = { task, labels, positive, table, hasBaseline, gatedClasses, mcnemar, clusters: clustered };
            let scored = { metrics: new Map(), warnings: [] };
            let joint = null;
            let disagreement = null;
            // Everything but the confusion-matrix statistics (run while a helper thread takes per-class families).
            const others = () => {
                if (hasScores)
                    scored = scoreStatistics({ ...scoreContext, columns, ...(apJob ? { averagePrecision: 'later' } : {}) }, settings);
                if (clusters && scored.metrics.size > 0) {
                    for (const [name, m] of scored.metrics)
                        scored.metrics.set(name, valuesOnly(m));
                    scored.warnings = [unclusteredWarning([...scored.metrics.keys()], clusters.what)];
                }
                if (baseline && pairing && !clustered) {
                    joint = classificationJoint({ task, labels, positive, remap, table, candidate, baseline, pairing, mcnemar, resamples: settings.resamples, seed: settings.seed });
                }
                disagreement = baseline && pairing ? disagreementOf(candidate, baseline, pairing) : null;
            };
            // docs/scale.md: with many classes, the per-class families are shared with a helper thread (same numbers).
            let confusion;
            if (options.readerScript)
                confusion = await confusionStatisticsParallel(confusionContext, settings, options.readerScript, others);
            else {
                confusion = confusionStatistics(confusionContext, settings);
                others();
            }
            if (apJob) {
                // The last warning of the binary score statistics, as on one thread.
                const ap = await apJob.result();
                scored.metrics.set('average_precision', ap.metric);
                if (ap.warning)
                    scored.warnings.push(ap.warning);
            }
            const metrics = {};
            for (const name of names) {
                const m = confusion.metrics.get(name) ?? scored.metrics.get(name);
                if (m)
                    metrics[name] = m;
            }
            return {
                metrics,
                confusionMatrix: confusionMatrixOf(table, labels, hasBaseline),
                disagreement,
                warnings: {
                    // With clusters, the power of the clustered test used (docs/repeats-and-clusters.md).
                    first: [
                        ...(clustered && pairing && pairing.n > 0 ? clusteredPowerWarnings({ clustered, task, positive, settings }) : classificationWarnings({ pairing, table, task, positive, settings })),
                        // Scores that are the predicted label's confidence (docs/statistics.md).
                        ...scoreConfidenceWarnings(scoreContext, metrics)
                    ],
                    last: [
                        ...confusion.warnings,
                        ...sparseMatrixWarning(k),
                        ...scored.warnings,
                        ...(clustered ? clustered.warnings : [])
                    ]
                },
                ...(joint ? { joint } : {})
            };
        }
    };
}
/** A pairing of the pairs at `rows` only (of candidate rows `rows`, paired with themselves, without a pairing). */
function slicePairing(rows, pairing) {
    if (!pairing)
        return pairingOf(rows, rows);
    const at = (index) => Uint32Array.from(rows, (p) => index[p]);
    return pairingOf(at(pairing.cand), at(pairing.base));
}
/** Report indices of the classes whose per-class metrics a rule names (always resampled). */
function gatedClassesOf(rules, index) {
    const gated = new Set();
    for (const rule of rules) {
        const perClass = parsePerClass(rule.metric);
        const i = perClass ? index.get(perClass.label) : undefined;
        if (i !== undefined)
            gated.add(i);
    }
    return gated;
}
/** The warning that the confusion matrices of `k` classes are given sparse (none up to DENSE_MATRIX_CLASSES). */
function sparseMatrixWarning(k) {
    if (k <= DENSE_MATRIX_CLASSES)
        return [];
    const K = k.toLocaleString('en-US');
    return [
        `The confusion matrices of ${K} classes are given as their non-zero entries ` +
            `(\`confusionMatrix.entries\`: [true index, predicted index, count]), not as ${K}×${K} tables ` +
            `(dense up to ${DENSE_MATRIX_CLASSES.toLocaleString('en-US')} classes).`
    ];
}
/**
 * The task, the report's labels and the positive class (src/tasks/classification/chooseTask.ts chooseTask) from the labels that occur in
 * the compared examples (`used`: a flag per dictionary code), `--task` binary or multiclass forcing the task.
 */
function classesOf(dictionary, used, options) {
    const forced = options.task === 'binary' || options.task === 'multiclass' ? options.task : undefined;
    return chooseTask(dictionary.names, dictionary.names.filter((_, code) => used[code]), options.positiveLabel, forced);
}
const NOTHING_EARLY = { orders: { candidate: null, baseline: null }, baselineRepeat: null };
/**
 * Reads both files: the baseline in a worker thread when it is a large file on disk and a reader script is given.
 * The worker also sorts the baseline's scores, and this thread, usually done with the candidate first (the worker
 * starts later and hands its columns over), sorts the candidate's while it waits. Once it has answered, the worker
 * looks for a repeated baseline id while this thread pairs and computes.
 */
async function readBoth(options, readOptions) {
    const base = options.baseline;
    if (!base)
        return [await readPredictions(options.candidate, readOptions), null, NOTHING_EARLY];
    if (options.readerScript && base.path && !base.data && (await sizeOf(base.path)) >= PARALLEL_BYTES) {
        const pending = readInWorker(options.readerScript, base, { ...readOptions, sortScore: true, checkIds: true });
        // Keep a rejection of the worker from going unhandled while the candidate is read.
        pending.catch(() => undefined);
        const candidate = await readPredictions(options.candidate, readOptions);
        const candidateOrder = candidate.score ? { score: candidate.score, order: ascendingOrder(candidate.score) } : null;
        const { file, scoreOrder, repeat } = await pending;
        const baselineOrder = file.score && scoreOrder ? { score: file.score, order: scoreOrder } : null;
        return [candidate, file, { orders: { candidate: candidateOrder, baseline: baselineOrder }, baselineRepeat: repeat }];
    }
    const candidate = await readPredictions(options.candidate, readOptions);
    return [candidate, await readPredictions(base, readOptions), NOTHING_EARLY];
}
/**
 * Throws the error pairing would have thrown for a repeated baseline id that it left to the reader thread (its
 * answer, or this thread's own search when the thread ended without one); nothing when there is none.
 */
async function settleIds(early, baseline) {
    if (!early.baselineRepeat || !baseline)
        return;
    const repeat = await early.baselineRepeat;
    if (repeat === undefined)
        checkUniqueIds(baseline);
    else if (repeat)
        throw repeatError(baseline, repeat);
}
async function sizeOf(file) {
    try {
        return (await (0,promises_namespaceObject.stat)(file)).size;
    }
    catch {
        return 0;
    }
}
/**
 * Which dictionary codes occur in the compared examples (all candidate rows without a baseline). An error row's
 * ERROR_CODE lies past the array: typed arrays ignore the write, so it marks nothing.
 */
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

;// CONCATENATED MODULE: ./src/tasks/cellsTask.ts













const cellsTask = {
    async prepare(options) {
        refuseRowOptions(options);
        const dictionary = new LabelDictionary();
        const source = options.candidate;
        const builder = new CellsBuilder(source.name, options.fields.label, dictionary, textCells(source.name, options.format), keyFields({ sliceFields: options.sliceFields }));
        await readRows(source, builder, { format: options.format });
        const rows = builder.finish();
        const used = new Uint8Array(dictionary.size);
        for (let j = 0; j < rows.size; j++)
            used[rows.truth[j]] = used[rows.baseline[j]] = used[rows.candidate[j]] = 1;
        const { task, labels, positiveLabel } = classesOf(dictionary, used, options);
        if (labels.length > MAX_CLASSES) {
            throw new InputError(source.name, null, null, `has ${labels.length.toLocaleString('en-US')} distinct labels (true labels and both predictions); at most ${MAX_CLASSES.toLocaleString('en-US')} classes are supported`);
        }
        const index = new Map(labels.map((label, i) => [label, i]));
        const remap = Int32Array.from(dictionary.names, (name) => index.get(name) ?? -1);
        const names = metricNames(task, labels, false);
        const positive = positiveLabel === null ? null : labels.indexOf(positiveLabel);
        const n = rows.total;
        return {
            task,
            labels,
            positiveLabel,
            counts: countsOf(n, n, allPaired(n)),
            // Nothing to pair: no pairing warnings (the join on id made them), no ids for the data checks.
            pairing: null,
            hasBaseline: true,
            known: { metrics: names, labels },
            defaultGates: DEFAULT_GATES,
            // The slice columns, one code per cell; a slice's size is the sum of its cells' counts.
            keys: { candidate: rows.keys, baseline: null, weights: rows.count },
            analyzeSlice(cells, wanted, settings) {
                // `cells` indexes the file's cells (no pairing): the slice's table, as the rows path's countCells makes it.
                const table = cellTable(labels.length, remap, rows, cells);
                const mcnemar = options.mcnemar ?? DEFAULT_MCNEMAR;
                const confusion = confusionStatistics({ task, labels, positive, table, hasBaseline: true, mcnemar, only: new Set(wanted) }, settings);
                const metrics = {};
                for (const name of wanted) {
                    const m = confusion.metrics.get(name);
                    if (m)
                        metrics[name] = m;
                }
                return { metrics, warnings: confusion.warnings };
            },
            analyze(rules, settings) {
                const k = labels.length;
                const table = cellTable(k, remap, rows);
                const gatedClasses = gatedClassesOf(rules, index);
                const mcnemar = options.mcnemar ?? DEFAULT_MCNEMAR;
                const confusion = confusionStatistics({ task, labels, positive, table, hasBaseline: true, gatedClasses, mcnemar }, settings);
                const metrics = {};
                for (const name of names) {
                    const m = confusion.metrics.get(name);
                    if (m)
                        metrics[name] = m;
                }
                return {
                    metrics,
                    confusionMatrix: confusionMatrixOf(table, labels, true),
                    disagreement: disagreementOfCells(table),
                    warnings: {
                        first: classificationWarnings({ pairing: allPaired(n), table, task, positive, settings }),
                        last: [
                            ...confusion.warnings,
                            ...sparseMatrixWarning(k)
                        ]
                    },
                    joint: classificationJoint({ task, labels, positive, remap, table, mcnemar, resamples: settings.resamples, seed: settings.seed })
                };
            }
        };
    }
};
/**
 * The sparse cell table of the file's cells (or of the cells at `subset`): report indices, ordered by (t, b, c)
 * as src/pair/cellTable.ts orders them (so every resample draws its random numbers in the same order as from the row
 * files), cells with the same (t, b, c) (in several slices) added up into one.
 * Cost O(m · log m) for m cells.
 * @example // cells (b, b, a) × 3 then (a, a, a) × 2 then (b, b, a) × 1 (another slice), labels [a, b]
 * cellTable(2, remap, rows) // t [0, 1], b [0, 1], c [0, 0], count [2, 4]
 */
function cellTable(k, remap, rows, subset) {
    const at = subset ?? Uint32Array.from({ length: rows.size }, (_, j) => j);
    const m = at.length;
    const t = Int32Array.from(at, (j) => remap[rows.truth[j]]);
    const b = Int32Array.from(at, (j) => remap[rows.baseline[j]]);
    const c = Int32Array.from(at, (j) => remap[rows.candidate[j]]);
    const order = Int32Array.from({ length: m }, (_, j) => j).sort((x, y) => t[x] - t[y] || b[x] - b[y] || c[x] - c[y]);
    const out = { k, size: 0, total: 0, t: new Int32Array(m), b: new Int32Array(m), c: new Int32Array(m), count: new Float64Array(m) };
    let size = 0;
    for (let i = 0; i < m; i++) {
        const j = order[i];
        const count = rows.count[at[j]];
        if (size > 0 && out.t[size - 1] === t[j] && out.b[size - 1] === b[j] && out.c[size - 1] === c[j])
            out.count[size - 1] += count;
        else {
            out.t[size] = t[j];
            out.b[size] = b[j];
            out.c[size] = c[j];
            out.count[size] = count;
            size++;
        }
        out.total += count;
    }
    out.size = size;
    if (size < m) {
        out.t = out.t.slice(0, size);
        out.b = out.b.slice(0, size);
        out.c = out.c.slice(0, size);
        out.count = out.count.slice(0, size);
    }
    return out;
}
/** The disagreement counts of the cells (no ids: the first regressions and improvements are not known). Cost O(cells). */
function disagreementOfCells(table) {
    const d = { rightToWrong: 0, wrongToRight: 0, bothWrongDiffer: 0, firstRegressions: [], firstImprovements: [] };
    for (let j = 0; j < table.size; j++) {
        const t = table.t[j];
        const b = table.b[j];
        const c = table.c[j];
        if (b === c)
            continue;
        if (b === t)
            d.rightToWrong += table.count[j];
        else if (c === t)
            d.wrongToRight += table.count[j];
        else
            d.bothWrongDiffer += table.count[j];
    }
    return d;
}
/** The pairing of n examples that were all paired (counts only: no row indices, which cells do not have). */
function allPaired(n) {
    return { n, cand: new Uint32Array(0), base: new Uint32Array(0), candidateOnly: 0, baselineOnly: 0, labelConflicts: 0, candidateOnlyIds: [], baselineOnlyIds: [], conflictIds: [] };
}
/** Options that need examples, each a ConfigError naming it (see the module's comment). */
function refuseRowOptions(options) {
    const refuse = (what, why) => {
        throw new ConfigError(`--format cells (action: format: cells): ${what} ${why}`);
    };
    if (options.baseline)
        refuse('--baseline (action: baseline) is not given:', 'the cells file holds both models (columns label, baseline, candidate, count); give it as --candidate alone');
    if (options.task !== undefined && options.task !== 'binary' && options.task !== 'multiclass') {
        refuse(`--task ${options.task} (action: task)`, 'needs per-example values; cell counts are for binary and multiclass classification');
    }
    if (options.train)
        refuse('--train (action: train)', 'needs the test examples\' ids or texts, which cell counts do not have');
    if (options.trainPredictions)
        refuse('--train-predictions (action: train-predictions)', 'is not supported with cell counts; compare the prediction files');
    if (options.sliceFields?.includes(CELL_COLUMNS.count))
        refuse('--slice-field count (action: slice-fields)', 'names the column of the counts, not a slice column of the cells file');
    if (options.repeatField)
        refuse('--repeat-field (action: repeat-field)', 'needs each row\'s id; cell counts have none');
    if (options.clusterField)
        refuse('--cluster-field (action: cluster-field)', 'needs each row\'s cluster; cell counts have none');
    if (options.errors)
        refuse('--errors (action: errors)', 'has no meaning for cell counts: count error rows as you want them in the SQL');
    for (const rule of splitRules(options.gates ?? '')) {
        const metric = /^[A-Za-z_][A-Za-z0-9_]*/.exec(rule)?.[0];
        if (metric !== undefined && Object.values(SCORE_METRICS).some((list) => list.includes(metric))) {
            throw new ConfigError(`gate ${quote(rule, 120)}: ${metric} is a score metric, and score metrics need rows (docs/scale.md): cell counts carry no scores; compare the prediction files, or remove the rule`);
        }
    }
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
const BLEU_COLUMNS = 2 + 2 * BLEU_ORDER;
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
class BleuStatistics {
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
            const o = row * BLEU_COLUMNS;
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
const CHRF_COLUMNS = 3 * CHRF_ORDER;
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
class ChrfStatistics {
    ngrams = new NgramIds();
    scratchRef = new Scratch();
    scratchHyp = new Scratch();
    row = new Float64Array(CHRF_COLUMNS);
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
                    out[m].set(stats, row * CHRF_COLUMNS);
                }
            }
            for (let i = ref[0]; i < ref[CHRF_ORDER]; i++)
                refCount[ids[i]] = 0;
        }
    }
}

;// CONCATENATED MODULE: ./src/metrics/generation/loss.ts
/**
 * Token-weighted loss and perplexity (docs/tasks.md). Each example has `loss`, the mean negative log-likelihood per
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

;// CONCATENATED MODULE: ./src/significance/generation/perExample.ts
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

;// CONCATENATED MODULE: ./src/significance/generation/columns.ts
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

;// CONCATENATED MODULE: ./src/significance/generation/draws.ts
const draws_TWO32 = 4294967296;
const INV32 = 1 / draws_TWO32;
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
                    if (m - high * draws_TWO32 >= (draws_TWO32 - n) % n) {
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
            if (m % draws_TWO32 >= (draws_TWO32 - n) % n)
                out.push(Math.floor(m / draws_TWO32));
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

;// CONCATENATED MODULE: ./src/significance/generation/bootstrap.ts
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
 * and O(residual rows); in the 10,000 × 10,000 case of docs/scale.md, BLEU and chrF of both models and exact_match pack
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
 * Exact match (docs/tasks.md): the prediction equals one of the references after trimming whitespace at both ends —
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

;// CONCATENATED MODULE: ./src/significance/generation/randomization.ts

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

;// CONCATENATED MODULE: ./src/significance/generation/jobs.ts
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
        texts ??= { bleu: new BleuStatistics(), chrf: new ChrfStatistics() };
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

;// CONCATENATED MODULE: ./src/metrics/generation/corpus.ts
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
        { name: 'bleu', k: BLEU_COLUMNS, score: bleuFromSums, candidate: bleu[0], baseline: bleu.length === 2 ? bleu[1] : null },
        { name: 'chrf', k: CHRF_COLUMNS, score: chrfFromSums, candidate: chrf[0], baseline: chrf.length === 2 ? chrf[1] : null }
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

;// CONCATENATED MODULE: ./src/significance/generation/generationWorker.ts
/**
 * The generation resampling on two cores: a helper thread (the CLI bundle itself, started with a marker in
 * `workerData`, as src/tasks/classification/readerThread.ts does) takes chunks of the job (jobs.ts) while the main thread takes the
 * others. Each chunk is claimed with an atomic compare-and-swap on its status word (free → main or helper →
 * done), so each is computed once; its numbers depend only on the seed and the chunk's number, so the report is
 * the same byte for byte whoever computes what. The main thread never depends on the helper: it claims every
 * chunk the helper has not taken (so a helper that never starts costs nothing but its start), waits for those
 * the helper holds, and computes one itself if the helper gives it back (an error) or has not finished it long
 * after the main thread would have (a helper that died).
 * Outputs are in shared memory; the job's inputs are copied to the helper once (about 2 MB for 10,000 examples).
 * The main thread blocks in Atomics.wait while it waits, so `compareGeneration` stays synchronous.
 */


const generationWorker_FREE = 0;
const generationWorker_MAIN = 1;
const generationWorker_HELPER = 2;
const generationWorker_DONE = 3;
/** True in a helper thread started by {@link GenerationHelper}. */
function isGenerationWorker() {
    return !external_node_worker_threads_namespaceObject.isMainThread && external_node_worker_threads_namespaceObject.workerData?.evalGateGeneration === true;
}
/** In a helper thread: takes free chunks of each job posted to it. */
function serveGenerationWorker() {
    external_node_worker_threads_namespaceObject.parentPort?.on('message', ({ job, status }) => {
        claimChunks(job, status, generationWorker_HELPER);
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
        const c = who === generationWorker_MAIN ? i : status.length - 1 - i;
        if (Atomics.compareExchange(status, c, generationWorker_FREE, who) !== generationWorker_FREE)
            continue;
        try {
            runChunk(job, c);
        }
        catch (error) {
            // Give the chunk back to the main thread, which will compute it (and meet the error itself, if any).
            Atomics.store(status, c, generationWorker_FREE);
            Atomics.notify(status, c);
            if (who === generationWorker_HELPER)
                return { ran, perChunk: 0 };
            throw error;
        }
        Atomics.store(status, c, generationWorker_DONE);
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
    const { ran, perChunk } = claimChunks(job, status, generationWorker_MAIN);
    let main = ran;
    // Long after the main thread would have finished a chunk, the helper is taken to be gone.
    const patience = Math.max(2000, 20 * perChunk);
    for (let c = 0; c < total; c++) {
        for (;;) {
            const s = Atomics.load(status, c);
            if (s === generationWorker_DONE)
                break;
            if (s === generationWorker_FREE) {
                if (Atomics.compareExchange(status, c, generationWorker_FREE, generationWorker_MAIN) !== generationWorker_FREE)
                    continue;
                runChunk(job, c);
                Atomics.store(status, c, generationWorker_DONE);
                main++;
                break;
            }
            if (Atomics.wait(status, c, generationWorker_HELPER, patience) === 'timed-out') {
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

;// CONCATENATED MODULE: ./src/significance/generation/generationResample.ts






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

;// CONCATENATED MODULE: ./src/significance/generation/compareGeneration.ts
/**
 * Text-generation metrics of docs/tasks.md (issue 10), pure: `exact_match`, `token_f1`, `bleu`, `chrf`, `loss`,
 * `perplexity` of the paired examples, with their intervals and tests. `compareGeneration` is the one call a
 * task needs; the modules below it are usable on their own.
 */







/** Examples per chunk of the statistics. */
const STATS_CHUNK = 500;
/** Examples × resamples from which a helper thread is started. */
const compareGeneration_HELPER_WORK = 2e7;
/**
 * All generation metrics of the paired examples. Bootstrap intervals for every metric (one set of draws); the
 * test of docs/tasks.md for `pValue`: exact McNemar (exact_match), paired t (token_f1), approximate randomization
 * (bleu, chrf), paired bootstrap (loss, perplexity). With `workerScript` (the CLI bundle), a helper thread
 * takes half the resampling (worker.ts; the same numbers).
 * Cost: O(text) once, then O(R · 0.63·n · 12) for the bootstrap (10 packed words for BLEU, chrF and exact_match,
 * 2 for token_f1) and O(R · n/8 · 5) for the randomization; about 3.9 s on one core and 2.5 s on two for
 * 10,000 examples and 10,000 resamples (the CLI, with reading).
 */
function compareGeneration(data, settings) {
    // The helper thread loads while this one reads the texts (unless the caller brings its own); below about 0.2 s of
    // resampling its start (about 0.1 s) would not pay.
    const own = settings.helper === undefined && settings.workerScript !== undefined && data.ids.length * settings.resamples >= compareGeneration_HELPER_WORK;
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
        bleu: Array.from({ length: models }, () => sharedArray(n * BLEU_COLUMNS, shared)),
        chrf: Array.from({ length: models }, () => sharedArray(n * CHRF_COLUMNS, shared)),
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
 * Rows of text generation (docs/tasks.md): an id, the reference (a string, or an array of strings: several
 * references), the generated text, and optionally `loss` (mean token NLL) and `tokens` (a positive count), on all
 * rows or none. In CSV/TSV a reference cell that holds a JSON array of strings is several references.
 */






/** A loss or tokens cell with a value. */
const given = (v) => v !== undefined && v !== null && v !== '';
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
    keys;
    errors;
    errorField = DEFAULT_ERROR_FIELD;
    columns;
    constructor(file, fields, requireId, textCells, keys = []) {
        this.file = file;
        this.fields = fields;
        this.textCells = textCells;
        this.keys = new KeyColumns(file, keys, this.cap);
        this.errors = new ErrorColumn(this.cap);
        this.columns = [
            { name: fields.id, required: false },
            { name: fields.label, required: true },
            { name: fields.prediction, required: true },
            { name: 'loss', required: false },
            { name: 'tokens', required: false },
            ...this.keys.columns,
            { name: this.errorField, required: false }
        ];
        this.ids = new IdColumn(file, fields.id, requireId, textCells, this.cap);
    }
    add(lineNo, cells) {
        const [id, label, prediction, loss, tokens] = cells;
        const i = this.n;
        if (i === this.cap) {
            this.ids.grow((this.cap *= 2));
            this.keys.grow(this.cap);
            this.errors.grow(this.cap);
        }
        this.lines.push(lineNo);
        this.references.push(this.referencesOf(label, lineNo));
        // An error row (docs/errors.md): the error field set, or the generated text empty or null; it may lack the text and
        // the loss, which the task fills in.
        const failed = isErrorCell(cells[5 + this.keys.size], this.file, lineNo, this.errorField) || isEmptyPrediction(prediction, this.textCells);
        if (failed)
            this.errors.mark(i);
        this.predictions.push(failed ? (typeof prediction === 'string' ? prediction : '') : this.textOf(prediction, lineNo, this.fields.prediction));
        this.ids.add(id, lineNo, i, this.lines[0]);
        const present = given(loss) || given(tokens);
        // An error row without a loss says nothing of whether the rows carry one.
        if (!(failed && !present)) {
            this.hasLoss ??= present;
            if (present !== this.hasLoss) {
                const field = this.hasLoss ? (given(loss) ? 'tokens' : 'loss') : given(loss) ? 'loss' : 'tokens';
                throw new InputError(this.file, lineNo, field, this.hasLoss ? `is missing, but the earlier rows (from line ${this.lines[0]}) have it: give loss and tokens on all rows or none` : `is present, but the earlier rows (from line ${this.lines[0]}) have no loss: give loss and tokens on all rows or none`);
            }
        }
        this.loss.push(present ? this.numberOf(loss, lineNo, 'loss', (x) => x >= 0, 'a number ≥ 0') : NaN);
        this.tokens.push(present ? this.numberOf(tokens, lineNo, 'tokens', (x) => x > 0, 'a number > 0') : NaN);
        if (this.keys.size > 0)
            this.keys.add(cells, 5, lineNo, i);
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
            tokens: this.hasLoss ? Float64Array.from(this.tokens) : null,
            ...(this.keys.size > 0 ? { keys: this.keys.finish(this.n) } : {}),
            errors: this.errors.finish(this.n)
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

;// CONCATENATED MODULE: ./src/tasks/readAndPair.ts




/**
 * Reads the candidate and (when given) the baseline, each into a fresh sink; then pairs them and applies the error
 * rule (docs/errors.md): `pairing` is that of the compared examples (error pairs dropped under `exclude`; without a
 * baseline the candidate is cut by `keep` instead), `errors` the rule's outcome.
 */
async function readAndPair(options, sink, sameTruth, keep, 
/** Applied to each file after reading, before pairing (docs/repeats-and-clusters.md repeats: one row per id). */
collapse = (file) => file) {
    const read = await readAndPairRows(options, sink, sameTruth, collapse);
    const errors = errorRule(options.errors ?? DEFAULT_ERRORS, read.candidate, read.baseline, read.pairing);
    const candidate = errors.keep ? keep(read.candidate, errors.keep) : read.candidate;
    return { candidate, baseline: read.baseline, pairing: errors.pairing, errors, candidateRows: read.candidate.n };
}
async function readAndPairRows(options, sink, sameTruth, 
/** Applied to each file after reading, before pairing (docs/repeats-and-clusters.md repeats: one row per id). */
collapse = (file) => file) {
    const requireId = options.baseline !== null || options.repeatField !== undefined;
    const read = async (source) => {
        const rows = sink(source, textCells(source.name, options.format), requireId);
        await readRows(source, rows, { format: options.format });
        return collapse(rows.finish());
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
function readAndPair_gather(values, rows) {
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
 * from the two files and the pairing, and the task's metric names, default gates and analysis. `run` analyses
 * the examples at `rows`: every compared example (`analyze`), or a slice's (`analyzeSlice`, docs/slices.md).
 */
function unlabelled(task, read, metrics, defaultGates, run) {
    const { pairing } = read;
    const all = { cand: rowsOf(pairing, read.candidate.n, 'cand'), base: pairing ? pairing.base : null };
    return {
        keys: { candidate: read.candidate.keys, baseline: read.baseline ? read.baseline.keys : null },
        analyze: (rules, settings) => run(all, rules, settings),
        analyzeSlice(rows, _metrics, settings) {
            const sub = { cand: gatherIndex(all.cand, rows), base: all.base ? gatherIndex(all.base, rows) : null };
            const { metrics, warnings } = run(sub, [], settings);
            return { metrics, warnings: warnings.last };
        },
        task,
        labels: [],
        positiveLabel: null,
        counts: { ...countsOf(read.candidateRows, read.baseline ? read.baseline.n : null, read.errors.original), ...errorCounts(read.errors) },
        pairing: read.pairing,
        errors: read.errors,
        hasBaseline: read.baseline !== null,
        known: { metrics, labels: [] },
        defaultGates
    };
}
/**
 * The pairs a task's `run` is given, as a Pairing for what needs one (clusters, docs/repeats-and-clusters.md): the run's own pairing
 * when `rows` are all compared examples; for a slice's rows (docs/slices.md) a pairing of just those (without a
 * baseline, each candidate row paired with itself).
 */
function pairsAt(pairing, n, rows) {
    if (rows.cand.length === (pairing ? pairing.n : n))
        return pairing;
    const cand = Uint32Array.from(rows.cand);
    return pairingOf(cand, rows.base ? Uint32Array.from(rows.base) : cand);
}
/** `index` at `rows`, as row indices. */
function gatherIndex(index, rows) {
    const out = new Uint32Array(rows.length);
    for (let p = 0; p < rows.length; p++)
        out[p] = index[rows[p]];
    return out;
}

;// CONCATENATED MODULE: ./src/tasks/errorFill.ts
/**
 * `--errors wrong` (docs/errors.md) for the tasks without classes: what an error row's prediction counts as. Each fill
 * overwrites the error rows of both files in place, before any statistic; "worst" is taken over the non-error rows
 * of both files (all their rows, paired or not), so it is a value a model actually produced.
 *
 * - scores: each field's worst value: the minimum observed when higher is better, the maximum when lower is better;
 *   a pass rate (a field of 0/1 values) gets 0 (or 1 when lower is better), which is the same rule.
 * - regression: the worst observed absolute error: prediction = label + max |label − prediction|. Every metric
 *   (`mae`, `rmse`, `r2`, `max_error`) depends on the error's size only, so its sign does not matter.
 * - generation: the empty text (it matches no non-empty reference: exact match 0, token F1 0, no n-gram matches);
 *   with `loss`/`tokens`, the row's own loss and tokens when it has them (the loss measures the reference, not the
 *   generated text: docs/errors.md); a row without them gets the worst observed loss, and the row's own token
 *   count when given, else the mean token count of the non-error rows.
 * With no non-error row to take a worst value from, the run stops with a message.
 * Cost: O(n) per field.
 *
 * @example worst(Float64Array.of(3, 1, 5), null, 'higher') // 1
 */

/** The least (higher better) or greatest (lower better) value of `values` on non-error rows of the files. */
function extreme(files, values, largest) {
    let best = NaN;
    for (const f of files) {
        if (!f)
            continue;
        for (let i = 0; i < f.n; i++) {
            if (f.errors && f.errors[i])
                continue;
            const v = values(f, i);
            if (Number.isNaN(best) || (largest ? v > best : v < best))
                best = v;
        }
    }
    return best;
}
function noneLeft(files, what) {
    const f = files[0];
    throw new InputError(f.name, null, null, `has only error rows (and so has the baseline): there is no observed ${what} to count the errors as (errors: wrong); fix the runs, or use errors: exclude`);
}
const each = (files, fn) => {
    for (const f of files)
        if (f && f.errors)
            for (let i = 0; i < f.n; i++)
                if (f.errors[i])
                    fn(f, i);
};
/** Task scores: every field of an error row gets the field's worst observed value. */
function fillScores(candidate, baseline, directions) {
    const files = [candidate, baseline];
    if (!files.some((f) => f?.errors))
        return;
    directions.forEach((direction, k) => {
        const worst = extreme(files, (f, i) => f.values[k][i], direction === 'lower');
        if (Number.isNaN(worst))
            noneLeft(files, 'value');
        each(files, (f, i) => (f.values[k][i] = worst));
    });
}
/** Task regression (values [label, prediction]): an error row's prediction is its label plus the worst absolute error. */
function fillRegression(candidate, baseline) {
    const files = [candidate, baseline];
    if (!files.some((f) => f?.errors))
        return;
    const worst = extreme(files, (f, i) => Math.abs(f.values[0][i] - f.values[1][i]), true);
    if (Number.isNaN(worst))
        noneLeft(files, 'error');
    each(files, (f, i) => {
        const v = f.values;
        v[1][i] = v[0][i] + worst;
    });
}
/** Task generation: an error row's text is empty; its loss its own, else the worst observed (tokens its own or the mean). */
function fillGeneration(candidate, baseline) {
    const files = [candidate, baseline];
    if (!files.some((f) => f?.errors))
        return;
    const hasLoss = candidate.loss !== null;
    let worst = NaN;
    let meanTokens = NaN;
    // Only the error rows without a loss of their own need the worst observed one.
    let lossless = false;
    each(files, (f, i) => {
        if (!Number.isFinite(f.loss?.[i] ?? NaN))
            lossless = true;
    });
    if (hasLoss && lossless) {
        worst = extreme(files, (f, i) => f.loss[i], true);
        if (Number.isNaN(worst))
            noneLeft(files, 'loss');
        let sum = 0;
        let count = 0;
        for (const f of files) {
            if (!f || !f.tokens)
                continue;
            for (let i = 0; i < f.n; i++) {
                if (f.errors && f.errors[i])
                    continue;
                sum += f.tokens[i];
                count++;
            }
        }
        meanTokens = sum / count;
    }
    each(files, (f, i) => {
        const t = f;
        t.predictions[i] = '';
        if (hasLoss && t.loss && t.tokens) {
            if (!Number.isFinite(t.loss[i])) {
                t.loss[i] = worst;
                if (!(t.tokens[i] > 0))
                    t.tokens[i] = meanTokens;
            }
        }
    });
}

;// CONCATENATED MODULE: ./src/stats/pairedTCluster.ts
/**
 * The paired t-test with clusters (docs/repeats-and-clusters.md, `test: "paired-t-cluster"`): the mean per-example difference d̄ of
 * N examples in G clusters, with the cluster-robust (sandwich) variance of the mean (Liang & Zeger 1986; Cameron
 * & Miller 2015, "A practitioner's guide to cluster-robust inference", J. Human Resources 50:317, eq. 11 with the
 * small-sample factor G/(G − 1)):
 *
 *   E_g = Σ_{i∈g} (d_i − d̄),  se² = G/(G − 1) · Σ_g E_g² / N²,  t = d̄ / se,  df = G − 1
 *
 * as statsmodels `OLS(d, ones).fit(cov_type="cluster", cov_kwds={"groups": g})` gives the standard error (its
 * default correction G/(G − 1)·(N − 1)/(N − 1) for one regressor), with the t distribution on G − 1 degrees of
 * freedom. With every cluster of one example it is the paired t-test (scipy `ttest_rel`). Cost O(N + G).
 *
 * @example pairedTCluster(Float64Array.of(1, 2, 3, 4), Uint32Array.of(0, 0, 1, 1), 2, 0.05).t // 2.5
 */

/** @returns null with fewer than two clusters. */
function pairedTCluster(d, clusterOf, clusters, alpha) {
    const n = d.length;
    if (clusters < 2 || n < 2)
        return null;
    let sum = 0;
    for (let i = 0; i < n; i++)
        sum += d[i];
    const mean = sum / n;
    const e = new Float64Array(clusters);
    for (let i = 0; i < n; i++)
        e[clusterOf[i]] += d[i] - mean;
    let ss = 0;
    for (let g = 0; g < clusters; g++)
        ss += e[g] * e[g];
    const se = Math.sqrt(((clusters / (clusters - 1)) * ss) / (n * n));
    const df = clusters - 1;
    return tResult(n, mean, se, df, alpha);
}

;// CONCATENATED MODULE: ./src/significance/clusters/clusteredMeans.ts




/** The statistics fields of a clustered mean, to lay over the unclustered MetricReport (values unchanged). */
function clusteredMean(input, settings, warnings = []) {
    const { candidate: c, baseline: b, clusters } = input;
    const G = clusters.clusters;
    const vectors = new Float64Array(G * 3);
    const d = new Float64Array(G);
    for (let p = 0; p < c.length; p++) {
        const g = clusters.clusterOf[p];
        vectors[g * 3] += c[p];
        vectors[g * 3 + 1] += b ? b[p] : c[p];
        vectors[g * 3 + 2]++;
        if (b)
            d[g] += c[p] - b[p];
    }
    const patterns = densePatterns(vectors, 3);
    const boot = resampleClusterFamily({
        name: `score:${input.name}`,
        patterns,
        metrics: 1,
        swap: null,
        lowerBetter: [input.direction === 'lower'],
        evaluate: (totals, vC, vB) => {
            vC[0] = totals[0] / totals[2];
            vB[0] = totals[1] / totals[2];
        }
    }, settings, false);
    const r = boot.metrics[0];
    if (boot.resamples < settings.resamples)
        warnings.push(cappedClustersWarning(`\`${input.name}\``, boot.resamples, settings.resamples, patterns));
    const own = { candidateCi: r.candidateCi };
    if (!b)
        return own;
    const stats = { ...own, ci: r.ci, worseBound: r.worseBound, ciMethod: r.ci ? 'cluster-bootstrap-percentile' : null };
    if (input.passRate) {
        const test = mcnemarCluster(d);
        return { ...stats, pValue: test.pValue, pValueWorse: input.direction === 'higher' ? test.pLess : test.pGreater, test: 'mcnemar-cluster' };
    }
    const diff = new Float64Array(c.length);
    for (let p = 0; p < c.length; p++)
        diff[p] = c[p] - b[p];
    const t = pairedTCluster(diff, clusters.clusterOf, G, settings.alpha);
    if (!t)
        return { ...stats, pValue: null, pValueWorse: null, test: null };
    return { ...stats, pValue: t.pValue, pValueWorse: input.direction === 'higher' ? t.pLess : t.pGreater, test: 'paired-t-cluster' };
}

;// CONCATENATED MODULE: ./src/significance/clusters/clusteredGeneration.ts
/**
 * Clustered statistics of the generation metrics (docs/tasks.md with docs/repeats-and-clusters.md), laid over the unclustered report:
 * - `exact_match`, `token_f1`: per-example values as clustered means (src/significance/clusters/clusteredMeans.ts): the clustered
 *   McNemar (`mcnemar-cluster`) and the cluster paired t (`paired-t-cluster`);
 * - `bleu`, `chrf`: each cluster is the sum of its examples' sufficient statistics (n-gram matches and lengths)
 *   for both models; a resample's corpus score comes from the summed rows; p by cluster randomization
 *   (`permutation-cluster`: a swap exchanges the two models' rows of a whole cluster);
 * - `loss`, `perplexity`: clusters of (Σ loss·tokens, Σ tokens) per model, the same way.
 * Every interval is the cluster bootstrap percentile interval. Cost O(n · columns) once, then O(distinct cluster
 * vectors · columns) per resample.
 */






/** The statistics fields of each generation metric under clusters. */
function clusteredGeneration(input, settings, warnings) {
    const { references, candidate, baseline, clusters } = input;
    const n = references.length;
    const out = new Map();
    const perExample = (fn) => ({
        c: Float64Array.from({ length: n }, (_, i) => fn(candidate[i], references[i])),
        b: baseline ? Float64Array.from({ length: n }, (_, i) => fn(baseline[i], references[i])) : null
    });
    const em = perExample((p, r) => (exactMatch(p, r) ? 1 : 0));
    out.set('exact_match', clusteredMean({ name: 'exact_match', direction: 'higher', candidate: em.c, baseline: em.b, clusters, passRate: true }, settings, warnings));
    const f1 = perExample(tokenF1);
    out.set('token_f1', clusteredMean({ name: 'token_f1', direction: 'higher', candidate: f1.c, baseline: f1.b, clusters, passRate: false }, settings, warnings));
    for (const stats of corpusStatistics({ references, candidate, baseline })) {
        const k = stats.k;
        out.set(stats.name, sums(stats.name, k, (i, j) => stats.candidate[i * k + j], stats.baseline ? (i, j) => stats.baseline[i * k + j] : null, (t, o) => stats.score(t, o), 'higher', n, clusters, settings, warnings));
    }
    if (input.loss) {
        const { candidate: lc, baseline: lb } = input.loss;
        const row = (m) => (i, j) => (j === 0 ? m.loss[i] * m.tokens[i] : m.tokens[i]);
        const lossOf = (t, o = 0) => (t[o + 1] === 0 ? NaN : t[o] / t[o + 1]);
        out.set('loss', sums('loss', 2, row(lc), lb ? row(lb) : null, lossOf, 'lower', n, clusters, settings, warnings));
        out.set('perplexity', sums('perplexity', 2, row(lc), lb ? row(lb) : null, (t, o) => Math.exp(lossOf(t, o)), 'lower', n, clusters, settings, warnings));
    }
    return out;
}
/** A metric of summed per-example rows (k columns per model), by cluster bootstrap and cluster randomization. */
function sums(name, k, cand, base, score, direction, n, clusters, settings, warnings) {
    const vectors = new Float64Array(clusters.clusters * 2 * k);
    for (let i = 0; i < n; i++) {
        const o = clusters.clusterOf[i] * 2 * k;
        for (let j = 0; j < k; j++) {
            vectors[o + j] += cand(i, j);
            vectors[o + k + j] += base ? base(i, j) : cand(i, j);
        }
    }
    const patterns = densePatterns(vectors, 2 * k);
    const swap = Int32Array.from({ length: 2 * k }, (_, d) => (d < k ? d + k : d - k));
    const boot = resampleClusterFamily({
        name: `generation:${name}`,
        patterns,
        metrics: 1,
        swap,
        lowerBetter: [direction === 'lower'],
        evaluate: (t, vC, vB) => {
            vC[0] = score(t, 0);
            vB[0] = score(t, k);
        }
    }, settings, base !== null);
    if (boot.resamples < settings.resamples)
        warnings.push(cappedClustersWarning(`\`${name}\``, boot.resamples, settings.resamples, patterns));
    const r = boot.metrics[0];
    if (!base)
        return { candidateCi: r.candidateCi };
    return {
        candidateCi: r.candidateCi,
        ci: r.ci,
        worseBound: r.worseBound,
        ciMethod: r.ci ? 'cluster-bootstrap-percentile' : null,
        pValue: r.pValue,
        pValueWorse: r.pValueWorse,
        test: r.pValue !== null ? 'permutation-cluster' : null
    };
}

;// CONCATENATED MODULE: ./src/tasks/generationTask.ts










const TEXT_METRICS = ['exact_match', 'token_f1', 'bleu', 'chrf'];
const LOSS_METRICS = ['loss', 'perplexity'];
const sameReferences = (a, b) => a.length === b.length && a.every((x, k) => x === b[k]);
const generation = {
    async prepare(options) {
        const repeats = pairedRepeats(options);
        const read = await readAndPair(options, (source, text, requireId) => new TextRowBuilder(source.name, options.fields, requireId, text, keyFields(options)), (c, b) => (i, j) => sameReferences(c.references[i], b.references[j]), keepTextRows, repeats.keyed);
        const { candidate, baseline } = read;
        if (read.errors.mode === 'wrong')
            fillGeneration(candidate, baseline);
        const labelled = read.pairing ? labelRepeats(read.pairing, options.repeatField) : null;
        const hasLoss = candidate.loss !== null && (baseline === null || baseline.loss !== null);
        const names = [...TEXT_METRICS, ...(hasLoss ? LOSS_METRICS : [])];
        const prepared = unlabelled('generation', { ...read, pairing: labelled }, names, noRegressionOn(names.filter((n) => n !== 'perplexity')), (rows, _rules, settings) => {
            const cRows = Array.from(rows.cand);
            const bRows = rows.base ? Array.from(rows.base) : null;
            const pairing = pairsAt(labelled, candidate.n, rows);
            const pick = (list, rows) => rows.map((i) => list[i]);
            const lossOf = (f, rows) => ({
                loss: Float64Array.from(rows, (i) => f.loss[i]),
                tokens: Float64Array.from(rows, (i) => f.tokens[i])
            });
            const result = compareGeneration({
                ids: options.repeatField === undefined ? idsAt(candidate.ids, cRows) : idsAt(candidate.ids, cRows).map((k) => repeatLabel(k, options.repeatField)),
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
            const warnings = [];
            const clusters = pairClusters(options, candidate, baseline, pairing, repeats.repeats());
            if (clusters) {
                const clustered = clusteredGeneration({
                    references: pick(candidate.references, cRows),
                    candidate: pick(candidate.predictions, cRows),
                    baseline: baseline && bRows ? pick(baseline.predictions, bRows) : null,
                    ...(hasLoss ? { loss: { candidate: lossOf(candidate, cRows), baseline: baseline && bRows ? lossOf(baseline, bRows) : null } } : {}),
                    clusters
                }, settings, warnings);
                for (const [name, m] of Object.entries(metrics))
                    if (m.candidate !== null)
                        Object.assign(m, clustered.get(name));
            }
            const examples = {};
            if (result.exactMatch) {
                const em = result.exactMatch;
                examples.exact_match = { kind: 'flips', worse: em.table.baselineOnly, better: em.table.candidateOnly, firstWorse: em.lost.slice(0, 10), firstBetter: em.gained.slice(0, 10) };
            }
            if (result.tokenF1) {
                examples.token_f1 = { kind: 'drops', drops: result.tokenF1.drops.map((d) => ({ id: d.id, baseline: d.baseline, candidate: d.candidate, change: -d.delta })) };
            }
            return { metrics, confusionMatrix: null, disagreement: null, ...(baseline ? { examples } : {}), warnings: { first: [], last: warnings } };
        });
        return { ...prepared, counts: repeats.counts(prepared.counts) };
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
 * Rows of numbers (tasks scores and regression, docs/tasks.md): an id and named numeric fields, each on every row.
 * A JSON number (finite), a JSON boolean (true = 1, false = 0), or in CSV/TSV a decimal number or `true`/`false`
 * as written. A missing or non-numeric value names file, line and field. Columns grow by doubling.
 */






class NumericRowBuilder {
    file;
    idField;
    fields;
    textCells;
    allowBooleans;
    predictionFields;
    errorField;
    n = 0;
    cap = 1024;
    line = new Uint32Array(this.cap);
    values;
    booleans;
    ids;
    keys;
    errors;
    columns;
    constructor(file, idField, fields, requireId, textCells, 
    /** Booleans are allowed (scores: pass/fail fields) or not (regression: label and prediction are numbers). */
    allowBooleans, keys = [], 
    /**
     * Per field, whether it is a prediction (docs/errors.md): empty or null there makes the row an error, and on an error
     * row its value may be anything (NaN when not a number). Default: none (every value required).
     */
    predictionFields = [], errorField = DEFAULT_ERROR_FIELD) {
        this.file = file;
        this.idField = idField;
        this.fields = fields;
        this.textCells = textCells;
        this.allowBooleans = allowBooleans;
        this.predictionFields = predictionFields;
        this.errorField = errorField;
        this.keys = new KeyColumns(file, keys, this.cap);
        this.errors = new ErrorColumn(this.cap);
        this.columns = [
            { name: idField, required: false },
            ...fields.map((name) => ({ name, required: true })),
            ...this.keys.columns,
            { name: errorField, required: false }
        ];
        this.values = fields.map(() => new Float64Array(this.cap));
        this.booleans = fields.map(() => true);
        this.ids = new IdColumn(file, idField, requireId, textCells, this.cap);
    }
    add(lineNo, cells) {
        const i = this.n;
        if (i === this.cap)
            this.grow();
        this.line[i] = lineNo;
        let failed = isErrorCell(cells[this.fields.length + 1 + this.keys.size], this.file, lineNo, this.errorField);
        for (let k = 0; k < this.predictionFields.length && !failed; k++)
            failed = this.predictionFields[k] && isEmptyPrediction(cells[k + 1], this.textCells);
        if (failed)
            this.errors.mark(i);
        for (let k = 0; k < this.fields.length; k++) {
            this.values[k][i] = failed && this.predictionFields[k] ? this.lenient(cells[k + 1], k) : this.number(cells[k + 1], lineNo, k);
        }
        this.ids.add(cells[0], lineNo, i, this.line[0]);
        if (this.keys.size > 0)
            this.keys.add(cells, this.fields.length + 1, lineNo, i);
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
            booleans: [...this.booleans],
            ...(this.keys.size > 0 ? { keys: this.keys.finish(n) } : {}),
            errors: this.errors.finish(n)
        };
    }
    /** A prediction field's value on an error row: its number when it has one, else NaN (never an error). */
    lenient(value, k) {
        if (typeof value === 'boolean' && this.allowBooleans)
            return value ? 1 : 0;
        if (typeof value === 'number' && Number.isFinite(value)) {
            this.booleans[k] = false;
            return value;
        }
        if (this.textCells && typeof value === 'string' && value.trim() !== '') {
            const text = value.trim();
            if (this.allowBooleans && (text === 'true' || text === 'false'))
                return text === 'true' ? 1 : 0;
            const x = parseDecimal(value);
            if (Number.isFinite(x))
                this.booleans[k] = false;
            return Number.isFinite(x) ? x : NaN;
        }
        return NaN;
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
        this.keys.grow(this.cap);
        this.errors.grow(this.cap);
    }
}

;// CONCATENATED MODULE: ./src/significance/numeric/numericSettings.ts
/**
 * What the numeric tasks (`--task scores`, `--task regression`, docs/tasks.md) share: their settings, the check that
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

;// CONCATENATED MODULE: ./src/significance/numeric/exampleChanges.ts
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

;// CONCATENATED MODULE: ./src/significance/numeric/regressionStatistics.ts
/**
 * The statistics of `--task regression` (docs/tasks.md): `mae`, `rmse`, `r2`, `max_error` as scikit-learn 1.2
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

;// CONCATENATED MODULE: ./src/significance/clusters/clusteredRegression.ts
/**
 * Clustered statistics of the regression metrics (docs/tasks.md with docs/repeats-and-clusters.md): `mae`, `rmse`, `r2`, `max_error` resampled
 * and tested by cluster. A cluster's vector is (size, Σy, Σy², Σ|e_c|, Σ|e_b|, Σe_c², Σe_b², max|e_c|, max|e_b|)
 * (e = y − prediction), so every metric of a resample is a function of the summed vectors (the maxima taken as
 * maxima), and swapping the models in a cluster exchanges the candidate's and the baseline's entries.
 *
 * - `ci`, `worseBound`, `candidateCi`: cluster bootstrap percentile intervals (`cluster-bootstrap-percentile`).
 * - `pValue`: `mae` and `rmse`: the cluster-robust paired t (`paired-t-cluster`) on per-example |error| and
 *   squared error; `r2` and `max_error`: cluster randomization (`permutation-cluster`).
 * Cost: O(n) for the vectors and tests, O(distinct cluster vectors) per resample.
 */




const DIMS = 9;
/** The candidate's and the baseline's entries exchange under a swap: |e| 3↔4, e² 5↔6, max 7↔8. */
const SWAP = Int32Array.of(0, 1, 2, 4, 3, 6, 5, 8, 7);
/** r² from the sums, as scikit-learn's force_finite: a constant y gives 1 for exact predictions, else 0. */
function r2(n, sy, syy, sse) {
    if (n < 2)
        return NaN;
    const sst = syy - (sy * sy) / n;
    if (!(sst > 1e-12 * Math.max(1, syy)))
        return sse === 0 ? 1 : 0;
    return 1 - sse / sst;
}
/** The statistics fields of each regression metric under clusters, to lay over the unclustered reports. */
function clusteredRegression(input, settings, warnings) {
    const { y, candidate: c, clusters } = input;
    const b = input.baseline ?? c;
    const G = clusters.clusters;
    const vectors = new Float64Array(G * DIMS);
    for (let i = 0; i < y.length; i++) {
        const o = clusters.clusterOf[i] * DIMS;
        const ec = y[i] - c[i];
        const eb = y[i] - b[i];
        vectors[o]++;
        vectors[o + 1] += y[i];
        vectors[o + 2] += y[i] * y[i];
        vectors[o + 3] += Math.abs(ec);
        vectors[o + 4] += Math.abs(eb);
        vectors[o + 5] += ec * ec;
        vectors[o + 6] += eb * eb;
        vectors[o + 7] = Math.max(vectors[o + 7], Math.abs(ec));
        vectors[o + 8] = Math.max(vectors[o + 8], Math.abs(eb));
    }
    const patterns = { ...densePatterns(vectors, DIMS), maxDims: Uint8Array.of(0, 0, 0, 0, 0, 0, 0, 1, 1) };
    const directions = REGRESSION_METRICS.map(regressionDirection);
    const boot = resampleClusterFamily({
        name: 'regression',
        patterns,
        metrics: 4,
        swap: SWAP,
        lowerBetter: directions.map((d) => d === 'lower'),
        evaluate: (t, vC, vB) => {
            const n = t[0];
            vC[0] = t[3] / n;
            vB[0] = t[4] / n;
            vC[1] = Math.sqrt(t[5] / n);
            vB[1] = Math.sqrt(t[6] / n);
            vC[2] = r2(n, t[1], t[2], t[5]);
            vB[2] = r2(n, t[1], t[2], t[6]);
            vC[3] = t[7];
            vB[3] = t[8];
        }
    }, settings, input.baseline !== null);
    if (boot.resamples < settings.resamples)
        warnings.push(cappedClustersWarning('The regression metrics', boot.resamples, settings.resamples, patterns));
    const out = new Map();
    REGRESSION_METRICS.forEach((name, i) => {
        const r = boot.metrics[i];
        if (!input.baseline) {
            out.set(name, { candidateCi: r.candidateCi });
            return;
        }
        const stats = { candidateCi: r.candidateCi, ci: r.ci, worseBound: r.worseBound, ciMethod: r.ci ? 'cluster-bootstrap-percentile' : null };
        if (name === 'r2' || name === 'max_error') {
            out.set(name, { ...stats, pValue: r.pValue, pValueWorse: r.pValueWorse, test: r.pValue !== null ? 'permutation-cluster' : null });
            return;
        }
        const d = new Float64Array(y.length);
        for (let k = 0; k < y.length; k++) {
            const ec = y[k] - c[k];
            const eb = y[k] - b[k];
            d[k] = name === 'mae' ? Math.abs(ec) - Math.abs(eb) : ec * ec - eb * eb;
        }
        const t = pairedTCluster(d, clusters.clusterOf, G, settings.alpha);
        out.set(name, t ? { ...stats, pValue: t.pValue, pValueWorse: t.pGreater, test: 'paired-t-cluster' } : { ...stats, pValue: null, pValueWorse: null, test: null });
    });
    return out;
}

;// CONCATENATED MODULE: ./src/tasks/regressionTask.ts











const regression = {
    async prepare(options) {
        const { label, prediction } = options.fields;
        const repeats = pairedRepeats(options);
        const read = await readAndPair(options, (source, text, requireId) => new NumericRowBuilder(source.name, options.fields.id, [label, prediction], requireId, text, false, keyFields(options), [false, true]), (c, b) => (i, j) => c.values[0][i] === b.values[0][j], keepNumericRows, repeats.keyed);
        const { candidate, baseline } = read;
        if (read.errors.mode === 'wrong')
            fillRegression(candidate, baseline);
        const labelled = read.pairing ? labelRepeats(read.pairing, options.repeatField) : null;
        const prepared = unlabelled('regression', { ...read, pairing: labelled }, REGRESSION_METRICS, noRegressionOn(['mae', 'rmse']), (rows, _rules, settings) => {
            const cRows = rows.cand;
            const pairing = pairsAt(labelled, candidate.n, rows);
            const result = regressionStatistics({
                y: readAndPair_gather(candidate.values[0], cRows),
                candidate: readAndPair_gather(candidate.values[1], cRows),
                baseline: baseline && rows.base ? readAndPair_gather(baseline.values[1], rows.base) : null,
                ids: options.repeatField === undefined ? idsAt(candidate.ids, cRows) : idsAt(candidate.ids, cRows).map((k) => repeatLabel(k, options.repeatField)),
                files: { candidate: candidate.name, baseline: baseline ? baseline.name : null },
                fields: { label, prediction }
            }, settings);
            const metrics = {};
            for (const name of REGRESSION_METRICS)
                metrics[name] = result.metrics.get(name);
            const clusters = pairClusters(options, candidate, baseline, pairing, repeats.repeats());
            if (clusters) {
                const y = readAndPair_gather(candidate.values[0], cRows);
                const clustered = clusteredRegression({ y, candidate: readAndPair_gather(candidate.values[1], cRows), baseline: baseline && pairing ? readAndPair_gather(baseline.values[1], pairing.base) : null, clusters }, settings, result.warnings);
                for (const name of REGRESSION_METRICS)
                    if (metrics[name].candidate !== null)
                        Object.assign(metrics[name], clustered.get(name));
            }
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
        return { ...prepared, counts: repeats.counts(prepared.counts) };
    }
};

;// CONCATENATED MODULE: ./src/significance/numeric/scoresStatistics.ts
/**
 * The statistics of `--task scores` (docs/tasks.md): per-example numbers of named fields (an LLM judge's 1–5, a unit
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

;// CONCATENATED MODULE: ./src/tasks/repeatErrors.ts


/** The repeats of the scores task with the error rule applied per row. */
function repeatMeans(options) {
    const field = options.repeatField;
    const seen = [];
    return {
        collapse(file) {
            if (field === undefined)
                return file;
            const repeats = repeats_repeatIds(file, field);
            const collapsed = repeats_collapseRepeats(file, repeats, file.values, options.clusterField);
            const k = new Float64Array(repeats.ids);
            const errorRows = new Float64Array(repeats.ids);
            for (let i = 0; i < file.n; i++) {
                k[repeats.idOf[i]]++;
                if (file.errors && file.errors[i])
                    errorRows[repeats.idOf[i]]++;
            }
            seen.push({ means: collapsed.columns, rows: file, idOf: repeats.idOf, k, errorRows });
            const errors = file.errors ? Uint8Array.from(errorRows, (e) => (e > 0 ? 1 : 0)) : null;
            return { ...collapsed.file, values: collapsed.columns, errors };
        },
        settle(read, directions) {
            if (field === undefined || seen.length === 0) {
                if (read.errors.mode === 'wrong')
                    fillScores(read.candidate, read.baseline, directions);
                return read.errors;
            }
            const [c, b] = [seen[0], seen[1] ?? null];
            if (read.errors.mode === 'wrong' && (c.rows.errors || b?.rows.errors)) {
                fillScores(c.rows, b ? b.rows : null, directions);
                for (const raw of [c, b])
                    if (raw)
                        averageAgain(raw);
            }
            return withRowCounts(read.errors, c, b);
        },
        rows(candidate, baseline) {
            if (field === undefined || seen.length === 0)
                return [candidate, baseline];
            return [seen[0].rows, seen[1] ? seen[1].rows : null];
        },
        counts(counts) {
            if (field === undefined || seen.length === 0)
                return counts;
            const [c, b] = [seen[0], seen[1] ?? null];
            const meanK = (raw) => (raw.k.length === 0 ? 0 : raw.rows.n / raw.k.length);
            return { ...counts, candidate: c.rows.n, baseline: b ? b.rows.n : null, repeats: { candidate: meanK(c), baseline: b ? meanK(b) : null } };
        }
    };
}
/** The id means of the (filled) rows, written into the collapsed file's columns. */
function averageAgain(raw) {
    raw.means.forEach((mean, f) => {
        mean.fill(0);
        const values = raw.rows.values[f];
        for (let i = 0; i < raw.rows.n; i++)
            mean[raw.idOf[i]] += values[i];
        for (let id = 0; id < mean.length; id++)
            mean[id] /= raw.k[id];
    });
}
/**
 * The outcome with `counts.errors` in rows and `shares` (per compared id, error rows / rows), both over the
 * compared ids before exclusion: the original pairing's ids, or every candidate id without a baseline.
 */
function withRowCounts(e, c, b) {
    const pairing = e.original;
    const n = e.flags.candidate.length;
    const cShare = new Float64Array(n);
    const bShare = b && pairing ? new Float64Array(n) : null;
    let cRows = 0;
    let bRows = 0;
    for (let p = 0; p < n; p++) {
        const ci = pairing ? pairing.cand[p] : p;
        cRows += c.errorRows[ci];
        cShare[p] = c.errorRows[ci] / c.k[ci];
        if (bShare && b && pairing) {
            const bi = pairing.base[p];
            bRows += b.errorRows[bi];
            bShare[p] = b.errorRows[bi] / b.k[bi];
        }
    }
    return { ...e, counts: { candidate: cRows, baseline: e.counts.baseline === null ? null : bRows }, shares: { candidate: cShare, baseline: bShare } };
}

;// CONCATENATED MODULE: ./src/tasks/scoreUnits.ts
function scoreUnits(names, files) {
    const out = {};
    names.forEach((name, f) => {
        let zeroOne = true;
        let whole = true;
        let seen = 0;
        for (const file of files) {
            if (!file)
                continue;
            const values = file.values[f];
            for (let i = 0; i < file.n && (zeroOne || whole); i++) {
                if (file.errors && file.errors[i])
                    continue;
                const v = values[i];
                seen++;
                if (v !== 0 && v !== 1)
                    zeroOne = false;
                if (!Number.isInteger(v))
                    whole = false;
            }
        }
        if (seen === 0)
            return;
        if (zeroOne)
            out[name] = 'proportion';
        else if (whole)
            out[name] = 'integer';
    });
    return Object.keys(out).length > 0 ? out : undefined;
}

;// CONCATENATED MODULE: ./src/tasks/scoresTask.ts










const scores = {
    async prepare(options) {
        const fields = options.scoreMetrics ?? [];
        if (fields.length === 0)
            throw new ConfigError('task "scores" needs score-metrics (CLI --score-metrics): the fields to compare, e.g. judge,passed,latency_ms:lower');
        const names = fields.map((f) => f.name);
        const repeats = repeatMeans(options);
        const read = await readAndPair(options, (source, text, requireId) => new NumericRowBuilder(source.name, options.fields.id, names, requireId, text, true, keyFields(options), names.map(() => true)), () => () => true, keepNumericRows, repeats.collapse);
        const { candidate, baseline } = read;
        // The error rule per row, before repeats are averaged (docs/errors.md).
        const errors = repeats.settle(read, fields.map((f) => f.direction));
        // Pass rates in % and points, whole numbers without trailing zeros (docs/report.md).
        const units = scoreUnits(names, repeats.rows(candidate, baseline));
        const prepared = unlabelled('scores', { ...read, errors }, names, noRegressionOn(names), (rows, _rules, settings) => {
            const cRows = rows.cand;
            const pairing = pairsAt(read.pairing, candidate.n, rows);
            const result = scoresStatistics({
                names,
                directions: fields.map((f) => f.direction),
                candidate: candidate.values.map((v) => readAndPair_gather(v, cRows)),
                baseline: baseline && rows.base ? baseline.values.map((v) => readAndPair_gather(v, rows.base)) : null,
                ids: idsAt(candidate.ids, cRows),
                files: { candidate: candidate.name, baseline: baseline ? baseline.name : null }
            }, settings);
            const metrics = {};
            for (const name of names)
                metrics[name] = result.metrics.get(name);
            const clusters = pairClusters(options, candidate, baseline, pairing, null);
            if (clusters) {
                names.forEach((name, f) => {
                    const passRate = result.details.get(name)?.kind === 'pass-rate';
                    const values = (file, rows) => readAndPair_gather(file.values[f], rows);
                    Object.assign(metrics[name], clusteredMean({ name, direction: fields[f].direction, candidate: values(candidate, cRows), baseline: baseline && pairing ? values(baseline, pairing.base) : null, clusters, passRate }, settings, result.warnings));
                });
            }
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
                ...(units ? { units } : {}),
                warnings: { first: [], last: result.warnings }
            };
        });
        return { ...prepared, counts: repeats.counts(prepared.counts) };
    }
};

;// CONCATENATED MODULE: ./src/tasks/registry.ts





function taskModule(task, format) {
    // Cell counts are classification; the module refuses the other tasks with a message.
    if (format === 'cells')
        return cellsTask;
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

;// CONCATENATED MODULE: ./src/checks/overfitting.ts





/** How the interval of the gap is made (the report's `overfitting.ciMethod`). */
const GAP_CI_METHOD = 'mover';
/** A gap this large relative to the metric's larger value (train or test), and significant, gives a warning. */
const LARGE_GAP = 0.1;
/** The report's `overfitting`: each metric on train and test, the gap and its interval. */
async function overfittingCheck(o) {
    const { options, test } = o;
    const classification = test.task === 'binary' || test.task === 'multiclass';
    const task = classification ? test.task : options.task;
    const trainOptions = {
        ...options,
        candidate: options.trainPredictions,
        baseline: null,
        task,
        positiveLabel: test.positiveLabel ?? options.positiveLabel,
        gates: undefined,
        train: undefined,
        trainPredictions: undefined,
        sliceFields: undefined,
        minSlice: undefined
    };
    let trainMetrics;
    let trainRows;
    try {
        const prepared = await taskModule(task).prepare(trainOptions);
        trainRows = prepared.counts.candidate;
        trainMetrics = (await prepared.analyze(o.rules, o.settings)).metrics;
    }
    catch (error) {
        if (error instanceof ConfigError)
            throw new ConfigError(`train-predictions ${quote(options.trainPredictions.name)}: ${error.message}`);
        throw error;
    }
    const metrics = {};
    for (const name of o.names) {
        const t = o.testMetrics[name];
        if (!t)
            continue;
        const r = trainMetrics[name];
        metrics[name] = gapOf(r ? r.candidate : null, r ? r.candidateCi : null, t.candidate, t.candidateCi, t.direction);
    }
    return { trainRows, testRows: test.pairing ? test.pairing.n : test.counts.candidate, ciMethod: GAP_CI_METHOD, metrics };
}
/**
 * One metric's entry: the gap (positive: better on train) and its MOVER interval, null where either value or
 * either interval is undefined.
 *
 * @example gapOf(0.8, [0.6918, 0.8770], 0.6, [0.4905, 0.7004], 'higher').gap // 0.2 (up to rounding)
 */
function gapOf(train, trainCi, test, testCi, direction) {
    const higher = direction === 'higher';
    const gap = train === null || test === null ? null : higher ? train - test : test - train;
    let ci = null;
    if (train !== null && test !== null && trainCi && testCi) {
        ci = higher ? moverDifference(train, trainCi, test, testCi) : moverDifference(test, testCi, train, trainCi);
    }
    return { train, test, gap, ci, trainCi, testCi, direction };
}
/** The metrics the check compares: the model metrics the rules name and those of the default rules, in report order. */
function overfittingMetrics(rules, defaultRules, reportOrder) {
    const wanted = new Set([...defaultRules, ...rules].map((r) => r.metric));
    return reportOrder.filter((name) => wanted.has(name));
}
/**
 * One warning, starting "Overfitting:", naming the metrics whose gap is significant (the interval's lower end
 * above 0) and large (at least {@link LARGE_GAP} of the larger of the two values).
 */
function overfittingWarnings(o, alpha) {
    const level = `${Math.round((1 - alpha) * 1000) / 10}%`;
    const flagged = Object.entries(o.metrics).filter(([, m]) => {
        if (m.gap === null || m.ci === null || m.train === null || m.test === null)
            return false;
        return m.ci[0] > 0 && m.gap >= LARGE_GAP * Math.max(Math.abs(m.train), Math.abs(m.test));
    });
    if (flagged.length === 0)
        return [];
    const parts = flagged.map(([name, m]) => `${name} ${formatValue(name, m.train)} on train, ${formatValue(name, m.test)} on test (gap ${shownGap(name, m)}, ${level} CI ${formatInterval(name, m.ci)})`);
    return [
        `Overfitting: the candidate does much better on its training set than on the test set: ${parts.join('; ')}. ` +
            'The test values are the ones to trust for unseen data.'
    ];
}

;// CONCATENATED MODULE: ./src/tasks/errorRate.ts

/**
 * The metric `error_rate` (lower is better): the error flags of the compared examples as a pass rate, with
 * McNemar's exact test on the flips (statsmodels `mcnemar([[a, b], [c, d]], exact=True)` on the 2×2 table of
 * baseline error × candidate error), the paired bootstrap interval and the Wilson interval of the candidate's rate.
 */
function errorRateMetric(e, ids, settings, files) {
    const asNumbers = (f) => Float64Array.from(f);
    const result = scoresStatistics({
        names: ['error_rate'],
        directions: ['lower'],
        candidate: [e.shares?.candidate ?? asNumbers(e.flags.candidate)],
        baseline: e.flags.baseline ? [e.shares?.baseline ?? asNumbers(e.flags.baseline)] : null,
        ids: ids ? [...ids] : null,
        files
    }, settings);
    return result.metrics.get('error_rate');
}

;// CONCATENATED MODULE: ./src/stats/benjaminiHochberg.ts
/**
 * Benjamini–Hochberg adjusted p-values ("q-values") controlling the false discovery rate (Benjamini & Hochberg
 * 1995, "Controlling the false discovery rate", J. R. Statist. Soc. B 57, 289–300): sort ascending;
 * q(i) = min over j ≥ i of min(1, m·p(j) / j). As statsmodels `multipletests(p, method="fdr_bh")[1]`.
 * Cost: O(m log m).
 *
 * @example benjaminiHochberg([0.01, 0.04, 0.03, 0.005]) // [0.02, 0.04, 0.04, 0.02]
 */
function benjaminiHochberg(pValues) {
    const m = pValues.length;
    const order = pValues.map((_, i) => i).sort((a, b) => pValues[a] - pValues[b] || a - b);
    const adjusted = new Array(m);
    let running = 1;
    for (let rank = m - 1; rank >= 0; rank--) {
        const index = order[rank];
        running = Math.min(running, (m * pValues[index]) / (rank + 1));
        adjusted[index] = running;
    }
    return adjusted;
}

;// CONCATENATED MODULE: ./src/slices/analyze.ts
/**
 * Slices (docs/slices.md): the headline metrics on every slice with at least `minSlice` compared examples, each with
 * the overall metric's own tests (the task's `analyzeSlice`: for classification a cell table of the slice's
 * examples, so a resample is a multinomial draw over that slice's cells; for the other tasks the task's
 * statistics on the slice's examples), and q-values: Benjamini–Hochberg over every tested slice metric of the run
 * that has a two-sided p-value.
 *
 * Each slice has its own random streams: its seed is the run's seed mixed with the FNV-1a hash of
 * `slice:FIELD=VALUE`, so adding a slice field or a value changes no other slice's numbers.
 *
 * Cost: one pass over the compared examples per field to group them (src/slices/assign.ts), then per tested
 * slice the task's statistics on its examples (classification: O(slice examples) once, then O(cells) per
 * resample; from a cells file, O(slice cells · log) once: a slice's size is the sum of its cells' counts).
 */



/** Default `--min-slice`: the fewest compared examples a tested slice has. */
const DEFAULT_MIN_SLICE = 30;
/**
 * The most slices a run tests (over all fields): the largest, ties in slice order. Each tested slice costs its
 * own resampling (about 30 ms for a binary slice with 10,000 resamples), and the slice values are the pull
 * request's file's to choose (SECURITY.md); the others are listed untested, with a warning.
 */
const MAX_TESTED_SLICES = 200;
/** Per-slice warnings shown, the rest counted. */
const SLICE_WARNINGS = 5;
/**
 * The seed of one slice's statistics: the run's seed XOR the FNV-1a hash of `slice:FIELD=VALUE`, kept to 53 bits.
 * @example sliceSeed(0, 'region', 'EU') === sliceSeed(0, 'region', 'EU') // true
 */
function sliceSeed(seed, field, value) {
    return Number((BigInt(seed) ^ fnv1a64(`slice:${field}=${value}`)) & ((1n << 53n) - 1n));
}
/** The slices to test: at least `minSlice` examples, at most {@link MAX_TESTED_SLICES}, the largest first. */
function chooseTested(fields, minSlice) {
    const eligible = fields.flatMap((f) => f.groups.filter((g) => g.size >= minSlice));
    if (eligible.length <= MAX_TESTED_SLICES)
        return new Set(eligible);
    const order = eligible.map((g, i) => i).sort((a, b) => eligible[b].size - eligible[a].size || a - b);
    return new Set(order.slice(0, MAX_TESTED_SLICES).map((i) => eligible[i]));
}
/** Every slice of every field: tested slices' metrics in `headline` order, q-values, and the warnings. */
function analyzeSlices(fields, prepared, headline, minSlice, settings) {
    const report = {};
    const tested = [];
    const warnings = [];
    const sliceWarnings = [];
    const chosen = chooseTested(fields, minSlice);
    for (const { field, groups, disagreements } of fields) {
        const byValue = {};
        let untested = 0;
        for (const group of groups) {
            const { value, rows, size } = group;
            if (!chosen.has(group)) {
                if (size < minSlice)
                    untested++;
                byValue[value] = { counts: { paired: size }, tested: false, metrics: {} };
                continue;
            }
            const result = prepared.analyzeSlice(rows, headline, { ...settings, seed: sliceSeed(settings.seed, field, value) });
            const computed = result.metrics;
            for (const w of result.warnings)
                sliceWarnings.push(`Slice ${sliceName(field, value)}: ${w}`);
            const metrics = {};
            for (const name of headline) {
                const m = computed[name];
                if (!m)
                    continue;
                const withQ = { ...m, qValue: null };
                metrics[name] = withQ;
                if (withQ.pValue !== null)
                    tested.push(withQ);
            }
            byValue[value] = { counts: { paired: size }, tested: true, metrics };
        }
        report[field] = byValue;
        if (untested > 0) {
            warnings.push(`Slices of ${field}: ${untested} of ${groups.length} values have fewer than ${minSlice} compared examples and are listed but not tested (--min-slice ${minSlice}).`);
        }
        if (disagreements > 0) {
            warnings.push(`Slices of ${field}: ${disagreements.toLocaleString('en-US')} paired examples have another ${field} in the baseline file than in the candidate file; they are counted in the candidate's slice.`);
        }
    }
    const eligible = fields.reduce((n, f) => n + f.groups.filter((g) => g.size >= minSlice).length, 0);
    if (eligible > chosen.size) {
        warnings.push(`${eligible.toLocaleString('en-US')} slices have at least ${minSlice} compared examples; the ${chosen.size} largest are tested ` +
            `(at most ${MAX_TESTED_SLICES} per run), the others listed untested.`);
    }
    warnings.push(...sliceWarnings.slice(0, SLICE_WARNINGS));
    if (sliceWarnings.length > SLICE_WARNINGS)
        warnings.push(`… and ${sliceWarnings.length - SLICE_WARNINGS} more warnings about single slices.`);
    const q = benjaminiHochberg(tested.map((m) => m.pValue));
    tested.forEach((m, i) => (m.qValue = q[i]));
    return {
        report,
        settings: {
            fields: fields.map((f) => f.field),
            minSlice,
            metrics: [...headline],
            disagreements: Object.fromEntries(fields.map((f) => [f.field, f.disagreements]))
        },
        warnings
    };
}

;// CONCATENATED MODULE: ./src/slices/assign.ts
/**
 * Which compared examples fall in which slice (docs/slices.md). A slice field's value is read on every row of both
 * files (src/read/keys.ts: a row without it is bad input). A compared example is a pair (candidate row, baseline
 * row), or a candidate row when there is no baseline; its slice is the value on its **candidate** row. A pair
 * whose baseline row has another value is counted, and a warning gives the count per field: the candidate
 * file is the one under review, and the two files may legitimately disagree (a re-annotated metadata column).
 *
 * Cost: one pass over the compared examples per field (a counting sort into one index array), O(n + values).
 */



/**
 * The slices of each field. `pairing` null: every candidate row is an example.
 * @example sliceGroups(['region'], { candidate: [{ field: 'region', values: ['EU', 'US'], codes: Uint32Array.of(1, 0, 1) }], baseline: null }, null, 3)[0].groups
 * // [{ value: 'EU', rows: [1], size: 1 }, { value: 'US', rows: [0, 2], size: 2 }]
 */
function sliceGroups(fields, keys, pairing, candidateRows) {
    return fields.map((field) => {
        const cand = keyColumn(keys.candidate, field);
        if (!cand)
            throw new ConfigError(`slice field ${JSON.stringify(field)} was not read from the candidate file`);
        const base = keys.baseline ? keyColumn(keys.baseline, field) : undefined;
        const weights = pairing ? undefined : keys.weights;
        const n = pairing ? pairing.n : weights ? weights.length : candidateRows;
        const code = new Uint32Array(n);
        const sizes = new Uint32Array(cand.values.length);
        const examples = new Float64Array(cand.values.length);
        let disagreements = 0;
        // Baseline code → candidate code of the same text (-1: a text the candidate never has).
        const codeOf = new Map(cand.values.map((v, c) => [v, c]));
        const toCand = base ? Int32Array.from(base.values, (v) => codeOf.get(v) ?? -1) : null;
        for (let p = 0; p < n; p++) {
            const c = cand.codes[pairing ? pairing.cand[p] : p];
            code[p] = c;
            sizes[c]++;
            examples[c] += weights ? weights[p] : 1;
            if (pairing && base && toCand && toCand[base.codes[pairing.base[p]]] !== c)
                disagreements++;
        }
        const present = cand.values.filter((_, c) => sizes[c] > 0);
        const groups = labelOrder(present).map((value) => {
            const c = codeOf.get(value);
            return { value, rows: new Uint32Array(sizes[c]), size: examples[c] };
        });
        const groupOf = new Int32Array(cand.values.length).fill(-1);
        groups.forEach((g, i) => (groupOf[codeOf.get(g.value)] = i));
        const fill = new Uint32Array(groups.length);
        for (let p = 0; p < n; p++) {
            const g = groupOf[code[p]];
            groups[g].rows[fill[g]++] = p;
        }
        return { field, groups, disagreements };
    });
}

;// CONCATENATED MODULE: ./src/slices/sliceAnalysis.ts




function slicesOf(options, prepared) {
    const minSlice = options.minSlice ?? DEFAULT_MIN_SLICE;
    if (!Number.isSafeInteger(minSlice) || minSlice < 1)
        throw new ConfigError(`min-slice must be a whole number ≥ 1, got ${options.minSlice}`);
    const fields = [...new Set(options.sliceFields ?? [])];
    if (fields.length === 0)
        return { known: undefined, analyze: () => null };
    const candidateRows = prepared.counts.candidate;
    const groups = sliceGroups(fields, prepared.keys, prepared.pairing, candidateRows);
    const known = new Map(groups.map((f) => [f.field, f.groups.map((g) => g.value)]));
    return {
        known,
        analyze(rules, settings) {
            for (const rule of rules) {
                if ((rule.slice || rule.by !== undefined) && !prepared.known.metrics.includes(rule.metric)) {
                    throw new ConfigError(`gate ${quote(rule.text, 120)}: ${rule.metric} is not computed per slice; slice rules take the task's metrics`);
                }
            }
            const defaults = parseGates(prepared.defaultGates, prepared.known);
            const named = new Set([...defaults, ...rules].map((r) => r.metric));
            const headline = prepared.known.metrics.filter((m) => named.has(m));
            return analyzeSlices(groups, prepared, headline, minSlice, settings);
        }
    };
}

;// CONCATENATED MODULE: ./src/common/version.ts
/** Eval Gate's version, printed in every report's footer. A test keeps it equal to package.json's. */
const VERSION = '1.0.0';

;// CONCATENATED MODULE: ./src/compare/resultWarnings.ts
/**
 * Warnings of the results, any task (docs/statistics.md): metrics undefined on the data, p-values within resampling error of a threshold.
 */

/** Warnings of the results, any task: metrics undefined on the data, p-values within resampling error of a threshold. */
function resultWarnings(metrics, gates, settings) {
    return [...undefinedMetrics(metrics), ...closeToAlpha({ metrics, gates, settings })];
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

;// CONCATENATED MODULE: ./src/pair/pairWarnings.ts
/**
 * Warnings of the pairing, any task (docs/statistics.md): examples on one side only, label conflicts, nothing paired.
 */


const idList = (ids, total) => ids.map((id) => quote(id)).join(', ') + (total > ids.length ? ', …' : '');
/** Warnings of the pairing (docs/statistics.md), any task: examples on one side only, label conflicts, nothing paired. */
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

;// CONCATENATED MODULE: ./src/compare/compare.ts
/**
 * The core, end to end: parse → pair → metrics → statistics → gates. Pure: no `@actions/*` import; the CLI
 * and the action are thin shells around `compare()`. What is particular to a task (its fields, its metrics, its
 * statistics, its report sections) is in src/tasks/, behind one interface.
 */














/** Reads both files, pairs them, computes metrics and statistics, evaluates the gates. Throws InputError / ConfigError. */
async function compare(options) {
    checkSettings(options);
    const prepared = await taskModule(options.task, options.format).prepare(options);
    let report;
    try {
        report = await comparePrepared(options, prepared);
    }
    catch (error) {
        // An input check still under way elsewhere found the earlier error (it would have come first on one thread).
        await prepared.settle?.();
        throw error;
    }
    await prepared.settle?.();
    return report;
}
/** compare() once the task has read and paired the files. */
async function comparePrepared(options, prepared) {
    const checks = dataChecks(options, prepared);
    const slicing = slicesOf(options, prepared);
    const errorMetrics = prepared.errors ? ['error_rate'] : [];
    const rules = parseGates(options.gates ?? prepared.defaultGates, {
        ...prepared.known,
        metrics: [...prepared.known.metrics, ...errorMetrics, ...checks.metrics],
        slices: slicing.known
    });
    checkTrainGapRules(rules, options.trainPredictions !== undefined, checks.metrics);
    const settings = { alpha: options.alpha, resamples: options.resamples, seed: options.seed };
    const analysis = await prepared.analyze(rules, settings);
    const errors = prepared.errors;
    // docs/errors.md: error_rate is reported when gated, when an example errored, or when --errors was given.
    if (errors && (options.errors !== undefined || anyErrors(errors) || rules.some((r) => r.metric === 'error_rate'))) {
        analysis.metrics.error_rate = errorRateMetric(errors, null, settings, { candidate: options.candidate.name, baseline: options.baseline ? options.baseline.name : null });
    }
    const errorNote = errors ? errorWarning(errors) : null;
    const slices = slicing.analyze(rules, settings);
    const checked = await checks.run(rules, analysis, settings);
    Object.assign(analysis.metrics, checked.metrics);
    const compared = prepared.pairing ? prepared.pairing.n : prepared.counts.candidate - (prepared.counts.excluded ?? 0);
    // Gate details read scores fields by what their values are (docs/report.md).
    const gates = withUnits(analysis.units, () => evaluateGates(rules, analysis.metrics, {
        alpha: options.alpha,
        hasBaseline: prepared.hasBaseline,
        missingBaseline: options.missingBaseline,
        multiplicity: options.multiplicity,
        maxTTies: options.maxTTies,
        joint: analysis.joint ?? null,
        overfitting: checked.sections.overfitting ?? null,
        slices: slices?.report ?? null,
        minSlice: slices?.settings.minSlice,
        examples: compared
    }));
    const verdict = verdictOf(gates);
    return {
        schemaVersion: 1,
        passed: verdict === 'pass' || (verdict === 'inconclusive' && options.inconclusive === 'pass'),
        verdict,
        task: prepared.task,
        labels: prepared.labels,
        positiveLabel: prepared.positiveLabel,
        counts: prepared.counts,
        metrics: analysis.metrics,
        confusionMatrix: analysis.confusionMatrix,
        gates,
        warnings: [
            ...pairingWarnings(prepared.pairing),
            ...(errorNote ? [errorNote] : []),
            ...analysis.warnings.first,
            ...resultWarnings(analysis.metrics, gates, settings),
            ...analysis.warnings.last,
            ...(slices?.warnings ?? []),
            ...checked.warnings
        ],
        disagreement: analysis.disagreement,
        ...(analysis.examples ? { examples: analysis.examples } : {}),
        ...(analysis.units ? { units: analysis.units } : {}),
        ...checked.sections,
        ...(slices ? { slices: slices.report } : {}),
        settings: {
            alpha: options.alpha,
            resamples: options.resamples,
            seed: options.seed,
            version: VERSION,
            candidate: options.candidate.name,
            baseline: options.baseline ? options.baseline.name : null,
            errors: options.errors ?? DEFAULT_ERRORS,
            inconclusive: options.inconclusive ?? 'fail',
            ...(slices ? { slices: slices.settings } : {})
        }
    };
}
/**
 * The run's verdict (docs/repeats-and-clusters.md): `fail` when any gate fails; else `inconclusive` when any gate is inconclusive; else
 * `pass` (skipped gates do not count). `passed` follows it, an inconclusive verdict counting as `--inconclusive`
 * says (default fail).
 */
function verdictOf(gates) {
    if (gates.some((g) => g.status === 'fail'))
        return 'fail';
    return gates.some((g) => g.status === 'inconclusive') ? 'inconclusive' : 'pass';
}
/**
 * The data checks of docs/data-checks.md that the options ask for: their metric names (known to the gates before any
 * statistic is computed), and a run that gives their metrics, report sections and warnings: leakage (`--train`,
 * src/checks/leakage.ts) and overfitting (`--train-predictions`, src/checks/overfitting.ts, which measures the
 * training predictions with the task's own module and needs the test side's analysis and the rules).
 */
function dataChecks(options, prepared) {
    const metrics = options.train ? ['leakage'] : [];
    const run = async (rules, analysis, settings) => {
        const out = { metrics: {}, sections: {}, warnings: [] };
        if (options.train) {
            const leakage = await leakageCheck({
                train: options.train,
                test: options.candidate,
                rows: prepared.pairing ? prepared.pairing.cand : null,
                idField: options.fields.id,
                textField: options.textField ?? null,
                format: options.format
            });
            out.metrics.leakage = leakageMetric(leakage);
            out.sections.leakage = leakage;
            out.warnings.push(...leakageWarnings(leakage));
        }
        if (options.trainPredictions) {
            const names = overfittingMetrics(rules, parseGates(prepared.defaultGates, prepared.known), Object.keys(analysis.metrics));
            const overfitting = await overfittingCheck({
                options: { ...options, trainPredictions: options.trainPredictions },
                test: prepared,
                testMetrics: analysis.metrics,
                names,
                rules,
                settings
            });
            out.sections.overfitting = overfitting;
            out.warnings.push(...overfittingWarnings(overfitting, settings.alpha));
        }
        return out;
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

;// CONCATENATED MODULE: ./src/compare/helperThreads.ts
/**
 * The helper threads of a comparison (docs/scale.md): the baseline read on a second core, the classification
 * statistics' resampling and the generation resampling. Each shell's bundle is also the helpers' worker script,
 * started with a marker in workerData; this one dispatch is what both shells call first.
 */



/** Runs a helper's job when this thread was started as one, and says so; false on the main thread. */
function serveHelperThread() {
    if (isReadWorker())
        void serveReadRequest();
    else if (isGenerationWorker())
        serveGenerationWorker();
    else if (isStatsWorker())
        serveStatsJob();
    else
        return false;
    return true;
}

;// CONCATENATED MODULE: ./src/report/verdictChanging.ts
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
        ` (of ${n(report.counts.paired - (report.counts.excluded ?? 0))})`;
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
function footer_footer(report) {
    const s = report.settings;
    const parts = [...provenance(report), `seed ${s.seed}`, `${s.resamples.toLocaleString('en-US')} resamples`, `α = ${s.alpha}`, `Eval Gate ${s.version}`];
    return `<sub>${parts.join(' · ')}</sub>`;
}

;// CONCATENATED MODULE: ./src/render/displayNames.ts
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
function change(name, m, report, label = metricName(name)) {
    if (m.baseline === null || m.delta === null) {
        return `${label} ${formatValue(name, m.candidate)}${m.candidateCi ? ` (${level(report)} CI ${formatValueInterval(name, m.candidateCi)}` : ' ('}`;
    }
    const ci = m.ci ? `, ${level(report)} CI ${formatInterval(name, m.ci)}` : '';
    return `${label} ${values(name, m)} (${shownDelta(name, m)}${ci}`;
}
/**
 * The numbers a gate was decided on and how to name them: the run's metric, or for a slice rule (docs/slices.md,
 * GateResult.slice) the slice's — `METRIC@F=VALUE …` its slice; `METRIC no-regression by F` the slice whose
 * delta is the gate's `observed` (the smallest adjusted p) — named `accuracy on `language=de``.
 */
function gateMetric(report, g) {
    if (!g.slice)
        return { m: report.metrics[g.metric], label: metricName(g.metric), where: '' };
    const slices = report.slices?.[g.slice.field] ?? {};
    const value = g.slice.value ??
        Object.keys(slices).find((v) => slices[v].tested && slices[v].metrics[g.metric]?.delta === g.observed && g.observed !== null);
    if (value === undefined)
        return { m: undefined, label: metricName(g.metric), where: '' };
    const where = dataSpan(`${g.slice.field}=${value}`, 60);
    return { m: slices[value]?.metrics[g.metric], label: `${metricName(g.metric)} on ${where}`, where };
}
/** Human names of the tests behind `MetricReport.test`. */
const TEST_NAMES = {
    'mcnemar-exact': 'exact McNemar',
    permutation: 'paired approximate randomization',
    delong: 'DeLong',
    'paired-t': 'paired t',
    'mcnemar-cluster': 'clustered McNemar (Durkalski 2003)',
    'permutation-cluster': 'cluster randomization',
    'paired-t-cluster': 'cluster-robust paired t'
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

;// CONCATENATED MODULE: ./src/render/overfittingSection.ts
/**
 * The overfitting check (docs/data-checks.md, `--train-predictions`): each headline metric on the training set and on the
 * test set, the gap (positive: better on train) as the two shown values give it, and the interval of the gap.
 */




function overfittingSection(report) {
    const o = report.overfitting;
    if (!o)
        return '';
    const names = Object.keys(o.metrics);
    if (names.length === 0)
        return '';
    const rows = names.map((name) => {
        const m = o.metrics[name];
        return [metricName(name), formatValue(name, m.train), formatValue(name, m.test), shownGap(name, m), formatInterval(name, m.ci)];
    });
    const lower = names.filter((n) => o.metrics[n].direction === 'lower');
    const sign = lower.length === 0 ? 'train − test' : `train − test (test − train for ${lower.map(metricName).join(', ')}, better when lower)`;
    const n = (x) => x.toLocaleString('en-US');
    const legend = `<sub>Train: the candidate's predictions on its ${n(o.trainRows)} training rows; test: the ${n(o.testRows)} compared examples. ` +
        `Gap: ${sign}, so a positive gap means better on train. ` +
        `Interval: MOVER from each side's own interval (Newcombe's hybrid score for proportions).</sub>`;
    return `#### Overfitting\n\n${table(['Metric', 'Train', 'Test', 'Gap', `${level(report)} CI of gap`], rows, [':---', '---:', '---:', '---:', '---:'])}\n\n${legend}`;
}
/** The overfitting entry behind a `METRIC train-gap …` gate (the rule's text after its metric starts with `train-gap`), else null. */
function trainGapOf(g, report) {
    if (!g.rule.startsWith(g.metric) || !/^\s*train-gap\b/.test(g.rule.slice(g.metric.length)))
        return null;
    return report.overfitting?.metrics[g.metric] ?? null;
}
/** A train-gap gate's numbers: `accuracy 97.3% on train, 80.0% on test (gap +17.3 pts, 95% CI +10.7 to +25.5 pts)`. */
function trainGapReason(g, m, report) {
    const ci = m.ci ? `, ${level(report)} CI ${formatInterval(g.metric, m.ci)}` : '';
    return `${metricName(g.metric)} ${formatValue(g.metric, m.train)} on train, ${formatValue(g.metric, m.test)} on test (gap ${shownGap(g.metric, m)}${ci})`;
}
/** The gates table's Observed cell of a train-gap gate: `+17.3 pts (97.3% train, 80.0% test)`. */
function trainGapObserved(g, m) {
    return `${shownGap(g.metric, m)} (${formatValue(g.metric, m.train)} train, ${formatValue(g.metric, m.test)} test)`;
}

;// CONCATENATED MODULE: ./src/render/verdict.ts
/**
 * The first screen: the verdict, one line of decisive numbers per failing (or inconclusive) gate — or, when every
 * gate passes, the gate closest to failing — the scope, and the warnings that could change the verdict.
 */





/** A gate's status as text (docs/repeats-and-clusters.md adds `inconclusive`). */
const statusOf = (g) => g.status;
/** Order of gate results everywhere: what blocks the merge first. */
const STATUS_ORDER = { fail: 0, inconclusive: 1, pass: 2, skip: 3 };
const sortedGates = (report) => report.gates.map((g, i) => ({ g, i })).sort((a, b) => (STATUS_ORDER[a.g.status] ?? 9) - (STATUS_ORDER[b.g.status] ?? 9) || a.i - b.i).map((x) => x.g);
const ADJUSTMENTS = new Set(['Holm', 'Westfall–Young', 'Westfall–Young max-T']);
/** A gate's adjustment as the comment names it: one of the three the gates use, else Holm (a report's text never reaches the comment). */
const adjustmentName = (gate) => (gate?.adjustment !== undefined && ADJUSTMENTS.has(gate.adjustment) ? gate.adjustment : 'Holm');
/** The numbers behind one gate's result, in words: `recall 92.5% → 80.6% (−11.9 pts, 95% CI …, one-sided p < 0.0001 after Holm)`. */
function reason(gate, report) {
    const gap = trainGapOf(gate, report);
    if (gap && gap.gap !== null)
        return trainGapReason(gate, gap, report);
    const { m, label } = gateMetric(report, gate);
    if (gate.status === 'skip' || !m || (m.candidate === null && m.baseline === null))
        return proseText(gate.detail, 300);
    let evidence = '';
    if (gate.pValue !== null)
        evidence = `, one-sided p ${verdict_pText(gate.pValue)} after ${adjustmentName(gate)}`;
    else if (gate.bound !== null)
        evidence = `, one-sided ${level(report)} bound ${formatDelta(gate.metric, gate.bound)}`;
    const more = (gate.slice?.failing?.length ?? 0) > 1 ? `; ${gate.slice.failing.length} slices of ${dataSpan(gate.slice.field, 40)} failed` : '';
    return `${change(gate.metric, m, report, label)}${evidence}${more})`.replace(/ \(\)$/, '');
}
/** What would settle an inconclusive gate, in words: ` — about 4,800 paired examples would settle it`. */
function settleNote(g) {
    if (g.status !== 'inconclusive')
        return '';
    if (typeof g.examplesNeeded !== 'number')
        return ' — the change sits on the margin';
    return ` — about ${verdict_roundUp2(g.examplesNeeded).toLocaleString('en-US')} paired examples would settle it if the change stays as it is`;
}
/** Rounded up to two significant figures (4,763 → 4,800), as the gate's detail says it. */
const verdict_roundUp2 = (x) => {
    if (!(x >= 100))
        return x;
    const step = 10 ** (Math.floor(Math.log10(x)) - 1);
    return Math.ceil(x / step) * step;
};
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
        // docs/repeats-and-clusters.md: an inconclusive verdict counts as passing or failing as `inconclusive` says; the title says which.
        const counts = failed > 0 ? '' : report.passed ? ' (counted as passing: inconclusive: pass)' : ' (counted as failing: inconclusive: fail)';
        const what = failed > 0 ? `${blocking.length} of ${counted} gates` : `${blocking.length} of ${counted} gates unsettled`;
        lines.push(`### ${failed > 0 ? '❌' : '⚠️'} Eval Gate: ${title} — ${what}${skipNote}${counts}`);
        lines.push(blocking
            .slice(0, 3)
            .map((g) => `${statusOf(g) === 'fail' ? '❌' : '⚠️'} ${dataSpan(g.rule, 80)}: **${reason(g, report)}**${settleNote(g)}`)
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
    // docs/errors.md, errors: exclude: the examples left out are said next to the count.
    const left = c.excluded ? ` (${c.excluded.toLocaleString('en-US')} left out as errors)` : '';
    if (c.paired === null)
        return `No baseline: candidate alone on ${(c.candidate - (c.excluded ?? 0)).toLocaleString('en-US')} examples${left} · ${task}`;
    return `${(c.paired - (c.excluded ?? 0)).toLocaleString('en-US')} paired examples${left} · ${task}`;
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
    if (report.gates.some((g) => g.status === 'inconclusive')) {
        notes.push(`Inconclusive: the interval of Δ straddles the non-inferiority margin (neither shown within it nor shown beyond it); ` +
            `it counts as ${report.settings.inconclusive === 'pass' ? 'passing (inconclusive: pass)' : 'failing (inconclusive: fail)'}.`);
    }
    return `#### Gates\n\n${table(['Result', 'Rule', 'Observed', `${adjustedBy(report)} p / bound`], rows, [':---', ':---', ':---', ':---'])}${notes.length ? `\n\n<sub>${notes.join(' ')}</sub>` : ''}`;
}
function observed(g, report) {
    const gap = trainGapOf(g, report);
    if (gap)
        return trainGapObserved(g, gap);
    const { m, where: slice } = gateMetric(report, g);
    if (!m || g.status === 'skip')
        return '—';
    const where = slice ? `${slice}: ` : '';
    if (m.baseline === null || m.delta === null || g.observed === m.candidate)
        return where + formatValue(g.metric, m.candidate);
    return `${where}${shownDelta(g.metric, m)} (${values(g.metric, m)})`;
}
function evidence(g, report) {
    if (g.status === 'skip')
        return proseText(g.detail, 120);
    if (g.pValue !== null)
        return `p ${verdict_pText(g.pValue)}`;
    if (g.bound !== null)
        return `bound ${formatDelta(g.metric, g.bound)}${g.status === 'inconclusive' && typeof g.examplesNeeded === 'number' ? ` (≈${verdict_roundUp2(g.examplesNeeded).toLocaleString('en-US')} examples to settle)` : ''}`;
    const { m } = gateMetric(report, g);
    if (m && m.candidate === null)
        return 'undefined on this data';
    return '—';
}
/**
 * The adjustment of the run's no-regression p-values, as the gates name it: `Westfall–Young`, `Westfall–Young
 * max-T` or `Holm`, nothing else (a published report's JSON comes from a fork's run: its text never reaches the
 * comment).
 */
function adjustedBy(report) {
    return adjustmentName(report.gates.find((g) => g.pValue !== null));
}

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

;// CONCATENATED MODULE: ./src/render/slices.ts
/**
 * Slices (docs/slices.md, issue 12): where the candidate got worse on one value of a slice field (`language=de`).
 *
 * - "Slices that got worse": the slice metrics that are significantly worse (q < alpha, Benjamini–Hochberg over
 *   every tested slice metric of the run) or that a failing gate names, first, by q; then the other slices that got
 *   worse in the lead metric (the first headline metric: accuracy for classification), largest drop first. One row
 *   per slice; only the lead metric fills the rest of the table, so the drops it is sorted by are on one scale. Cut
 *   to `max` rows, with a line saying how many more.
 * - Slices below `--min-slice`, in one line: listed, never tested.
 * - A Simpson's-paradox note per field when the overall change of the lead metric and most of that field's tested
 *   slices go opposite ways (better overall, worse in most slices, or the reverse).
 *
 * Every slice (`field=value`, from the user's file) is a code span (dataSpan). Cost: O(slices × metrics · log).
 */





/** The order the headline metrics lead in (as in the metrics table). */
const LEAD_ORDER = ['accuracy', 'f1', 'precision', 'recall', 'specificity', 'roc_auc', 'log_loss'];
/** `language=de`, as one code span. */
const slices_sliceName = (field, value) => dataSpan(`${field}=${value}`, 60);
/** The metric the slices are compared on when nothing is significant: the first headline metric every slice has. */
function leadMetric(report) {
    const names = new Set();
    for (const slices of Object.values(report.slices ?? {}))
        for (const s of Object.values(slices))
            if (s.tested)
                for (const n of Object.keys(s.metrics))
                    names.add(n);
    return [...LEAD_ORDER, ...Object.keys(report.metrics)].find((n) => names.has(n)) ?? [...names][0] ?? null;
}
/** Candidate − baseline turned so that positive is worse, or null without a change to compare. */
function dropOf(m) {
    if (m.delta === null || m.baseline === null || m.candidate === null)
        return null;
    return m.direction === 'higher' ? -m.delta : m.delta;
}
/**
 * The slices a failing gate names (GateResult.slice): `METRIC@F=VALUE …` its one slice, `METRIC no-regression by F`
 * the slices listed as failing. Keys are `metric\u0000field\u0000value`.
 */
function gatedSlices(report) {
    const keys = new Set();
    for (const g of report.gates) {
        if (g.status !== 'fail' || !g.slice)
            continue;
        const values = g.slice.value !== undefined ? [g.slice.value] : (g.slice.failing ?? []);
        for (const value of values)
            keys.add(`${g.metric}\u0000${g.slice.field}\u0000${value}`);
    }
    return keys;
}
/**
 * One row per slice that got worse: a slice with flagged metrics (significant or gated) shows the lead metric when
 * it is flagged, else its flagged metric with the smallest q, and names the other flagged ones; any other slice
 * shows the lead metric when it got worse as shown. Flagged slices first by q, then by the lead metric's drop.
 */
function slices_rowsOf(report, lead) {
    const alpha = report.settings.alpha;
    const gated = gatedSlices(report);
    const rows = [];
    for (const [field, slices] of Object.entries(report.slices ?? {})) {
        for (const [value, slice] of Object.entries(slices)) {
            if (!slice.tested)
                continue;
            const flagged = [];
            let plain = null;
            for (const [metric, m] of Object.entries(slice.metrics)) {
                const drop = dropOf(m);
                if (drop === null)
                    continue;
                const isGated = gated.has(`${metric}\u0000${field}\u0000${value}`);
                const significant = drop > 0 && m.qValue !== null && m.qValue < alpha;
                const row = { field, value, slice, metric, m, significant, gated: isGated, drop, also: [] };
                if (isGated || significant)
                    flagged.push(row);
                else if (metric === lead && drop > 0 && word(metric, m) === 'worse')
                    plain = row;
            }
            if (flagged.length > 0) {
                flagged.sort((a, b) => Number(b.metric === lead) - Number(a.metric === lead) || Number(b.gated) - Number(a.gated) || (a.m.qValue ?? 1) - (b.m.qValue ?? 1));
                rows.push({ ...flagged[0], also: flagged.slice(1).map((r) => r.metric) });
            }
            else if (plain)
                rows.push(plain);
        }
    }
    const flagged = (r) => r.gated || r.significant;
    const byName = (a, b) => (a.field < b.field ? -1 : a.field > b.field ? 1 : a.value < b.value ? -1 : a.value > b.value ? 1 : 0);
    return rows.sort((a, b) => {
        if (flagged(a) !== flagged(b))
            return flagged(a) ? -1 : 1;
        if (flagged(a))
            return Number(b.gated) - Number(a.gated) || (a.m.qValue ?? 1) - (b.m.qValue ?? 1) || b.drop - a.drop || byName(a, b);
        return b.drop - a.drop || byName(a, b);
    });
}
const slices_count = (n) => n.toLocaleString('en-US');
/** The row of one slice metric: slice, metric, n, baseline → candidate, Δ, CI of Δ, q. */
function cells(r) {
    const q = formatP(r.m.qValue);
    return [
        (r.gated ? '❌&nbsp;' : '') + slices_sliceName(r.field, r.value),
        metricName(r.metric) + (r.also.length > 0 ? ` (also ${r.also.map(metricName).join(', ')})` : ''),
        slices_count(r.slice.counts.paired),
        values(r.metric, r.m),
        shownDelta(r.metric, r.m),
        formatInterval(r.metric, r.m.ci),
        r.significant ? `**${q}**` : q
    ];
}
/** `Not tested (fewer than 30 paired examples): `language=ko` (20), …` — every slice below --min-slice. */
function untestedLine(report) {
    const small = [];
    for (const [field, slices] of Object.entries(report.slices ?? {})) {
        for (const [value, s] of Object.entries(slices))
            if (!s.tested)
                small.push(`${slices_sliceName(field, value)} (${slices_count(s.counts.paired)})`);
    }
    if (small.length === 0)
        return '';
    const minSlice = report.settings.slices?.minSlice;
    const examples = report.counts.baseline === null ? 'examples' : 'paired examples';
    const why = typeof minSlice === 'number' ? `fewer than ${slices_count(minSlice)} ${examples}` : `too few ${examples}`;
    const shown = small.slice(0, 20).join(', ') + (small.length > 20 ? `, and ${slices_count(small.length - 20)} more` : '');
    return `Not tested (${why}): ${shown}.`;
}
/**
 * Per field: the lead metric is better overall but worse in most tested slices, or the reverse. Needs at least two
 * tested slices with a change.
 */
function simpsonNotes(report, lead) {
    if (lead === null)
        return [];
    const overall = report.metrics[lead];
    if (!overall)
        return [];
    const overallWord = word(lead, overall);
    if (overallWord !== 'better' && overallWord !== 'worse')
        return [];
    const notes = [];
    for (const [field, slices] of Object.entries(report.slices ?? {})) {
        const tested = Object.values(slices).filter((s) => s.tested && s.metrics[lead] && dropOf(s.metrics[lead]) !== null);
        if (tested.length < 2)
            continue;
        const opposite = tested.filter((s) => word(lead, s.metrics[lead]) === (overallWord === 'better' ? 'worse' : 'better')).length;
        if (2 * opposite <= tested.length)
            continue;
        const other = overallWord === 'better' ? 'worse' : 'better';
        notes.push(`> ⚠️ ${metricName(lead)} is ${overallWord} overall (${values(lead, overall)}) but ${other} in ${opposite} of the ${tested.length} tested ${dataSpan(field, 40)} slices: ` +
            `a few slices carry the overall change and hide the others (Simpson's paradox). Look at the slices before trusting it.`);
    }
    return notes;
}
/**
 * For the first screen: the slices that are significantly worse but that no failing gate names (those the verdict
 * already shows), so a pass on average does not hide them below the fold. Empty when there are none.
 *
 * @example sliceAlert(report) // '> ⚠️ Significantly worse on 1 slice: `language=de` accuracy 81.6% → 74.8% (−6.8 pts, q = 0.0003). See "Slices that got worse" below.'
 */
function sliceAlert(report) {
    if (!report.slices || report.counts.baseline === null)
        return '';
    const hidden = slices_rowsOf(report, leadMetric(report)).filter((r) => r.significant && !r.gated);
    if (hidden.length === 0)
        return '';
    const shown = hidden
        .slice(0, 3)
        .map((r) => `${slices_sliceName(r.field, r.value)} ${metricName(r.metric)} ${values(r.metric, r.m)} (${shownDelta(r.metric, r.m)}, q ${verdict_pText(r.m.qValue)})`);
    const more = hidden.length > 3 ? `, and ${slices_count(hidden.length - 3)} more` : '';
    return `> ⚠️ Significantly worse on ${slices_count(hidden.length)} slice${hidden.length === 1 ? '' : 's'}: ${shown.join('; ')}${more}. See "Slices that got worse" below.`;
}
/**
 * Without a baseline nothing got worse: the tested slices by the lead metric's value, worst first, with its
 * interval, cut to `max` rows.
 */
function candidateOnly(report, lead, max) {
    const all = [];
    for (const [field, slices] of Object.entries(report.slices ?? {})) {
        for (const [value, slice] of Object.entries(slices)) {
            const m = lead === null ? undefined : slice.metrics[lead];
            if (slice.tested && m && m.candidate !== null)
                all.push({ field, value, slice, m });
        }
    }
    if (lead === null || all.length === 0)
        return [];
    const worse = (x) => (all[0].m.direction === 'higher' ? x : -x);
    all.sort((a, b) => worse(a.m.candidate) - worse(b.m.candidate) || (a.field < b.field ? -1 : a.field > b.field ? 1 : a.value < b.value ? -1 : 1));
    const shown = all.slice(0, max);
    const out = [
        table(['Slice', 'n', metricName(lead), `${level(report)} CI`], shown.map((r) => [slices_sliceName(r.field, r.value), slices_count(r.slice.counts.paired), formatValue(lead, r.m.candidate), formatValueInterval(lead, r.m.candidateCi)]), [':---', '---:', '---:', '---:'])
    ];
    if (all.length > max)
        out.push(`… and ${slices_count(all.length - max)} more slices; the JSON report has all of them.`);
    out.push(`<sub>No baseline: each slice's ${metricName(lead)} alone, the lowest-scoring first.</sub>`);
    return out;
}
/** The slices section; empty when the report has no slices. `max`: rows of the table before the cut. */
function slicesSection(report, max) {
    const fields = Object.keys(report.slices ?? {});
    if (fields.length === 0)
        return '';
    const lead = leadMetric(report);
    if (report.counts.baseline === null) {
        const tested = fields.reduce((n, f) => n + Object.values(report.slices[f]).filter((s) => s.tested).length, 0);
        const untested = untestedLine(report);
        return ['#### Slices', `${slices_count(tested)} tested slice${tested === 1 ? '' : 's'} of ${fields.map((f) => dataSpan(f, 40)).join(', ')}.`, ...candidateOnly(report, lead, max), ...(untested ? [untested] : [])].join('\n\n');
    }
    const rows = slices_rowsOf(report, lead);
    const tested = fields.reduce((n, f) => n + Object.values(report.slices[f]).filter((s) => s.tested).length, 0);
    const significant = rows.filter((r) => r.significant || r.gated).length;
    const fieldNames = fields.map((f) => dataSpan(f, 40)).join(', ');
    const scope = `${slices_count(tested)} tested slice${tested === 1 ? '' : 's'} of ${fieldNames}` +
        (significant > 0 ? `; ${slices_count(significant)} significantly worse (q < ${report.settings.alpha}${rows.some((r) => r.gated) ? ' or named by a failing gate' : ''})` : '; none significantly worse') +
        '.';
    const parts = [rows.length === 0 ? '#### Slices' : '#### Slices that got worse', scope, ...simpsonNotes(report, lead)];
    if (rows.length === 0) {
        parts.push(`No tested slice got worse${lead ? ` in ${metricName(lead)}` : ''}.`);
    }
    else {
        const shown = rows.slice(0, max);
        const header = ['Slice', 'Metric', 'n', 'Baseline → candidate', 'Δ', `${level(report)} CI of Δ`, 'q'];
        parts.push(table(header, shown.map(cells), [':---', ':---', '---:', '---:', '---:', '---:', '---:']));
        const more = rows.length - shown.length;
        if (more > 0)
            parts.push(`… and ${slices_count(more)} more slice${more === 1 ? '' : 's'} that got worse; the JSON report has all of them.`);
        parts.push(`<sub>n: paired examples in the slice. Δ: candidate − baseline, of the values shown. q: two-sided p-value, ` +
            `Benjamini–Hochberg-adjusted over every tested slice metric of the run; bold when q < α = ${report.settings.alpha}. ` +
            `Significant slices first (with their other significantly worse metrics), then the other slices whose ${lead ? metricName(lead) : 'metric'} got worse, most first.</sub>`);
    }
    const untested = untestedLine(report);
    if (untested)
        parts.push(untested);
    return parts.join('\n\n');
}

;// CONCATENATED MODULE: ./src/render/renderReport.ts













const LIMITS = { comment: 60_000, summary: 1_000_000, cli: 1_000_000 };
/** Classes shown per class before cutting, and in confusion matrices. */
const renderReport_MAX_CLASSES = { comment: 25, summary: 200, cli: 200 };
const MAX_MATRIX = { comment: 10, summary: 30, cli: 30 };
/** Rows of the "Slices that got worse" table before cutting. */
const MAX_SLICES = { comment: 10, summary: 50, cli: 50 };
function renderMarkdown(report, target = 'cli') {
    // Scores fields read by what their values are (docs/report.md).
    return withUnits(report.units, () => renderReport(report, target));
}
function renderReport(report, target) {
    const { headline, rest } = metricsSection(report);
    const sections = [
        verdict(report),
        sliceAlert(report),
        gatesSection(report),
        otherWarnings(report),
        headline,
        largestDrop(report),
        slicesSection(report, MAX_SLICES[target]),
        overfittingSection(report),
        rest,
        perClassSection(report, renderReport_MAX_CLASSES[target]),
        matricesSection(report, MAX_MATRIX[target]),
        disagreementSection(report),
        examplesSection(report),
        footer_footer(report)
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

;// CONCATENATED MODULE: ./src/cli/cli.ts
/**
 * The command line: `eval-gate compare …` (docs/cli.md). A thin shell around compare() and the renderer.
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
if (!serveHelperThread())
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

