import { findEntities } from '../../shared/verify/entities';

const named = (text: string) => findEntities(text).map((e) => e.text);
const accepts = (text: string) => findEntities(text).map((e) => e.accept.map((all) => all.join('+')));

describe('findEntities: known places', () => {
  test('provinces, full and short, with either name accepted', () => {
    expect(named('广东省和内蒙古、广西壮族自治区')).toEqual(['广东省', '内蒙古', '广西壮族自治区']);
    expect(accepts('广东省')).toEqual([['广东省', '广东']]);
  });

  test('cities with or without 市', () => {
    expect(named('北京、上海、重庆、杭州、广州、深圳市6个城市')).toEqual([
      '北京',
      '上海',
      '重庆',
      '杭州',
      '广州',
      '深圳市',
    ]);
    expect(accepts('深圳市')).toEqual([['深圳', '深圳市']]);
  });

  test('longest name first: 浙江西部 names 浙江, not 江西', () => {
    expect(named('浙江西部')).toEqual(['浙江']);
  });

  test('a name that is also a word counts only with 市', () => {
    expect(named('世界大同，长治久安，朝阳产业')).toEqual([]);
    expect(named('大同市和长治市')).toEqual(['大同市', '长治市']);
  });

  test('countries; 内蒙古 is not 蒙古, 依法国有 is not 法国', () => {
    expect(named('美国、日本和蒙古国')).toEqual(['美国', '日本', '蒙古']);
    expect(named('内蒙古')).toEqual(['内蒙古']);
    expect(named('依法国有资产管理')).toEqual([]);
  });
});

describe('findEntities: names by their head', () => {
  test.each([
    [
      '财政部、国家发展改革委和中国人民银行联合发文',
      ['财政部', '发展改革委', '中国人民银行'],
      [['财政部'], ['改革委'], ['人民银行']],
    ],
    ['国家统计局数据显示', ['国家统计局'], [['统计局']]],
    ['市场监管总局', ['市场监管总局'], [['监管总局']]],
    [
      '河南省兰考县的做法',
      ['河南省', '兰考县'],
      [
        ['河南省', '河南'],
        ['兰考县', '兰考'],
      ],
    ],
    ['广东省财政厅', ['广东省', '财政厅'], [['广东省', '广东'], ['财政厅']]],
    ['他在上海交通大学任教', ['上海', '交通大学'], [['上海市', '上海'], ['交通大学']]],
  ])('%s', (text, names, accept) => {
    expect(named(text)).toEqual(names);
    expect(accepts(text)).toEqual(accept);
  });

  test('兰考县人民政府 is cleared by 兰考县政府 too', () => {
    expect(accepts('兰考县人民政府').flat()).toEqual(expect.arrayContaining(['考县人民政府', '考县政府']));
  });

  test.each([
    '有关部门要加强领导干部队伍建设',
    '东部地区和中西部地区协调发展',
    '推进城乡融合和乡村振兴',
    '地方政府专项债券',
    '各级人民政府',
    '县级以上地方人民政府',
    '各省、自治区、直辖市人民政府',
    '全面部署改革任务',
    '农村居民和城镇居民',
    '城市更新和市场监管',
    '自由贸易试验区',
    '作政府工作报告',
    '全局和大局',
  ])('%s names nothing', (text) => expect(named(text)).toEqual([]));
});

describe('findEntities: English', () => {
  test('known places and capitalised names, not a sentence’s first word', () => {
    expect(named('The Ministry of Finance met in Beijing with the Riverton Housing Authority.')).toEqual([
      'Ministry of Finance',
      'Beijing',
      'Riverton Housing Authority',
    ]);
  });

  test('a name is cleared by itself or by each of its capitalised words', () => {
    expect(accepts('Funds from the Riverton Housing Authority')).toEqual([
      ['rivertonhousingauthority', 'riverton+housing+authority'],
    ]);
  });

  test.each([
    'Total spending rose.',
    'In March, spending rose.',
    'The mayor said: "Protects services".',
    'I think so.',
  ])('%s names nothing', (text) => expect(named(text)).toEqual([]));
});
