console.log('eval-gate: not yet')
