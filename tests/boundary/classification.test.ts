import fs from 'node:fs';
import path from 'node:path';
import { exceedsCeiling, highestClassification, findClassificationMark } from '../../shared/boundary/classification';
import { FIXTURES } from '../support/temp';

const level = (text: string) => findClassificationMark(text)?.level ?? null;

describe('findClassificationMark', () => {
  test.each([
    ['秘密★1年\n某某市人民政府文件\n关于做好某项工作的通知', '秘密'],
    ['机密★10年\n\n某某厅文件', '机密'],
    ['绝密★长期\n关于……的报告', '绝密'],
    ['秘密 ★ 6个月\n关于……的通知', '秘密'],
    ['000001\n机密★一年\n特急\n某某部文件', '机密'],
    ['份号：000001 密级：机密★10年 紧急程度：特急', '机密'],
    ['000001 秘密 特急\n某某局文件', '秘密'],
    ['某某市人民政府办公室\n\u3000\u3000机密\u3000\n关于……的通知', '机密'],
    ['某某市人民政府文件\n秘密\n', '秘密'],
    ['秘密1年\n关于……的通知', '秘密'],
    ['密级：秘密\n关于……的通知', '秘密'],
    ['机\u3000密★5年\n关于……的通知', '机密'],
    ['绝 密\n某某部文件', '绝密'],
  ])('a mark at the top: %s', (text, expected) => {
    expect(level(text)).toBe(expected);
  });

  test('★ counts anywhere, and the highest mark wins', () => {
    const body = '一、总体要求\n'.repeat(20);
    expect(level(`${body}附件：某某方案（秘密★1年）`)).toBe('秘密');
    expect(level(`秘密★1年\n${body}附件2（绝密★长期）\n附件3（机密★5年）`)).toBe('绝密');
    const text = `秘密★1年\n${body}附件2（绝密★长期）`;
    expect(findClassificationMark(text)).toEqual({ level: '绝密', index: text.indexOf('绝密') });
  });

  test('index: where the winning mark starts', () => {
    expect(findClassificationMark('\n\n  机密★10年\n正文')).toEqual({ level: '机密', index: 4 });
    expect(findClassificationMark('正文\n机密\n')).toEqual({ level: '机密', index: 3 });
  });

  test.each([
    '各级机关要严格保守国家秘密，防止失泄密。',
    '本办法所称商业秘密，是指不为公众所知悉的技术信息和经营信息。',
    '涉密人员应当经过保密教育培训。',
    '绝密文件管理办法\n第一条 为加强绝密文件管理……',
    '关于印发《机密载体管理规定》的通知',
    '国家秘密的密级分为绝密、机密、秘密三级。',
    '一\n二\n三\n四\n五\n秘密\n',
    '这份材料是机密\n',
    '',
  ])('no mark: %s', (text) => {
    expect(findClassificationMark(text)).toBeNull();
  });

  test('the real 公文 fixtures carry no mark', () => {
    const dir = path.join(FIXTURES, 'gongwen');
    for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.txt'))) {
      expect({ f, mark: findClassificationMark(fs.readFileSync(path.join(dir, f), 'utf8')) }).toEqual({
        f,
        mark: null,
      });
    }
  });
});

describe('exceedsCeiling', () => {
  test('秘密 < 机密 < 绝密; "none" lets nothing marked through', () => {
    const levels = ['秘密', '机密', '绝密'] as const;
    for (const l of levels) expect(exceedsCeiling(l, 'none')).toBe(true);
    expect(levels.map((l) => exceedsCeiling(l, '秘密'))).toEqual([false, true, true]);
    expect(levels.map((l) => exceedsCeiling(l, '机密'))).toEqual([false, false, true]);
    expect(levels.map((l) => exceedsCeiling(l, '绝密'))).toEqual([false, false, false]);
  });
});

test('the highest 密级 of several, null when none is marked', () => {
  expect(highestClassification([null, '秘密', '绝密', '机密'])).toBe('绝密');
  expect(highestClassification(['秘密', null])).toBe('秘密');
  expect(highestClassification([null, null])).toBeNull();
  expect(highestClassification([])).toBeNull();
});
