// Prints a Spectral JSON report: every error with where it is, warnings as counts by rule. Exits 1 on an error.
import { readFileSync } from 'node:fs';

const severities = ['error', 'warning', 'info', 'hint'];
const results = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const errors = results.filter((r) => r.severity === 0);
for (const r of errors) {
  console.log(`  error ${r.code} at ${r.path.join('.')}: ${r.message}`);
}
const byRule = new Map();
for (const r of results.filter((r) => r.severity > 0)) {
  const key = `${severities[r.severity]} ${r.code}`;
  byRule.set(key, (byRule.get(key) ?? 0) + 1);
}
for (const [key, count] of [...byRule].sort()) {
  console.log(`  ${count} x ${key}`);
}
console.log(`  ${errors.length} errors, ${results.length - errors.length} warnings`);
process.exit(errors.length > 0 ? 1 : 0);
