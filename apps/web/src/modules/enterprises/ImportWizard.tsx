import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { IMPORT_ACTION_LABELS, type ImportReport, type ImportRowResult } from '@zhiben/contracts';
import {
  Alert,
  App,
  Button,
  Checkbox,
  Flex,
  Grid,
  Modal,
  Popconfirm,
  Progress,
  Result,
  Spin,
  Steps,
  Table,
  type TableColumnsType,
  Tag,
  Tooltip,
  Typography,
  Upload,
} from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { errorMessage } from '../../api/errors';
import { testId } from '../../lib/testId';
import { useInvalidateEnterprises } from './enterprises.api';
import { downloadFile, type ImportStage, type UploadProgress, uploadLedger } from './ledger.api';

export const IMPORT_ACTION_COLORS: Record<ImportRowResult['action'], string> = {
  create: 'green',
  update: 'blue',
  unchanged: 'default',
  error: 'red',
};

const count = (n: number) => n.toLocaleString('zh-CN');

function SummaryTags({ report }: { report: ImportReport }) {
  const { summary } = report;
  return (
    <Flex wrap gap={8} align="center" data-testid="import-summary">
      <Typography.Text>共 {count(report.total)} 行：</Typography.Text>
      <Tag color="green" data-testid="import-summary-create">
        新增 {count(summary.create)}
      </Tag>
      <Tag color="blue" data-testid="import-summary-update">
        更新 {count(summary.update)}
      </Tag>
      <Tag data-testid="import-summary-unchanged">无变化 {count(summary.unchanged)}</Tag>
      <Tag color="red" data-testid="import-summary-error">
        有错误 {count(summary.error)}
      </Tag>
    </Flex>
  );
}

const rowColumns: TableColumnsType<ImportRowResult> = [
  { title: '行号', dataIndex: 'row', key: 'row', width: 70, render: (n: number) => `第 ${n} 行` },
  {
    title: '处理',
    dataIndex: 'action',
    key: 'action',
    width: 90,
    render: (a: ImportRowResult['action']) => <Tag color={IMPORT_ACTION_COLORS[a]}>{IMPORT_ACTION_LABELS[a]}</Tag>,
  },
  {
    title: '企业名称',
    dataIndex: 'name',
    key: 'name',
    width: 220,
    render: (name: string | null) => name ?? <Typography.Text type="secondary">（空）</Typography.Text>,
  },
  {
    title: '统一社会信用代码',
    dataIndex: 'creditCode',
    key: 'creditCode',
    width: 190,
    render: (code: string | null) => code ?? <Typography.Text type="secondary">（空）</Typography.Text>,
  },
  {
    title: '说明',
    key: 'detail',
    render: (_: unknown, r) => {
      if (r.errors.length) {
        return (
          <Flex vertical gap={2} data-testid="import-row-errors">
            {r.errors.map((e) => (
              <Typography.Text key={`${e.column}-${e.reason}`} type="danger">
                「{e.column}」{e.reason}
              </Typography.Text>
            ))}
          </Flex>
        );
      }
      if (r.action === 'update') return <span>变更：{r.changes.join('、') || '—'}</span>;
      if (r.action === 'create') return <Typography.Text type="secondary">新企业</Typography.Text>;
      return <Typography.Text type="secondary">与台账一致，不改动</Typography.Text>;
    },
  },
];

function RowsTable({ report, onlyErrors }: { report: ImportReport; onlyErrors: boolean }) {
  const rows = useMemo(() => (onlyErrors ? report.rows.filter((r) => r.action === 'error') : report.rows), [report, onlyErrors]);
  return (
    <Table<ImportRowResult>
      rowKey="row"
      size="small"
      columns={rowColumns}
      dataSource={rows}
      pagination={{ pageSize: 10, showSizeChanger: false, showTotal: (n) => `共 ${count(n)} 行`, hideOnSinglePage: true }}
      scroll={{ x: 800, y: 340 }}
      locale={{ emptyText: onlyErrors ? '没有错误行' : '文件中没有数据行' }}
      data-testid="import-rows"
    />
  );
}

function TransferProgress({ progress, stage }: { progress: UploadProgress; stage: ImportStage }) {
  return (
    <Flex vertical gap={4} data-testid="import-progress">
      <Progress percent={progress.percent} status={progress.processing ? 'active' : 'normal'} />
      <Flex gap={8} align="center">
        {progress.processing && <Spin size="small" />}
        <Typography.Text type="secondary">
          {progress.processing
            ? stage === 'preview'
              ? '处理中…正在读取并逐行校验，请稍候'
              : '处理中…正在写入台账，请稍候'
            : `正在上传 ${progress.percent}%`}
        </Typography.Text>
      </Flex>
    </Flex>
  );
}

/**
 * 导入企业台账: 1 download the template / choose a file → 2 preview (nothing written) → 3 confirm → result.
 * The file is sent again on confirm (the server keeps no upload between the two steps).
 */
export function ImportWizard({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const invalidate = useInvalidateEnterprises();
  const [step, setStep] = useState(0);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportReport | null>(null);
  const [result, setResult] = useState<ImportReport | null>(null);
  const [busy, setBusy] = useState<ImportStage | null>(null);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [onlyErrors, setOnlyErrors] = useState(false);
  const [templateBusy, setTemplateBusy] = useState(false);
  const abort = useRef<AbortController | null>(null);

  useEffect(() => () => abort.current?.abort(), []);

  const reset = () => {
    abort.current?.abort();
    setStep(0);
    setFile(null);
    setPreview(null);
    setResult(null);
    setBusy(null);
    setProgress(null);
    setError(null);
    setOnlyErrors(false);
  };

  const close = () => {
    reset();
    onClose();
  };

  const send = async (stage: ImportStage) => {
    if (!file) return;
    const controller = new AbortController();
    abort.current = controller;
    setBusy(stage);
    setError(null);
    try {
      const report = await uploadLedger(stage, file, setProgress, controller.signal);
      if (stage === 'preview') {
        setPreview(report);
        setOnlyErrors(report.summary.error > 0 && report.summary.error < report.total);
        setStep(1);
      } else {
        setResult(report);
        setStep(2);
        await invalidate();
        if (report.committed) message.success(`已导入 ${count(report.summary.create + report.summary.update)} 家企业`);
      }
    } catch (err) {
      if (err instanceof DOMException && err.name === 'AbortError') return;
      setError(errorMessage(err));
    } finally {
      setBusy(null);
      setProgress(null);
    }
  };

  const downloadTemplate = async () => {
    setTemplateBusy(true);
    try {
      await downloadFile('/enterprises/template', undefined, '工贸企业台账导入模板.xlsx');
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setTemplateBusy(false);
    }
  };

  const writable = preview ? preview.summary.create + preview.summary.update : 0;
  const confirmText = preview
    ? `将写入 ${count(writable)} 条（新增 ${count(preview.summary.create)}，更新 ${count(preview.summary.update)}）${
        preview.summary.error ? `，有错误的 ${count(preview.summary.error)} 行不导入` : ''
      }`
    : '';

  const footer =
    step === 0 ? (
      <Flex justify="flex-end" gap={8}>
        <Button onClick={close}>取消</Button>
        <Button
          type="primary"
          disabled={!file}
          loading={busy === 'preview'}
          onClick={() => void send('preview')}
          data-testid="import-preview-button"
        >
          上传并预览
        </Button>
      </Flex>
    ) : step === 1 ? (
      <Flex justify="space-between" gap={8} wrap>
        <Button
          disabled={!!busy}
          onClick={() => {
            setStep(0);
            setPreview(null);
            setError(null);
          }}
          data-testid="import-back"
        >
          重新选择文件
        </Button>
        <Flex gap={8}>
          <Button onClick={close} disabled={!!busy}>
            取消
          </Button>
          {writable > 0 ? (
            <Popconfirm
              title="确认导入"
              description={confirmText}
              okText="导入"
              cancelText="再看看"
              onConfirm={() => void send('commit')}
              okButtonProps={testId('import-commit-confirm')}
            >
              <Button type="primary" loading={busy === 'commit'} data-testid="import-commit">
                确认导入
              </Button>
            </Popconfirm>
          ) : (
            <Tooltip title="没有可写入的行（全部有错误或与台账一致）">
              <Button type="primary" disabled data-testid="import-commit">
                确认导入
              </Button>
            </Tooltip>
          )}
        </Flex>
      </Flex>
    ) : (
      <Flex justify="flex-end" gap={8}>
        <Button onClick={reset} data-testid="import-again">
          继续导入
        </Button>
        <Button type="primary" onClick={close} data-testid="import-done">
          完成
        </Button>
      </Flex>
    );

  return (
    <Modal
      title="导入企业台账"
      open={open}
      onCancel={busy ? undefined : close}
      closable={!busy}
      mask={{ closable: false }}
      footer={footer}
      width={screens.md === false ? '100%' : 960}
      destroyOnHidden
    >
      <div data-testid="import-wizard">
        <Steps
          current={step}
          size="small"
          style={{ margin: '8px 0 20px' }}
          items={[{ title: '下载模板 / 选择文件' }, { title: '预览' }, { title: '确认导入' }]}
        />
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="import-error" />}

        {step === 0 && (
          <Flex vertical gap={16}>
            <Flex justify="space-between" align="center" wrap gap={8}>
              <Typography.Text type="secondary">
                请使用导入模板（含行业、乡镇、标签下拉选项）；按统一社会信用代码匹配：已有企业更新，新代码新增。上传后先预览，确认前不会写入。
              </Typography.Text>
              <Button
                icon={<DownloadOutlined />}
                loading={templateBusy}
                onClick={() => void downloadTemplate()}
                data-testid="import-template"
              >
                下载导入模板
              </Button>
            </Flex>
            <Upload.Dragger
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              multiple={false}
              maxCount={1}
              disabled={!!busy}
              fileList={file ? [{ uid: 'ledger', name: file.name, status: 'done', size: file.size }] : []}
              beforeUpload={(f) => {
                setFile(f);
                setError(null);
                return false;
              }}
              onRemove={() => setFile(null)}
              data-testid="import-file"
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">点击或拖动 .xlsx 文件到此处</p>
              <p className="ant-upload-hint">单个文件，不超过 10 MB；标题行、合并单元格、全角字符、Excel 日期均可识别</p>
            </Upload.Dragger>
            {busy === 'preview' && progress && <TransferProgress progress={progress} stage="preview" />}
          </Flex>
        )}

        {step === 1 && preview && (
          <Flex vertical gap={12}>
            <SummaryTags report={preview} />
            {preview.ignoredColumns.length > 0 && (
              <Alert type="warning" showIcon title={`以下列未识别，将被忽略：${preview.ignoredColumns.join('、')}`} />
            )}
            {preview.summary.error > 0 && (
              <Alert
                type="info"
                showIcon
                title={`有错误的 ${count(preview.summary.error)} 行不会导入。可修改文件后「重新选择文件」，或直接导入其余无误的行。`}
              />
            )}
            <Checkbox checked={onlyErrors} onChange={(e) => setOnlyErrors(e.target.checked)} data-testid="import-only-errors">
              只看错误
            </Checkbox>
            <RowsTable report={preview} onlyErrors={onlyErrors} />
            {busy === 'commit' && progress && <TransferProgress progress={progress} stage="commit" />}
          </Flex>
        )}

        {step === 2 && result && (
          <Flex vertical gap={12} data-testid="import-result">
            <Result
              status={result.committed ? 'success' : 'info'}
              style={{ padding: '16px 0' }}
              title={result.committed ? '导入完成' : '没有写入任何企业'}
              subTitle={
                result.committed
                  ? `已写入 ${count(result.summary.create + result.summary.update)} 条（新增 ${count(result.summary.create)}，更新 ${count(
                      result.summary.update,
                    )}）${result.summary.unchanged ? `，无变化 ${count(result.summary.unchanged)} 条` : ''}${
                      result.summary.error ? `；有错误的 ${count(result.summary.error)} 行未导入` : ''
                    }`
                  : '文件中没有可写入的行（全部有错误或与台账一致）'
              }
            />
            {result.summary.error > 0 && (
              <>
                <Typography.Text strong>未导入的行</Typography.Text>
                <RowsTable report={result} onlyErrors />
              </>
            )}
          </Flex>
        )}
      </div>
    </Modal>
  );
}
