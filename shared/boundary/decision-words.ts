/**
 * The built-in word lists of the non-decision guard (shared/boundary/decision.ts), as data.
 *
 * Wenshu supports the officer and never decides a case (辅助型定位). `DECISION_REQUESTS` recognise a
 * request that asks the tool to decide (是否批准, 能否受理, 打分, approve/score an application …);
 * `DECISION_OUTPUTS` mark decision wording in an output (批准, 不予受理, approved …) for review.
 *
 * Entry syntax (built-in entries; the policy's `decisionWords` phrases are plain text, see
 * `decisionLists`):
 * - a JavaScript regular expression source, matched case-insensitively; `(a|b)` groups do not
 *   capture;
 * - `…` is a short gap inside one clause (up to 14 characters in Chinese entries, 60 in English
 *   ones; never across 。！？；，： or a full stop); the guard checks what a gap holds (a drafting
 *   verb or a fact marker such as 已/获 inside a gap voids the match);
 * - `^` at the very start means "at the start of a clause", `$` at the very end "at its end";
 * - a space matches any run of whitespace; Latin words match whole words only.
 *
 * The context word lists below (drafting verbs, governing verbs, negations …) are what makes the
 * patterns precise: "起草一份关于是否同意……的请示" mentions a decision as the topic of a 请示 (the
 * superior decides), "判断是否同意" asks the tool to decide.
 */

/** Asking whether (Chinese). */
const Q =
  '(是否|能否|可否|应否|当否|能不能|可不可以|可以不可以|该不该|应不应该|应不应当|应不应|要不要|是不是|可不可|准不准)';

/** Decision verbs and determinations after a `Q` lead (Chinese). */
const V = [
  '批准',
  '同意',
  '受理',
  '准予',
  '准许',
  '许可',
  '核准',
  String.raw`予以\p{Script=Han}{2}`,
  '予以',
  '给予',
  '发放',
  '拨付',
  '立案',
  '立项',
  '录用',
  '录取',
  '聘用',
  '任用',
  '提拔',
  '晋升',
  '中标',
  '入选',
  '入围',
  '处罚',
  '处分',
  '追责',
  '问责',
  '吊销',
  '撤销',
  '驳回',
  '违法',
  '违规',
  '违纪',
  '合法',
  '合规',
  '属实',
  '构成',
  '达标',
  '合格',
  '成立(?![于时日以])',
  '有资格',
  '批(?![复示次评量件号文注改阅转办判发])',
].join('|');

/** What a case passes (通过审核 …): 通过 alone is also "by means of". */
const PASS = '(审核|审查|审批|验收|评审|评估|考核|面试|答辩|复审|初审|终审|资格审查|认定|年检|核查|论证|评标)';

/** Request patterns: Chinese. */
const REQUESTS_ZH = [
  `${Q}…(${V})`,
  `${Q}…通过…${PASS}`,
  `${Q}…通过$`,
  `${Q}…(符合|满足|达到)…(条件|资格)`,
  '(够不够|够不够得上|达不达到|满不满足|符不符合|够格不够格)…(条件|资格|标准)',
  '(满足|达到)…(条件|资格)(吗|么|嘛|呢)',
  `${Q}…(具备|具有)…(条件|资格)`,
  // 批不批, 同不同意 …
  '(批不批|发不发|给不给|拨不拨|罚不罚|办不办|准不准予?|同不同意|受不受理|立不立案|录不录用|过不过审|能不能过(?![去来年节一目])|能过吗|该不该批|能不能批|批准不批准|同意不同意|受理不受理|通过不通过|录用不录用|立项不立项|批还是不批|给还是不给|准还是不准|同意还是不同意)',
  // 可以批准吗, 应该同意吗, 符合条件吗 …
  '(能|可以|可|应该|应当|应|该|能够|会)…(批准|同意|受理|准予|通过|批|给予|录用|中标|立案|立项|处罚|入选)…(吗|么|嘛|呢)',
  '(能|可以|会)…获批(吗|么|嘛|呢)?',
  '符合…(条件|资格)(吗|么|嘛|呢)',
  '(合格|违法|违规|合法|合规|成立|属实|达标)(吗|么|嘛)',
  '(批准|同意|受理|准予|录用|录取|立案|处罚|通过|中标|入选|合格)与否',
  '(批准|同意|受理|通过|准予)还是(驳回|不批|不同意|不予|拒绝|否决|退回)',
  '(谁|哪个|哪家|哪一家|哪位|哪一位|哪一个|哪些)…(中标|录用|录取|入选|入围|胜出|获奖|获批|聘用|提拔)',
  // 判定 / 裁定 / 认定 … asked of the tool
  '判定(?!标准|依据|方法|规则|条件|程序|流程|结果|的|书|机制|办法|细则)',
  '(请|帮我|替我|代我|你来|由你|请你|你|直接|帮忙)(认定|评定|裁定|裁决|核定|审定|定级|定性|定夺|拍板)',
  '(认定|裁定|评定)(该|此|这|其|申请人|当事人|投诉|举报)',
  '(帮我|替我|代我|由你|你来|请你|你)(来)?(做|作|作出|做出|拿)(个|一个)?(决定|主意|决断|裁决)',
  '(给出|给我|给个|作出|做出|出具|拿出)…(审批|审查|审核|评审|评标|处理|处罚|许可|受理|录用|批复|准予|不予)(意见|结论|决定|结果)',
  '^(你来|你|由你|请你|你就)(决定|定|定夺|拍板|裁决)(吧|了|好了|一下)?$',
  '(帮我|替我|代我|请你|你来|由你)(审批|批一下|批了)(?!表|单|流程|程序|事项|的)',
  '(给出|作出|做出|(?<![以如上低])下)(个|一个)?(最终)?(裁决|裁定|判决|定论|处理决定|审批决定)',
  // 打分 / 评分 / 排名
  '(得|能得|打|评|值)(几|多少)分',
  '(打分|打个分|评个分)(?!表|标准|细则|办法|规则|要素|项|指标|体系|机制|制度|方法|权重|依据|结果|环节|说明|流程|程序|情况|工作|会议|专家|小组|委员会|的)',
  '(给|对|为)…(评分|评级|评等级|定级|评等次|评定等次|评定等级)(?!表|标准|细则|办法|规则|要素|项|指标|体系|机制|制度|方法|权重|依据|结果|环节|说明|流程|程序|情况|工作|会议|专家|小组|委员会|的)',
  '(进行|予以|逐项|分别|综合|量化|请|帮我|你来|直接|替我)(评分|评级|打分)(?!表|标准|细则|办法|规则|要素|项|指标|体系|机制|制度|方法|权重|依据|结果|环节|说明|流程|程序|情况|工作|会议|专家|小组|委员会|的)',
  '(对|给|为|把)…(排名|排出名次|排个名|评出等次|评出名次|评出优劣)',
];

/** What an application can be (English). */
const EN_DONE =
  '(approved|rejected|denied|granted|accepted|funded|awarded|admitted|hired|issued|revoked|suspended|renewed|licensed|sanctioned|fined|penali[sz]ed|permitted|allowed|upheld|dismissed)';
const EN_DO =
  '(approve|reject|deny|grant|award|fund|issue|revoke|suspend|renew|admit|hire|license|licence|sanction|fine|penali[sz]e|uphold|dismiss)';

/** Request patterns: English. */
const REQUESTS_EN = [
  '^(please |kindly |now |just |then |so )?(approve|reject|deny|grant|score|rate|grade|judge|adjudicate) (this|the|these|that|those|each|all|it|them|his|her|their|our|my|its|both|every|either|following)',
  '^(please |kindly |now |just |then )?rank (the |these |those |all |our )?(\\w+ )?(applicants|applications|bids|bidders|tenders|candidates|proposals|submissions|entries|companies|firms|vendors|suppliers|projects)',
  `(can|could|would|will) you (please )?${'(approve|reject|deny|grant|score|rate|grade|adjudicate)'}`,
  '(need|want|like|ask|asking) you to (approve|reject|deny|grant|score|rate|grade|adjudicate|decide)',
  'help (me|us) (approve|reject|deny|grant|score|rate|grade)',
  `^(should|shall|can|could|may|must) (we|i|they|you|our \\w+|the (department|office|agency|committee|board|bureau|council|ministry|authority|city|county|government)) … ${EN_DO}`,
  `^(shall|can|could|may|must|will) … be ${EN_DONE}`,
  `should … be ${EN_DONE}`,
  `(whether|(tell me|let me know|decide|determine|check|assess|judge|say|advise|know) if) (or not )?… (to |we should |i should |it should be |they should be )?(${EN_DO.slice(1, -1)}|${EN_DONE.slice(1, -1)}|eligible|ineligible|qualif(y|ies|ied)|entitled|admissible|lawful|unlawful|illegal)`,
  '^(is|are|was|were) … (eligible|ineligible|entitled|qualified|lawful|unlawful|illegal|admissible)',
  '^(does|do) … qualify',
  '^(please |you )?(decide|adjudicate|make the call)( for me| for us| on it| on this)?$',
  '^(which|who|whom) … (should|ought to|deserves? to|would you|must) (win|be (awarded|hired|selected|chosen|appointed|promoted|funded|approved|admitted)|get (the )?(job|contract|tender|award|grant|funding|subsidy|permit|licen[cs]e|position|post|promotion|place))',
  '^is it … to (approve|reject|grant|deny|fund|award)',
  '(approve|accept|grant) or (reject|deny|decline|refuse|not)',
  '(reject|deny|decline|refuse) or (approve|accept|grant)',
  '(pass or fail|approval or (rejection|denial)|approve/reject|yes-or-no decision)',
  '(recommend|recommendation)( on| as to| regarding| for)? (approval|rejection|approving|rejecting|granting|denying|whether|for or against)',
  '(your|the final) (decision|verdict|ruling|judg(e)?ment|determination) (on|about|regarding|as to|whether)',
  '(make|give|reach) (me )?(a|the|your|the final) (decision|call|ruling|determination|verdict)',
  '(decide|rule) (on|upon) (this|the|their|his|her|its|our) (\\w+ )?(application|request|case|claim|appeal|petition|permit|licen[cs]e|bid|tender|complaint|proposal)',
  'give (it|this|these|them|the|each|every|both|all)… (a |an )?(score|rating|grade|mark)s?',
  'assign (it |this |them |each |a |an )*(score|rating|grade|mark)s?',
];

/** Request patterns, as data. */
export const DECISION_REQUESTS: readonly string[] = [...REQUESTS_ZH, ...REQUESTS_EN];

/** Decision wording in an output (review warnings), as data. */
export const DECISION_OUTPUTS: readonly string[] = [
  '不予(批准|受理|立案|许可|登记|核准|认定|支持|采纳|通过|录用|备案|准许|资助|补贴|发放|拨付|处罚|退还|撤销|同意)',
  '不予',
  '予以(批准|受理|立案|许可|登记|核准|认定|通过|录用|备案|驳回|撤销|处罚|支持|采纳|准许|资助|发放|拨付|退回)',
  '批准',
  '不同意(?![见义志愿])',
  // 共同意见, 赞同意见, 等同意义, 一同意识到, 陪同意大利… are not consent
  '(?<![共相如等赞认协趋雷混视连一陪随伴])同意(?![见义志愿]|大利)',
  // 标准予以, 水准许可 …
  '(?<![标水基精照瞄校])准予',
  '(?<![标水基精照瞄校])准许',
  '驳回',
  // 审核准确, 考核准则 …
  '(?<![审考])核准(?![确则时点])',
  '(审核|审查|审批|评审|验收|考核)通过',
  '拟录用',
  '中标(人|单位|候选人)?为',
  '(认定|判定|评定|裁定)为',
  '(得分|评分|总分|打分)为',
  '综合得分',
  '不符合…(条件|资格)',
  '不具备…(条件|资格)',
  'approved',
  'approves?',
  'rejected',
  'rejects?',
  '(?<!for )granted',
  'denied',
  'deny',
  'denies',
  'refused',
  'ineligible',
  '(not|is|are) eligible',
  'does not qualify',
  'qualifies for',
  'dismissed',
  'upheld',
  'scored',
  'score of',
];

// ---- context: what makes a matching phrase a topic rather than a request ----

/**
 * Unambiguous drafting verbs: one inside a gap means the question is about writing ("能否帮我起草
 * 一份同意……的批复"), not deciding. (Not 设计, 总结, draft, list …: they are nouns too.)
 */
export const GAP_DRAFTING = String.raw`起草|草拟|撰写|拟写|编写|写(?!明)|改写|润色|翻译|校对|概括|\b(write|compose|summari[sz]e|translate|proofread|rewrite|paraphrase|polish)\b`;

/** Verbs of drafting, summarising and editing: what an officer asks of the tool every day. */
export const DRAFTING_VERBS = String.raw`起草|草拟|撰写|拟写|拟定|拟制|拟(?=[一个份篇封稿])|编写|编制|改写|缩写|扩写|续写|填写|写(?!明)|制作|生成|形成|整理|概括|总结|归纳|摘要|提炼|梳理|汇总|翻译|润色|校对|修改|精简|排版|列出|列举|解释|解读|介绍|讲解|出一份|做一份|弄一份|准备(?=[一个份篇])|设计|制定|完善|补充|填报|复述|转述|摘录|摘抄|提取|标出|标注|找出|查找|检索|搜索|\b(draft|write|compose|prepare|summari[sz]e|outline|translate|polish|proofread|rewrite|edit|revise|format|list|generate|create|produce|explain|describe|paraphrase|condense|shorten|expand|extract|find|search|quote|cite|highlight)\b`;

/**
 * Words that put the question to someone else (a 请示 asks the superior; 征求意见 asks the units)
 * or name a document's subject (议题为…).
 */
export const GOVERNING_WORDS = String.raw`询问|征求|征询|请示|要求|督促|指导|(议题|主题|事由|题目|标题|内容)(为|是|：|:)|提请|报请|呈请|恳请|报送|请求?(?:上级|领导|市政府|省政府|区政府|县政府|政府|主管部门|有关部门|党组|常务会|会议|局里|委里)|\b(asking|ask|inquiring|inquire|requesting|seeking|consulting)\b`;

/** A new action starts here: "总结材料并判断…", "summarize it and decide …" (only when an action follows). */
export const CONNECTIVES = String.raw`并且|并|然后|再|同时|随后|接着|另外|此外|顺便|之后|而且|还要|还需|最后|\b(and|then|also|plus|afterwards|finally|next)\b`;

/** Words after a connective that make it a new action. */
export const ACTIONS = String.raw`判断|判定|决定|裁定|裁决|评定|认定|评判|定夺|审定|确定|评估|分析|研判|看看|看一下|看下|告诉我|说说|说一下|讲讲|回答|答复我|给出|作出|做出|表态|拍板|审核|审查|审批|打分|评分|\b(decide|determine|judge|assess|evaluate|tell|advise|let me know|say|answer|rule|give|make|check|analy[sz]e|review|consider|weigh|score|rate|grade|approve|reject|grant|deny)\b`;

/** Asking the tool to judge: what it judges is the tool's, not a topic of a document. */
export const JUDGE_VERBS = String.raw`判断|判定|决定|裁定|裁决|评定|认定|评判|定夺|审定|确定|评估|分析|研判|看看|看一下|看下|告诉我|说说|说一下|讲讲|回答|答复我|表态|审核|审查|帮我看|帮忙看|\b(decide|determine|judge|assess|evaluate|tell me|advise|let me know|answer|analy[sz]e|review|consider|weigh)\b`;

/** A judge verb after these is a topic ("关于如何判断…的指引", "how to decide …"). */
export const JUDGE_AS_TOPIC = String.raw`如何|怎样|怎么|关于|有关|\b(how|about|for|on|when|why)\b`;

/** The request says not to decide. */
export const NEGATIONS = String.raw`不(?=给出|作出|做出|提出|下结论|作评价|做评价|判断|判定|评价|评分|打分|替|代替|决定|裁定)|不要|不必|无需|不用|(?<![分特区类个级性识告辨差派鉴判离惜送道])别|请勿|勿|不需要|而不是|而非|不替|不代替|\b(don't|do not|without|never|no need to|not to|rather than|instead of)\b`;

/** A drafting verb's object is about a topic ("起草一份关于……的请示"). */
export const FRAME_WORDS = String.raw`关于|有关|就|针对|对于|围绕|涉及|如何|怎样|怎么|\b(about|on|regarding|concerning|re|of|over|as to|for|how)\b`;

/** Documents and parts of documents: the head of a drafting verb's object. */
export const DOC_NOUNS = String.raw`请示|报告|通知|公告|通告|通报|纪要|方案|说明|材料|讲话稿|讲稿|稿|简报|信息|新闻稿|签报|呈批件|便函|函|提案|议题|汇报|提纲|问答|口径|信|邮件|短信|文章|论述|要点|摘要|模板|范本|段落|部分|内容|情况|问题|事项|政策|规定|解读|指引|指南|办法|流程|程序|依据|标准|表述|争议|讨论|\b(letter|notice|memo|memorandum|email|e-mail|notification|document|template|report|summary|minutes|announcement|statement|paragraph|section|request|submission|brief|briefing|speech|press release|circular|form|table|checklist|guide|guidance|faq|article|outline|agenda|presentation|slides|text|list|explainer|overview|criteria|rules?|process|procedure|steps|arguments|discussion|policy|regulations?|requirements?|law|provisions?|clauses?)\b`;

/** Heads that carry the decision itself: writing "是否批准的意见" is deciding. */
export const DECISION_HEADS = String.raw`意见|结论|建议|评价|评语|决定|结果|答复|回复|批复|复函|回函|决定书|告知书|通知书|审批单|评分|分数|等次|等级|排名|裁决|\b(recommendation|opinion|assessment|verdict|decision|evaluation|judg(e)?ment|ruling|determination|conclusion|score|rating|grade|reply|response|answer|analysis)\b`;

/** After a decision verb these make it a noun ("批准文号", "受理窗口", "能否受理的依据"). */
export const NOUN_AFTER = String.raw`文件|文号|文书|书(?!面)|证(?!明|实)|手续|程序|流程|权限|机关|部门|事项|范围|时限|期限|日期|时间|标准|细则|办法|规则|依据|要件|材料|制度|机制|环节|表|栏|一栏|字段|选项|窗口|回执|编号|率|结果|工作|会议|小组|委员会|专家|系统|的(法律|法定)?(依据|标准|条件|规定|程序|流程|时限|期限|范围|情形|要件|权限|原则|办理流程|比例|数量)`;

/** In a gap these make the question one of fact ("是否已获批准") or procedure ("是否需要报请批准"). */
export const GAP_BLOCK = String.raw`已|获|曾|表示|经过|取得|得到|拿到|持有|提交|报请|提请|报送|报经|呈报|上报|\b(already|was|were|has been|have been|had been|submitted|obtained|received)\b`;

/** A gap ending in these makes the decision verb their object ("是否需要报请批准", "是否申请许可"). */
export const GAP_END = String.raw`(申请|请求|办理|需要|须|需|\b(apply for|request|seek)\b)\s*$`;

/** Quoted text is material when the request talks about words ("把“是否同意”改为…"). */
export const QUOTE_META = String.raw`这个词|这句话|一词|字样|用语|措辞|表述|写法|说法|改为|替换|改成|换成|翻译|译成|\b(translate|phrase|word|wording|term|expression|replace)\b`;

/** "翻译以下内容：…", "polish the following:": after the colon comes material, not instructions. */
export const MATERIAL_INTRO = String.raw`(翻译|润色|校对|改写|修改|精简|压缩|扩写|缩写|排版|纠正|纠错|转写|\b(translate|polish|proofread|rewrite|edit|revise|shorten|correct)\b)[^。！？!?\n]{0,30}?[：:]|(写|起草|草拟|拟写|撰写|续写)[^。！？!?\n]{0,12}?(开头|结尾|开篇|正文|一段话|段落|句子|一句话|文字|标题|以下内容|如下内容)[：:]`;
