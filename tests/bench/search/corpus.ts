import fs from 'node:fs';
import path from 'node:path';
import { mulberry32 } from '../../support/random';

/**
 * A large synthetic 公文 corpus grown from the real texts in shared/fixtures/real/gongwen:
 * paragraphs are sampled across texts, spliced and sentence-shuffled; numbers, dates and place
 * names vary; a few documents get rare words and English sentences. Deterministic per seed.
 */

export interface SyntheticDocument {
  name: string;
  text: string;
  docType: string;
  issuer: string;
  issuedDate: string;
}

/** Words absent from the source texts, planted in ~1 in 50 documents. */
export const RARE_WORDS = [
  '鲲鹏',
  '琥珀',
  '麒麟',
  '翡翠',
  '骆驼',
  '琵琶',
  '蝴蝶',
  '孔雀',
  '珊瑚',
  '玛瑙',
  '锦鲤',
  '枇杷',
  '橄榄',
  '荔枝',
  '榴莲',
  '芒果',
  '菠萝',
  '樱桃',
  '核桃',
  '蘑菇',
  '熊猫',
  '企鹅',
  '海豚',
  '鹦鹉',
  '蜻蜓',
  '蟋蟀',
  '蚂蚁',
  '蝙蝠',
  '麋鹿',
  '砚台',
  '毛笔',
  '宣纸',
  '扇子',
  '灯笼',
  '风筝',
  '陀螺',
  '算盘',
  '瓷器',
  '茉莉',
  '牡丹',
];

export const ENGLISH_NOUNS = [
  'budget',
  'procurement',
  'committee',
  'infrastructure',
  'pension',
  'subsidy',
  'audit',
  'revenue',
  'taxation',
  'healthcare',
  'education',
  'environment',
  'investment',
  'innovation',
  'agriculture',
  'employment',
  'housing',
  'transport',
  'energy',
  'security',
  'inspection',
  'regulation',
  'reform',
  'compliance',
  'statistics',
  'poverty',
  'tourism',
  'logistics',
  'insurance',
  'emissions',
];
const ENGLISH_ADJECTIVES = [
  'annual',
  'provincial',
  'municipal',
  'national',
  'quarterly',
  'fiscal',
  'digital',
  'rural',
  'urban',
  'green',
];
const ENGLISH_VERBS = [
  'approves',
  'reviews',
  'reports',
  'allocates',
  'audits',
  'publishes',
  'revises',
  'supports',
  'monitors',
  'expands',
];

const PLACES = [
  '北京',
  '上海',
  '天津',
  '重庆',
  '河北',
  '山西',
  '辽宁',
  '吉林',
  '黑龙江',
  '江苏',
  '浙江',
  '安徽',
  '福建',
  '江西',
  '山东',
  '河南',
  '湖北',
  '湖南',
  '广东',
  '海南',
  '四川',
  '贵州',
  '云南',
  '陕西',
  '甘肃',
  '青海',
  '内蒙古',
  '广西',
  '西藏',
  '宁夏',
  '新疆',
  '杭州',
  '广州',
  '深圳',
  '南京',
  '武汉',
  '成都',
  '西安',
  '苏州',
  '厦门',
  '青岛',
  '大连',
  '宁波',
  '长沙',
  '郑州',
  '合肥',
  '昆明',
  '南宁',
  '兰州',
  '银川',
  '温州',
  '无锡',
];
const PLACE_PATTERN = new RegExp(PLACES.join('|'), 'g');
const DOC_TYPES = ['通知', '通报', '请示', '报告', '意见', '决定', '函', '纪要', '批复', '方案'];
const ISSUER_UNITS = [
  '人民政府',
  '财政厅',
  '教育厅',
  '发展和改革委员会',
  '人力资源和社会保障厅',
  '生态环境厅',
  '审计厅',
  '统计局',
];
const TOPICS = [
  '做好年度预算编制工作',
  '加强安全生产监督管理',
  '开展营商环境创新试点',
  '推进乡村振兴重点工作',
  '做好社保基金管理',
  '加强生态环境保护',
  '优化政务服务',
  '做好节假日安排',
  '开展财政资金专项审计',
  '推进数字政府建设',
  '做好高校毕业生就业',
  '加强防汛抗旱工作',
];

type Random = () => number;

const prng: (seed: number) => Random = mulberry32;

const pick = <T>(r: Random, items: readonly T[]): T => items[Math.floor(r() * items.length)]!;
const int = (r: Random, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

export function sourceParagraphs(dir: string): string[][] {
  return fs
    .readdirSync(dir)
    .sort()
    .map((f) =>
      fs
        .readFileSync(path.join(dir, f), 'utf8')
        .split('\n')
        .map((l) => l.replace(/[\s\u200d]+/g, ' ').trim())
        // Keep prose: the sources end with licence lines (Public domain, false).
        .filter((l) => [...l].length >= 4 && /\p{Script=Han}/u.test(l)),
    );
}

const sentences = (p: string) => p.match(/[^。！？；]+[。！？；]?/g) ?? [p];

function vary(r: Random, p: string): string {
  return p
    .replace(/\d{4}年\d{1,2}月\d{1,2}日/g, () => `${int(r, 1990, 2030)}年${int(r, 1, 12)}月${int(r, 1, 28)}日`)
    .replace(/\d+/g, (d) =>
      d.length === 4 && /^(19|20)/.test(d)
        ? String(int(r, 1990, 2030))
        : String(int(r, 10 ** (d.length - 1), 10 ** d.length - 1)),
    )
    .replace(PLACE_PATTERN, () => pick(r, PLACES));
}

function paragraph(r: Random, texts: string[][], home: string[], at: number): string {
  const source = r() < 0.7 ? home : pick(r, texts);
  let p = source === home ? home[at % home.length]! : pick(r, source);
  const roll = r();
  if (roll < 0.25) {
    // Splice: the head of one paragraph onto the tail of another.
    const a = sentences(p);
    const b = sentences(pick(r, pick(r, texts)));
    p = [...a.slice(0, Math.ceil(a.length / 2)), ...b.slice(Math.floor(b.length / 2))].join('');
  } else if (roll < 0.45) {
    const s = sentences(p);
    for (let i = s.length - 1; i > 0; i--) {
      const j = Math.floor(r() * (i + 1));
      [s[i], s[j]] = [s[j]!, s[i]!];
    }
    p = s.join('');
  }
  return vary(r, p);
}

function englishSentence(r: Random): string {
  const noun = () => pick(r, ENGLISH_NOUNS);
  const s = `the ${pick(r, ENGLISH_ADJECTIVES)} ${noun()} ${pick(r, ENGLISH_VERBS)} the ${noun()} and ${noun()} plan for ${int(r, 2020, 2030)}.`;
  return s[0]!.toUpperCase() + s.slice(1);
}

/** Documents until both `minDocuments` and `minBytes` (UTF-8 text) are reached. */
export function* generateCorpus(options: {
  seed: number;
  minDocuments: number;
  minBytes: number;
  sourceDir: string;
}): Generator<SyntheticDocument> {
  const r = prng(options.seed);
  const texts = sourceParagraphs(options.sourceDir);
  let bytes = 0;
  for (let i = 0; i < options.minDocuments || bytes < options.minBytes; i++) {
    const place = pick(r, PLACES);
    const issuer =
      r() < 0.3
        ? pick(r, ['国务院办公厅', '财政部', '教育部', '审计署', '国家统计局'])
        : `${place}${pick(r, ISSUER_UNITS)}`;
    const docType = pick(r, DOC_TYPES);
    const year = int(r, 2015, 2026);
    const issuedDate = `${year}-${String(int(r, 1, 12)).padStart(2, '0')}-${String(int(r, 1, 28)).padStart(2, '0')}`;
    const home = pick(r, texts);
    const start = int(r, 0, home.length - 1);
    const lines = [
      `${issuer}关于${pick(r, TOPICS)}的${docType}`,
      `${place.slice(0, 1)}政发〔${year}〕${int(r, 1, 199)}号`,
      '各市、县人民政府，省政府各部门：',
    ];
    const targetChars = int(r, 400, 2800);
    for (let chars = 0, k = 0; chars < targetChars; k++) {
      let p = paragraph(r, texts, home, start + k);
      if (r() < 0.004) p += `本次检查中发现与${pick(r, RARE_WORDS)}有关的问题，请各单位高度重视。`;
      if (r() < 0.03) p += ` ${englishSentence(r)}`;
      lines.push(p);
      chars += p.length;
    }
    lines.push(issuer, issuedDate.replace(/^(\d+)-0?(\d+)-0?(\d+)$/, '$1年$2月$3日'));
    const text = `${lines.join('\n')}\n`;
    bytes += Buffer.byteLength(text, 'utf8');
    yield { name: `doc-${String(i).padStart(6, '0')}.txt`, text, docType, issuer, issuedDate };
  }
}
