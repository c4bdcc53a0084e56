# 规则清单 scorecard.toml 的问题（src/manifest/）。

manifest-shape-help = 每张考核表是一个 `[[card]]` 表，写 `role`、`file`，可选 `brand`、`store`、`step` 和 `from`；集团的品牌和门店写在 `[group]` 里，要忽略的数据列写在 `[data]` 里
feed-without-step = `{ $value }` 没有说明由哪一步的结果填入 `{ $input }`
feed-without-step-label = 应写成 步骤.结果（STEP.KEY）
feed-without-step-help = 写明步骤和结果，例如 `{ $input } = "{ $step }.total"`
key-empty = `{ $key }` 是空的
empty = 空的
store-needs-brand = 门店条目必须写明所属品牌
store-needs-brand-label = 门店没有品牌
store-needs-brand-help = 加上 `brand = "…"`：门店的考核表在它所属的品牌里选择
entry-twice = 「{ $entry }」列了两张考核表
entry-twice-again = 这里又列了一次
entry-twice-first = 第一次列在这里
entry-twice-help = 两个条目只保留一个
manifest-no-cards = 规则清单里没有列出任何考核表
manifest-no-cards-help = 加一个 `[[card]]` 表，写上 `role` 和 `file`
group-brand = 品牌
group-store = 门店
group-name-empty = `[group]` 里有一个{ $what }是空的
group-name-twice = { $what } `{ $name }` 列了两次
again-here = 这里又出现一次
not-in-group = { $what } `{ $value }` 不在 `[group]` 列出的{ $what }里
not-in-group-entry = 这个条目用于{ $what } `{ $value }`
not-in-group-list = 集团的{ $what }
not-in-group-help = 把 `{ $value }` 加到 `[group]` 的{ $what }里，或改正这个条目
feed-same-step = `{ $input }` 读取步骤 `{ $step }`，而它自己的考核表也在这一步
feed-same-step-label = 同一步骤
feed-same-step-help = 考核表只能由更早步骤的结果填入：请把这张考核表放到单独的步骤里（`step = "绩效工资"`）
step-lacks-role = 步骤 `{ $step }` 没有岗位 `{ $role }` 的考核表，所以没有结果可以填入 `{ $input }`
step-lacks-role-label = 从这里读取
step-lacks-role-help = 添加一个岗位为 `{ $role }`、步骤为 `{ $step }` 的 `[[card]]`，或改读其他步骤
no-such-step = 没有步骤 `{ $step }`
no-such-step-label = 没有这个步骤
no-such-step-help = 现有的步骤是 { $steps }；没写 `step` 的条目属于 `{ $first }`
steps-loop = 步骤 { $steps } 互相读取对方的结果，形成了循环
steps-loop-help = 一个步骤只能读取它之前的步骤：考核结果用来计算绩效工资，不能反过来
manifest-card-unreadable = 无法读取考核表：{ $why }
listed-here = 在这里列出
manifest-card-unreadable-help = `file` 相对于规则清单所在的文件夹
feed-not-an-input = `{ $input }` 不是 `{ $file }` 的输入
fed-here = 在这里填入
feed-no-key = `{ $file }`（{ $entry }）没有 `{ $key }`
read-here = 在这里读取
feed-no-key-help = 可读取的结果是 `total`（总分），或考核项、考核板块、加分块、扣分块、等级划分、输出项的名称
feed-wrong-type = `{ $from }` 的 `{ $key }` 是{ $have }，但 `{ $file }` 的 `{ $input }` 需要{ $want }
