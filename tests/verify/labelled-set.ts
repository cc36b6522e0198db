/**
 * A labelled set for the grounding verifier, built from the real 公文 texts in
 * shared/fixtures/real/gongwen: each item is one summary sentence with its citation, either
 * correct (verbatim, compressed, or rewritten in another notation) or corrupted in one known way.
 * Deterministic (mulberry32). It reads numbers with its own small reader, not the verifier's, so
 * the two implementations check each other. Every corrupted item is asserted to differ from its
 * source in the intended way.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseTextDocument } from '../../electron/ingest/text-document';
import type { SourcePassage } from '../../shared/verify/types';
import { mulberry32 } from '../support/random';

export const CLEAN_KINDS = ['supported', 'notation'] as const;
export const CORRUPT_KINDS = ['number', 'percent', 'amount', 'unit', 'date', 'place', 'invented'] as const;
export type ItemKind = (typeof CLEAN_KINDS)[number] | (typeof CORRUPT_KINDS)[number];

export interface LabelledItem {
  kind: ItemKind;
  /** How it was made (verbatim, compressed, percent→中文, year±, appended clause …). */
  variant: string;
  document: string;
  /** The source sentence it was made from ('' for a wholly invented sentence). */
  source: string;
  /** The summary text: the sentence and its citation marker. */
  summary: string;
}

export interface LabelledSet {
  documents: Map<string, SourcePassage[]>;
  items: LabelledItem[];
}

const FIXTURES = path.resolve(__dirname, '..', '..', '..', 'shared', 'fixtures', 'real', 'gongwen');
const PER_KIND = 80;

/** Documents whose month-day dates all fall in a year the text makes plain. */
const KNOWN_YEAR: Record<string, number> = { 'indexid-15485341816__tongzhi_guobanfamingdian-2024-12.txt': 2025 };

// ---------------------------------------------------------------------------------------------
// Numerals, written and read independently of shared/verify.

const CN_DIGITS = '零一二三四五六七八九';
const CN_VALUE: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  兩: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

function cnBelow10000(n: number): string {
  const places: [number, string][] = [
    [1000, '千'],
    [100, '百'],
    [10, '十'],
  ];
  let out = '';
  let zero = false;
  for (const [size, name] of places) {
    const d = Math.floor(n / size) % 10;
    if (d === 0) zero = out !== '';
    else {
      out += (zero ? '零' : '') + (size === 10 && d === 1 && out === '' ? '' : CN_DIGITS[d]) + name;
      zero = false;
    }
  }
  const ones = n % 10;
  if (ones) out += (zero || (out && n % 100 < 10) ? '零' : '') + CN_DIGITS[ones];
  return out || '零';
}

/** 5.2 → 五点二, 35 → 三十五, 105 → 一百零五. */
export function writeChinese(value: number): string {
  const [int, frac] = String(value).split('.');
  const n = Number(int);
  const whole =
    n >= 10000
      ? `${cnBelow10000(Math.floor(n / 10000))}万${n % 10000 ? cnBelow10000(n % 10000) : ''}`
      : cnBelow10000(n);
  return frac ? `${whole}点${[...frac].map((d) => CN_DIGITS[Number(d)]).join('')}` : whole;
}

/** 三十五 → 35, 二千零四十六万 → 20460000, 十二点五 → 12.5, 百分之三十六點九's number → 36.9. */
export function readChinese(text: string): number | null {
  const t = text.replace(/萬/g, '万').replace(/億/g, '亿').replace(/點/g, '点');
  const [int = '', frac] = t.split('点');
  const section = (s: string): number | null => {
    let total = 0;
    let digit = -1;
    for (const ch of s) {
      const unit = ({ 十: 10, 百: 100, 千: 1000 } as Record<string, number>)[ch];
      if (unit) {
        total += (digit < 0 ? 1 : digit) * unit;
        digit = -1;
      } else if (ch in CN_VALUE) digit = CN_VALUE[ch]! === 0 ? -1 : CN_VALUE[ch]!;
      else return null;
    }
    return total + Math.max(digit, 0);
  };
  const scaled = (s: string): number | null => {
    const yi = s.lastIndexOf('亿');
    if (yi > 0) {
      const hi = scaled(s.slice(0, yi));
      const lo = s.length > yi + 1 ? scaled(s.slice(yi + 1)) : 0;
      return hi === null || lo === null ? null : hi * 1e8 + lo;
    }
    const wan = s.lastIndexOf('万');
    if (wan > 0) {
      const hi = scaled(s.slice(0, wan));
      const lo = s.length > wan + 1 ? section(s.slice(wan + 1)) : 0;
      return hi === null || lo === null ? null : hi * 1e4 + lo;
    }
    return s ? section(s) : null;
  };
  const whole = scaled(int);
  if (whole === null) return null;
  if (frac === undefined) return whole;
  if (![...frac].every((ch) => ch in CN_VALUE)) return null;
  return Number(`${whole}.${[...frac].map((ch) => CN_VALUE[ch]).join('')}`);
}

const fold = (s: string) => s.replace(/[０-９．％]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
const withCommas = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 6 });
const NUM = '[0-9０-９]+(?:[.．][0-9０-９]+)?';
const CN_RUN = '[零〇一二两兩三四五六七八九十百千万萬亿億点點]+';
const CLASSIFIER =
  '(?:多|余|餘)?(?:[万萬亿億])?(?:吨|噸|人|个|個|项|項|家|所|件|户|戶|次|种|種|倍|座|台|辆|條|条|批|位|天|度|架|艘|套|公里|千米|亩|畝|平方米|名|处|處|元|美元)';

/** A count or measure: followed by a unit, and not a percentage, a sum of money, a year or a date. */
function plainQuantity(s: string, index: number, token: string): boolean {
  const before = s[index - 1] ?? '';
  const after = s.slice(index + token.length, index + token.length + 6);
  if (/[〔[(（]/.test(before)) return false;
  if (/^[%％]|^[個个]百分[點点]/.test(after)) return false;
  if (/^(?:多|余|餘)?(?:万亿|[万萬亿億])?(?:元|美元)/.test(after)) return false;
  if (/^[月日号號]/.test(after) || (/^(?:19|20)[0-9]{2}$/.test(fold(token)) && after.startsWith('年'))) return false;
  return /^\p{Script=Han}/u.test(after);
}

// ---------------------------------------------------------------------------------------------
// Rewrites. Each returns the changed sentence, or null when it does not apply.

type Rewrite = (s: string, rng: () => number, doc: string) => string | null;

function replaceOne(s: string, re: RegExp, rng: () => number, f: (m: RegExpExecArray) => string | null): string | null {
  const matches = [...s.matchAll(new RegExp(re.source, 'g'))];
  const order = matches.map((_, i) => i).sort(() => rng() - 0.5);
  for (const i of order) {
    const m = matches[i]! as RegExpExecArray;
    const replacement = f(m);
    if (replacement !== null && replacement !== m[0])
      return s.slice(0, m.index) + replacement + s.slice(m.index + m[0].length);
  }
  return null;
}

/** A different digit at one place of a digit string (never a leading zero), in the same width. */
function bumpDigits(digits: string, rng: () => number): string {
  const positions = [...digits].map((c, i) => (/[0-9０-９]/.test(c) ? i : -1)).filter((i) => i >= 0);
  const at = positions[Math.floor(rng() * positions.length)]!;
  const wide = /[０-９]/.test(digits[at]!);
  const old = Number(fold(digits[at]!));
  let next = (old + 1 + Math.floor(rng() * 8)) % 10;
  if (next === 0 && at === 0) next = old === 1 ? 2 : 1;
  const ch = wide ? String.fromCharCode(0xff10 + next) : String(next);
  return digits.slice(0, at) + ch + digits.slice(at + 1);
}

/** A different Chinese digit in a numeral run (一..九 only, so the run stays well formed). */
function bumpChinese(run: string, rng: () => number): string | null {
  const positions = [...run].map((c, i) => ('一二两兩三四五六七八九'.includes(c) ? i : -1)).filter((i) => i >= 0);
  if (!positions.length) return null;
  const at = positions[Math.floor(rng() * positions.length)]!;
  const choices = [...'二三四五六七八九'].filter((c) => c !== run[at] && !(run[at] === '两' && c === '二'));
  return run.slice(0, at) + choices[Math.floor(rng() * choices.length)] + run.slice(at + 1);
}

const notations: Record<string, Rewrite> = {
  'percent→中文': (s, rng) =>
    replaceOne(
      s,
      new RegExp(`(?<![0-9０-９.．])(${NUM})[%％]`),
      rng,
      (m) => `百分之${writeChinese(Number(fold(m[1]!)))}`,
    ),
  'percent→digits': (s, rng) =>
    replaceOne(s, /百分之([零〇一二两三四五六七八九十百点點]+)/, rng, (m) => {
      const v = readChinese(m[1]!);
      return v === null ? null : `${v}%`;
    }),
  '万→digits': (s, rng) =>
    replaceOne(s, new RegExp(`(?<![0-9０-９.．])(${NUM})[万萬](?![亿億])`), rng, (m) => {
      const v = Math.round(Number(fold(m[1]!)) * 1e4);
      return Number.isInteger(Number(fold(m[1]!)) * 1e4) ? withCommas(v) : null;
    }),
  '亿→万': (s, rng) =>
    replaceOne(s, new RegExp(`(?<![0-9０-９.．万萬])(${NUM})[亿億]`), rng, (m) => {
      const v = Math.round(Number(fold(m[1]!)) * 1e4);
      return `${v}万`;
    }),
  'year→中文': (s, rng) =>
    replaceOne(
      s,
      /(?<![0-9０-９])((?:19|20)[0-9]{2})年/,
      rng,
      (m) => `${[...m[1]!].map((d) => '〇一二三四五六七八九'[Number(d)]).join('')}年`,
    ),
  'year→digits': (s, rng) =>
    replaceOne(s, /([一二][〇零○一二三四五六七八九]{3})年/, rng, (m) =>
      m[1]!.startsWith('一九') || m[1]!.startsWith('二〇')
        ? `${[...m[1]!].map((c) => CN_VALUE[c === '○' ? '〇' : c]).join('')}年`
        : null,
    ),
  'quantity→digits': (s, rng) =>
    replaceOne(
      s,
      new RegExp(`(?<![第之零〇一二两兩三四五六七八九十百千万萬亿億])(${CN_RUN})(?=${CLASSIFIER})`),
      rng,
      (m) => {
        const v = readChinese(m[1]!);
        // 七千多万: the scale after 多 belongs inside the number, which this rewrite does not read.
        // 千家万户: a bare 千 or 万 counts nothing.
        if (v === null || v < 10 || /[点點]/.test(m[1]!) || !/[一二两兩三四五六七八九十]/.test(m[1]!)) return null;
        if (/^(?:多|余|餘)[万萬亿億]/.test(s.slice(m.index + m[0].length))) return null;
        if (v % 1e8 === 0) return `${v / 1e8}亿`;
        if (v % 1e4 === 0) return `${v / 1e4}万`;
        return String(v);
      },
    ),
  'month-day→full date': (s, rng, doc) => {
    const year = KNOWN_YEAR[doc];
    if (!year) return null;
    return replaceOne(s, /(?<![年0-9])([0-9]{1,2})月([0-9]{1,2})日/, rng, (m) => `${year}年${m[1]}月${m[2]}日`);
  },
  'date→ISO': (s, rng) =>
    replaceOne(s, /((?:19|20)[0-9]{2})年([0-9]{1,2})月([0-9]{1,2})日/, rng, (m) =>
      [m[1], m[2]!.padStart(2, '0'), m[3]!.padStart(2, '0')].join('-'),
    ),
};

const corruptions: Record<(typeof CORRUPT_KINDS)[number], Rewrite | null> = {
  number: (s, rng) => {
    const arabic = replaceOne(s, new RegExp(`(?<![0-9０-９.．A-Za-z])(${NUM})(?![0-9０-９.．])`), rng, (m) =>
      plainQuantity(s, m.index, m[1]!) ? bumpDigits(m[1]!, rng) : null,
    );
    if (arabic && rng() < 0.7) return arabic;
    const chinese = replaceOne(
      s,
      new RegExp(`(?<![第之零〇一二两兩三四五六七八九十百千万萬亿億])(${CN_RUN})(?=${CLASSIFIER})`),
      rng,
      (m) => {
        const v = readChinese(m[1]!);
        if (v === null || v < 2 || !plainQuantity(s, m.index, m[1]!)) return null;
        const bumped = bumpChinese(m[1]!, rng);
        return bumped && readChinese(bumped) !== v ? bumped : null;
      },
    );
    return chinese ?? arabic;
  },
  percent: (s, rng) =>
    replaceOne(s, new RegExp(`(?<![0-9０-９.．])(${NUM})(?=[%％]|個百分點|个百分点)`), rng, (m) =>
      bumpDigits(m[1]!, rng),
    ) ??
    replaceOne(s, /(?<=百分之)([零〇一二两三四五六七八九十百点點]+)/, rng, (m) => {
      const bumped = bumpChinese(m[1]!, rng);
      return bumped && readChinese(bumped) !== readChinese(m[1]!) ? bumped : null;
    }),
  amount: (s, rng) =>
    replaceOne(s, new RegExp(`(?<![0-9０-９.．])(${NUM})(?=(?:多|余)?(?:[万萬亿億]|万亿)?(?:元|美元))`), rng, (m) =>
      bumpDigits(m[1]!, rng),
    ) ??
    replaceOne(
      s,
      new RegExp(`(?<![第之零〇一二两兩三四五六七八九十百千万萬亿億])(${CN_RUN})(?=(?:多|余|餘)?元)`),
      rng,
      (m) => {
        const bumped = bumpChinese(m[1]!, rng);
        return bumped && readChinese(bumped) !== readChinese(m[1]!) ? bumped : null;
      },
    ),
  unit: (s, rng) =>
    replaceOne(s, new RegExp(`(?<![0-9０-９.．])(${NUM})([万萬亿億])(?![亿億万萬])`), rng, (m) => {
      const swap: Record<string, string> = { 万: '亿', 萬: '億', 亿: '万', 億: '萬' };
      return `${m[1]}${swap[m[2]!]}`;
    }) ??
    replaceOne(
      s,
      /(?<![零〇一二两兩三四五六七八九十百千万萬亿億])([一二两兩三四五六七八九十百千]+)([万萬亿億])(?![零〇一二两兩三四五六七八九十百千万萬亿億])/,
      rng,
      (m) => {
        if (!/[一二两兩三四五六七八九]/.test(m[1]!)) return null;
        const swap: Record<string, string> = { 万: '亿', 萬: '億', 亿: '万', 億: '萬' };
        return `${m[1]}${swap[m[2]!]}`;
      },
    ),
  date: (s, rng) => {
    const specific =
      replaceOne(s, /(?<![0-9])([0-9]{1,2})月([0-9]{1,2})日/, rng, (m) => {
        const day = Number(m[2]);
        const step = 1 + Math.floor(rng() * 3);
        const shifted = day + step <= 28 ? day + step : day - step;
        return `${m[1]}月${shifted}日`;
      }) ??
      replaceOne(s, /((?:19|20)[0-9]{2})年([0-9]{1,2})月(?![0-9]{1,2}日)/, rng, (m) => {
        const month = Number(m[2]);
        return `${m[1]}年${month < 12 ? month + 1 : 11}月`;
      });
    if (specific) return specific;
    return (
      replaceOne(
        s,
        /(?<![0-9])((?:19|20)[0-9]{2})年/,
        rng,
        (m) => `${Number(m[1]) + (rng() < 0.5 ? -1 : 1) * (1 + Math.floor(rng() * 3))}年`,
      ) ??
      replaceOne(s, /([一二][〇零○一二三四五六七八九]{2})([〇零○一二三四五六七八九])年/, rng, (m) => {
        const last = CN_VALUE[m[2] === '○' ? '〇' : m[2]!]!;
        const next = (last + 1 + Math.floor(rng() * 3)) % 10;
        return `${m[1]}${'〇一二三四五六七八九'[next]}年`;
      })
    );
  },
  place: null, // needs the document's text: see swapPlace
  invented: null, // see inventedItems
};

// ---------------------------------------------------------------------------------------------
// Places: provinces, major cities and countries, each swapped within its own kind.

const PLACE_GROUPS: string[][] = [
  '北京 天津 上海 重庆 河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 海南 四川 贵州 云南 陕西 甘肃 青海 台湾 内蒙古 广西 西藏 宁夏 新疆 香港 澳门'.split(
    ' ',
  ),
  '广州 深圳 杭州 南京 武汉 成都 苏州 厦门 青岛 大连 宁波 郑州 长沙 沈阳 哈尔滨 济南 合肥 福州 南昌 昆明 贵阳 兰州 西宁 银川 乌鲁木齐 拉萨 呼和浩特 石家庄 太原 无锡 温州 东莞 佛山 珠海 汕头 包头 唐山 洛阳 徐州 烟台'.split(
    ' ',
  ),
  '美国 日本 英国 法国 德国 苏联 印度 朝鲜 越南 俄罗斯 巴西 加拿大 意大利 韩国 澳大利亚 埃及 印度尼西亚 缅甸 巴基斯坦 蒙古'.split(
    ' ',
  ),
];
const PLACE_NAMES = PLACE_GROUPS.flat().sort((a, b) => b.length - a.length);

/** Places in a sentence, scanning left to right, longest name first (浙江西部 has 浙江, not 江西). */
function placesIn(s: string): { name: string; index: number }[] {
  const out: { name: string; index: number }[] = [];
  for (let i = 0; i < s.length;) {
    const name = PLACE_NAMES.find((n) => s.startsWith(n, i));
    if (name) out.push({ name, index: i });
    i += name ? name.length : 1;
  }
  return out;
}

function swapPlace(s: string, rng: () => number, documentText: string): string | null {
  const found = placesIn(s);
  if (!found.length) return null;
  const { name, index } = found[Math.floor(rng() * found.length)]!;
  const group = PLACE_GROUPS.find((g) => g.includes(name))!;
  const others = group.filter((n) => n !== name && !documentText.includes(n) && !n.includes(name) && !name.includes(n));
  if (!others.length) return null;
  const other = others[Math.floor(rng() * others.length)]!;
  return s.slice(0, index) + other + s.slice(index + name.length);
}

// ---------------------------------------------------------------------------------------------
// Invented claims: plausible 公文 statements that none of the sources makes.

const INVENTED_SENTENCES = [
  '国务院决定自明年起在全国范围内全面取消农业税附加费。',
  '各省级人民政府须于每季度末向国务院报送专项督查报告。',
  '中央财政将设立乡村振兴专项基金，重点支持中西部地区特色产业发展。',
  '全国新建改建农村公路二十万公里，实现所有行政村通客车。',
  '将在全国布局建设十个国家级人工智能创新中心。',
  '城镇职工基本养老保险月人均待遇提高至3800元。',
  '全年共培训新型职业农民500万人次。',
  '要加快推进全民健身设施建设，每个县至少建成一座体育公园。',
  '通知要求各地在春节前完成全部欠薪清零工作。',
  '国家将对小微企业免征三年企业所得税。',
  '会议决定成立国家数据安全委员会，由国务院副总理担任主任。',
  '各地要在三个月内完成老旧小区电梯加装的摸底排查。',
  '研究生招生规模将扩大至每年200万人。',
  '今后五年将新增公办幼儿园学位五百万个。',
  '各级机关公务用车一律更换为新能源汽车。',
  '将在沿海地区新建十座大型海水淡化厂。',
  '国庆节期间高速公路小型客车免费通行时间延长至十天。',
  '对连续两年考核不合格的试点城市将取消试点资格。',
  '试点地区企业开办时间已压缩至半个工作日以内。',
  '全国粮食总产量首次突破八亿吨。',
  '国家将向每位城乡居民统一发放一千元消费券。',
  '春节假期高速公路通行费减半收取。',
  '各地区须在节后一周内上报假期安全生产情况。',
  '会议同意增设国家海洋经济特别委员会。',
  '要全面推行中小学生每天两小时户外活动制度。',
  '全国城市生活垃圾分类覆盖率达到百分之百。',
  '将在青藏高原建设世界最大的光伏发电基地。',
  '每个地级市至少设立一家省属重点医院分院。',
  '居民个人所得税起征点提高到每月八千元。',
  '全国各级法院一律实行网上立案和电子送达。',
  '营商环境评价结果将与地方领导班子年度考核直接挂钩。',
  '企业年度报告可以延期至次年十二月底前报送。',
  '到2030年实现城乡居民医保待遇完全统一。',
  '国有企业高管薪酬一律下调百分之二十。',
  '农村义务教育学生营养餐补助标准提高到每天八元。',
  '外资企业在华设立研发中心可享受十年免税优惠。',
];

const INVENTED_CLAUSES = [
  '并将于明年在全国推广',
  '同时取消了全部行政审批收费',
  '由审计机关牵头于年底前完成验收',
  '相关经费由中央财政全额承担',
  '此项工作每月向社会通报一次进展',
  '试点期限为三年',
  '并对完成情况进行第三方评估',
  '各地完成情况将纳入年度绩效考核',
  '参与人数达到两千万人',
  '预计带动就业岗位一百万个',
  '超额完成年度计划一倍以上',
  '其中东部地区占比超过六成',
  '所需资金通过发行专项债券解决',
  '该做法已获得联合国相关机构高度评价',
  '并在香港设立了分支机构',
  '逾期未完成的单位将被通报批评',
  '实施效果将在两年后进行全面复盘',
  '首批试点选在西部十二个省份',
  '民营企业享受同等补贴标准',
  '相关标准将参照欧盟规则制定',
  '所有项目须在六个月内开工建设',
  '并向社会公开征求意见一个月',
  '此举每年可节约财政资金约五百亿元',
  '农民人均增收二千元以上',
  '群众满意度达到百分之九十八',
  '该做法已在长三角地区率先实施',
  '各级党委书记为第一责任人',
  '企业可通过手机应用一键办理',
  '实行终身责任追究制度',
  '覆盖全国所有县级行政区',
  '国家还将配套出台十项支持政策',
  '并纳入国家安全审查范围',
  '学生家长可自愿选择参加',
  '由统计部门按季度发布监测数据',
  '省级政府须在每年三月底前报送计划',
  '有效期延长至二〇三〇年底',
  '违规者最高可处以一百万元罚款',
  '并同步建立全国统一的信用评分系统',
  '所需设备全部从国外进口',
  '涉及人员一律实行编制管理',
];

// ---------------------------------------------------------------------------------------------

interface PoolSentence {
  document: string;
  label: string;
  text: string;
}

function loadDocuments(): { passages: Map<string, SourcePassage[]>; texts: Map<string, string> } {
  const passages = new Map<string, SourcePassage[]>();
  const texts = new Map<string, string>();
  for (const file of fs
    .readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.txt'))
    .sort()) {
    const parsed = parseTextDocument(fs.readFileSync(path.join(FIXTURES, file)), file, 'txt');
    texts.set(file, parsed.text);
    passages.set(
      file,
      parsed.passages.map((p) => ({
        label: `P${p.seq + 1}`,
        id: `${file}#${p.seq}`,
        documentId: file,
        page: p.page,
        paragraph: p.paragraph,
        text: p.text,
      })),
    );
  }
  return { passages, texts };
}

/** Whole sentences of the passages, trimmed of list numbering and leading dashes. */
function sentencePool(passages: Map<string, SourcePassage[]>): PoolSentence[] {
  const pool: PoolSentence[] = [];
  for (const [document, list] of passages) {
    for (const p of list) {
      for (const m of p.text.matchAll(/[^。！？]+[。！？]/g)) {
        const text = m[0].replace(/^\s*(?:——|（[一二三四五六七八九十]+）|[一二三四五六七八九十]+、)?\s*/, '');
        const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
        if (text.length < 12 || text.length > 160 || han < 8 || /[\n"!?[\]【】]/.test(text)) continue;
        pool.push({ document, label: p.label, text });
      }
    }
  }
  return pool;
}

function shuffle<T>(items: T[], rng: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Up to `cap` items made from the pool, taking documents in turn so no one text dominates. */
function roundRobin(
  pool: PoolSentence[],
  cap: number,
  rng: () => number,
  make: (s: PoolSentence) => LabelledItem | null,
): LabelledItem[] {
  const byDoc = new Map<string, PoolSentence[]>();
  for (const s of shuffle(pool, rng)) byDoc.set(s.document, [...(byDoc.get(s.document) ?? []), s]);
  const queues = [...byDoc.values()];
  const out: LabelledItem[] = [];
  while (out.length < cap && queues.some((q) => q.length)) {
    for (const q of queues) {
      const s = q.shift();
      if (!s || out.length >= cap) continue;
      const item = make(s);
      if (item) out.push(item);
      else continue;
    }
  }
  return out;
}

function assert(condition: boolean, message: string): void {
  if (!condition) throw new Error(`labelled set: ${message}`);
}

const cite = (text: string, label: string) => `${text}[${label}]`;

export function buildLabelledSet(seed = 20260305): LabelledSet {
  const rng = mulberry32(seed);
  const { passages, texts } = loadDocuments();
  const pool = sentencePool(passages);
  const items: LabelledItem[] = [];

  // Supported: verbatim, or with its leading clause dropped.
  items.push(
    ...roundRobin(pool, 100, rng, (s) => ({
      kind: 'supported',
      variant: 'verbatim',
      document: s.document,
      source: s.text,
      summary: cite(s.text, s.label),
    })),
    ...roundRobin(pool, 100, rng, (s) => {
      const comma = s.text.indexOf('，');
      const rest = comma >= 2 ? s.text.slice(comma + 1) : '';
      if ((rest.match(/\p{Script=Han}/gu)?.length ?? 0) < 10) return null;
      return {
        kind: 'supported',
        variant: 'compressed',
        document: s.document,
        source: s.text,
        summary: cite(rest, s.label),
      };
    }),
  );

  // Notation: the same facts in another notation, each rewrite taken in turn.
  const names = Object.keys(notations);
  let turn = 0;
  items.push(
    ...roundRobin(pool, 120, rng, (s) => {
      for (let k = 0; k < names.length; k++) {
        const name = names[(turn + k) % names.length]!;
        const text = notations[name]!(s.text, rng, s.document);
        if (!text) continue;
        turn = (turn + k + 1) % names.length;
        assert(text !== s.text, `notation ${name} left "${s.text}" unchanged`);
        return { kind: 'notation', variant: name, document: s.document, source: s.text, summary: cite(text, s.label) };
      }
      return null;
    }),
  );

  // Corrupted figures and dates.
  for (const kind of ['number', 'percent', 'amount', 'unit', 'date'] as const) {
    items.push(
      ...roundRobin(pool, PER_KIND, rng, (s) => {
        const text = corruptions[kind]!(s.text, rng, s.document);
        if (!text) return null;
        assert(text !== s.text && text.length >= s.text.length - 1, `${kind} corruption of "${s.text}"`);
        assertDiffersIn(kind, s.text, text);
        return { kind, variant: kind, document: s.document, source: s.text, summary: cite(text, s.label) };
      }),
    );
  }

  // A place swapped for another real place the document never names.
  items.push(
    ...roundRobin(pool, PER_KIND, rng, (s) => {
      const text = swapPlace(s.text, rng, texts.get(s.document)!);
      if (!text) return null;
      const added = placesIn(text).filter((p) => !s.text.includes(p.name));
      assert(added.length === 1 && !texts.get(s.document)!.includes(added[0]!.name), `place swap in "${s.text}"`);
      return { kind: 'place', variant: 'place', document: s.document, source: s.text, summary: cite(text, s.label) };
    }),
  );

  items.push(...inventedItems(pool, passages, texts, rng));
  return { documents: passages, items };
}

/** The changed span of a corruption holds what the kind says (a digit, a scale character, a date part). */
function assertDiffersIn(kind: string, before: string, after: string): void {
  let a = 0;
  while (before[a] === after[a]) a++;
  let z = 0;
  while (z < before.length - a && before[before.length - 1 - z] === after[after.length - 1 - z]) z++;
  const changed = after.slice(a, after.length - z);
  const ok = kind === 'unit' ? /^[万萬亿億]$/.test(changed) : /^[0-9０-９一二两兩三四五六七八九〇零]+$/.test(changed);
  assert(ok, `${kind}: "${before}" → "${after}" changed "${changed}"`);
}

function inventedItems(
  pool: PoolSentence[],
  passages: Map<string, SourcePassage[]>,
  texts: Map<string, string>,
  rng: () => number,
): LabelledItem[] {
  const out: LabelledItem[] = [];
  const documents = [...passages.keys()];
  INVENTED_SENTENCES.forEach((sentence, i) => {
    const document = documents[i % documents.length]!;
    const list = passages.get(document)!;
    const label = list[Math.floor(rng() * list.length)]!.label;
    assert(!texts.get(document)!.includes(sentence.slice(0, -1)), `invented sentence found in ${document}`);
    out.push({ kind: 'invented', variant: 'whole sentence', document, source: '', summary: cite(sentence, label) });
  });
  const hosts = roundRobin(pool, INVENTED_CLAUSES.length, rng, (s) =>
    s.text.endsWith('。')
      ? { kind: 'invented', variant: 'appended clause', document: s.document, source: s.text, summary: s.label }
      : null,
  );
  hosts.forEach((host, i) => {
    const clause = INVENTED_CLAUSES[i]!;
    assert(!texts.get(host.document)!.includes(clause), `invented clause found in ${host.document}`);
    out.push({ ...host, summary: cite(`${host.source.slice(0, -1)}，${clause}。`, host.summary) });
  });
  return out;
}
