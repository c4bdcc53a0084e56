# 检查考核表时发现的问题（src/check/）。
# 卡片语法（关键字、名称、片段）保留原文，放在反引号里。

## 名称的种类（symbols.rs）
symbol-input = 输入
symbol-param = 参数
symbol-item = 考核项
symbol-section = 考核板块
symbol-adjustment = 加减分块
symbol-derived = 等级划分或输出项
symbol-rater = 评分人
symbol-rank = 排名

## 名称（symbols.rs）
no-base = `override` 和 `remove` 用于修改基础考核表，但本考核表没有基础考核表
no-base-label = 没有可修改的内容
no-base-help = 在考核表名称后写明基础考核表：`scorecard 名称 extends "base.card" { "{" } … { "}" }`
name-is-total = `total` 表示考核表的总分，不能另作他用
name-is-total-label = 请换一个名称
name-is-total-help = `total` 始终指加分、扣分之后的考核总分
duplicate-name = `{ $name }` 声明了两次
duplicate-name-again = 这里再次声明
duplicate-name-first = 首次声明在这里（{ $what }）
duplicate-name-help = 每个输入、考核项、考核板块、参数和输出项都要有自己的名称

## 通用标注
used-here = 在这里使用
declared-here = 在这里声明
here = 这里

## 数据类型（src/value.rs 的 Type）
type-number = 数值
type-percent = 百分比
type-money = 金额
type-bool = 「是/否」
type-text = 文本

## 考核项（items.rs）
conflicting-rules = 考核项 `{ $item }` 有两条规则都在设定它的得分
conflicting-rules-second = 第二条规则
conflicting-rules-first = 第一条规则
conflicting-rules-help = 一个考核项只能有一条计分规则（分档表、`full if`、`late`、`score` 或 `rated by`），另外可以有任意多行 `minus … per …` 扣分
item-score-not-points = 考核项的得分应是分数（数值），但这里是{ $ty }
late-needs-days = `late` 需要一个可选（optional）的天数（days）输入，但 `{ $name }` 是 `{ $ty }`
late-needs-days-required = `late` 需要一个可选（optional）的天数（days）输入，但 `{ $name }` 是 `{ $ty }`，而且是必填的
late-needs-days-help = 请声明为 `input { $name } days "…" optional`：空白单元格表示未上报
deduction-not-count = `{ $name }` 是 `{ $keyword }` 类型的输入，不是次数（count）
deduction-not-count-label = 按次扣分或加分需要一个次数输入
deduction-not-count-help = 请把 `{ $name }` 声明为 `count`（整数次数）；如果是比率，请改用分档表
not-an-input = `{ $name }` 是{ $what }，不是输入
not-an-input-label = 这里需要一个输入
outside-item-points = { $value } 超出了该考核项的分值范围（0 到 { $points } 分）
outside-item-points-label = 超出范围
amount-has-sign = 分数前不要写正负号，由 `minus`（扣分）或 `plus`（加分）表示方向
amount-has-sign-label = 负数
what-cap = 封顶分数
tier-formula-not-points = 分档的公式应得出分数（数值），但这里是{ $ty }

## 分档表（tiers.rs）
tier-after-else = 这一档写在 `else` 之后，永远不会生效
tier-after-else-label = 无法生效
tier-after-else-else = `else` 已经接住了所有剩下的情况
tier-after-else-help = `else` 必须是最后一档
tier-missing-else = 这个分档表没有 `else` 档
tier-missing-else-label = 低于最后一档门槛时怎么计分？
tier-missing-else-help = 在最后加一档，例如 `else : 0`
top-needs-rank = `top` 档需要按排名查找
top-needs-rank-row = `top` 档
top-needs-rank-label = 这不是排名
top-needs-rank-help = 先声明 `rank 名次 by total within store ties shared`，再写 `by 名次 { "{" } top 10% : … { "}" }`
top-mixes-kinds = 这个分档表混用了 `top N%` 档（按比例）和 `top N` 档（按名次）
top-mixes-kinds-label = 按名次
top-mixes-kinds-help = 一个分档表只用一种：`top 10%`、`top 25%` …… 或 `top 1`、`top 3` ……
tier-subject-not-number = 分档表需要按数值查找，但这里是{ $ty }
tier-bad-comparison = 分档只能用 >=、>、<= 或 < 比较，不能用 `{ $op }`
tier-bad-comparison-help = 按确切次数分档时写 `<= 0 : full`、`<= 1 : minus 1` ……
tier-threshold-not-constant = 分档门槛必须是数字或参数
tier-threshold-not-constant-label = 不是固定值
tier-threshold-not-constant-help = 门槛要在考核表里写定，检查时才能核对各档的顺序
what-tier-subject-threshold = 分档的查找值和门槛
tier-mixed-direction = 这个分档表里既有从高到低的门槛，又有从低到高的门槛
tier-mixed-direction-here = 这里用了 `{ $op }`
tier-mixed-direction-first = 但表的开头是另一个方向
tier-mixed-direction-help = 只用 >= 和 >（从最好的一档写起），或只用 <= 和 <（从最低的一档写起）
tier-order = 分档顺序不对：{ $value } 应排在 { $above } 之前
tier-never-applies = 这一档永远不会生效
tier-order-above = 因为上面这一档先接住了这些数值
tier-order-help-highest = 按从上到下第一个符合的档位计分，所以门槛最高的一档要写在最前面
tier-order-help-lowest = 按从上到下第一个符合的档位计分，所以门槛最低的一档要写在最前面
tier-overlap = 有两档的门槛都是 { $value }
tier-overlap-label = 相同的门槛在这里
tier-overlap-help = 每一档都要有自己的门槛
tier-rising = 下面一档的得分（{ $lower }）比上面一档（{ $upper }）还高
tier-rising-label = 得分更高
tier-rising-above = 比这一档高
tier-rising-help = 各档应从最好排到最差，请核对分数

## 分值（points.rs）
section-empty = 考核板块 `{ $section }` 下没有考核项
section-empty-label = 空的考核板块
weight-mismatch = 考核板块 `{ $section }` 的分值是 { $weight } 分，但其中考核项的分值合计为 { $sum } 分
weight-mismatch-weight = 占总分 { $weight } 分
weight-mismatch-items = 各考核项：{ $sum }
weight-mismatch-help = 请调整某个考核项的分值或板块分值；也可以在板块分值后写 `scaled`，把各考核项按比例折算到该分值
total-mismatch = 各考核板块合计 { $sum } 分，但考核表的总分（total）是 { $total } 分
total-mismatch-label = 声明的总分
total-mismatch-help = 各考核板块：{ $sections }

## 表达式（expr.rs）
what-if-condition = `if` 的条件
what-if-branches = `if` 的两个分支
what-total = 考核表的总分
what-item-score = 考核项的得分
what-section-score = 考核板块的得分
what-adjustment = 加减分块
what-derived = 等级划分或输出项
what-rank = 排名
what-compare-sides = `{ $op }` 两边
what-numbers-to-add = 相加的两个数
what-numbers-to-subtract = 相减的两个数
what-arguments-of = `{ $name }` 括号里的各项
what-section-weight = 考核板块的分值
what-item-points = 考核项的分值
rater-not-value = `{ $name }` 是评分人，不是一个值
rater-not-value-label = 评分人
rater-not-value-help = 评分人的评分由考核项里的 `rated by …` 读取；公式里请使用该考核项的得分
item-rule-cannot-use = 考核项的计分规则不能使用{ $what }
item-rule-cannot-use-label = 给考核项计分时还不知道它的值
item-rule-cannot-use-help = 考核项的规则只能读取输入和参数；要用得分或总分，请写在等级划分（band）或输出项（output）里
require-cannot-use = `require` 行不能使用{ $what }
require-cannot-use-label = 读取数据行时还不知道它的值
require-cannot-use-help = `require` 说明数据必须满足的条件，只能读取输入和参数
unknown-name = `{ $name }` 未在本考核表中声明
unknown-name-label = 未声明的名称
did-you-mean = 是否想写 `{ $name }`？
unknown-name-help = 请把它声明为输入（`input 名称 percent "说明"`）或参数
minus-needs-number = `-` 后面要跟数值，但这里是{ $ty }
money-times-money = 两个金额不能相乘
money-times-money-help = 金额可以乘以次数、比率或系数
divide-by-money = 除以金额得不到考核表会用到的任何数
arithmetic-needs-numbers = 计算需要数值，但这里是{ $ty }
types-do-not-match = { $what }的类型不一致：一个是{ $a }，一个是{ $b }
this-is = 这是{ $ty }
needs-yes-no-help = 条件要么是比较（`培训成绩 >= 85`），要么读取一个是/否（bool）输入
needs-yes-no = { $what } 需要「是/否」，但这里是{ $ty }
wrong-arity = `{ $name }` 要填{ $expected }，这里填了 { $count } 项
wrong-arity-label = 项数不对
arity-two-or-more = 两项或更多
arity-three = 三项
arity-one-or-two = 一到两项
function-needs-numbers = `{ $name }` 只能用于数值
round-places = `round` 的小数位数必须是 0 到 10 的整数
round-places-label = 这里写 0、1 或 2
round-places-help = `round(x, 2)` 保留到分；按四舍五入处理
present-needs-optional = `present` 要填一个可选（optional）输入
present-needs-optional-label = 不是可选输入
present-needs-optional-help = 用 `optional` 声明该输入；单元格填了值时 `present(x)` 为是
days-in-period-arguments = `days_in_period` 不带参数
days-in-period-arguments-label = 请写 `days_in_period()`
days-in-period-only-require = `days_in_period()` 只能用在 `require` 行里
days-in-period-only-require-label = 这里还不知道数据行所属的期间
days-in-period-only-require-help = 用 `require 旷工 <= days_in_period() "…"` 核对数据；得分不能依赖它
takes-one-rank = `{ $name }` 要填一个排名
takes-one-rank-help = 先声明排名（`rank 名次 by total within store ties shared`），再写 `{ $name }(名次)`
write-as-percent = 百分比请写成 `{ $value }%`

## 考核表的声明（decls.rs）
field-twice = 考核表里 `{ $field }` 声明了两次
field-twice-first = 首次声明在这里
no-total = 考核表有考核板块，却没有写 `total`（总分）
no-total-label = 本考核表
no-total-help = 加上 `total 100`（各考核板块分值的合计）
effective-backwards = 考核表的停用日期 { $until } 早于启用日期 { $from }
effective-backwards-label = 结束早于开始
effective-backwards-help = 先写第一天，再写 `..`，最后写最后一天
unknown-period = `{ $name }` 不是考核周期
unknown-period-label = 未知的考核周期
unknown-period-help = 请写 monthly（月度）、quarterly（季度）、half-yearly（半年度）或 yearly（年度）
not-positive = { $what }必须大于零
not-positive-label = 不是正数
optional-and-default = 输入 `{ $name }` 既是可选（optional）的，又有默认值（default）
optional-and-default-optional = optional：空白单元格表示未上报
optional-and-default-default = default：空白单元格按这个值计
optional-and-default-help = 两者只保留一个
bool-has-no-range = 是/否（bool）输入没有取值范围
range-backwards = 取值范围的下限大于上限
range-backwards-help = 先写较小的数：`range 0..100`
percent-bounds = 百分比输入的范围要写成百分比：`{ $value }%`
bounds-not-percent = `{ $ty }` 类型输入的范围不能写成百分比
bounds-not-money = `{ $ty }` 类型输入的范围不能写成金额
whole-numbers = `{ $ty }` 类型的输入只能是整数
bool-default = 是/否（bool）输入的默认值是 `true` 或 `false`
default-is-number = `{ $ty }` 类型输入的默认值是一个数
default-outside-range = 默认值超出了该输入的取值范围
count-negative = 次数不能是负数

## 等级划分和输出项（derived.rs）
cycle = `{ $name }` 依赖于它自己
cycle-help = 等级划分（band）和输出项（output）可以互相引用，但不能形成循环
cycle-used-here = 在这里使用，又绕回到它自己
what-band-rows = 等级划分的各行
output-money-help = 给金额写上单位：在参数或数字后面写 `30 元`
output-type = 这个输出项声明为 `{ $declared }`，但它的公式得出的是{ $ty }
output-type-formula = 公式
output-type-declared = 声明的类型

## 除以零（zero.rs）
zero-denominator = `{ $name }` 可能为 0，遇到为 0 的数据行时这里会出错：除数为零
zero-denominator-label = 除以 `{ $name }`
zero-denominator-help = 写明为 0 时怎么算：`if { $name } = 0 then 100% else … / { $name }`（没有可统计的对象时），或者拒收这种数据：`require { $name } >= 1 "…"`

## 评分人（raters.rs）
unknown-combine = `{ $name }` 不是合并评分的方式
unknown-rule = 未知的规则
unknown-combine-help = 请写 `combine override`（后列的评分人覆盖前面的）、`combine mean`（取平均），或 `combine weighted`（加权，每个评分人后写权重）
rates-twice = `{ $name }` 给这个考核项评了两次分
unknown-rater = `{ $name }` 不是本考核表的评分人
unknown-rater-label = 未知的评分人
unknown-rater-help = 请先声明：`rater { $name } "说明"`
not-a-rater = `{ $name }` 是{ $what }，不是评分人
not-a-rater-label = 这里需要一个评分人
not-a-rater-help = 用 `rater 名称 "说明"` 声明评分人，例如 `rater 经理 "部门经理评分"`
combine-no-weights = `combine { $combine }` 不带权重
combine-no-weights-weight = 权重
combine-no-weights-label = 不是加权方式
combine-no-weights-help = 要按权重合并请写 `combine weighted`，否则请去掉权重
rater-no-weight = `{ $name }` 没有权重
rater-no-weight-label = 需要一个比例，例如 `40%`
rater-no-weight-help = 使用 `combine weighted` 时每个评分人都要有权重，各权重合计为 100%
rater-weight-share = 评分人的权重是大于 0% 的比例
rater-weight-share-label = 请写百分比，例如 `40%`
rater-weights-sum = 各评分人的权重合计为 { $sum }%，不是 100%
rater-weights-sum-label = 这些权重
rater-weights-sum-help = 某个评分人未评分时，其余评分人的权重会按比例放大到 100%；但声明的权重合计必须是 100%

## 排名和等级名额（ranks.rs）
limit-twice = 这个等级限制了两次名额
limit-twice-second = 第二个限制
limit-twice-first = 第一个限制
limit-twice-help = 每个等级只保留一个 `limit`
what-grade-limit = 等级名额限制
what-rank-noun = 排名
rank-unknown-ties = `{ $name }` 不是排名的并列规则
rank-no-ties = 排名 `{ $name }` 没有说明并列时怎么排
rank-ties-help = 加上 `ties shared`（并列者同占最好的名次：1、2、2、4）或 `ties dense`（1、2、2、3）
rank-reads-rank = 排名 `{ $name }` 所排的值又依赖于排名
rank-reads-rank-label = 读取了排名
rank-reads-rank-help = 所有排名都是根据每行自己的得分一起算出的；请按总分、考核板块、考核项，或不读取排名的等级划分、输出项来排名
limit-unknown-ties = `{ $name }` 不是等级名额的并列规则
limit-no-ties = 这个名额限制没有说明卡在分界线上的并列者怎么处理
limit-ties-help = 加上 `ties keep`（卡在分界线上的并列者都保留该等级，即使超出名额）或 `ties push`（都降一级）
limit-share = 等级名额是组内人数的一个比例，介于 0% 和 100% 之间
limit-share-label = 请写百分比，例如 `20%`
limit-needs-grade = 等级名额限制需要一个 `grade` 等级表
limit-needs-grade-label = 没有可以限制名额的等级表
limit-needs-grade-help = 加上 `grade { "{" } >= 90 : 优秀  >= 75 : 称职  else : 较差 { "}" }`
unknown-grade = `{ $grade }` 不是本考核表的等级
unknown-grade-label = 未知的等级
unknown-grade-help = 本考核表的等级有：{ $grades }
limit-lowest-grade = `{ $grade }` 是最低等级，无法再往下降
limit-lowest-grade-label = 最低等级
limit-lowest-grade-row = 它所在的行
ranked-not-number = { $what }要按数值给各行排序，但这里是{ $ty }
unknown-grouping = `{ $name }` 不是数据行的分组
unknown-grouping-label = 未知的分组
unknown-grouping-help = 请写 `within store`、`within brand`、`within region` 或 `within all`（对应数据中的 门店、品牌 和 区域 列）

## 按月汇总到季度、半年、年度（rollup.rs）
rollup-needs-period = 只有季度、半年度或年度考核表才能把月度数据汇总
rollup-needs-period-label = 汇总规则
rollup-needs-period-help = 请声明考核表的周期：`period quarterly`
rollup-no-partial = 本考核表会按月汇总，但没有说明缺少某些月份时怎么处理
rollup-no-partial-help = 加上 `partial skip`（只给完整的期间计分）、`partial score minimum 2 months`（按已有月份计分）或 `partial prorate minimum 2 months`（合计按比例折算到整个期间）
ratio-part-not-sum = `{ $name }` 由 `{ $part }` 重新计算，但 `{ $part }` 的汇总方式是 `{ $rule }`，不是 `sum`
ratio-part-not-sum-label = 合计之比
unknown-partial = `{ $name }` 不是不足整期的处理规则
unknown-partial-help = 请写 `partial skip`、`partial score` 或 `partial prorate`，后两种要加 `minimum N months`
skip-no-minimum = `partial skip` 不带最少月数
skip-no-minimum-label = 最少月数
skip-no-minimum-help = `skip` 只给完整的期间计分；要给只有部分月份的期间计分，请写 `partial score minimum N months`
minimum-months = 最少月数必须是 1 到 { $months } 之间的整数
minimum-months-label = 不是该期间内的月数
ratio-same-parts = 比率的两部分必须是不同的输入
ratio-unlike-parts = `{ $numerator }` 是 `{ $tn }`，而 `{ $denominator }` 是 `{ $td }`；比率只能同类相除
ratio-needs-parts = `ratio` 要写明它的两部分
ratio-needs-parts-help = 请写 `rollup ratio(解决数, 受理数)`：前者合计除以后者合计
rollup-takes-no-parts = `{ $rule }` 不带括号里的部分；只有 `ratio(…, …)` 才带
unknown-rollup = `{ $name }` 不是汇总规则
unknown-rollup-help = 汇总规则有 sum、mean、last、all、any 和 ratio(分子, 分母)
rollup-misfit = `{ $name }` 是 { $kind }，{ $problem }
no-rollup-help-percent = 用合计的次数重新计算比率：`rollup ratio(解决数, 受理数)`；或用 `rollup mean` 取各月平均
no-rollup-help-bool = `rollup all`（每个月都为是才为是）、`rollup any`（任一月为是即为是）或 `rollup last`
no-rollup-help-number = 数量（如销售台数）用 `rollup sum`，分数（如培训成绩）用 `rollup mean`，级别用 `rollup last`
no-rollup = `{ $name }` 怎样从各月汇总到考核表的期间？
no-rollup-label = { $kind }输入，没有写 `rollup`
ratio-part-kind = `{ $name }` 是 { $kind }，不是可以相加的次数、数值或金额
ratio-part-kind-help = 比率由两个合计的部分重新计算，例如 `ratio(解决数, 受理数)`
misfit-all-any = `all` 和 `any` 只用于是/否（bool）输入
misfit-all-any-help = 请用 `rollup sum`、`mean` 或 `last`
misfit-bool = 是/否不能相加或平均
misfit-bool-help = 请用 `rollup all`（每个月都为是）、`any`（某个月为是）或 `last`
misfit-sum-percent = 比率不能相加
misfit-sum-percent-help = 用 `rollup ratio(解决数, 受理数)` 从合计的次数重新计算，或用 `rollup mean` 取各月平均
misfit-sum-rating = 评分不能相加
misfit-sum-rating-help = 用 `rollup mean` 取平均
misfit-mean-count = 次数的平均值不再是次数
misfit-mean-count-help = 次数应相加：`rollup sum`
misfit-ratio = 只有百分比才能按比率重新计算
misfit-ratio-help = 请用 `rollup sum` 或 `rollup mean`
input-of-kind = `{ $keyword }` 类型
