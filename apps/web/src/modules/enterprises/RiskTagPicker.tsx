import { InfoCircleOutlined } from '@ant-design/icons';
import type { RiskTagDto } from '@zhiben/contracts';
import { Checkbox, Col, Flex, Radio, Row, Spin, Tooltip, Typography } from 'antd';
import type { TagCatalog } from './riskTagCatalog';

interface RiskTagPickerProps {
  catalog: TagCatalog;
  loading?: boolean;
  value?: string[];
  onChange?: (value: string[]) => void;
  disabled?: boolean;
  id?: string;
}

function TagLabel({ tag }: { tag: RiskTagDto }) {
  return (
    <span>
      {tag.name}
      {tag.description && (
        <Tooltip title={tag.description}>
          <InfoCircleOutlined style={{ marginInlineStart: 4, color: 'rgba(0,0,0,0.45)' }} aria-label={`${tag.name}说明`} />
        </Tooltip>
      )}
    </span>
  );
}

/**
 * 风险标签 picker: risk tags and process tags (工艺标签) in two groups. A parent that needs exactly one child
 * (粉尘涉爆 → 木粉尘 / 金属粉尘 / 其他) shows its children as a radio group under its checkbox; unchecking the
 * parent drops the child.
 */
export function RiskTagPicker({ catalog, loading, value = [], onChange, disabled, id }: RiskTagPickerProps) {
  const selected = new Set(value);

  const toggle = (tag: RiskTagDto, checked: boolean) => {
    const next = new Set(selected);
    const children = catalog.childrenOf.get(tag.code) ?? [];
    if (checked) next.add(tag.code);
    else {
      next.delete(tag.code);
      for (const child of children) next.delete(child.code);
    }
    onChange?.(catalog.tags.map((t) => t.code).filter((c) => next.has(c)));
  };

  const chooseChild = (parent: RiskTagDto, childCode: string) => {
    const next = new Set(selected);
    for (const child of catalog.childrenOf.get(parent.code) ?? []) next.delete(child.code);
    next.add(parent.code);
    next.add(childCode);
    onChange?.(catalog.tags.map((t) => t.code).filter((c) => next.has(c)));
  };

  if (loading) return <Spin size="small" />;

  const group = (title: string, hint: string, tags: readonly RiskTagDto[]) => (
    <div>
      <Typography.Text strong>{title}</Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 8 }}>
        {hint}
      </Typography.Text>
      <Row gutter={[12, 8]} style={{ marginTop: 8 }}>
        {tags.map((tag) => {
          const children = catalog.childrenOf.get(tag.code) ?? [];
          const checked = selected.has(tag.code);
          const chosenChild = children.find((c) => selected.has(c.code))?.code;
          return (
            <Col key={tag.code} xs={24} sm={children.length ? 24 : 12} md={children.length ? 24 : 8}>
              <Checkbox
                checked={checked}
                disabled={disabled}
                onChange={(e) => toggle(tag, e.target.checked)}
                data-testid={`tag-picker-${tag.code}`}
              >
                <TagLabel tag={tag} />
              </Checkbox>
              {checked && children.length > 0 && (
                <Flex
                  align="center"
                  wrap
                  gap={8}
                  style={{ margin: '6px 0 0 24px', padding: '6px 10px', background: '#fafafa', borderRadius: 6 }}
                >
                  <Typography.Text type={tag.requiresOneChild && !chosenChild ? 'danger' : 'secondary'} style={{ fontSize: 13 }}>
                    {tag.code === 'dust_explosion' ? '粉尘类别' : '子类'}
                    {tag.requiresOneChild ? '（必选其一）' : ''}：
                  </Typography.Text>
                  <Radio.Group
                    value={chosenChild}
                    disabled={disabled}
                    onChange={(e) => chooseChild(tag, String(e.target.value))}
                    data-testid={`tag-picker-${tag.code}-children`}
                  >
                    {children.map((child) => (
                      <Radio key={child.code} value={child.code} data-testid={`tag-picker-${child.code}`}>
                        <TagLabel tag={child} />
                      </Radio>
                    ))}
                  </Radio.Group>
                </Flex>
              )}
            </Col>
          );
        })}
      </Row>
    </div>
  );

  return (
    <Flex vertical gap={16} id={id} data-testid="tag-picker">
      {group('风险标签', '企业存在的较大危险因素', catalog.roots.risk)}
      {catalog.roots.process.length > 0 && group('工艺标签', '用于判定适用的重大事故隐患检查条款', catalog.roots.process)}
    </Flex>
  );
}
