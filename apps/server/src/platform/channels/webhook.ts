/** The result of one delivery attempt; `retry: false` means trying again cannot help (the message fails now). */
export type SendResult = { ok: true } | { ok: false; retry: boolean; error: string };

export type FetchLike = (
  input: string,
  init: { method: string; headers: Record<string, string>; body: string; signal: AbortSignal },
) => Promise<{
  status: number;
  text(): Promise<string>;
}>;

/**
 * POSTs a robot message. Success is a 2xx answer whose JSON (if any) has no error code: WeCom and DingTalk answer
 * HTTP 200 with `{"errcode":45009,…}` when they refuse (rate limit, bad key), so the status alone is not enough.
 * Network errors, timeouts, 408, 429 and 5xx are retried; other 4xx are not (a wrong address stays wrong).
 */
export async function postWebhook(
  fetchImpl: FetchLike,
  url: string,
  body: unknown,
  idempotencyKey: string,
  timeoutMs: number,
): Promise<SendResult> {
  let res: Awaited<ReturnType<FetchLike>>;
  try {
    res = await fetchImpl(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', 'idempotency-key': idempotencyKey },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (err) {
    return { ok: false, retry: true, error: `网络错误：${err instanceof Error ? err.message : String(err)}` };
  }
  const text = await res.text().catch(() => '');
  if (res.status < 200 || res.status >= 300) {
    const retry = res.status === 408 || res.status === 429 || res.status >= 500;
    return { ok: false, retry, error: `HTTP ${res.status} ${text.slice(0, 200)}`.trim() };
  }
  const errcode = errcodeOf(text);
  if (errcode !== undefined && errcode !== 0) return { ok: false, retry: true, error: `errcode ${errcode}: ${text.slice(0, 200)}` };
  return { ok: true };
}

function errcodeOf(text: string): number | undefined {
  try {
    const parsed = JSON.parse(text) as { errcode?: unknown };
    return typeof parsed?.errcode === 'number' ? parsed.errcode : undefined;
  } catch {
    return undefined;
  }
}
