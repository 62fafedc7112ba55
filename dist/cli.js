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

;// CONCATENATED MODULE: ./src/format.ts
/**
 * How numbers read in the report and in gate details: one place, so the gates table and the metrics table agree.
 * Deltas of metrics on a 0–1 scale are in points (hundredths), with a true minus sign.
 */
/** Metrics whose values are not on a 0–1 scale, shown as plain numbers rather than percentages or points. */
const PLAIN = new Set(['log_loss', 'brier']);
const format_isPlain = (metric) => PLAIN.has(metric) || metric.startsWith('support[');
const minus = (text) => text.replace(/^-/, '−');
/** A metric's value: `93.2%` for proportions, `0.4123` for log loss, `186` for support. */
function formatValue(metric, value) {
    if (value === null)
        return '—';
    if (metric.startsWith('support['))
        return value.toLocaleString('en-US');
    if (format_isPlain(metric))
        return minus(value.toFixed(4));
    if (metric === 'mcc' || metric === 'cohen_kappa')
        return minus(value.toFixed(3));
    return `${(100 * value).toFixed(1)}%`;
}
/** A delta: `+1.3 pts`, `−11.8 pts`, or `−0.0123` for log loss. */
function formatDelta(metric, delta) {
    if (delta === null)
        return '—';
    if (format_isPlain(metric))
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
    return format_isPlain(metric) || metric === 'mcc' || metric === 'cohen_kappa' ? `${lo} to ${hi}` : `${lo} to ${hi} pts`;
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
    if (metric.startsWith('support['))
        return { scale: 1, digits: 0 };
    if (format_isPlain(metric))
        return { scale: 1, digits: 4 };
    if (metric === 'mcc' || metric === 'cohen_kappa')
        return { scale: 1, digits: 3 };
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
    // The change as the two rounded values beside it show it (86.4% → 93.8% reads 7.4 pts, never 7.3).
    const shown = formatShownDelta(name, m.baseline, m.candidate).replace(/^[+−]/, '');
    const size = /[1-9]/.test(shown) ? shown : 'slightly';
    return `${name} ${verb} ${size}, ${formatValue(name, m.baseline)} → ${formatValue(name, m.candidate)}`;
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
    return new InputError(file.name, file.line[second], file.idField, `repeats the id ${quote(String(id))} of line ${file.line[first]}`);
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


async function readDelimited(chunks, rows, fields, delimiter, limit) {
    let header = null;
    let columns = null;
    const onRecord = (cells, lineNo) => {
        if (header === null) {
            header = cells.map((c) => c.trim());
            const at = (name) => header.indexOf(name);
            columns = { id: at(fields.id), label: at(fields.label), prediction: at(fields.prediction), score: at(fields.score), scores: at('scores') };
            for (const required of [fields.label, fields.prediction]) {
                if (at(required) < 0)
                    throw new InputError(rows.file, lineNo, required, `is missing from the header (columns: ${listColumns(header)})`);
            }
            return;
        }
        if (cells.length !== header.length) {
            throw new InputError(rows.file, lineNo, null, `has ${cells.length} ${cells.length === 1 ? 'cell' : 'cells'}, but the header has ${header.length}`);
        }
        const c = columns;
        rows.add(lineNo, c.id >= 0 ? cells[c.id] : undefined, cells[c.label], cells[c.prediction], c.score >= 0 ? cells[c.score] : undefined, c.scores >= 0 ? cells[c.scores] : undefined);
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

;// CONCATENATED MODULE: ./src/read/jsonl.ts
/**
 * JSON Lines: one JSON object per line; blank lines skipped; CRLF accepted. Lines are split by hand on chunk
 * boundaries (faster than readline) and each parsed with JSON.parse. A line is at most `limit` UTF-8 bytes: a
 * longer one stops the read at its line as soon as the limit is passed (memory: the limit plus one chunk).
 */


async function readJsonl(chunks, rows, fields, limit) {
    const { id, label, prediction, score } = fields;
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
        const r = row;
        rows.add(lineNo, r[id], r[label], r[prediction], r[score], r.scores);
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



async function readJsonArray(chunks, rows, fields, limit) {
    const { id, label, prediction, score } = fields;
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
        const r = row;
        rows.add(lineNo, r[id], r[label], r[prediction], r[score], r.scores);
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
/** Reads one prediction file into columns. */
async function readPredictions(source, options) {
    const { format, gzip } = formatOf(source.name, options.format);
    const rows = new RowBuilder(source.name, options.fields, options.dictionary, options.requireId, format === 'csv' || format === 'tsv');
    const chunks = textChunks(source, gzip);
    const limit = options.maxRowBytes ?? maxRowBytes();
    switch (format) {
        case 'jsonl':
            await readJsonl(chunks, rows, options.fields, limit);
            break;
        case 'json':
            await readJsonArray(chunks, rows, options.fields, limit);
            break;
        case 'csv':
            await readDelimited(chunks, rows, options.fields, ',', limit);
            break;
        case 'tsv':
            await readDelimited(chunks, rows, options.fields, '\t', limit);
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
/**
 * Work caps, so that no input file can make a run take minutes (SECURITY.md: the candidate file is the pull
 * request's own). Per-class families: classes × resamples; above the cap only the classes named in gates are
 * resampled. The full table: (non-empty cells + classes) × resamples, the cost of a resample; above the cap it
 * is resampled fewer times. Every number given is the one an uncapped run gives (each family has its own
 * random stream), except that a capped table has fewer resamples; a warning says what was capped.
 */
const CLASS_RESAMPLE_CAP = 5_000_000;
const TABLE_RESAMPLE_CAP = 50_000_000;
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
    const mcnemar = (name, d) => {
        const m = out.get(name);
        if (!m)
            return;
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
const idList = (ids, total) => ids.map((id) => quote(id)).join(', ') + (total > ids.length ? ', …' : '');
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
    if (/left out of every comparison|the test set changed|nothing can be compared|before trusting the verdict|behind the base commit|older than the base commit|not an ancestor of the base commit/.test(text))
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

;// CONCATENATED MODULE: ./src/compare.ts
/**
 * The core, end to end: parse → pair → metrics → statistics → gates. Pure: no `@actions/*` import; the CLI
 * and the action are thin shells around `compare()`.
 */















/**
 * The most classes a comparison takes. At 100,000 the report alone holds 400,000 per-class metrics (a 140 MB
 * JSON file, about 20 s and 900 MB in all); past it a pull request's file could exhaust memory (SECURITY.md).
 */
const MAX_CLASSES = 100_000;
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
    if (labels.length > MAX_CLASSES) {
        throw new InputError(options.candidate.name, null, options.fields.label, `has ${labels.length.toLocaleString('en-US')} distinct values in the compared examples (true labels and predictions, both files); ` +
            `at most ${MAX_CLASSES.toLocaleString('en-US')} classes are supported`);
    }
    const index = new Map(labels.map((label, i) => [label, i]));
    const remap = Int32Array.from(dictionary.names, (name) => index.get(name) ?? -1);
    const hasScores = candidate.score !== null || candidate.scores !== null;
    const rules = parseGates(options.gates ?? DEFAULT_GATES, { metrics: metricNames(task, labels, hasScores), labels });
    const k = labels.length;
    const table = countCells(k, remap, candidate, baseline, pairing);
    const positive = positiveLabel === null ? null : labels.indexOf(positiveLabel);
    const settings = { alpha: options.alpha, resamples: options.resamples, seed: options.seed };
    const gatedClasses = new Set();
    for (const rule of rules) {
        const perClass = parsePerClass(rule.metric);
        const i = perClass ? index.get(perClass.label) : undefined;
        if (i !== undefined)
            gatedClasses.add(i);
    }
    const confusion = confusionStatistics({ task, labels, positive, table, hasBaseline: baseline !== null, gatedClasses }, settings);
    const scored = hasScores
        ? scoreStatistics({ task, labels, positive, remap, candidate, baseline, pairing }, settings)
        : { metrics: new Map(), warnings: [] };
    const metrics = {};
    for (const name of metricNames(task, labels, hasScores)) {
        const m = confusion.metrics.get(name) ?? scored.metrics.get(name);
        if (m)
            metrics[name] = m;
    }
    const gates = evaluateGates(rules, metrics, {
        alpha: options.alpha,
        hasBaseline: baseline !== null,
        missingBaseline: options.missingBaseline
    });
    const matrix = confusionMatrixOf(table, labels, baseline !== null);
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
        confusionMatrix: matrix,
        gates,
        warnings: [
            ...warningsFor({ pairing, table, task, positive, labels, metrics, gates, settings, candidate, baseline }),
            ...confusion.warnings,
            ...(k > DENSE_MATRIX_CLASSES
                ? [
                    `The confusion matrices of ${k.toLocaleString('en-US')} classes are given as their non-zero entries ` +
                        `(\`confusionMatrix.entries\`: [true index, predicted index, count]), not as ${k.toLocaleString('en-US')}×${k.toLocaleString('en-US')} tables ` +
                        `(dense up to ${DENSE_MATRIX_CLASSES.toLocaleString('en-US')} classes).`
                ]
                : []),
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
/** Up to this many classes the report's confusion matrices are dense K×K tables (SPEC §7); above, sparse entries. */
const DENSE_MATRIX_CLASSES = 1000;
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



const rowsOf = (report) => report.labels.map((label) => {
    const get = (metric) => report.metrics[`${metric}[${label}]`];
    return { label, get, delta: get('f1')?.delta ?? 0 };
});
/** `Largest per-class F1 drop: `spam` 89.4% → 86.7% (−2.7 pts)`; empty without a baseline. */
function largestDrop(report) {
    if (report.counts.baseline === null)
        return '';
    const rows = rowsOf(report).filter((r) => r.get('f1')?.delta != null);
    if (rows.length === 0)
        return '';
    const worst = rows.reduce((a, b) => (b.delta < a.delta ? b : a));
    if (worst.delta >= 0)
        return 'No class lost F1.';
    const f1 = worst.get('f1');
    return `Largest per-class F1 drop: ${dataSpan(worst.label, 40)} ${formatValue('f1', f1.baseline)} → ${formatValue('f1', f1.candidate)} (${formatShownDelta('f1', f1.baseline, f1.candidate)}).`;
}
function perClassSection(report, max) {
    const hasBaseline = report.counts.baseline !== null;
    const all = rowsOf(report);
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
        evidence = `, one-sided p ${verdict_pText(gate.pValue)} after Holm`;
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
function scope(report) {
    const c = report.counts;
    const task = report.task === 'binary' ? `binary, positive class ${dataSpan(report.positiveLabel ?? '', 40)}` : `${report.labels.length} classes`;
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
        notes.push(`Holm p: one-sided p-value of a change for the worse (${testsOf(metrics, report)}) Holm-adjusted over the ` +
            `${noRegression.length} no-regression rule${noRegression.length === 1 ? '' : 's'}; a rule fails when the change is worse and p < α = ${report.settings.alpha}.`);
    }
    if (report.gates.some((g) => g.bound !== null))
        notes.push(`Bound: one-sided ${level(report)} confidence bound of Δ on the worse side.`);
    return `#### Gates\n\n${table(['Result', 'Rule', 'Observed', 'Holm p / bound'], rows, [':---', ':---', ':---', ':---'])}${notes.length ? `\n\n<sub>${notes.join(' ')}</sub>` : ''}`;
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

;// CONCATENATED MODULE: ./src/render/matrices.ts


const count = (x) => x.toLocaleString('en-US');
const signed = (x) => (x === 0 ? '·' : (x > 0 ? '+' : '−') + count(Math.abs(x)));
function matricesSection(report, max) {
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
    const headline = HEADLINE.filter((n) => names.includes(n));
    const rest = names.filter((n) => !headline.includes(n));
    const header = hasBaseline
        ? ['Metric', 'Baseline', 'Candidate', 'Δ', `${level(report)} CI of Δ`, 'p (two-sided)']
        : ['Metric', 'Candidate', `${level(report)} CI`];
    const align = hasBaseline ? [':---', '---:', '---:', '---:', '---:', '---:'] : [':---', '---:', '---:'];
    const rows = (list) => list.map((n) => row(n, report.metrics[n], hasBaseline));
    const legend = hasBaseline
        ? `<sub>Δ: candidate − baseline, of the values shown; better or worse by the metric's direction (lower is better for log_loss and brier). ` +
            `p (two-sided): no difference (${testsOf(headline, report)}). The gates use one-sided, Holm-adjusted p.</sub>`
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

