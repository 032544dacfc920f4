import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { type DeviceImportReport, type DeviceImportRow, IMPORT_ACTION_LABELS } from '@zhiben/contracts';
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
import { useSession } from '../../app/session';
import { testId } from '../../lib/testId';
import { downloadFile, type ImportStage, saveBlob, type UploadProgress } from '../enterprises/ledger.api';
import { uploadDevices } from './devices.api';

const IMPORT_ACTION_COLORS: Record<DeviceImportRow['action'], string> = {
  create: 'green',
  update: 'blue',
  unchanged: 'default',
  error: 'red',
};
const count = (n: number) => n.toLocaleString('zh-CN');
const empty = <Typography.Text type="secondary">（空）</Typography.Text>;

function SummaryTags({ report }: { report: DeviceImportReport }) {
  const { summary } = report;
  return (
    <Flex wrap gap={8} align="center" data-testid="device-import-summary">
      <Typography.Text>共 {count(report.total)} 行：</Typography.Text>
      <Tag color="green">新增 {count(summary.create)}</Tag>
      <Tag color="blue">更新 {count(summary.update)}</Tag>
      <Tag>无变化 {count(summary.unchanged)}</Tag>
      <Tag color="red" data-testid="device-import-summary-error">
        有错误 {count(summary.error)}
      </Tag>
    </Flex>
  );
}

function rowColumns(showCredit: boolean): TableColumnsType<DeviceImportRow> {
  return [
    { title: '行号', dataIndex: 'row', key: 'row', width: 80, render: (n: number) => `第 ${n} 行` },
    {
      title: '处理',
      dataIndex: 'action',
      key: 'action',
      width: 90,
      render: (a: DeviceImportRow['action']) => <Tag color={IMPORT_ACTION_COLORS[a]}>{IMPORT_ACTION_LABELS[a]}</Tag>,
    },
    ...(showCredit
      ? [{ title: '统一社会信用代码', dataIndex: 'creditCode', key: 'creditCode', width: 190, render: (v: string | null) => v ?? empty }]
      : []),
    { title: '设备编号', dataIndex: 'code', key: 'code', width: 110, render: (v: string | null) => v ?? empty },
    { title: '设备名称', dataIndex: 'name', key: 'name', width: 200, render: (v: string | null) => v ?? empty },
    {
      title: '说明',
      key: 'detail',
      render: (_: unknown, r) => {
        if (r.errors.length) {
          return (
            <Flex vertical gap={2} data-testid="device-import-row-errors">
              {r.errors.map((e) => (
                <Typography.Text key={`${e.column}-${e.reason}`} type="danger">
                  「{e.column}」{e.reason}
                </Typography.Text>
              ))}
            </Flex>
          );
        }
        if (r.action === 'update') return <span>变更：{r.changes.join('、') || '—'}</span>;
        if (r.action === 'create') return <Typography.Text type="secondary">新设备，导入后生成密钥</Typography.Text>;
        return <Typography.Text type="secondary">与登记信息一致，不改动</Typography.Text>;
      },
    },
  ];
}

function RowsTable({ report, onlyErrors, showCredit }: { report: DeviceImportReport; onlyErrors: boolean; showCredit: boolean }) {
  const rows = useMemo(() => (onlyErrors ? report.rows.filter((r) => r.action === 'error') : report.rows), [report, onlyErrors]);
  return (
    <Table<DeviceImportRow>
      rowKey="row"
      size="small"
      columns={rowColumns(showCredit)}
      dataSource={rows}
      pagination={{ pageSize: 10, showSizeChanger: false, showTotal: (n) => `共 ${count(n)} 行`, hideOnSinglePage: true }}
      scroll={{ x: 800, y: 340 }}
      locale={{ emptyText: onlyErrors ? '没有错误行' : '文件中没有数据行' }}
      data-testid="device-import-rows"
    />
  );
}

/** The created devices' secrets as a CSV (UTF-8 with BOM, so Excel shows the Chinese names). */
function secretsCsv(rows: DeviceImportRow[]): Blob {
  const quote = (v: string | null | undefined) => `"${(v ?? '').replaceAll('"', '""')}"`;
  const lines = [
    ['统一社会信用代码', '设备编号', '设备名称', 'MQTT 用户名', '设备密钥'].map(quote).join(','),
    ...rows.map((r) =>
      [r.creditCode, r.code, r.name, r.creditCode && r.code ? `${r.creditCode}/${r.code}` : '', r.secret].map(quote).join(','),
    ),
  ];
  return new Blob([`\uFEFF${lines.join('\r\n')}\r\n`], { type: 'text/csv;charset=utf-8' });
}

function CreatedSecrets({ rows, onSaved }: { rows: DeviceImportRow[]; onSaved: () => void }) {
  return (
    <Flex vertical gap={8} data-testid="device-import-secrets">
      <Alert
        type="warning"
        showIcon
        title={`新登记的 ${count(rows.length)} 台设备的密钥只显示这一次`}
        description="请下载密钥清单并妥善保管（配置到采集网关）；关闭后无法再次查看，只能逐台重置密钥。"
        action={
          <Button
            type="primary"
            size="small"
            icon={<DownloadOutlined />}
            onClick={() => {
              saveBlob(secretsCsv(rows), '设备密钥清单.csv');
              onSaved();
            }}
            data-testid="device-import-secrets-download"
          >
            下载密钥清单
          </Button>
        }
      />
      <Table<DeviceImportRow>
        rowKey="row"
        size="small"
        dataSource={rows}
        pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={{ x: 640 }}
        columns={[
          { title: '设备编号', dataIndex: 'code', key: 'code', width: 100 },
          { title: '设备名称', dataIndex: 'name', key: 'name', width: 180 },
          {
            title: '设备密钥',
            dataIndex: 'secret',
            key: 'secret',
            render: (s: string | undefined) =>
              s ? (
                <Typography.Text copyable code>
                  {s}
                </Typography.Text>
              ) : (
                '—'
              ),
          },
        ]}
      />
    </Flex>
  );
}

function TransferProgress({ progress, stage }: { progress: UploadProgress; stage: ImportStage }) {
  return (
    <Flex vertical gap={4} data-testid="device-import-progress">
      <Progress percent={progress.percent} status={progress.processing ? 'active' : 'normal'} />
      <Flex gap={8} align="center">
        {progress.processing && <Spin size="small" />}
        <Typography.Text type="secondary">
          {progress.processing
            ? stage === 'preview'
              ? '处理中…正在读取并逐行校验，请稍候'
              : '处理中…正在登记设备并生成密钥，请稍候'
            : `正在上传 ${progress.percent}%`}
        </Typography.Text>
      </Flex>
    </Flex>
  );
}

/**
 * 批量登记设备: 1 template / file → 2 preview (nothing written) → 3 confirm → result with the new devices' secrets
 * (once). The file is sent again on confirm (the server keeps no upload between the two steps).
 */
export function DeviceImportWizard({ onClose, onImported }: { onClose: () => void; onImported: () => void }) {
  const me = useSession();
  const { message, modal } = App.useApp();
  const screens = Grid.useBreakpoint();
  const showCredit = me.scope.kind !== 'enterprise';
  const [step, setStep] = useState(0);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<DeviceImportReport | null>(null);
  const [result, setResult] = useState<DeviceImportReport | null>(null);
  const [busy, setBusy] = useState<ImportStage | null>(null);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [onlyErrors, setOnlyErrors] = useState(false);
  const [templateBusy, setTemplateBusy] = useState(false);
  const [secretsSaved, setSecretsSaved] = useState(false);
  const abort = useRef<AbortController | null>(null);

  useEffect(() => () => abort.current?.abort(), []);

  const createdWithSecret = useMemo(() => result?.rows.filter((r) => r.action === 'create' && r.secret) ?? [], [result]);

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
    setSecretsSaved(false);
  };

  /** Leaving the result step loses the secrets: ask first unless they were downloaded. */
  const guard = (then: () => void) => {
    if (step === 2 && createdWithSecret.length > 0 && !secretsSaved) {
      modal.confirm({
        title: '还没有下载密钥清单',
        content: '关闭后新设备的密钥无法再次查看，只能逐台重置。确定离开吗？',
        okText: '仍然离开',
        cancelText: '返回下载',
        okButtonProps: testId('device-import-leave-confirm'),
        onOk: then,
      });
    } else {
      then();
    }
  };

  const close = () =>
    guard(() => {
      reset();
      onClose();
    });

  const send = async (stage: ImportStage) => {
    if (!file) return;
    const controller = new AbortController();
    abort.current = controller;
    setBusy(stage);
    setError(null);
    try {
      const report = await uploadDevices(stage, file, setProgress, controller.signal);
      if (stage === 'preview') {
        setPreview(report);
        setOnlyErrors(report.summary.error > 0 && report.summary.error < report.total);
        setStep(1);
      } else {
        setResult(report);
        setStep(2);
        onImported();
        if (report.committed) message.success(`已登记 ${count(report.summary.create + report.summary.update)} 台设备`);
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
      await downloadFile('/devices/template', undefined, '除尘设备登记导入模板.xlsx');
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setTemplateBusy(false);
    }
  };

  const writable = preview ? preview.summary.create + preview.summary.update : 0;
  const confirmText = preview
    ? `将写入 ${count(writable)} 台（新增 ${count(preview.summary.create)}，更新 ${count(preview.summary.update)}）${
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
          data-testid="device-import-preview"
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
              okButtonProps={testId('device-import-commit-confirm')}
            >
              <Button type="primary" loading={busy === 'commit'} data-testid="device-import-commit">
                确认导入
              </Button>
            </Popconfirm>
          ) : (
            <Tooltip title="没有可写入的行（全部有错误或与登记信息一致）">
              <Button type="primary" disabled data-testid="device-import-commit">
                确认导入
              </Button>
            </Tooltip>
          )}
        </Flex>
      </Flex>
    ) : (
      <Flex justify="flex-end" gap={8}>
        <Button onClick={() => guard(reset)}>继续导入</Button>
        <Button type="primary" onClick={close} data-testid="device-import-done">
          完成
        </Button>
      </Flex>
    );

  return (
    <Modal
      title="批量登记设备"
      open
      onCancel={busy ? undefined : close}
      closable={!busy}
      mask={{ closable: false }}
      footer={footer}
      width={screens.md === false ? '100%' : 960}
      destroyOnHidden
    >
      <div data-testid="device-import-wizard">
        <Steps
          current={step}
          size="small"
          style={{ margin: '8px 0 20px' }}
          items={[{ title: '下载模板 / 选择文件' }, { title: '预览' }, { title: '导入结果' }]}
        />
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="device-import-error" />}

        {step === 0 && (
          <Flex vertical gap={16}>
            <Flex justify="space-between" align="center" wrap gap={8}>
              <Typography.Text type="secondary">
                {showCredit
                  ? '请使用导入模板；按「统一社会信用代码 + 设备编号」匹配：已有设备更新，新编号新增。'
                  : '请使用导入模板；按设备编号匹配：已有设备更新，新编号新增。'}
                上传后先预览，确认前不会写入；新设备的密钥在导入结果中显示一次。
              </Typography.Text>
              <Button
                icon={<DownloadOutlined />}
                loading={templateBusy}
                onClick={() => void downloadTemplate()}
                data-testid="device-import-template"
              >
                下载导入模板
              </Button>
            </Flex>
            <Upload.Dragger
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              multiple={false}
              maxCount={1}
              disabled={!!busy}
              fileList={file ? [{ uid: 'devices', name: file.name, status: 'done', size: file.size }] : []}
              beforeUpload={(f) => {
                setFile(f);
                setError(null);
                return false;
              }}
              onRemove={() => setFile(null)}
              data-testid="device-import-file"
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">点击或拖动 .xlsx 文件到此处</p>
              <p className="ant-upload-hint">单个文件；标题行、合并单元格、全角字符均可识别</p>
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
            <Checkbox checked={onlyErrors} onChange={(e) => setOnlyErrors(e.target.checked)}>
              只看错误
            </Checkbox>
            <RowsTable report={preview} onlyErrors={onlyErrors} showCredit={showCredit} />
            {busy === 'commit' && progress && <TransferProgress progress={progress} stage="commit" />}
          </Flex>
        )}

        {step === 2 && result && (
          <Flex vertical gap={12} data-testid="device-import-result">
            <Result
              status={result.committed ? 'success' : 'info'}
              style={{ padding: '8px 0' }}
              title={result.committed ? '导入完成' : '没有写入任何设备'}
              subTitle={
                result.committed
                  ? `已写入 ${count(result.summary.create + result.summary.update)} 台（新增 ${count(result.summary.create)}，更新 ${count(
                      result.summary.update,
                    )}）${result.summary.unchanged ? `，无变化 ${count(result.summary.unchanged)} 台` : ''}${
                      result.summary.error ? `；有错误的 ${count(result.summary.error)} 行未导入` : ''
                    }`
                  : '文件中没有可写入的行（全部有错误或与登记信息一致）'
              }
            />
            {createdWithSecret.length > 0 && <CreatedSecrets rows={createdWithSecret} onSaved={() => setSecretsSaved(true)} />}
            {result.summary.error > 0 && (
              <>
                <Typography.Text strong>未导入的行</Typography.Text>
                <RowsTable report={result} onlyErrors showCredit={showCredit} />
              </>
            )}
          </Flex>
        )}
      </div>
    </Modal>
  );
}
