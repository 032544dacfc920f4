import { DownOutlined, SearchOutlined, UpOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, type FormInstance, Row, Space } from 'antd';
import { Children, type ReactNode, useEffect, useState } from 'react';

interface FilterBarProps<V extends object> {
  form: FormInstance<V>;
  /** Current filter values (from the URL): the form follows them on back/forward navigation. */
  values: V;
  onSearch: (values: V) => void;
  onReset: () => void;
  /** Form.Item elements, one per filter. */
  children: ReactNode;
  /** Filters still shown when the bar is collapsed. */
  collapsedCount?: number;
  testIdPrefix: string;
}

/** The collapsible filter bar of list pages (UI.md "List page"). */
export function FilterBar<V extends object>({
  form,
  values,
  onSearch,
  onReset,
  children,
  collapsedCount = 2,
  testIdPrefix,
}: FilterBarProps<V>) {
  const [expanded, setExpanded] = useState(false);
  const items = Children.toArray(children);
  const collapsible = items.length > collapsedCount;

  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(values as Parameters<typeof form.setFieldsValue>[0]);
  }, [form, values]);

  return (
    <Card size="small" styles={{ body: { paddingBottom: 0 } }}>
      <Form<V> form={form} onFinish={onSearch} layout="horizontal" data-testid={`${testIdPrefix}-filters`}>
        <Row gutter={16}>
          {items.map((item, i) => (
            <Col
              key={(item as { key?: string }).key ?? i}
              xs={24}
              sm={12}
              lg={8}
              xxl={6}
              style={!expanded && i >= collapsedCount ? { display: 'none' } : undefined}
            >
              {item}
            </Col>
          ))}
          <Col flex="auto" style={{ textAlign: 'right', marginBottom: 16 }}>
            <Space wrap>
              <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid={`${testIdPrefix}-search`}>
                查询
              </Button>
              <Button onClick={onReset} data-testid={`${testIdPrefix}-reset`}>
                重置
              </Button>
              {collapsible && (
                <Button type="link" onClick={() => setExpanded((e) => !e)} style={{ paddingInline: 4 }}>
                  {expanded ? (
                    <>
                      收起 <UpOutlined />
                    </>
                  ) : (
                    <>
                      展开 <DownOutlined />
                    </>
                  )}
                </Button>
              )}
            </Space>
          </Col>
        </Row>
      </Form>
    </Card>
  );
}
