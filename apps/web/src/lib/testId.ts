/**
 * `data-testid` for props objects that do not declare data attributes (antd `okButtonProps`, menu items).
 * Browser journeys (e2e/) rely on these names; change them only together with the tests.
 */
export function testId(id: string): { 'data-testid': string } {
  return { 'data-testid': id };
}
