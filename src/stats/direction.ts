/** Whether a metric is better when higher or lower: `log_loss` and `brier` are better when lower (docs/metrics.md). */
export type Direction = 'higher' | 'lower'
