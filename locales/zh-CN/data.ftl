# 读取数据文件时发现的问题（src/data/）。
# 列名、输入名等放在反引号里。

## 数据文件中的位置（error.rs）
data-at-file = 整个文件
data-at-line = 第{ $n }行
data-at-record = 第{ $n }条记录
data-at-row = 第{ $n }行
data-place-file = { $file }
data-place-line = { $file } 第{ $n }行
data-place-record = { $file } 第{ $n }条记录
data-place-row = { $file } 第{ $n }行
data-place-cell = { $file }!{ $cell }
data-place-sep = ：
data-place-column = 列 `{ $column }`
data-place-help = 提示：{ $help }

## 列和表头（binding.rs）
data-field-id = 员工工号
data-field-name = 员工姓名
data-field-brand = 品牌
data-field-store = 门店
data-field-region = 区域
data-field-period = 考核月份
data-list-sep = 、
data-did-you-mean = 是不是 `{ $name }`？
data-column-no-header = 第{ $column }列没有表头，该列内容不会读取
data-columns-same-input = `{ $first }` 和 `{ $header }` 两列都对应输入 { $input }
data-columns-same-field = `{ $first }` 和 `{ $header }` 两列都是{ $field }
data-no-id-column = 没有员工工号列
data-no-id-column-help = 请添加工号列：表头写「工号」「员工编号」「id」或「employee_id」（姓名不重名时也可用「姓名」列）
data-no-id-column-help-close = `{ $header }` 是工号列吗？工号列的表头应为「工号」「员工编号」「id」或「employee_id」（姓名不重名时也可用「姓名」列）
data-default-used-one = 数据中没有 { $input } 列，所有人都按默认值 { $shown } 计算
data-default-used-several = 数据中没有 { $count } 个输入的列，所有人都按默认值计算：{ $list }
data-default-used-item = { $input } 取 { $shown }
data-missing-column = 数据中没有必填输入 { $input } 的列
data-missing-column-help = 请添加表头为 `{ $name }` 的列
data-missing-column-help-both = 请添加表头为 `{ $label }`（或 `{ $name }`）的列
data-missing-column-help-close = 是不是 `{ $header }` 这一列？表头必须与输入的名称或标签完全一致
data-near-miss-column = 这一列不对应考核表中的任何输入，但与 `{ $close }` 很像
data-near-miss-column-help = 如果就是 `{ $close }`，请把表头改为 `{ $close }`；如果是别的列，请在 scorecard.toml 的 `[data] ignore` 中列出（或加 --lenient 运行）
data-unknown-column = 这一列不对应考核表中的任何输入，不会读取

## 单元格（cell.rs）
data-percent-help = 百分比写作 98% 或 0.98
data-bool-help = 请填写 是/否（也可写 yes/no、true/false、y/n、1/0、对/错、√/×）
data-excel-error = `{ $shown }` 是 Excel 的错误值：{ $cause }
data-excel-error-help = 请在工作簿中改正公式（或直接填入数字），然后重新读取数据
data-excel-div0 = 公式除以了零
data-excel-na = 查找公式没有找到值
data-excel-value = 公式用了类型不对的值
data-excel-ref = 公式引用的单元格已不存在
data-excel-name = 公式用了 Excel 不认识的名称
data-excel-num = 公式的结果不是有效数字
data-excel-null = 公式的区域没有交集
data-excel-failed = 公式计算失败
data-blank-required = 必填输入 { $input } 没有填写
data-noun-percent = 百分比
data-noun-number = 数值
data-noun-count = 次数
data-noun-money = 金额
data-noun-bool = 「是/否」
data-noun-rating = 评分
data-noun-days = 天数
data-cell-not-a = `{ $shown }` 不是有效的{ $what }
data-thousands-only-money = 只有金额可以用千位分隔符；请写 1200，不要写 1,200
data-not-finite-help = 表格中这个单元格的公式计算失败（NaN 或无穷大），请改正后重新导出
data-scientific = `{ $shown }` 是科学计数法
data-scientific-help = 请把数字完整写出
data-scientific-help-value = 请把数字完整写出：{ $value }
data-too-large = `{ $shown }` 数值太大
data-too-precise = `{ $shown }` 的位数太多，无法精确保存
data-too-precise-help = 数字最多只能有 28 位有效数字
data-whole-help = { $what }应为 0 或正整数
data-not-whole = `{ $shown }` 不是整数
data-negative = `{ $shown }` 是负数
data-wan = `{ $shown }` 以「万」为单位，应以「元」为单位
data-wan-help = 请以元为单位填写金额
data-wan-help-value = 请以元为单位填写金额：{ $value }
data-thousands-help = 小数点用 `.`，逗号 `,` 只用于千位分隔，例如 1,200.50
data-outside-range = `{ $shown }` 超出了范围 { $low } 至 { $high }
data-percent-reads-as = 百分比写作 98% 或 0.98；`{ $shown }` 会被读作 { $value }
data-percent-would-mean = `{ $shown }` 会被读作 { $value }

## JSON 和 TOML 文件（json.rs、toml.rs）
data-json-not-rows = 应是由对象组成的 JSON 数组，或每行一个对象（JSON Lines）
data-json-not-rows-help = 请把各行写成 [{"{"}"工号": "E001", …{"}"}, …]
data-json-not-object = 每条记录应是一个对象（每列一个键），这里却是{ $what }
data-json-key-twice = 同一个对象里键 `{ $key }` 出现了两次
data-json-eof = JSON 在一个值的中间结束了
data-json-eof-help = 文件可能不完整
data-json-malformed = JSON 格式有误（第{ $column }列）：{ $detail }
data-json-line-eof = 这一行在一个 JSON 值的中间结束了
data-json-lines-help = 每行必须是一个完整的 JSON 对象（JSON Lines）；如果一份数据跨多行，请把各行放进数组 [ … ]
data-json-bool = true/false
data-json-number = 数字
data-json-string = 字符串
data-json-array = 数组
data-json-null = null
data-toml-top-key = 顶层出现了多余的键 `{ $key }`
data-toml-top-key-help = 每一行数据要写在自己的 [[row]] 表里
data-toml-row-not-list = `row` 是{ $what }，不是由表组成的列表
data-toml-row-not-list-help = 请把每一行写成一个 [[row]] 表
data-toml-quote-key = 非 ASCII 的键必须加引号："{ $key }" = …
data-toml-malformed = TOML 格式有误：{ $detail }
data-toml-not-table = 每条记录应是一个表（每列一个键），这里却是{ $what }
data-toml-date = 日期
data-toml-list = 列表
data-toml-table = 表

## 数据行（rows.rs）
data-require-fact = `{ $column }` 为 { $value }
data-require-fact-no-column = `{ $name }` 为 { $value }（数据中无此列）
data-require-facts = { $message }（{ $facts }）
data-require-rule = `{ $condition }`（{ $file } 第{ $line }行）
data-require-help = 考核表要求 { $rule }；请改正这一行数据；如果是规则写错了，请改正考核表
data-require-help-failed = 考核表要求 { $rule }，但无法判断是否满足：{ $why }
data-period-cell-help = 月份写作 2026-10（或 2026年10月），季度写作 2026-Q4
data-missing-id = 没有填写员工工号
data-missing-name-as-id = 没有填写员工姓名（数据中没有工号列，以姓名作为工号）
data-duplicate-id = 员工 `{ $id }` 出现了两次：{ $first }和{ $second }
data-duplicate-id-period = 员工 `{ $id }` 在 { $period } 出现了两次：{ $first }和{ $second }
data-duplicate-name-as-id-help = 数据中没有工号列，所以用姓名区分员工；请添加「工号」列，以区分同名的两个人

## 读取文件（source.rs、format.rs）
data-io-not-found = 文件不存在
data-io-permission = 没有读取权限
data-cannot-read-data = 无法读取文件：{ $why }
data-utf16 = 文件是 UTF-16 编码，不是 UTF-8
data-not-utf8 = 文件不是 UTF-8 编码的文本
data-not-utf8-help = 请另存为 UTF-8（Excel 中：文件 → 另存为 →「CSV UTF-8」）；Excel 普通的「CSV」使用本地编码，例如 GBK
data-file-empty = 文件是空的
data-unknown-format = 无法从文件名判断文件格式
data-unknown-format-et-help = 请把工作簿另存为 .xlsx（文件 → 另存为 → Excel 工作簿）后再读取
data-unknown-format-help = 请把文件命名为 .csv、.xlsx、.json、.jsonl 或 .toml，或明确指定格式

## CSV 文件（csv/）
data-csv-stray-cr = 这一行中间有一个回车符（\r），会把这一行断成两行
data-csv-stray-cr-help = 请用普通换行保存文件（Excel 中：文件 → 另存为 →「CSV UTF-8」），或删除这个多余的字符
data-csv-open-quote-help = 有一个带引号的单元格跨了好几行，请检查是否漏了右引号 `"`
data-csv-comma-help = 含逗号的单元格必须加引号，例如 "1,200"
data-csv-short-row-help = 每一行都要有表头中每一列的单元格，空白也要留出位置
data-csv-width = 这一行有 { $count } 个单元格，但表头有 { $width } 列
data-csv-row-too-long = 这一行超过了 1 MB，超出了一行允许的最大长度
data-csv-row-too-long-help = 是不是有一个引号没有关闭，导致文件其余部分都被读成了一个单元格？
data-csv-header-too-long = 表头行超过了 256 KB，超出了表头允许的最大长度
data-csv-header-too-long-help = 这是 CSV 文件吗？第一行必须是用逗号分隔的列名
data-csv-mixed-help = 这一行之前都是 UTF-8 编码，这一行却不是：文件混用了多种编码；请在 Excel 或 WPS 中重新另存为一个 CSV 文件（文件 → 另存为 →「CSV UTF-8」）
data-csv-not-text = 文件不是文本：既不是 UTF-8，也不是 GB18030（GBK）
data-csv-not-text-help = 这是 CSV 文件吗？请在 Excel 或 WPS 中打开，另存为 CSV（文件 → 另存为 →「CSV UTF-8」或「CSV」）
data-csv-only-comments = 文件只有注释，没有表头行

## 工作簿（xlsx/）
data-sheet-empty = 工作表是空的
data-sheet-list = 工作簿中的工作表有：{ $sheets }
data-sheet-unreadable = 无法读取工作表 `{ $sheet }`：{ $why }
data-xls-too-large = 工作簿超过了 { $mb } MB，超出了 .xls 工作簿允许的大小
data-workbook-too-large = 工作簿解压后会超过 { $mb } MB，超出了允许的大小
data-workbook-too-large-help = 请把数据另存为 CSV（文件 → 另存为 → CSV UTF-8），CSV 可以逐行读取
data-cell-too-long = 这个单元格有 { $count } 个字符，超过了单元格最多 { $most } 个字符的限制
data-no-such-sheet = 工作簿中没有名为 `{ $sheet }` 的工作表
data-no-worksheet = 工作簿中没有工作表
data-workbook-password = 工作簿设置了密码保护
data-workbook-password-help-excel = 请在 Excel 中取消密码（文件 → 信息 → 保护工作簿），保存后再试
data-workbook-password-help = 请取消工作簿的密码，保存后再试
data-not-a-workbook = 文件不是工作簿（.xlsx、.xls、.xlsb 或 .ods）
data-not-a-workbook-help = 请在 Excel 或 WPS 中打开，另存为 .xlsx（文件 → 另存为 → Excel 工作簿）或 CSV UTF-8；WPS 的 .et 文件也要这样另存
data-workbook-unreadable = 无法读取工作簿：{ $why }
data-workbook-unreadable-help = 请在 Excel 或 WPS 中打开，另存为 .xlsx 或 CSV UTF-8
data-no-rows = 文件中没有数据行
data-input-named = `{ $label }`（`{ $name }`）
