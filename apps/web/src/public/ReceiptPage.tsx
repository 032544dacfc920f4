import { SearchOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Form, Input, Skeleton, Typography } from 'antd';
import { useEffect } from 'react';
import { useNavigate, useParams } from 'react-router';
import { errorMessage } from '../api/errors';
import { MobileShell } from './MobileShell';
import { fetchReceipt, tidyReceiptCode } from './publicReports.api';
import { ReceiptResult } from './ReceiptResult';

/**
 * 查询处理结果 (/r/receipt, /r/receipt/:code): the reporter types the receipt code and sees what the public receipt
 * route returns — status, outcome, grade and reward — never names or internal notes.
 */
export function ReceiptPage() {
  const { code } = useParams();
  const navigate = useNavigate();
  const [form] = Form.useForm<{ code: string }>();
  const query = useQuery({
    queryKey: ['public-receipt', code],
    queryFn: ({ signal }) => fetchReceipt(code ?? '', signal),
    enabled: !!code,
    retry: false,
  });

  useEffect(() => form.setFieldsValue({ code: code ?? '' }), [form, code]);

  return (
    <MobileShell title="查询处理结果" subtitle="隐患随手拍 · 凭回执码查询核实结果与奖励">
      <Flex vertical gap={12}>
        <Card styles={{ body: { padding: '20px 16px 4px' } }}>
          <Form
            form={form}
            layout="vertical"
            size="large"
            requiredMark={false}
            onFinish={({ code: typed }) => navigate(`/r/receipt/${encodeURIComponent(tidyReceiptCode(typed) ?? typed)}`)}
          >
            <Form.Item
              name="code"
              label={<span style={{ fontSize: 16, fontWeight: 500 }}>回执码</span>}
              normalize={(v: string) => v.toUpperCase()}
              rules={[
                { required: true, whitespace: true, message: '请输入回执码' },
                {
                  validator: (_, v: string | undefined) =>
                    !v || tidyReceiptCode(v) ? Promise.resolve() : Promise.reject(new Error('回执码为 10 位字母和数字，如 7K2QD-M9XHA')),
                },
              ]}
            >
              <Input
                placeholder="如 7K2QD-M9XHA"
                autoComplete="off"
                autoCapitalize="characters"
                maxLength={16}
                style={{ fontSize: 20, letterSpacing: 2, fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' }}
                data-testid="report-receipt-input"
              />
            </Form.Item>
            <Form.Item>
              <Button
                type="primary"
                htmlType="submit"
                block
                icon={<SearchOutlined />}
                loading={query.isFetching}
                style={{ height: 52, fontSize: 17 }}
                data-testid="report-receipt-search"
              >
                查询
              </Button>
            </Form.Item>
          </Form>
        </Card>
        {code &&
          (query.isError ? (
            <Alert type="error" showIcon title="查询失败" description={errorMessage(query.error)} data-testid="report-receipt-error" />
          ) : query.data ? (
            <ReceiptResult receipt={query.data} />
          ) : (
            <Card>
              <Skeleton active />
            </Card>
          ))}
        {!code && (
          <Typography.Paragraph type="secondary" style={{ textAlign: 'center', fontSize: 14, margin: '8px 0 0' }}>
            回执码在提交报告成功后显示，共 10 位字母和数字，请妥善保存。
          </Typography.Paragraph>
        )}
      </Flex>
    </MobileShell>
  );
}
