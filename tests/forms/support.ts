import { Document, Packer, Paragraph, TextRun } from 'docx';
import type { ProfileField } from '../../shared/domain/form';

/** A plain text field of a profile, with whatever the test changes. */
export const profileField = (name: string, over: Partial<ProfileField> = {}): ProfileField => ({
  name,
  label: name,
  type: 'text',
  validation: 'none',
  readOnly: false,
  required: false,
  skip: false,
  ...over,
});

/** A small DOCX application form of our own: one `{{字段}}` placeholder per line, after its label. */
export async function applicationTemplate(): Promise<Uint8Array> {
  const lines = [
    ['申请人姓名', '申请人姓名'],
    ['公民身份号码', '公民身份号码'],
    ['联系电话', '联系电话'],
    ['单位名称', '单位名称'],
    ['统一社会信用代码', '统一社会信用代码'],
    ['注册资本', '注册资本'],
    ['申请日期', '申请日期'],
    ['备注', '备注'],
  ];
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ children: [new TextRun({ text: '企业补贴申请表', bold: true, size: 32 })] }),
          ...lines.map(
            ([label, name]) =>
              new Paragraph({
                children: [new TextRun(`${label}：`), new TextRun({ text: `{{${name}}}`, bold: true })],
              }),
          ),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

export const APPLICANT = [
  '个人信息登记',
  '申请人姓名：王晓红',
  '公民身份号码：11010519491231002X',
  '联系电话：13812345678',
  '通讯地址：北京市海淀区中关村大街1号',
].join('\n');

export const COMPANY = [
  '企业登记信息',
  '单位名称：北京晨光科技有限公司',
  '统一社会信用代码：91110000600037341L',
  '注册资本：1000万元',
  '法定代表人身份证号：110105194912310021',
  '成立日期：2015年3月18日',
].join('\n');
