import type { UseQueryResult } from '@tanstack/react-query';
import { Card, Result, Skeleton } from 'antd';
import type { ReactElement, ReactNode } from 'react';
import { isApiError } from '../api/errors';
import { QueryError } from './QueryError';

/**
 * What a detail page shows instead of its record: a plain function (no hooks), called before the page renders
 * the record — a skeleton while loading, 「…不存在」 when the server answers
 * 404 (another tenant's id answers 404 too, so the text says "or not in your data scope") or refuses a malformed id,
 * and the error with a retry otherwise. Returns null once the record is there.
 */
export function detailQueryState({
  query,
  noun,
  backLink,
  testId,
}: {
  query: Pick<UseQueryResult<unknown>, 'isPending' | 'isError' | 'error' | 'refetch'>;
  /** What the page shows, e.g. 案件 → 「案件不存在」「该案件不存在…」. */
  noun: string;
  backLink?: ReactNode;
  /** The not-found state's test id is `${testId}-not-found`. */
  testId: string;
}): ReactElement | null {
  if (query.isPending) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  }
  if (!query.isError) return null;
  if (isApiError(query.error) && (query.error.status === 404 || query.error.code === 'VALIDATION_FAILED')) {
    return (
      <Card>
        <Result
          status="404"
          title={`${noun}不存在`}
          subTitle={`该${noun}不存在，或不在您的数据范围内。`}
          extra={backLink}
          data-testid={`${testId}-not-found`}
        />
      </Card>
    );
  }
  return (
    <Card>
      <QueryError error={query.error} onRetry={() => void query.refetch()} />
    </Card>
  );
}
