import type { DocTypeSpecInput } from '../type-spec';
import * as f from './fields';

/** 上行文: 报告 请示 议案. Each names its 签发人 (rule U1). */
const signer: f.Field = { ...f.signer, required: true };

export const UPWARD_TYPES: DocTypeSpecInput[] = [
  {
    id: 'baogao',
    name: '报告',
    nameEn: 'Report',
    direction: 'up',
    fields: [f.issuer, f.subject, f.superior, f.points, f.attachments, signer, f.date, f.cc, f.printer, ...f.header],
    structure: [...f.UPWARD_STRUCTURE],
    closings: ['特此报告。', '专此报告。'],
    rules: [...f.FORMAT_RULES, 'R1', 'U1'],
    guidance: {
      zh: '用于向上级机关汇报工作、反映情况，回复上级机关的询问。一般写基本情况、主要做法和成效、存在的问题、下一步打算，结尾用"特此报告。"；不得夹带请示事项，不写"妥否，请批示""请予批准"等请求用语。',
      en: 'Reports work or a situation to a superior, or answers its inquiry: the situation, what was done and achieved, problems, next steps; close with 特此报告。 Never slip a request into a report: no 妥否，请批示 or 请予批准.',
    },
  },
  {
    id: 'qingshi',
    name: '请示',
    nameEn: 'Request for instructions',
    direction: 'up',
    fields: [
      f.issuer,
      { ...f.subject, hint: { zh: '如：申请追加2026年防汛经费', en: 'e.g. 申请追加2026年防汛经费' } },
      {
        ...f.superior,
        hint: { zh: '只主送一个上级机关，不主送领导个人', en: 'Exactly one superior organ, never a leader in person' },
      },
      {
        ...f.points,
        hint: {
          zh: '请示缘由和请示事项，每行一段；只请示一件事',
          en: 'The reasons and the one request, one paragraph a line',
        },
      },
      f.attachments,
      signer,
      { ...f.contact, required: true },
      f.date,
      f.cc,
      f.printer,
      ...f.header,
    ],
    structure: [...f.UPWARD_STRUCTURE],
    closings: ['妥否，请批示。', '以上请示当否，请批示。', '妥否，请批复。'],
    rules: [...f.FORMAT_RULES, 'Q1', 'Q2', 'U1'],
    guidance: {
      zh: '用于向上级机关请求指示、批准。一文一事，只主送一个上级机关；写明请示缘由、请示事项和具体请求，结尾用"妥否，请批示。"；在附注处写明联系人和电话。',
      en: 'Asks a superior for instructions or approval. One matter per request, one superior addressed; give the reasons, the matter and the precise request, and close with 妥否，请批示。; the note names a contact and phone number.',
    },
  },
  {
    id: 'yian',
    name: '议案',
    nameEn: 'Motion (to the People’s Congress)',
    direction: 'up',
    fields: [
      { ...f.issuer, hint: { zh: '提请审议的人民政府', en: 'The people’s government submitting it' } },
      {
        ...f.subject,
        hint: { zh: '如：提请审议《某市物业管理条例（草案）》', en: 'e.g. 提请审议《某市物业管理条例（草案）》' },
      },
      {
        ...f.superior,
        hint: {
          zh: '同级人民代表大会或其常务委员会',
          en: 'The people’s congress at the same level or its standing committee',
        },
      },
      f.points,
      f.attachments,
      signer,
      f.leader,
      f.date,
      f.printer,
      ...f.header,
    ],
    structure: [
      'classification',
      'urgency',
      'docNumber',
      'signer',
      'title',
      'recipients',
      'body',
      'attachments',
      '{leader}',
      'date',
      'printer',
    ],
    closings: ['请予审议。', '现提请审议。'],
    rules: [...f.FORMAT_RULES, 'U1'],
    guidance: {
      zh: '各级人民政府按照法律程序向同级人民代表大会或其常务委员会提请审议事项时使用。写明提请审议的事项、依据和必要性，所附草案及说明列为附件，结尾用"请予审议。"，由政府主要负责人署职务和姓名。',
      en: 'A people’s government submits a matter to the people’s congress at its level (or its standing committee) for deliberation: the matter, its legal basis and why it is needed, the draft and its explanation as attachments; close with 请予审议。; the head of government signs with title and name.',
    },
  },
];
