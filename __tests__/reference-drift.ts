/**
 * The drift of docs/reference.md, as prediction files: version 0 (the reference) is right on 1,800 of 2,000
 * examples (90.0%); each of ten steps turns 12 examples it got right wrong and 6 it got wrong right: −0.3 points a
 * step (McNemar 12 vs 6 against the step before, one-sided p = 0.12), −3.0 points after ten (120 vs 60 against
 * the reference).
 */
export function driftVersions(): string[] {
  const n = 2000
  const label = (i: number) => (i % 2 === 0 ? 'spam' : 'ham')
  const other = (l: string) => (l === 'spam' ? 'ham' : 'spam')
  const right = Array.from({ length: n }, (_, i) => i >= 200)
  const texts: string[] = []
  for (let step = 0; step <= 10; step++) {
    if (step > 0) {
      for (let k = 0; k < 12; k++) right[200 + (step - 1) * 12 + k] = false
      for (let k = 0; k < 6; k++) right[(step - 1) * 6 + k] = true
    }
    texts.push(right.map((ok, i) => JSON.stringify({ id: `e${i}`, label: label(i), prediction: ok ? label(i) : other(label(i)) })).join('\n') + '\n')
  }
  return texts
}
