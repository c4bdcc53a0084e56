# 语言服务 `scorecard lsp`（src/cli/lsp/）：悬停提示、补全、改名和出错时的说明。

lsp-started = scorecard 语言服务已启动，在标准输入和标准输出上与编辑器通信（由编辑器启动，不必手动运行）
lsp-protocol-error = 与编辑器的通信出错：{ $error }
lsp-internal-error = 语言服务处理这个请求时出了内部错误；请把考核表和操作步骤报告给维护者
lsp-bad-notification = 无法读取编辑器发来的 `{ $method }`：{ $error }
lsp-unknown-method = 语言服务不支持请求 `{ $method }`

## 问题在另一个文件里（基础考核表）
lsp-elsewhere = { $message }（在 `{ $file }` 第 { $line } 行）

## 悬停提示：名称的种类
lsp-kind-input = 输入
lsp-kind-param = 参数
lsp-kind-section = 考核板块
lsp-kind-item = 考核项
lsp-kind-bonus = 加分项
lsp-kind-penalty = 扣分项
lsp-kind-band = 分档系数
lsp-kind-output = 输出
lsp-kind-rater = 评分人
lsp-kind-rank = 排名
lsp-kind-hook = 钩子函数

## 悬停提示：数据类型
lsp-type-percent = 百分比
lsp-type-number = 数值
lsp-type-count = 次数
lsp-type-money = 金额
lsp-type-bool = 是/否
lsp-type-rating = 评分
lsp-type-days = 天数

## 悬停提示：各项说明
lsp-hover-type = 类型：{ $ty }
lsp-hover-range = 范围：{ $range }
lsp-hover-default = 默认：{ $value }
lsp-hover-optional = 可以留空
lsp-hover-rollup = 汇总：{ $rule }
lsp-hover-value = 取值：{ $value }
lsp-hover-weight = 权重：{ $weight }
lsp-hover-items = { $count } 个考核项
lsp-hover-points = 分值：{ $points }
lsp-hover-section = 所属板块：{ $section }
lsp-hover-cap = 上限：{ $cap }
lsp-hover-by = 依据：{ $by }
lsp-hover-script = 脚本：{ $file }
lsp-hover-quote = 制度原文
lsp-hover-assume = 我方设定，请与管理层确认
lsp-hover-declared-in = 声明于 `{ $file }` 第 { $line } 行

## 补全
lsp-builtin-function = 内置函数
lsp-keyword = 关键字

## 快速修复
lsp-fix-replace = 改为 `{ $name }`

## 改名
lsp-rename-not-a-name = 这里没有考核表声明的名称，无法改名
lsp-rename-hook = 钩子函数的名称由脚本决定：请先在 `{ $file }` 里改名，再改考核表
lsp-rename-bad-name = `{ $name }` 不能用作名称：名称以字母、汉字或 `_` 开头，只含字母、汉字、数字和 `_`，也不能是关键字
lsp-rename-taken = `{ $file }` 里已经用了名称 `{ $name }`
lsp-rename-data-columns = 把 `{ $old }` 改名为 `{ $new }` 后，数据表里表头为 `{ $old }` 的列也要改成 `{ $new }`（或改用这个输入的标签作表头），否则读数据时会报缺列
lsp-rename-elsewhere = { $files } 里也写到了 `{ $old }`（步骤之间的 `from`、测试用例的输入），语言服务没有改动这些文件，请手动检查

## `scorecard lsp --help`（help.rs 按这些 id 查找）
help-lsp-about = 启动语言服务：供编辑器（如装了 editors/vscode 扩展的 VS Code）在编写考核表时显示错误、悬停说明、补全名称、跳转到定义、改名和排版
help-lsp-after =
    语言服务在标准输入和标准输出上按语言服务协议与编辑器通信，由编辑器启动，不必手动运行。
    提示信息的语言与其他命令相同（默认中文）；编辑器可以用初始化选项 `lang`（`zh` 或 `en`）指定，命令行的 `--lang` 优先。
    编辑器里尚未保存的考核表优先于磁盘上的文件：修改基础考核表时，套用它的品牌考核表立即重新检查。

    示例：
      scorecard lsp
      scorecard lsp --lang en

    退出码：
      0  编辑器先请求关闭（`shutdown`）再退出（`exit`）
      1  编辑器没有请求关闭就退出或断开
      2  与编辑器的通信出错
help-lsp-arg-stdio = 经标准输入和标准输出通信（唯一的方式；为习惯传这个参数的编辑器而保留）
