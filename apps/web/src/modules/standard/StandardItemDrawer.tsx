import { EditOutlined } from '@ant-design/icons';
import type { StandardItemDto } from '@zhiben/contracts';
import { Alert, Button, Descriptions, Drawer, Flex, Grid, Tag, Typography } from 'antd';
import { describeApplicability, itemRef, scopeLabel } from './standardLabels';

/** The source note cites web addresses: plain text that may wrap anywhere. */
function SourceText({ source }: { source: string }) {
  return (
    <Typography.Paragraph style={{ margin: 0, wordBreak: 'break-all', fontSize: 13 }} type="secondary">
      {source}
    </Typography.Paragraph>
  );
}

export function VerifiedTag({ verified }: { verified: boolean | null }) {
  if (verified === null) return null;
  return verified ? <Tag color="green">已核实</Tag> : <Tag color="orange">待核实</Tag>;
}

/** One item of the standard, in full: text, applicability, exclusions (除外情形), penalty basis and source. */
export function StandardItemDrawer({
  item,
  tagNames,
  onClose,
  onRevise,
}: {
  item: StandardItemDto | undefined;
  tagNames: Readonly<Record<string, string>>;
  onClose: () => void;
  /** Shown when the user may revise and the item belongs to the current version. */
  onRevise?: ((item: StandardItemDto) => void) | undefined;
}) {
  const screens = Grid.useBreakpoint();
  return (
    <Drawer
      open={!!item}
      onClose={onClose}
      size={screens.md ? 640 : '100%'}
      title={item ? `${itemRef(item)}（第 ${item.version} 版）` : ''}
      extra={
        item &&
        onRevise && (
          <Button type="primary" icon={<EditOutlined />} onClick={() => onRevise(item)} data-testid="standard-drawer-revise">
            修订
          </Button>
        )
      }
      destroyOnHidden
      data-testid="standard-drawer"
    >
      {item && (
        <Flex vertical gap={16}>
          <Flex gap={8} wrap>
            <VerifiedTag verified={item.verified} />
            {item.local && <Tag color="purple">地方补充</Tag>}
            <Tag>{scopeLabel(item)}</Tag>
          </Flex>
          <Typography.Paragraph style={{ fontSize: 15, margin: 0, lineHeight: 1.8 }} data-testid="standard-drawer-text">
            {item.text}
          </Typography.Paragraph>
          <Descriptions
            column={1}
            bordered
            size="small"
            styles={{ label: { width: 110 } }}
            items={[
              { key: 'applicability', label: '适用条件', children: describeApplicability(item.applicability, tagNames) },
              {
                key: 'exclusions',
                label: '除外情形',
                children:
                  item.exclusions.length === 0 ? (
                    <Typography.Text type="secondary">无</Typography.Text>
                  ) : (
                    <ol style={{ margin: 0, paddingInlineStart: 20 }} data-testid="standard-drawer-exclusions">
                      {item.exclusions.map((e) => (
                        <li key={e}>{e}</li>
                      ))}
                    </ol>
                  ),
              },
              {
                key: 'penalty',
                label: '处罚依据',
                children: item.penaltyBasis ?? <Typography.Text type="secondary">未载明</Typography.Text>,
              },
              {
                key: 'keywords',
                label: '关键词',
                children:
                  item.keywords.length === 0 ? (
                    <Typography.Text type="secondary">无</Typography.Text>
                  ) : (
                    <Flex gap={4} wrap>
                      {item.keywords.map((k) => (
                        <Tag key={k}>{k}</Tag>
                      ))}
                    </Flex>
                  ),
              },
              { key: 'source', label: '来源', children: <SourceText source={item.source} /> },
            ]}
          />
          {!item.verified && (
            <Alert type="warning" showIcon title="此条款原文尚未与官方文本逐字核对（待核实），核对后可通过「修订」标记为已核实。" />
          )}
        </Flex>
      )}
    </Drawer>
  );
}
