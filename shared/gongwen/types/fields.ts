import type { z } from 'zod';
import type { FieldSpec } from '../type-spec';

/**
 * The common fields, as data the type modules list (a type may override a label, a hint or
 * `required` by spreading). Keys are FIELD_KEYS where one fits; type-specific keys are camelCase.
 */
export type Field = z.input<typeof FieldSpec>;

export const issuer: Field = {
  key: 'issuer',
  label: { zh: '发文机关', en: 'Issuing organ' },
  kind: 'text',
  required: true,
  hint: { zh: '全称或规范化简称，如：某市人民政府办公室', en: 'Full or standard short name, e.g. 某市人民政府办公室' },
};

export const docNumber: Field = {
  key: 'docNumber',
  label: { zh: '发文字号', en: 'Document number' },
  kind: 'docNumber',
  hint: {
    zh: '机关代字〔年份〕序号号，如：某政办发〔2026〕5号',
    en: 'Organ code〔year〕serial号, e.g. 某政办发〔2026〕5号',
  },
};

export const recipients: Field = {
  key: 'recipients',
  label: { zh: '主送机关', en: 'Principal recipients' },
  kind: 'organs',
  hint: { zh: '如：各区县人民政府，市政府各部门', en: 'Organs addressed, e.g. 各区县人民政府，市政府各部门' },
};

/** 上行文: one superior organ, not a person. */
export const superior: Field = {
  ...recipients,
  required: true,
  hint: {
    zh: '原则上主送一个上级机关，不主送领导个人',
    en: 'As a rule one superior organ, never a leader in person',
  },
};

export const subject: Field = {
  key: 'subject',
  label: { zh: '事由', en: 'Subject' },
  kind: 'text',
  required: true,
  hint: {
    zh: '写进标题：发文机关关于＿＿的文种，如：做好2026年春季防汛工作',
    en: 'Goes into the title (…关于＿＿的…), e.g. 做好2026年春季防汛工作',
  },
};

export const points: Field = {
  key: 'points',
  label: { zh: '正文要点', en: 'Key points' },
  kind: 'multiline',
  required: true,
  hint: { zh: '每行一点，成文时各成一段', en: 'One point a line; each becomes a paragraph' },
};

export const attachments: Field = {
  key: 'attachments',
  label: { zh: '附件', en: 'Attachments' },
  kind: 'list',
  hint: { zh: '每行一个附件名称，名称后不加标点', en: 'One attachment name a line, no trailing punctuation' },
};

export const signer: Field = {
  key: 'signer',
  label: { zh: '签发人', en: 'Signed off by' },
  kind: 'text',
  hint: { zh: '上行文应当标注签发人姓名', en: 'Documents to a superior must name the official who signed them off' },
};

export const contact: Field = {
  key: 'contact',
  label: { zh: '联系人及电话', en: 'Contact and phone' },
  kind: 'text',
  hint: { zh: '如：张三，电话：0000-12345678', en: 'e.g. 张三，电话：0000-12345678' },
};

export const cc: Field = {
  key: 'cc',
  label: { zh: '抄送机关', en: 'Copied to' },
  kind: 'organs',
  hint: { zh: '上行文不抄送下级机关', en: 'Documents to a superior are not copied to subordinate organs' },
};

export const classification: Field = {
  key: 'classification',
  label: { zh: '密级和保密期限', en: 'Classification and term' },
  kind: 'text',
  hint: { zh: '如：秘密★1年；不涉密则留空', en: 'e.g. 秘密★1年; leave empty when not classified' },
};

export const urgency: Field = {
  key: 'urgency',
  label: { zh: '紧急程度', en: 'Urgency' },
  kind: 'choice',
  options: ['特急', '加急'],
};

export const date: Field = {
  key: 'date',
  label: { zh: '成文日期', en: 'Date of the document' },
  kind: 'date',
  hint: { zh: '阿拉伯数字，如：2026年5月8日；留空为今天', en: 'Arabic numerals, e.g. 2026年5月8日; empty means today' },
};

export const printer: Field = {
  key: 'printer',
  label: { zh: '印发机关', en: 'Printed and issued by' },
  kind: 'text',
  hint: { zh: '一般为发文机关的办公厅（室）', en: "Usually the issuer's general office" },
};

/** 命令 and 议案 are signed by the head of the organ: 职务 + 姓名. */
export const leader: Field = {
  key: 'leader',
  label: { zh: '签署人（职务　姓名）', en: 'Signed by (title, name)' },
  kind: 'text',
  required: true,
  hint: { zh: '如：市长　张三', en: 'e.g. 市长　张三' },
};

/** 决议 and 公报: the 题注 under the title. */
export const adoption: Field = {
  key: 'adoption',
  label: { zh: '通过情况', en: 'Adopted at (note under the title)' },
  kind: 'text',
  hint: {
    zh: '标题下的题注，如：2026年5月8日某市第十六届人民代表大会第三次会议通过',
    en: 'e.g. 2026年5月8日某市第十六届人民代表大会第三次会议通过',
  },
};

/** The fields at the head of the page every numbered 公文 may carry. */
export const header = [classification, urgency, docNumber] as const;

/** Every type's own rules start with these (DOMAIN.md §1.3). */
export const FORMAT_RULES = ['F1', 'F2', 'F3', 'F4', 'F5', 'F6'] as const;

/** Down- and any-direction structure; 上行文 add the 签发人 line after the 发文字号. */
export const STANDARD_STRUCTURE = [
  'classification',
  'urgency',
  'docNumber',
  'title',
  'recipients',
  'body',
  'attachments',
  'signature',
  'date',
  'note',
  'cc',
  'printer',
] as const;
export const UPWARD_STRUCTURE = [
  'classification',
  'urgency',
  'docNumber',
  'signer',
  'title',
  'recipients',
  'body',
  'attachments',
  'signature',
  'date',
  'note',
  'cc',
  'printer',
] as const;
