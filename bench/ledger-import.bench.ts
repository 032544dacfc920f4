/**
 * Benchmark: importing a 1,000-row enterprise ledger (issue #3: "Import of 1,000 rows completes in under 10 s").
 * Method: the real HTTP routes through app.inject on the configured database (PGlite by default, PostgreSQL
 * with DATABASE_URL); a fresh 1,000-row file per run; median of RUNS runs for preview and commit. Baseline in
 * the same run: one multi-row INSERT of 1,000 already-prepared rows in a transaction — the floor any import
 * pays. Reports absolute times and ratios; exits 1 when preview + commit exceeds the 10 s budget.
 */
import { schema } from '@zhiben/db';
import { buildTestApp, createUser, login, newCreditCode, uniq } from '../apps/server/test/harness.js';
import { ledgerFile, multipart } from '../apps/server/test/ledger-fixtures.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 1000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const BUDGET_MS = 10_000;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const towns = ['韩店街道', '苏店镇', '荫城镇', '西火镇', '八义镇', '郝家庄镇', '南宋镇', '东和乡', '北呈乡', '西池乡'];

function rows(n: number) {
  return Array.from({ length: n }, (_, i) => ({
    企业名称: uniq(`基准测试企业${i}号`),
    统一社会信用代码: newCreditCode(),
    国民经济行业代码: i % 3 === 0 ? '2021' : i % 3 === 1 ? '3391' : '3011',
    '所属乡镇（街道、园区）': towns[i % towns.length] ?? '苏店镇',
    详细地址: `${towns[i % towns.length]}工业路 ${i} 号`,
    企业规模: i % 4 === 0 ? '规模以上' : '规模以下',
    从业人数: 20 + (i % 200),
    涉粉作业人数: i % 3 === 0 ? i % 40 : 0,
    主要负责人: '张三',
    主要负责人电话: '13800000000',
    生产状态: '在产',
    标准化等级: i % 5 === 0 ? '三级' : '未定级',
    标准化有效期至: i % 5 === 0 ? 46387 : null,
    '粉尘涉爆（类别）': i % 3 === 0 ? '木粉尘' : '否',
    有限空间作业: i % 2 === 0 ? '是' : '否',
  }));
}

async function main() {
  const t = await buildTestApp();
  const officer = await login(t.app, (await createUser(t.handle, 'bureau_officer')).username);
  const upload = (url: string, file: Buffer) => {
    const { payload, headers } = multipart(file);
    return t.app.inject({
      method: 'POST',
      url,
      payload,
      headers: { ...headers, cookie: officer.cookie, 'x-csrf-token': officer.csrfToken },
    });
  };
  const previewMs: number[] = [];
  const commitMs: number[] = [];
  const baselineMs: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const file = await ledgerFile(rows(ROWS));
    let start = performance.now();
    const preview = await upload('/api/v1/enterprises/import/preview', file);
    previewMs.push(performance.now() - start);
    if (preview.json().summary.create !== ROWS) throw new Error(`preview: ${preview.body.slice(0, 300)}`);
    start = performance.now();
    const commit = await upload('/api/v1/enterprises/import/commit', file);
    commitMs.push(performance.now() - start);
    if (!commit.json().committed) throw new Error(`commit: ${commit.body.slice(0, 300)}`);

    const [region] = await t.handle.db.select().from(schema.regions).limit(1);
    const prepared = rows(ROWS).map((r) => ({
      name: String(r.企业名称),
      creditCode: String(r.统一社会信用代码),
      industryCode: String(r.国民经济行业代码),
      regionId: region?.id ?? '',
      regionPath: region?.path ?? '',
      employees: Number(r.从业人数),
    }));
    start = performance.now();
    await t.handle.db.transaction(async (tx) => {
      await tx.insert(schema.enterprises).values(prepared);
    });
    baselineMs.push(performance.now() - start);
  }
  const result = {
    bench: 'ledger-import',
    driver: t.handle.driver,
    rows: ROWS,
    runs: RUNS,
    previewMs: Math.round(median(previewMs)),
    commitMs: Math.round(median(commitMs)),
    baselineInsertMs: Math.round(median(baselineMs)),
    ratioCommitToBaseline: Number((median(commitMs) / median(baselineMs)).toFixed(1)),
    ratioTotalToBudget: Number(((median(previewMs) + median(commitMs)) / BUDGET_MS).toFixed(2)),
  };
  console.log(JSON.stringify(result));
  await t.close();
  if (median(previewMs) + median(commitMs) > BUDGET_MS) {
    console.error(`ledger import of ${ROWS} rows took ${result.previewMs + result.commitMs} ms, over the ${BUDGET_MS} ms budget`);
    process.exit(1);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
