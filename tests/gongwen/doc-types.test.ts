import { DOC_TYPES, docTypeOfTitle, endsLikeDocumentTitle, endsWithNonTypeName } from '../../shared/gongwen/doc-types';

test('the 15 types of 条例 Art. 8', () => {
  expect(DOC_TYPES).toHaveLength(15);
  expect(new Set(DOC_TYPES).size).toBe(15);
});

describe('docTypeOfTitle', () => {
  test.each([
    ['国务院办公厅关于2025年部分节假日安排的通知', '通知'],
    ['关于做好防汛工作的紧急通知', '通知'],
    ['国务院关于印发《XX管理办法》的通知', '通知'], // the 办法 is an attachment; the 文种 is 通知
    ['关于进一步加强安全生产工作的实施意见', '意见'],
    ['关于XX问题的指导意见（试行）', '意见'],
    ['关于XX的意见（征求意见稿）', '意见'],
    ['XX市人民政府常务会议纪要', '纪要'],
    ['关于XX事项的复函', '函'],
    ['关于商请支持XX工作的函', '函'],
    ['关于同意XX的批复', '批复'],
    ['关于申请XX经费的请示', '请示'],
    ['政府工作报告', '报告'],
    ['第十四届全国人民代表大会第一次会议关于政府工作报告的决议', '决议'],
    ['关于表彰XX的决定', '决定'],
    ['中华人民共和国国务院令', '命令'],
    ['中华人民共和国主席令', '命令'],
    ['XX省人民政府令', '命令'],
    ['关于授予XX称号的命令', '命令'],
    ['中国共产党第二十届中央委员会第三次全体会议公报', '公报'],
    ['XX市人民政府公告', '公告'],
    ['关于XX路段交通管制的通告', '通告'],
    ['关于XX先进集体的通报', '通报'],
    ['关于提请审议XX的议案', '议案'],
  ])('%s → %s', (title, type) => {
    expect(docTypeOfTitle(title)).toBe(type);
  });

  test.each([
    'XX市优化营商环境工作方案',
    '关于XX的实施办法',
    'XX管理规定',
    '关于XX问题的请示报告', // doubled 文种: ambiguous, don't guess
    '关于加强XX禁令',
    'Hello world',
    '',
  ])('%j → null', (title) => {
    expect(docTypeOfTitle(title)).toBeNull();
  });
});

test('non-文种 document names are recognised as such', () => {
  expect(endsWithNonTypeName('关于XX的实施办法')).toBe(true);
  expect(endsWithNonTypeName('XX工作方案（试行）')).toBe(true);
  expect(endsWithNonTypeName('关于XX的通知')).toBe(false);
  expect(endsLikeDocumentTitle('关于XX问题的请示报告')).toBe(true);
  expect(endsLikeDocumentTitle('国务院办公厅关于复制推广')).toBe(false);
});
