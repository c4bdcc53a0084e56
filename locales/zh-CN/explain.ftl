# 一名员工的得分说明（src/report/explain.rs、group_trace.rs、appeal.rs）。
# 『…』里是制度原文（考核表中 quote 的句子）；〔…〕是考核表的文件和行号，供核对。

## 标题
explain-total = 总分 { $total }（满分 { $of }）
explain-grade-heading = 等级 { $grade }
explain-heading-sep = {"· "}
explain-provenance = 考核表 { $file } · { $stamp } · 数据第 { $line } 行
explain-sections = 考核板块
explain-section = { $name } { $score }（满分 { $weight }）
explain-section-scaled = { $name } { $score }（满分 { $weight }；各项合计 { $items }（满分 { $points }），按比例折算为 { $weight } 分）
explain-bonuses = 加分 { $sum }
explain-penalties = 扣分 { $sum }
explain-ranks = 排名
explain-bands = 分档
explain-outputs = 计算结果
explain-bands-outputs = 分档与计算结果
explain-hooks = 脚本计算
explain-of = {" / "}{ $points }

## 引用与参照
explain-ref = 〔{ $file } 第{ $line }行〕
explain-policy = 制度『{ $quote }』
explain-assumed = （本表设定：{ $text }）
explain-policy-was = ；制度原文『{ $quote }』
explain-sep = {"，"}
explain-and = {"、"}

## 数值
explain-yes = 是
explain-no = 否
explain-blank = 未填
explain-fact = { $name } { $value }
explain-fact-bool = { $name }：{ $value }
explain-points = { $n } 分

## 分档
explain-cmp-ge = { $x }及以上
explain-cmp-gt = 高于 { $x }
explain-cmp-le = { $x }及以下
explain-cmp-lt = 低于 { $x }
explain-cmp-eq = 等于 { $x }
explain-cmp-ne = 不等于 { $x }
explain-cmp-else = 不属于以上各档
explain-out-full = 得满分
explain-out-minus = 扣 { $n } 分
explain-out-fixed = 得 { $n } 分
explain-out-formula = 按公式计分
explain-row = { $guard }，{ $outcome }
explain-tier-quoted = { $facts }，按『{ $quote }』得 { $score } 分（满分 { $points }）
explain-tier-plain = { $facts }，属于「{ $row }」一档，得 { $score } 分（满分 { $points }）

## 是否达标
explain-pass-quoted = { $facts }，制度『{ $quote }』，得 { $score } 分（满分 { $points }）
explain-pass-failed = { $facts }，未达到本项要求，得 { $score } 分（满分 { $points }）
explain-zero-applies = { $facts }，属于本项不得分的情形，得 0 分（满分 { $points }）

## 迟报
explain-late-missing = { $name } 未上报，得 { $score } 分（满分 { $points }）
explain-late-days = { $name } 迟报 { $days } 天 × { $per } 分 = 扣 { $off } 分，得 { $score } 分（满分 { $points }）

## 按公式
explain-score-read = { $name } { $score }，得 { $score } 分（满分 { $points }）
explain-score = { $formula } = { $score } 分（满分 { $points }）

## 次数扣分、加分
explain-per-minus = { $what } { $count } 次 × { $amount } 分 = 扣 { $total } 分
explain-per-plus = { $what } { $count } 次 × { $amount } 分 = 加 { $total } 分
explain-sum = 合计 { $sum }
explain-clamp-zero = ，本项最低 0 分，得 0 分
explain-clamp-points = ，本项最高 { $points } 分，得 { $points } 分
explain-capped = 各项合计 { $sign }{ $uncapped } 分，本项最多 { $sign }{ $cap } 分

## 评分
explain-rated-only = 只有{ $rater } { $score } 分
explain-rated-none = 无人评分，得 { $score } 分
explain-rated-override = { $given }，以{ $rater }为准：{ $score } 分
explain-rated-mean = { $given }，取平均 { $formula } = { $score } 分
explain-rated-weighted = { $given }，加权 { $formula } = { $score } 分
explain-rated-rescaled = （只按评了分的人的权重合计 { $weights } 折算）
explain-rated-rounded = （保留两位小数）
explain-rated-given = { $rater } { $score }
explain-rated-blank = { $rater }未评

## 合计、等级、排名
explain-total-line = 合计 = 各板块 { $sections }
explain-total-floored = ，总分最低为 0
explain-grade = { $facts }，{ $guard }，等级 { $grade }
explain-grade-pushed = ；因等级名额限制，调为 { $grade }
explain-total-name = 总分
explain-place = 第 { $place } / { $size }
explain-rank = { $by } { $value }，在{ $group } { $size } 人中排第 { $place }
explain-rank-tied = （与另外 { $others } 人并列）
explain-rank-all = 全部
explain-rank-all-period = { $period } 全部
explain-push = 等级由 { $from } 调为 { $to }：{ $group }有 { $had } 人为 { $from }，按名额限制只能有 { $allowed } 人；{ $why }
explain-push-tie = { $by } { $value } 与名额线并列，并列者一起调整
explain-push-below = { $by } { $value } 低于保留名额中最低的 { $kept }
explain-push-below-cut = { $by } { $value } 低于名额线 { $cut }（并列者一起调整）
explain-push-none = { $share } × { $size } 人，向下取整为 0 人

## 计算结果
explain-output = { $name } = { $formula } = { $value }
explain-where = （其中 { $facts }）
explain-output-about = { $name } = { $formula } ≈ { $value }
explain-output-plain = { $name } = { $value }
explain-band = { $facts }，属于「{ $guard }」一档：{ $name } { $value }
explain-rounded = （四舍五入保留 { $places } 位小数）
explain-op-and = {" 且 "}
explain-op-or = {" 或 "}
explain-not = 非 { $x }
explain-if = 如果 { $cond } 则 { $then }，否则 { $else }
explain-clamp = { $x } 限定在 { $low } 到 { $high } 之间
explain-present = { $name } 已填写
explain-period-days = 当期天数

## 脚本
explain-hook = { $call } = { $value }，由脚本 { $file } 计算
explain-hook-printed = 脚本输出：{ $line }

## 考核结果告知书（appeal.rs）
appeal-title = 考核结果告知书
appeal-period = 考核期间 { $period }
appeal-id = 工号
appeal-name = 姓名
appeal-role = 岗位
appeal-brand = 品牌
appeal-store = 门店
appeal-result = 总分 <b>{ $total }</b>（满分 { $of }）
appeal-grade = {" · "}等级 <b>{ $grade }</b>
appeal-col-item = 考核项目
appeal-col-points = 分值
appeal-col-score = 得分
appeal-col-why = 扣分原因（『』内为制度原文）
appeal-notes = <b>说明</b>（程序按规则所做、数据中未写明的处理）
appeal-heading = 申诉
appeal-text = 本人已阅知上述考核结果。如对结果有异议，请于收到本告知书之日起 ____ 个工作日内，向考核评审委员会提交书面申诉，写明有异议的考核项目及理由，并附相关证明材料；逾期未提出的，视为无异议。
appeal-matter = 申诉事项：______________________________________________________________
appeal-sign-rater = 考核人（签字）：
appeal-sign-employee = 被考核人（签字）：
appeal-sign-date = 日期：　　　年　　月　　日
appeal-ref = { $file } · { $stamp } · 数据第 { $line } 行
appeal-ref-sep = {"；"}
