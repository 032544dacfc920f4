import { CheckOutlined, CloseOutlined, MinusOutlined, WarningFilled } from '@ant-design/icons';
import { ITEM_RESULT_LABELS, type ItemResult } from '@zhiben/contracts';
import { Alert, App, Button, Card, Flex, Input, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { VerifiedTag } from '../standard/StandardItemDrawer';
import { itemRef } from '../standard/standardLabels';
import { RESULT_COLORS } from './inspectionLabels';
import { PhotoGallery, PhotoStrip } from './PhotoThumbs';
import type { InspectionItem } from './selfInspection.api';
import type { PhotoUpload } from './usePhotoUploads';

const MAX_PHOTOS = 9;

const CHOICES: { result: ItemResult; label: string; icon: ReactNode; color: 'green' | 'danger' | 'default' }[] = [
  { result: 'compliant', label: '符合', icon: <CheckOutlined />, color: 'green' },
  { result: 'non_compliant', label: '不符合', icon: <CloseOutlined />, color: 'danger' },
  { result: 'not_applicable', label: '不适用', icon: <MinusOutlined />, color: 'default' },
];

export interface ItemCardProps {
  /** The item as shown: the server's answer with any unsynced local entry applied. */
  item: InspectionItem;
  /** `inspection-item-11-8` (standard items by key, own items `own-1`…). */
  testIdPrefix: string;
  editable: boolean;
  unsynced: boolean;
  uploads: readonly PhotoUpload[];
  onResult: (result: ItemResult) => void;
  onNote: (note: string) => void;
  onNoteDone: () => void;
  onPhotos: (files: File[]) => void;
  onRemovePhoto: (hash: string) => void;
  onRetryUpload: (uploadId: string) => void;
  onDiscardUpload: (uploadId: string) => void;
}

/** One checklist item on the phone: the clause, three big answer buttons, a note and photos. */
export function InspectionItemCard({
  item,
  testIdPrefix,
  editable,
  unsynced,
  uploads,
  onResult,
  onNote,
  onNoteDone,
  onPhotos,
  onRemovePhoto,
  onRetryUpload,
  onDiscardUpload,
}: ItemCardProps) {
  const { message } = App.useApp();
  const nonCompliant = item.result === 'non_compliant';
  const ref = item.own ? '自定检查项' : itemRef(item);
  const hazardKind = item.own ? '一般隐患' : '重大隐患';

  return (
    <Card
      size="small"
      style={{ borderColor: nonCompliant ? '#ffa39e' : undefined, background: nonCompliant ? '#fffafa' : undefined }}
      styles={{ body: { padding: 14 } }}
      data-testid={testIdPrefix}
      data-result={item.result}
    >
      <Flex vertical gap={10}>
        <Flex justify="space-between" align="flex-start" gap={8}>
          <Flex gap={6} align="center" wrap>
            <Typography.Text strong style={{ fontSize: 15 }}>
              {ref}
            </Typography.Text>
            {item.own && <Tag>企业自定</Tag>}
            {item.verified === false && <VerifiedTag verified={false} />}
          </Flex>
          <Flex gap={4} align="center" style={{ flex: 'none' }}>
            {unsynced && (
              <Tag color="orange" style={{ marginInlineEnd: 0 }} data-testid={`${testIdPrefix}-unsynced`}>
                未同步
              </Tag>
            )}
            <Tag color={RESULT_COLORS[item.result]} style={{ marginInlineEnd: 0 }} data-testid={`${testIdPrefix}-result`}>
              {ITEM_RESULT_LABELS[item.result]}
            </Tag>
          </Flex>
        </Flex>
        <Typography.Paragraph
          style={{ margin: 0, fontSize: 15, lineHeight: 1.7 }}
          ellipsis={{ rows: 4, expandable: 'collapsible', symbol: (expanded) => (expanded ? '收起' : '展开全文') }}
        >
          {item.text}
        </Typography.Paragraph>

        {editable ? (
          <>
            <Flex gap={8} role="radiogroup" aria-label={`${ref} 检查结果`}>
              {CHOICES.map((c) => {
                const active = item.result === c.result;
                return (
                  <Button
                    key={c.result}
                    role="radio"
                    aria-checked={active}
                    color={c.color}
                    variant={active ? 'solid' : 'outlined'}
                    icon={c.icon}
                    onClick={() => !active && onResult(c.result)}
                    style={{ flex: 1, height: 48, fontSize: 16, minWidth: 0, paddingInline: 4 }}
                    data-testid={`${testIdPrefix}-${c.result}`}
                  >
                    {c.label}
                  </Button>
                );
              })}
            </Flex>
            <Input.TextArea
              value={item.note ?? ''}
              onChange={(e) => onNote(e.target.value)}
              onBlur={onNoteDone}
              autoSize={{ minRows: 1, maxRows: 6 }}
              maxLength={1000}
              placeholder={nonCompliant ? '现场情况（建议填写：位置、问题描述）' : '备注（选填）'}
              style={{ fontSize: 15, minHeight: 44 }}
              aria-label={`${ref} 备注`}
              data-testid={`${testIdPrefix}-note`}
            />
            <PhotoStrip
              hashes={item.photos}
              uploads={uploads}
              max={MAX_PHOTOS}
              onPick={(files) => {
                const room = MAX_PHOTOS - item.photos.length - uploads.length;
                if (files.length > room) message.warning(`每项最多 ${MAX_PHOTOS} 张照片，已选前 ${Math.max(room, 0)} 张`);
                onPhotos(files.slice(0, Math.max(room, 0)));
              }}
              onRemove={onRemovePhoto}
              onRetry={onRetryUpload}
              onDiscardUpload={onDiscardUpload}
              testIdPrefix={testIdPrefix}
            />
          </>
        ) : (
          <>
            {item.note && (
              <Typography.Text type="secondary" style={{ fontSize: 14 }}>
                备注：{item.note}
              </Typography.Text>
            )}
            <PhotoGallery hashes={item.photos} testIdPrefix={`${testIdPrefix}-photo`} />
          </>
        )}

        {item.hazardId && (
          <Alert
            type={nonCompliant ? 'error' : 'warning'}
            showIcon
            icon={<WarningFilled />}
            title={nonCompliant ? `已生成${hazardKind}` : `此前已生成${hazardKind}，仍在隐患台账中；如属误判，请联系监管部门核实处理`}
            action={
              <Link to={`/hazards?hazard=${item.hazardId}`} data-testid={`${testIdPrefix}-hazard-link`}>
                查看隐患
              </Link>
            }
            data-testid={`${testIdPrefix}-hazard`}
          />
        )}
        {nonCompliant && !item.hazardId && unsynced && (
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            同步后将自动生成{hazardKind}
          </Typography.Text>
        )}
      </Flex>
    </Card>
  );
}
