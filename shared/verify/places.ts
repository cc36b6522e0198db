/**
 * Place names the entity check recognises: China's provincial-level divisions (full and short
 * names), prefecture-level cities and prefectures, well-known regions, and countries. Names that
 * are also ordinary words (大同, 朝阳, 黄山, 来宾 …) count only when written with 市.
 */

/** Provincial-level divisions: full name, then the short names that mean the same place. */
const PROVINCES: readonly (readonly string[])[] = [
  ['北京市', '北京'],
  ['天津市', '天津'],
  ['上海市', '上海'],
  ['重庆市', '重庆'],
  ['河北省', '河北'],
  ['山西省', '山西'],
  ['辽宁省', '辽宁'],
  ['吉林省', '吉林'],
  ['黑龙江省', '黑龙江'],
  ['江苏省', '江苏'],
  ['浙江省', '浙江'],
  ['安徽省', '安徽'],
  ['福建省', '福建'],
  ['江西省', '江西'],
  ['山东省', '山东'],
  ['河南省', '河南'],
  ['湖北省', '湖北'],
  ['湖南省', '湖南'],
  ['广东省', '广东'],
  ['海南省', '海南'],
  ['四川省', '四川'],
  ['贵州省', '贵州'],
  ['云南省', '云南'],
  ['陕西省', '陕西'],
  ['甘肃省', '甘肃'],
  ['青海省', '青海'],
  ['台湾省', '台湾'],
  ['内蒙古自治区', '内蒙古'],
  ['广西壮族自治区', '广西'],
  ['西藏自治区', '西藏'],
  ['宁夏回族自治区', '宁夏'],
  ['新疆维吾尔自治区', '新疆'],
  ['香港特别行政区', '香港'],
  ['澳门特别行政区', '澳门'],
];

/** Prefecture-level cities, prefectures and leagues, by province (short names). */
const CITIES = `
石家庄 唐山 秦皇岛 邯郸 邢台 保定 张家口 承德 沧州 廊坊 衡水
太原 大同* 阳泉 长治* 晋城 朔州 晋中 运城 忻州 临汾 吕梁
呼和浩特 包头 乌海 赤峰 通辽 鄂尔多斯 呼伦贝尔 巴彦淖尔 乌兰察布 兴安盟 锡林郭勒 阿拉善
沈阳 大连 鞍山 抚顺 本溪 丹东 锦州 营口 阜新 辽阳 盘锦 铁岭 朝阳* 葫芦岛
长春 四平* 辽源 通化 白山* 松原 白城 延边
哈尔滨 齐齐哈尔 鸡西 鹤岗 双鸭山 大庆 伊春 佳木斯 七台河 牡丹江* 黑河* 绥化 大兴安岭
南京 无锡 徐州 常州 苏州 南通 连云港 淮安 盐城 扬州 镇江 泰州 宿迁
杭州 宁波 温州 嘉兴 湖州 绍兴 金华 衢州 舟山 台州 丽水
合肥 芜湖 蚌埠 淮南 马鞍山 淮北 铜陵 安庆 黄山* 滁州 阜阳 宿州 六安 亳州 池州 宣城
福州 厦门 莆田 三明* 泉州 漳州 南平* 龙岩 宁德
南昌 景德镇 萍乡 九江 新余 鹰潭 赣州 吉安* 宜春 抚州 上饶
济南 青岛 淄博 枣庄 东营 烟台 潍坊 济宁 泰安* 威海 日照* 临沂 德州 聊城 滨州 菏泽
郑州 开封* 洛阳 平顶山 安阳 鹤壁 新乡 焦作 濮阳 许昌 漯河 三门峡 南阳 商丘 信阳 周口 驻马店
武汉 黄石 十堰* 宜昌 襄阳 鄂州 荆门 孝感 荆州 黄冈 咸宁 随州 恩施
长沙 株洲 湘潭 衡阳 邵阳 岳阳 常德 张家界 益阳 郴州 永州 怀化 娄底 湘西
广州 韶关 深圳 珠海 汕头 佛山 江门 湛江 茂名 肇庆 惠州 梅州 汕尾 河源* 阳江 清远 东莞 中山* 潮州 揭阳 云浮
南宁 柳州 桂林 梧州 北海* 防城港 钦州 贵港 玉林 百色* 贺州 河池 来宾* 崇左
海口* 三亚 三沙 儋州
成都 自贡 攀枝花 泸州 德阳 绵阳 广元 遂宁 内江 乐山 南充 眉山 宜宾 广安 达州 雅安 巴中 资阳 阿坝 甘孜 凉山
贵阳 六盘水 遵义 安顺 毕节 铜仁 黔西南 黔东南 黔南
昆明 曲靖 玉溪 保山* 昭通 丽江 普洱* 临沧 楚雄 红河* 文山* 西双版纳 大理* 德宏 怒江* 迪庆
拉萨 日喀则 昌都 林芝 山南* 那曲 阿里*
西安 铜川 宝鸡 咸阳 渭南 延安 汉中 榆林 安康* 商洛
兰州 嘉峪关 金昌 白银* 天水 武威 张掖 平凉 酒泉 庆阳 定西 陇南 临夏 甘南
西宁 海东 海北 黄南 果洛 玉树* 海西
银川 石嘴山 吴忠 固原 中卫
乌鲁木齐 克拉玛依 吐鲁番 哈密 昌吉 博尔塔拉 巴音郭楞 阿克苏 克孜勒苏 喀什 和田* 伊犁 塔城 阿勒泰 石河子
东方*`;

/** Well-known regions, new areas and rivers named in 公文. */
const REGIONS =
  '雄安 浦东 滨海新区 两江新区 长三角 珠三角 京津冀 粤港澳 大湾区 成渝 长江 黄河 珠江 淮河 青藏高原 东北三省 海南自由贸易港';

/** Countries and groupings. 蒙古 after 内 is the province; 法国 after 依/合/违 is 依法 + 国…. */
const COUNTRIES =
  '美国 英国 法国 德国 日本 俄罗斯 苏联 印度 韩国 朝鲜 越南 巴西 加拿大 澳大利亚 意大利 西班牙 新加坡 泰国 马来西亚 印度尼西亚 菲律宾 巴基斯坦 伊朗 伊拉克 以色列 埃及 南非 阿根廷 墨西哥 荷兰 瑞士 瑞典 挪威 芬兰 丹麦 波兰 乌克兰 土耳其 沙特阿拉伯 蒙古 缅甸 老挝 柬埔寨 尼泊尔 孟加拉国 斯里兰卡 哈萨克斯坦 新西兰 葡萄牙 希腊 奥地利 比利时 匈牙利 捷克 罗马尼亚 古巴 秘鲁 委内瑞拉 尼日利亚 肯尼亚 埃塞俄比亚 阿尔及利亚 欧洲 亚洲 非洲 拉丁美洲 欧盟 东盟';

/** Provinces, major cities and countries in English, matched as whole words. */
export const ENGLISH_PLACES: readonly string[] =
  "Beijing|Tianjin|Shanghai|Chongqing|Hebei|Shanxi|Liaoning|Jilin|Heilongjiang|Jiangsu|Zhejiang|Anhui|Fujian|Jiangxi|Shandong|Henan|Hubei|Hunan|Guangdong|Hainan|Sichuan|Guizhou|Yunnan|Shaanxi|Gansu|Qinghai|Taiwan|Inner Mongolia|Guangxi|Tibet|Xizang|Ningxia|Xinjiang|Hong Kong|Macao|Macau|Guangzhou|Shenzhen|Hangzhou|Nanjing|Wuhan|Chengdu|Xi'an|Suzhou|Xiamen|Qingdao|Dalian|Ningbo|Zhengzhou|Changsha|Shenyang|Harbin|Jinan|Hefei|Fuzhou|Kunming|Xiong'an|Japan|Russia|India|Korea|Vietnam|Brazil|Canada|Australia|Italy|Spain|Singapore|Thailand|Malaysia|Indonesia|Philippines|Pakistan|Iran|Iraq|Israel|Egypt|Argentina|Mexico|Netherlands|Switzerland|Sweden|Norway|Finland|Denmark|Poland|Ukraine|Turkey|Germany|France|Britain|United States|United Kingdom|European Union".split(
    '|',
  );

export interface Place {
  /** Names that mean this place; any of them in the source clears a mention. */
  names: readonly string[];
  /** Only as `<name>市` (the bare name is an ordinary word). */
  needsCitySuffix?: boolean;
}

export const PLACES: readonly Place[] = [
  ...PROVINCES.map((names) => ({ names })),
  ...CITIES.trim()
    .split(/\s+/)
    .map((raw) => {
      const name = raw.replace('*', '');
      return { names: [name, `${name}市`], needsCitySuffix: raw.endsWith('*') };
    }),
  ...REGIONS.split(' ').map((name) => ({ names: [name] })),
  ...COUNTRIES.split(' ').map((name) => ({ names: [name] })),
];
