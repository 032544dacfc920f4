import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { usePageTitle } from '../lib/usePageTitle';

/** Page title (also the browser tab title), an optional one-line description and actions on the right. */
export function PageHeader({ title, description, extra }: { title: string; description?: ReactNode; extra?: ReactNode }) {
  usePageTitle(title);
  return (
    <Flex justify="space-between" align="flex-start" wrap gap={12}>
      <div>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {description && (
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {description}
          </Typography.Text>
        )}
      </div>
      {extra}
    </Flex>
  );
}
