# 某一行无法计分的原因（src/eval/）。

eval-blank-optional = 这个公式用到了一个未填写的可选输入
eval-clamp-bounds = `clamp` 的下限大于上限
eval-days-in-period = `days_in_period()` 只有在读取数据行时才能确定
eval-ranks-together = 排名只有在所有行一起计分时才能确定（`evaluate_all`）
eval-expected-number = 这里应是一个数值
eval-expected-bool = 这里应是「是/否」
eval-division-by-zero = 除数为零
eval-too-large = 数值太大，无法精确计算
eval-days-late-too-many = 迟交天数太大，无法计算
eval-days-late-number = 迟交天数必须是数值
eval-count-blank = 这个次数没有填写
eval-count-too-large = 次数太大，无法计算
eval-deductions-too-large = 扣分太大，无法计算
eval-sections-too-large = 各考核板块的得分太大，无法相加
eval-adjustments-too-large = 加分和扣分太大，无法计算
eval-items-too-large = 各考核项的得分太大，无法相加
eval-amounts-too-large = 金额太大，无法计算
eval-no-rating = 没有评分人给这个考核项打分（{ $raters } 均未填写）
eval-weights-zero = 评分人的权重合计为 0
eval-no-tier = 没有适用的分档
eval-what-rank = 排名
eval-what-limit = 等级比例限制
eval-region = 区域
eval-no-group = 这项{ $what }在每个{ $group }内比较，但这一行没有填写{ $group }
