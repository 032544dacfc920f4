/**
 * PostgreSQL array literals for `unnest($1::uuid[], …)`. A batch travels as one text parameter per column, so the
 * statement has four parameters whatever the batch size (a VALUES list would need 4 × N parameters and a new plan
 * per size), and both drivers (pg, PGlite) pass it unchanged.
 */

/** uuid[] / float8[]: elements that never need quoting (UUIDs, finite numbers); null → NULL. */
export function plainArray(values: readonly (string | number | null)[]): string {
  return `{${values.map((v) => (v === null ? 'NULL' : String(v))).join(',')}}`;
}

/** text[]: every element double-quoted with `\` and `"` escaped; null → NULL. */
export function textArray(values: readonly (string | null)[]): string {
  return `{${values.map((v) => (v === null ? 'NULL' : `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`)).join(',')}}`;
}
