import type { DocTypeSpecInput } from '../type-spec';
import * as f from './fields';

/** Types that publish to the public or a whole area, with no 主送机关 as a rule: 公报 公告 通告. */
const optionalSubject: f.Field = {
  ...f.subject,
  required: false,
  hint: { zh: '可不写事由（标题为：发文机关＋文种）', en: 'May be left out (title: issuer + type)' },
};
const serial: f.Field = {
  key: 'serial',
  label: { zh: '编号', en: 'Serial number' },
  kind: 'text',
  hint: { zh: '连续发布时的编号，如：第1号', en: 'When issued as a series, e.g. 第1号' },
};

export const PUBLIC_TYPES: DocTypeSpecInput[] = [
  {
    id: 'gongbao',
    name: '公报',
    nameEn: 'Communiqué',
    direction: 'down',
    fields: [f.issuer, optionalSubject, f.adoption, f.points, f.attachments, f.date, f.classification],
    title: ['{issuer}关于{subject}的公报', '{issuer}公报'],
    structure: ['classification', 'title', '（{adoption}）', 'body', 'attachments', 'signature', 'date'],
    closings: [],
    rules: [...f.FORMAT_RULES],
    guidance: {
      zh: '用于公布重要决定或者重大事项。概述会议或事项的基本情况，逐项公布决定、数据或结果，用语准确、庄重，不加评论性发挥。',
      en: 'Makes important decisions or major matters public. Summarise the meeting or matter, then publish the decisions, figures or results item by item, exactly and soberly, without commentary.',
    },
  },
  {
    id: 'gonggao',
    name: '公告',
    nameEn: 'Announcement',
    direction: 'any',
    fields: [f.issuer, optionalSubject, serial, f.points, f.attachments, f.date],
    title: ['{issuer}关于{subject}的公告', '{issuer}公告'],
    structure: ['title', 'serial', 'body', 'attachments', 'signature', 'date'],
    closings: ['特此公告。', '现予公告。'],
    rules: [...f.FORMAT_RULES],
    guidance: {
      zh: '用于向国内外宣布重要事项或者法定事项。写明公告的依据和事项，简明扼要，结尾用"特此公告。"；不写主送机关。',
      en: 'Announces important or statutory matters at home and abroad. State the grounds and the matter, briefly; close with 特此公告。; no recipients.',
    },
  },
  {
    id: 'tonggao',
    name: '通告',
    nameEn: 'Public notice',
    direction: 'any',
    fields: [f.issuer, optionalSubject, serial, f.points, f.attachments, f.date],
    title: ['{issuer}关于{subject}的通告', '{issuer}通告'],
    structure: ['title', 'serial', 'body', 'attachments', 'signature', 'date'],
    closings: ['特此通告。'],
    rules: [...f.FORMAT_RULES],
    guidance: {
      zh: '用于在一定范围内公布应当遵守或者周知的事项。先写依据和目的（为……，根据……，现就有关事项通告如下：），再分条写应当遵守的事项、施行时间和违反的后果，结尾用"特此通告。"。',
      en: 'Publishes, within an area, rules to observe or facts to know. Grounds and purpose first (为……，根据……，现就有关事项通告如下：), then the rules item by item, when they apply and the consequences; close with 特此通告。',
    },
  },
];
