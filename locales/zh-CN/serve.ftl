## scorecard serve：在浏览器里编辑考核表（editors/web/API.md）

serve-listening = scorecard serve 已启动：在浏览器中打开 { $url }（只接受本机 127.0.0.1 的连接）
serve-editing = 正在编辑 { $card }；数据中有 { $rows } 人按它计算，每次修改后重新计算，并与已保存的考核表比较
serve-stop-hint = 按 Ctrl-C 停止
serve-cannot-listen = 无法在 127.0.0.1 的端口 { $port } 上监听：{ $error }（换一个 --port，或用 --port 0 任选一个空闲端口）
serve-one-rules = serve 只编辑一张考核表：请给出一个规则目录或一个考核表文件，而不是 { $rules }
serve-card-needs-directory = --card 只能和规则目录一起用；只有一张考核表时，编辑的就是它
serve-name-a-card = 数据中没有哪一行由这个规则目录的考核表计算，无法判断要编辑哪张考核表：请用 --card 指定
serve-chosen = 编辑 { $card }：{ $why }（用 --card 可以选另一张）
serve-why-one = 数据中的 { $rows } 人都由它计算
serve-why-base = 数据中的 { $rows } 人由 { $cards } 张考核表计算，它们都继承自这张基础考核表
serve-why-most = 它计算的人最多（{ $rows } 人中的 { $count } 人）
serve-steps-left-out = 数据中没有人能在 { $steps } 这一步计算（多半是缺少这一步需要的列），编辑时不计算这一步
serve-outside-root = { $path } 不在规则目录 { $root } 之内，不能编辑或保存
serve-base-heading = // ── 基础卡 { $file }（只读；要改请在上面写 override）──
serve-base-reason = 基础卡 { $file } 的内容
serve-problem-elsewhere = { $message }（在 { $file } 第 { $line } 行）
serve-row-line = 第 { $line } 行
serve-column-id = 工号
serve-column-name = 姓名
serve-column-brand = 品牌
serve-column-store = 门店
serve-column-total = 总分
serve-column-grade = 等级
serve-explain-title = { $name }（{ $id }）的得分说明
serve-explain-card-errors = 考核表有错误，还没有可以用来说明的版本；请先改正错误
serve-no-employee = 数据中没有工号为 { $id } 的员工
serve-not-saved = 考核表有 { $count } 个错误，没有保存
serve-saved = 已保存 { $path }（已排版，注释保留）
serve-cannot-save = 无法保存 { $path }：{ $error }
serve-bad-request = 请求不是 API.md 所说的 JSON：{ $error }

## --help
help-serve-about = 在浏览器中编辑考核表：边改边看每位员工的分数、等级和工资怎样变化
help-serve-after =
    在本机启动一个网页（只接受 127.0.0.1 的连接）：左边是考核表，语法高亮，输入时就标出错误（中文说明），悬停可看输入项和考核项的说明，可补全输入项名称；右边是数据中每位员工按当前文本计算的结果，以及与已保存的考核表相比的影响（谁的分数变了、变了多少、等级变化、工资合计），与 `scorecard diff` 的数字相同。点击一位员工看得分说明。保存（Ctrl-S）时只有通过检查的考核表才会写入，并按 `scorecard fmt` 排版，注释保留。

    用规则目录时，编辑的是数据中各行所用的考核表（各行分属几张考核表时，编辑它们共同继承的基础考核表），或 --card 指定的那张；品牌或门店考核表的下方以注释形式列出基础考核表的内容，只读。

    示例：
      scorecard serve rules/ examples/callback_specialists_by_brand.csv
      scorecard serve rules/ examples/callback_specialists_by_brand.csv --card rules/brands/君威/callback_specialist.card
      scorecard serve rules/callback_specialist.card examples/callback_specialists.csv --port 0

    { help-exit-codes }
help-serve-arg-paths = 先写规则，再写数据。规则：一个规则目录（或其中的 scorecard.toml），或一个考核表文件。数据：一个文件，或按员工编号合并的几个文件（.csv、.xlsx、.json、.jsonl 或 .toml）；不给数据时只检查考核表
help-serve-arg-card = 用规则目录时：要编辑的考核表（默认：数据中各行所用的考核表，或它们共同继承的基础考核表）
help-serve-arg-port = 在 127.0.0.1 上监听的端口（0：任选一个空闲端口）
