import { SettingOutlined } from '@ant-design/icons';
import { Button, Checkbox, Flex, Popover } from 'antd';

export interface ChoosableColumn {
  key: string;
  title: string;
}

/** 列设置: which optional columns a table shows. */
export function ColumnChooser({
  columns,
  visible,
  onChange,
}: {
  columns: readonly ChoosableColumn[];
  visible: readonly string[];
  onChange: (keys: string[]) => void;
}) {
  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      title="显示列"
      content={
        <Checkbox.Group value={[...visible]} onChange={(keys) => onChange(keys.map(String))}>
          <Flex vertical gap={6}>
            {columns.map((c) => (
              <Checkbox key={c.key} value={c.key}>
                {c.title}
              </Checkbox>
            ))}
          </Flex>
        </Checkbox.Group>
      }
    >
      <Button icon={<SettingOutlined />}>列设置</Button>
    </Popover>
  );
}
