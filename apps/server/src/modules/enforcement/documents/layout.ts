import {
  AlignmentType,
  convertMillimetersToTwip,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TabStopType,
  TextRun,
} from 'docx';

/**
 * The layout shared by the enforcement documents, after GB/T 9704-2012 (党政机关公文格式): A4, margins 37/35/28/26 mm,
 * title in 宋体 (SimSun) 二号 bold and centred, body in 仿宋 (FangSong) 三号 at a fixed 28 pt line, page numbers
 * "— 1 —" at the foot. Font names are written for both Latin and East Asian text so Word and WPS pick the right face.
 */
export const FONTS = { title: 'SimSun', body: 'FangSong', heading: 'SimHei' } as const;
type FontName = (typeof FONTS)[keyof typeof FONTS];

/** Half-points: 二号 22 pt, 小二 18 pt, 三号 16 pt, 四号 14 pt. */
const SIZE = { title: 44, issuer: 36, body: 32, small: 28 } as const;
/** 28 pt fixed line pitch (GB/T 9704: 22 lines a page). */
const LINE = 560;
/** Two characters of 三号 text. */
const FIRST_LINE_INDENT = 640;
/** Text width of A4 with 28 mm + 26 mm side margins, for the right tab stop of signature lines. */
const TEXT_WIDTH = convertMillimetersToTwip(210 - 28 - 26);

interface RunOptions {
  font?: FontName;
  size?: number;
  bold?: boolean;
  underline?: boolean;
}

export function run(text: string, options: RunOptions = {}): TextRun {
  const font = options.font ?? FONTS.body;
  return new TextRun({
    text,
    font: { ascii: font, eastAsia: font, hAnsi: font, cs: font },
    size: options.size ?? SIZE.body,
    bold: options.bold ?? false,
    ...(options.underline ? { underline: {} } : {}),
  });
}

const lineSpacing = { line: LINE, lineRule: LineRuleType.EXACT };

/** The issuing authority above the title (发文机关). */
export const issuerHeading = (name: string) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: lineSpacing,
    children: [run(name, { font: FONTS.title, size: SIZE.issuer, bold: true })],
  });

/** The document's title, centred. */
export const title = (text: string) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 240, after: 120, line: 720, lineRule: LineRuleType.EXACT },
    children: [run(text, { font: FONTS.title, size: SIZE.title, bold: true })],
  });

/** The document number line (文号) under the title. */
export const numberLine = (number: string) =>
  new Paragraph({ alignment: AlignmentType.CENTER, spacing: { ...lineSpacing, after: 240 }, children: [run(number)] });

/** A body paragraph, first line indented by two characters. Runs may mix plain and bold text. */
export function paragraph(content: string | TextRun[], options: { indent?: boolean } = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    spacing: lineSpacing,
    indent: options.indent === false ? {} : { firstLine: FIRST_LINE_INDENT },
    children: typeof content === 'string' ? [run(content)] : content,
  });
}

/** A labelled line of the header block: 被检查单位：XX有限公司. */
export const field = (label: string, value: string | null) =>
  new Paragraph({ spacing: lineSpacing, children: [run(`${label}：`, { bold: true }), run(value && value.trim() !== '' ? value : '／')] });

/** A heading inside the body (检查情况：). */
export const sectionHeading = (text: string) =>
  new Paragraph({ spacing: { ...lineSpacing, before: 120 }, children: [run(text, { font: FONTS.heading })] });

/** A numbered item, hanging so that wrapped lines align with the text. */
export const numbered = (index: number, content: string | TextRun[]) =>
  new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    spacing: lineSpacing,
    indent: { left: FIRST_LINE_INDENT, hanging: FIRST_LINE_INDENT / 2 },
    children: [run(`${index}. `), ...(typeof content === 'string' ? [run(content)] : content)],
  });

export const blank = () => new Paragraph({ spacing: lineSpacing, children: [] });

/** A signature line: the label, a blank to sign on, and (printed) who is meant. */
export const signatureLine = (label: string, printed: string | null = null) =>
  new Paragraph({
    spacing: { ...lineSpacing, before: 120 },
    children: [
      run(`${label}（签名）：`),
      run('　　　　　　　　', { underline: true }),
      ...(printed ? [run(`　${printed}`, { size: SIZE.small })] : []),
    ],
  });

/** 印章 and date at the right, as on a signed-and-sealed document (成文日期 under the authority's name). */
export const sealBlock = (issuer: string, date: string) => [
  new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { ...lineSpacing, before: 480 }, children: [run(`${issuer}（印章）`)] }),
  new Paragraph({ alignment: AlignmentType.RIGHT, spacing: lineSpacing, children: [run(date)] }),
];

/** Two parts on one line, the second at the right margin (for "检查人员…    年 月 日"). */
export const splitLine = (left: string, right: string) =>
  new Paragraph({
    spacing: lineSpacing,
    tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
    children: [run(left), run(`\t${right}`)],
  });

/** A closing note in smaller type (一式两份…). */
export const note = (text: string) => new Paragraph({ spacing: { before: 240 }, children: [run(text, { size: SIZE.small })] });

/**
 * Notice of the right to review or sue (行政复议法 第二十条: 60 days; 行政诉讼法 第四十六条: 6 months); enforcement
 * is not suspended meanwhile (行政处罚法 第七十三条).
 */
export const rightsNotice = (documentName: string, reviewAuthority: string, court: string) =>
  paragraph(
    `如不服本${documentName}，可以依法在六十日内向${reviewAuthority}申请行政复议，或者在六个月内依法向${court}提起行政诉讼，但本${documentName}不停止执行，法律另有规定的除外。`,
  );

/** Packs the paragraphs into an A4 .docx with the fonts, margins and page numbers above. */
export async function packDocument(documentTitle: string, children: Paragraph[]): Promise<Buffer> {
  const doc = new Document({
    title: documentTitle,
    creator: 'Zhiben 治本',
    styles: {
      default: {
        document: {
          run: { font: { ascii: FONTS.body, eastAsia: FONTS.body, hAnsi: FONTS.body, cs: FONTS.body }, size: SIZE.body },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: convertMillimetersToTwip(210), height: convertMillimetersToTwip(297) },
            margin: {
              top: convertMillimetersToTwip(37),
              bottom: convertMillimetersToTwip(35),
              left: convertMillimetersToTwip(28),
              right: convertMillimetersToTwip(26),
            },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    children: ['— ', PageNumber.CURRENT, ' —'],
                    font: { ascii: FONTS.title, eastAsia: FONTS.title, hAnsi: FONTS.title },
                    size: SIZE.small,
                  }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
