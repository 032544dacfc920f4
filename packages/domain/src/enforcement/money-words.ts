/**
 * Amounts of money as written in penalty decisions: 罚款人民币叁万元整（¥30,000.00）. The uppercase numerals
 * (大写) follow the 《支付结算办法》 convention: one 零 for any run of zeros, 整 after 元 or 角, none after 分.
 */
const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const UNITS = ['', '拾', '佰', '仟'] as const;
const GROUPS = ['', '万', '亿', '万亿'] as const;
const digitWord = (d: number) => DIGITS.charAt(d);

function integerWords(yuan: number): string {
  const digits = String(yuan);
  let out = '';
  let zeroPending = false;
  for (let i = 0; i < digits.length; i++) {
    const position = digits.length - 1 - i;
    const digit = Number(digits[i]);
    if (digit === 0) {
      zeroPending = true;
    } else {
      if (zeroPending && out !== '') out += '零';
      zeroPending = false;
      out += `${digitWord(digit)}${UNITS[position % 4] ?? ''}`;
    }
    if (position % 4 === 0 && position > 0) {
      // The group suffix (万, 亿) when any digit of this four-digit group is non-zero.
      const group = digits.slice(Math.max(0, i - 3), i + 1);
      if (/[1-9]/.test(group)) out += GROUPS[position / 4] ?? '';
    }
  }
  return out;
}

/** 大写 amount of integer fen: 3000000 → 叁万元整, 10050 → 壹佰元伍角整, 5 → 伍分, 0 → 零元整. */
export function fenToChineseUppercase(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new RangeError(`金额不合法：${fen}`);
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cents = fen % 10;
  if (fen === 0) return '零元整';
  let out = yuan > 0 ? `${integerWords(yuan)}元` : '';
  if (jiao > 0) out += `${digitWord(jiao)}角`;
  if (cents > 0) return `${out}${jiao === 0 && yuan > 0 ? '零' : ''}${digitWord(cents)}分`;
  return `${out}整`;
}

/** 30000 yuan as '30,000.00' (integer fen in, no floating point). */
export function formatYuan(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new RangeError(`金额不合法：${fen}`);
  const yuan = String(Math.floor(fen / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${yuan}.${String(fen % 100).padStart(2, '0')}`;
}
