// Fails when the JavaScript a first visit downloads exceeds the budget (gzip), after `vite build`.
import { bundleReport } from './bundle-size';

const BUDGET_KB = 300;
const { firstLoadKb, chunks } = bundleReport('dist');
console.log(JSON.stringify({ budgetKb: BUDGET_KB, firstLoadKb, chunks }, null, 2));
if (firstLoadKb > BUDGET_KB) {
  console.error(`first-load JavaScript is ${firstLoadKb} KB gzip, over the ${BUDGET_KB} KB budget`);
  process.exit(1);
}
