# 计算过程中发现的问题、警告和说明（src/run/）。

## 问题和说明（problems.rs）
run-who = （{ $id }）
run-line-sep = 、
run-failed-in = ，出错的规则：{ $rule }
run-for-card = （考核表 `{ $card }`）
run-for-cards = （考核表 { $cards }）
run-note-skipped = { $file }：{ $id } { $period } 不计分：只有 { $count } 个月的数据（{ $months }），而考核表的 `partial` 规则要求至少 { $minimum } 个月
run-note-lenient = 本次使用了 --lenient：疑似拼错的表头只给出警告；规则中没有的品牌或门店，按该岗位不分品牌、门店的考核表计分
run-note-fallback = { $place }：{ $what } `{ $value }` 不在规则已知的范围内；--lenient 按 `{ $card }` 计分
run-note-sheets-not-read = { $file }：工作表 { $sheets } 的名称不是任何岗位，没有读取
run-note-decoded = { $file }：文件不是 UTF-8 编码，已按 { $encoding } 读取
run-brand = 品牌
run-store = 门店

## 每一行由哪张考核表计分（assign.rs）
run-no-role-column = 数据中没有岗位列，无法为各行匹配考核表
run-no-role-column-help = 请添加表头为「岗位」（或 role）的列，填写每一行的岗位，例如 { $roles }；或在命令行用 --role 为所有行指定岗位
run-no-role = 这一行没有填写岗位
run-employee = 员工 `{ $id }`{" "}
run-the-row = 这一行
run-role-no-card = { $who }的岗位是 `{ $role }`，但 { $manifest } 中没有这个岗位的考核表
run-has-role = { $who }的岗位是 `{ $role }`
run-and-brand = ，品牌是 `{ $brand }`
run-and-store = ，门店是 `{ $store }`
run-route-no-card = { $what }，但 { $manifest } 中没有对应的考核表
run-route-no-card-step = { $what }，但 { $manifest } 的步骤 `{ $step }` 中没有对应的考核表
run-route-no-card-help = `{ $role }` 只有部分品牌或门店的考核表；请为这一行的品牌或门店添加一张，或者在 { $manifest } 中添加一个岗位为 `{ $role }`、不写品牌的 [[card]]
run-did-you-mean-then = 是不是 `{ $name }`？{ $then }
run-unknown-role-help = 有考核表的岗位是 { $roles }；请改正这一行，或在 { $manifest } 中为 `{ $role }` 添加一个 [[card]]
run-no-role-help = 请填写这一行的岗位，应为以下之一：{ $roles }
run-unknown-value = { $what } `{ $value }` 不是集团的{ $what }
run-unknown-value-help-close = 是不是 `{ $close }`？请改正这个单元格；如果 `{ $value }` 是集团新增的{ $what }，请把它加到 { $manifest } 的 `[group]` 下的 `{ $key }` 中（之后这些行按该岗位不分{ $what }的考核表计分）
run-unknown-value-help = 规则中已有的{ $what }是 { $known }；如果 `{ $value }` 是集团新增的{ $what }，请把它加到 { $manifest } 的 `[group]` 下的 `{ $key }` 中（之后这些行按该岗位不分{ $what }的考核表计分），或加 --lenient 运行

## 由其他考核表的结果填入的输入（feeds.rs）
run-feed-and-column = `{ $input }` 既是数据中的一列，又由 { $source } 填入；请只保留一种
run-feed-no-result = { $looked_in } 中没有这名员工的结果，因此 `{ $input }` 无法确定
run-feed-out-of-range = { $looked_in } 给出的 `{ $input }` 为 { $value }，超出了它的范围 { $low }..{ $high }
run-feed-scored-by = { $data }（由 { $card } 计分）
run-link-not-input = `{ $input }` 不是 { $card } 的输入
run-link-types-differ = 输入 `{ $input }` 在 { $first } 中是{ $want }，在 { $card } 中却是{ $have }
run-link-stdin = 关联的考核表不能从标准输入读取
run-link-does-not-check = --from { $link }：{ $card } 未通过检查：
    { $problems }
run-link-no-key = { $card } 中没有 `{ $key }`：请写 total，或考核项、考核板块、加减分块、等级或输出项的名称
run-link-key-type = { $card } 的 `{ $key }` 是{ $ty }，而输入 `{ $input }` 需要{ $want }
run-link-problems = --from { $link }：填入 `{ $input }` 的结果有问题：
    { $problems }

## 按员工合并的多个文件（join.rs）
run-join-no-id-column = 没有员工工号列，无法与第一个文件的各行对应
run-join-no-id-column-help = 一起给出的文件按员工合并：请在每个文件中都加上「工号」（或「姓名」）列
run-join-missing-id = 没有填写员工工号，这一行无法与其他文件对应
run-join-disagree = 这里是 `{ $mine }`，但 { $file } 的{ $at }是 `{ $theirs }`
run-join-disagree-help = 两个文件中这名员工的数据不一致：请改正填错的那一个
run-join-not-in-first = 员工 `{ $id }` 在这个文件中，但不在第一个文件 { $first } 中（第一个文件列出当月的全部人员）
run-join-not-in-first-period = 员工 `{ $id }`（{ $period }）在这个文件中，但不在第一个文件 { $first } 中（第一个文件列出当月的全部人员）
run-join-not-in-first-help = 请把这名员工加到 { $first } 中，或从 { $file } 中删除这一行

## 计算与输出（mod.rs、render.rs）
run-stop-cards = 考核表中有 { $count } 个问题
run-no-data = 没有给出数据文件
run-version-tag = 版本 { $version }
run-csv-versions-differ = 考核表的各个版本列不同，而一个 CSV 文件只能有一组列；请用 --format json，或按版本的考核期分别计算（{ $versions }）
run-in-force = {" "}· 有效期 { $dates }

## 由哪些考核表计分（rules.rs）
run-directory-alone = 规则目录会自己为每一行选择考核表，请单独给出规则目录，不要同时给出其他考核表（{ $args }）
run-no-card = 没有给出考核表
run-no-manifest-help = 规则目录在 { $manifest } 中列出它的考核表
run-role-needs-directory = --role 用于从规则目录中选择考核表；`{ $cards }` 是单张考核表
run-step-needs-directory = --step 用于选择规则目录中当月的步骤；单张考核表只有一个步骤
run-rollup-needs-card = --rollup 需要一张按月汇总的考核表，而 { $card } 不汇总
run-rollup-needs-card-help = 请声明 `period quarterly`、一条 `partial` 规则，以及每个输入的汇总方式（`rollup sum`、`rollup ratio(解决数, 受理数)` …）；参见 README 的「考核期」一节
run-steps-are = 它的步骤有 { $steps }
run-no-such-step = { $manifest } 中没有步骤 `{ $step }`；{ $hint }
run-overlay-no-card = { $file } 是考核表 `{ $name }`，但 { $manifest } 中没有同名的考核表可以替换
run-then-did-you-mean = { $message }；{ $hint }

## 计分方式（ways.rs、tables.rs）
run-read-once = 这个输入只能读取一次，而它已经被读取过了
run-for-card-rows = { $message }（考核表 `{ $card }` 需要，本文件有 { $rows } 行用这张考核表）
run-near-miss-any-card = 这一列不对应任何考核表的输入，但与 `{ $close }` 很像
run-step-key = 步骤 `{ $step }` 的 `{ $key }`
run-step = 步骤 `{ $step }`
run-no-row-in = 员工 `{ $who }` 在 { $file } 中没有数据行，而考核表 `{ $card }` 的 { $columns } 来自这个文件
run-no-row-in-help = 请在 { $file } 中补上这名员工的数据行：缺少的数据不会按零计算
run-in-file-at = { $file } { $at }
run-groups-lost-rows = 排名和等级比例只在计分成功的行之间计算；未计分的行不计入任何分组
run-monthly-rows = 数据是按月的，但考核表 `{ $card }` 按{ $period }计分
run-monthly-rows-help = 请加上 --rollup，先按考核表的规则把各月汇总
run-rate-missing = `{ $input }` 没有值：不加 --rollup 时，数据中必须直接给出每个考核期的比率
