/**
 * Organisations and places a sentence names, for the check that the source names them too.
 * Known places come from places.ts; other names are recognised by their head (财政部, 兰考县,
 * 中国人民银行) with 2–6 characters before it. Conservative on purpose: an ordinary word that
 * ends like a name (干部, 城市, 地区, 部署) or a generic head (各地, 有关部门, 地方政府) is no name,
 * and a paraphrase's longer prefix is forgiven (only the head's last two characters are checked).
 */
import { ENGLISH_PLACES, PLACES } from './places';
import type { Place } from './places';
import { compact, isHan } from './text';

export interface EntityMention {
  start: number;
  end: number;
  text: string;
  kind: 'place' | 'organisation';
  /** Ways to clear the mention: any one list whose compact forms all stand in the source. */
  accept: string[][];
}

const ORGANISATION_HEADS = [
  '人民政府',
  '人民检察院',
  '人民法院',
  '委员会',
  '办公厅',
  '办公室',
  '检察院',
  '法院',
  '研究院',
  '科学院',
  '研究所',
  '银行',
  '有限公司',
  '公司',
  '集团',
  '大学',
  '学院',
  '医院',
  '总局',
  '政府',
  '协会',
  '联合会',
  '部',
  '局',
  '厅',
  '委',
  '署',
];
const PLACE_HEADS = ['特别行政区', '自治区', '自治州', '自治县', '新区', '省', '市', '县', '区', '镇', '乡', '村'];
/** Heads by their first character, longest first. */
const HEADS = new Map<string, string[]>();
for (const head of [...ORGANISATION_HEADS, ...PLACE_HEADS].sort((a, b) => b.length - a.length)) {
  HEADS.set(head[0]!, [...(HEADS.get(head[0]!) ?? []), head]);
}

/** Characters that end a name when read leftwards from its head: function words, and 各 of 各部门. */
const STOPS = new Set(
  '的在和与及对由向将把被是为了等从给并以于其各该此本或同跟让使经据按照关有要已也都就还再又更很最所而如若之从到'.split(
    '',
  ),
);

/** Generic starts: not a name but a kind of body (有关部门, 地方政府, 省级银行 …). */
const GENERIC =
  /^(?:全|本|我|该|此|每|各|直辖|自治|有关|相关|地方|省级|市级|县级|区级|乡级|上级|下级|基层|主管|职能|业务|行业|其他|所有|多个|部分|中央|国有|民营|外资|商业|政策性|开发性|上市|公立|定点|综合|专科|中小|大型|一些|若干|当地|所在|属地|两|三|四|几)/;

/** The character before a one-character head that makes an ordinary word (干部, 城市, 地区 …). */
const WORD_BEFORE: Record<string, string> = {
  部: '干全内外东西中南北局支本总头底顶腹乐细一各党该此两大小上下前后背胸面腰脑根尾口足基端翼营团连令挥辑门俱',
  局: '格布大结开当全变新残僵时政战终胜骗赌饭出入平和败定棋邮分',
  厅: '大餐客展门舞球歌前',
  委: '党纪常编主政省市县区镇村',
  署: '部公签连',
  省: '节反全本各外该我此分跨两三一每东邻',
  市: '城超股楼都上下开闹集夜菜早黑门互街坊全本各该我此每大中小县省一二三两面入退休直辖',
  县: '全本各该我此每郡州一两困强大',
  区: '地社园城景贸发范验护山牧灾库老特市片辖小误盲新矿湾边林垦能行聚作济易业校营战军东西南北中郊疫震洪旱困苦原全本各该我此每一两三流封划分风控禁展享住居工商保税功示试先核起集警城',
  镇: '城乡小重古名集村市全本各该我此每',
  乡: '城家下故同老返还他异全本各该我此每水梦思',
  村: '农乡山新渔牧全本各该我此每困政空古小大',
};

/** The character after a head that makes it part of another word (部门, 市场, 区域, 局面 …). */
const WORD_AFTER: Record<string, string> = {
  部: '门分署队长位件委属落下',
  局: '面长势部限',
  厅: '局长级',
  委: '员托屈婉',
  署: '名理长',
  省: '份级委长内外际会城略钱力时事心去得',
  市: '场民值级委长政区县内外面容貌况价井镇属直',
  县: '城域级委长区内乡镇市属直',
  区: '域间别分块划位长委级县内外属直',
  镇: '级委长区内政定压静痛守',
  乡: '镇村土亲愁音间级长政里下',
  村: '民庄级委长镇落里内干务集组寨社',
  政府: '部',
  银行: '业卡家间账',
  公司: '制法治',
  大学: '生城校',
};

const byFirst = new Map<string, { name: string; place: Place }[]>();
for (const place of PLACES) {
  for (const name of place.names) {
    const list = byFirst.get(name[0]!) ?? [];
    list.push({ name, place });
    byFirst.set(name[0]!, list);
  }
}
for (const list of byFirst.values()) list.sort((a, b) => b.name.length - a.name.length);

/** Known places, longest name first at each position (浙江西部 is 浙江, not 江西). */
function findPlaces(text: string, taken: Uint8Array): EntityMention[] {
  const out: EntityMention[] = [];
  for (let i = 0; i < text.length; i++) {
    const hit = byFirst
      .get(text[i]!)
      ?.find(({ name, place }) => text.startsWith(name, i) && acceptable(text, i, name, place));
    if (!hit) continue;
    const end = i + hit.name.length + (hit.place.needsCitySuffix && !hit.name.endsWith('市') ? 1 : 0);
    out.push({
      start: i,
      end,
      text: text.slice(i, end),
      kind: 'place',
      accept: hit.place.names.map((n) => [compact(n)]),
    });
    taken.fill(1, i, end);
    i = end - 1;
  }
  return out;
}

function acceptable(text: string, at: number, name: string, place: Place): boolean {
  const before = text[at - 1] ?? '';
  const after = text[at + name.length] ?? '';
  if (place.needsCitySuffix && !name.endsWith('市') && after !== '市') return false;
  if (name === '蒙古') return before !== '内' && after !== '族';
  if (name === '法国') return !'依合违执立守司宪刑民用护普非'.includes(before);
  return true;
}

/** Names recognised by their head: the head's last two characters before it are what is checked. */
function findHeaded(text: string, taken: Uint8Array): EntityMention[] {
  const out: EntityMention[] = [];
  for (let j = 2; j < text.length; j++) {
    if (taken[j]) continue;
    const head = HEADS.get(text[j]!)?.find((h) => text.startsWith(h, j));
    if (!head) continue;
    const end = j + head.length;
    const at = j;
    j = end - 1; // a head's own characters (人民政府's 政府) start no other head
    if (
      WORD_AFTER[head]?.includes(text[end] ?? '\0') ||
      (head.length === 1 && WORD_BEFORE[head]?.includes(text[at - 1]!))
    )
      continue;
    let start = at;
    while (start > 0 && at - start < 6 && isHan(text[start - 1]) && !STOPS.has(text[start - 1]!) && !taken[start - 1])
      start--;
    const name = text.slice(start, at);
    if (name.length < 2 || GENERIC.test(name) || GENERIC.test(name.slice(-2))) continue;
    // 政府 names a body only after a place (兰考县人民政府); 地方政府, 作政府工作报告 are no names.
    if (head.endsWith('政府') && !/[省市县区州镇乡旗]$/.test(name)) continue;
    const stem = name.slice(-2);
    const isPlace = PLACE_HEADS.includes(head);
    const accept = [stem + head, ...(head === '人民政府' ? [`${stem}政府`] : []), ...(isPlace ? [stem] : [])].map(
      (a) => [a],
    );
    const shown = Math.max(start, at - 4);
    out.push({ start: shown, end, text: text.slice(shown, end), kind: isPlace ? 'place' : 'organisation', accept });
  }
  return out;
}

const ENGLISH_PLACE = new RegExp(`\\b(?:${ENGLISH_PLACES.map((p) => p.replace(/'/g, "['’]?")).join('|')})\\b`, 'g');
/** Capitalised words (Riverton School District, Ministry of Finance), joined by of/and/for/the. */
const PROPER = /\b[A-Z][a-z][\w'’-]*(?:\s+(?:(?:of|and|for|the)\s+)*[A-Z][a-z][\w'’-]*)*/g;
const NOT_NAMES = new Set(
  `I The A An This That These Those It Its In On At For And But Or Of To By With As From Under Over After Before During
  Mr Mrs Ms Dr January February March April May June July August September October November December
  Monday Tuesday Wednesday Thursday Friday Saturday Sunday`.split(/\s+/),
);

/**
 * English names: known places anywhere, and capitalised words other than a sentence's first
 * (after a bullet, a colon or an opening quotation mark a capital means nothing either). A name
 * is cleared by the whole of it, or each of its capitalised words, in the source.
 */
function findEnglish(text: string): EntityMention[] {
  const out: EntityMention[] = [];
  if (!/[A-Z][a-z]/.test(text)) return out;
  for (const m of text.matchAll(ENGLISH_PLACE)) {
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0], kind: 'place', accept: [[compact(m[0])]] });
  }
  for (const m of text.matchAll(PROPER)) {
    const words = [...m[0].matchAll(/\S+/g)];
    const before = text.slice(0, m.index);
    const atStart = /^[\s*•-]*$/.test(before) || /[.:!?"“‘(]\s*$/.test(before);
    let first = atStart || NOT_NAMES.has(words[0]![0]) ? 1 : 0;
    while (first < words.length && /^(?:of|and|for|the)$/.test(words[first]![0])) first++;
    if (first >= words.length) continue;
    const start = m.index + words[first]!.index;
    const end = m.index + m[0].length;
    const name = text.slice(start, end);
    if (NOT_NAMES.has(name) || out.some((o) => o.start < end && o.end > start)) continue;
    const capitals = words
      .slice(first)
      .map((w) => w[0])
      .filter((w) => /^[A-Z]/.test(w));
    out.push({ start, end, text: name, kind: 'organisation', accept: [[compact(name)], capitals.map(compact)] });
  }
  return out;
}

/** Every place and organisation the text names, in order. */
export function findEntities(text: string): EntityMention[] {
  const taken = new Uint8Array(text.length + 1);
  const places = findPlaces(text, taken);
  return [...places, ...findHeaded(text, taken), ...findEnglish(text)].sort((a, b) => a.start - b.start);
}
