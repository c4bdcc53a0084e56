# 测试用例文件：用手算的总分检验考核表（src/cases/）。

cases-not-toml = 不是有效的测试用例文件：{ $detail }
cases-quote-keys-help = TOML 中非 ASCII 的键要加引号："反馈及时率" = "96%"
cases-card-not-text = `card` 应是考核表的文件名，并加引号
cases-defaults-not-table = `[defaults]` 应是一个「列名 = 值」的表
cases-case-not-tables = 每个用例要写成一个 [[case]] 表
cases-unknown-top-key = 未知的键 `{ $key }`（测试用例文件只能有 `card`、`[defaults]` 和 [[case]] 表）
cases-name-twice = 有两个用例都叫 `{ $name }`
cases-none = 没有 [[case]] 表
cases-case-not-table = 第{ $number }个用例不是表
cases-case-no-name = 第{ $number }个用例缺少 `name`
cases-label = 用例 `{ $name }`
cases-no-expect = { $label }缺少 `expect` 表，至少要写 `total`
cases-no-expect-rows = { $label }缺少按员工工号分组的 `expect` 表
cases-row-not-table = { $label }：第{ $number }行不是表
cases-no-expect-for-row = { $label }的第{ $number }行没有对应的 `expect."{ $id }"` 表
cases-expect-no-row = { $label }：`expect."{ $id }"` 与任何一行的工号都不对应
cases-row-and-rows = { $label }同时有 `row` 和 `rows`，请只保留一个
cases-no-row = { $label }缺少 `row` 表（或 `rows` 列表）
cases-unknown-key = { $label }：未知的键 `{ $key }`（用例只能有 `name`、`row` 或 `rows`，以及 `expect`）
cases-expect-no-total = { $label }：`expect` 中缺少 `total`（手算的总分）
cases-expect-not-value = { $label }：`expect.{ $key }` 应是数值或文本
cases-no-row-scored = 没有为 `{ $id }` 算出结果
cases-unknown-expect = `expect` 中的 `{ $key }` 不是 `total`、`grade`、`sections_total`，也不是考核表中的考核项、考核板块、加减分块、等级或输出项
cases-data-name = { $file }，用例 `{ $case }`
cases-coverage = 分档 { $tiers_all } 行中覆盖了 { $tiers } 行，扣分 { $deductions_all } 项中覆盖了 { $deductions } 项
