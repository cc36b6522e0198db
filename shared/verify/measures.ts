/**
 * Measure words for numbers.ts: the classifiers and units that make a Chinese numeral a count
 * (三十五个, 两千万吨 — not 一些, 统一, 三农, 十分), and which of them are units of something
 * (time, weight, length …) that only the same unit matches.
 */

const WORDS =
  '个月 个 個 项 項 件 条 條 家 所 名 人次 人 位 户 戶 次 批 种 種 类 座 台 辆 輛 架 艘 吨 噸 公斤 千克 斤 平方公里 平方米 公里 千米 米 亩 畝 公顷 立方米 千瓦时 千瓦 度 年 周 天 日 小时 分钟 岁 倍 届 屆 期 轮 份 篇 部 册 床 张 套 处 處 栋 支 起 宗 例 株 层 级 季度 票 卷 省 国 國';

/** A measure word right at the start of the text, longest first. */
export const MEASURE = new RegExp(
  `^(?:${WORDS.split(' ')
    .sort((a, b) => b.length - a.length)
    .join('|')})`,
);

/** Units of something, each to its canonical name (个月 and 月 are one unit). */
const UNITS: Record<string, string> = {
  年: '年',
  个月: '月',
  月: '月',
  周: '周',
  天: '天',
  日: '天',
  小时: '小时',
  分钟: '分钟',
  季度: '季度',
  岁: '岁',
  吨: '吨',
  噸: '吨',
  公斤: '公斤',
  千克: '公斤',
  斤: '斤',
  公里: '公里',
  千米: '公里',
  米: '米',
  平方公里: '平方公里',
  平方米: '平方米',
  亩: '亩',
  畝: '亩',
  公顷: '公顷',
  立方米: '立方米',
  千瓦时: '千瓦时',
  千瓦: '千瓦',
  度: '度',
  倍: '倍',
};

/** Counts (个, 项, 人 …) and bare figures go with each other; a unit only with the same unit. */
export function sameMeasure(a: string, b: string): boolean {
  return a === '' || b === '' || UNITS[a] === UNITS[b];
}

const TIME = new Set(['年', '月', '周', '天', '小时', '分钟', '季度', '岁']);

/** Whether 一 with this measure word is a figure (一倍, 一吨) rather than an article (一个, 一年). */
export function countsOne(unit: string): boolean {
  const canonical = UNITS[unit];
  return canonical !== undefined && !TIME.has(canonical);
}
