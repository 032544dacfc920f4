import { type FormProps, Grid } from 'antd';

/** Labels on the left on desktop, on top on phones (UI.md "Forms"). */
export function useFormLayout(labelWidth = 96): Pick<FormProps, 'layout' | 'labelCol' | 'wrapperCol' | 'labelWrap'> {
  const screens = Grid.useBreakpoint();
  if (screens.sm === false) return { layout: 'vertical' };
  // `1 1 0` + min-width 0: a long error message wraps inside the field instead of pushing it under the label.
  return {
    layout: 'horizontal',
    labelCol: { flex: `${labelWidth}px` },
    wrapperCol: { flex: '1 1 0', style: { minWidth: 0 } },
    labelWrap: true,
  };
}
