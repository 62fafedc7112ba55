/**
 * Whether a warning can change the verdict, so that the report shows it under the verdict rather than below the
 * gates: examples left out of the pairing, a test set that changed, nothing to compare, a p-value within its
 * resampling error of the threshold, a baseline older than the base commit or than max-baseline-age (the action's
 * warnings); and a test set
 * too small to see a 1-point drop, when the verdict is a pass (a pass it could not have failed); and a class whose
 * precision, recall or F1 fell significantly after Benjamini–Hochberg (docs/gates.md, "Per class").
 */
export function verdictChanging(text: string, passed: boolean): boolean {
  if (/left out of every comparison|the test set changed|nothing can be compared|before trusting the verdict|behind the base commit|older than the base commit|not an ancestor of the base commit|older than max-baseline-age|^Leakage:|^Per-class drop:/.test(text)) return true
  return passed && /too small to see a 1-point drop/.test(text)
}
