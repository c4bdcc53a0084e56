# 各命令的 `--help` 说明（src/cli/help.rs）。参数的说明是 `help-命令-arg-参数`，
# 几个命令共用的是 `help-arg-参数`。命令名、选项名、文件名和示例照原样保留。

## clap 在说明周围打印的标题
help-heading-usage = 用法
help-heading-commands = 命令
help-heading-arguments = 参数
help-heading-options = 选项
help-options-placeholder = [选项]
help-arg-help = 显示帮助
help-arg-version = 显示版本
help-help-about = 显示本帮助，或指定子命令的帮助
help-help-arg-subcommand = 要查看帮助的子命令

help-exit-codes =
    退出码：
      0  正常
      1  数据有问题：没有算出任何分数（或用了 --keep-going 时有行被略过）；有测试用例未通过；有考核表格式不规范
      2  命令行写错了
      3  考核表、钩子脚本或规则清单有错误
      4  报告无法写出

## scorecard
help-scorecard-about = 检查并计算员工绩效考核表和绩效工资公式
help-scorecard-after =
    示例：
      scorecard eval rules/ examples/callback_specialists_by_brand.csv      # 当月数据，每行按各自的考核表计算
      scorecard check rules/
      scorecard explain rules/ examples/callback_specialists_by_brand.csv --employee HF109

    { help-exit-codes }
help-arg-rules-root = 考核表可以引用（`extends`、`hooks`）其中文件的文件夹；默认是考核表上方最近一个含有 `scorecard.toml` 的文件夹，没有则是考核表所在的文件夹
help-arg-private = 新写出的报告文件只有本人可读（权限 0600）；默认按通常的权限创建（由 umask 决定）
help-arg-lang = 提示信息的语言：`zh`（中文）或 `en`（英文）；默认按系统区域设置（`LC_ALL`、`LC_MESSAGES`、`LANG`：`en…` 为英文），否则为中文

## 规则和数据（eval、explain）
help-arg-paths = 先写规则，再写数据。规则：一个规则目录（或其中的 scorecard.toml），按每行的岗位、品牌和门店选用考核表；或一个考核表文件；或同一考核表的几个版本，每行按其考核期间适用的版本计算。数据：一个文件，或按员工编号合并的几个文件（第一个文件列出当月的人员）：.csv、.xlsx、.json、.jsonl 或 .toml（`-` 从标准输入读取，此时须给出 --input-format）
help-arg-input-format = 无法从文件名看出数据格式时，指定数据的格式
help-arg-sheet = 读取 Excel 工作簿中的哪个工作表（默认第一个；用规则目录时，读取所有以岗位命名的工作表）
help-arg-keep-going = 即使有些行有错，也计算其余正确的行（退出码仍为 1）
help-arg-from = 用另一张考核表（或规则目录）的结果填入一个输入，按员工编号对应：INPUT=CARD:KEY,DATA（KEY 为 total，或某个考核项、考核板块、等级划分或输出项）
help-arg-role = 用规则目录时：没有“岗位”列（或该列为空）的行所属的岗位
help-arg-step = 用规则目录时：只运行当月的这一步（考核、绩效工资 …）；可重复给出
help-arg-rollup = 数据是月度的（有“月份”列）：先按各考核表的周期汇总为季度、半年或全年
help-arg-lenient = 对看起来像笔误的地方从宽处理，并在报告中注明：与某个输入相似的表头只作警告；规则中没有的品牌或门店，按该岗位不分品牌门店的考核表计算
help-arg-bom = CSV 输出以字节顺序标记（BOM）开头，使 Excel 能正确显示中文
help-arg-output = 写入此文件（整体替换，全部完成后才写入），而不是标准输出；在终端上输出 xlsx 时必须给出

## check
help-check-about = 检查考核表有无错误：名称、类型、权重、分档表；或检查整个规则目录：其规则清单和其中的每张考核表
help-check-after =
    规则目录整体检查：它的 scorecard.toml（条目、步骤、分派到的考核表以及谁的结果填入谁），以及文件夹中的每张考核表，无论是否被分派；没有任何条目分派数据行的考核表会被指出。

    示例：
      scorecard check rules/
      scorecard check rules/callback_specialist.card
      scorecard check rules/*.card --format json

    { help-exit-codes }
help-check-arg-cards = 要检查的考核表文件（`-` 从标准输入读取一张），或一个规则目录（或其中的 scorecard.toml）
help-check-arg-format = `human`（默认，给人看）或 `json`（在标准输出上给出诊断列表）

## eval
help-eval-about = 计算当月数据中每位员工的分数：考核项、考核板块、总分、等级、输出项
help-eval-after =
    用规则目录时，每行按规则目录 scorecard.toml 中由其岗位、品牌和门店选中的考核表计算，一步接一步（先考核，再算考核结果决定的绩效工资）；结果按考核表分组（CSV：一张表，带 `card` 列；xlsx：每张考核表一个工作表，外加汇总表；HTML：各门店的人员，按考核表分列）。

    给出同一考核表的几个版本时，每行按其考核期间（“期间”/period 列）适用的版本计算。

    几个数据文件按员工编号合并：第一个文件列出当月的人员。

    示例：
      scorecard eval rules/ examples/callback_specialists_by_brand.csv
      scorecard eval rules/ 十月考核.xlsx 预约系统导出.csv 财务报表.csv --format xlsx --output 十月结果.xlsx
      scorecard eval rules/callback_specialist.card examples/callback_specialists.csv --format csv --bom > 结果.csv
      scorecard eval rules/ examples/callback_specialists_by_brand.csv --format html --output 报告.html
      cat rows.json | scorecard eval rules/callback_specialist.card - --input-format json --format json
      scorecard eval 回访专员_2026上半年.card 回访专员_2026下半年.card 2026全年.csv

    { help-exit-codes }
help-eval-arg-format = 输出格式：`xlsx` 为工作簿（汇总表和明细表），`html` 为按门店打印的报告，`jsonl` 为每行一个 JSON 对象
help-eval-arg-trace = JSON：每个分数附上得出它的规则（与 `explain` 所示相同）；文件大得多，也慢得多

## explain
help-explain-about = 逐行说明每位员工的得分，引用所适用的规则原文
help-explain-after =
    每行按自己的考核表说明（用规则目录时：由岗位、品牌和门店选中的考核表，每一步都说明，考核之后是绩效工资）。

    用 --format html 时，说明写成考核结果告知书：每位员工一页 A4（考核和工资在一起），附申诉说明和签字栏，可在浏览器中打印。

    示例：
      scorecard explain rules/ examples/callback_specialists_by_brand.csv --employee HF109
      scorecard explain rules/ examples/callback_specialists_by_brand.csv examples/booking_export.csv examples/finance_report.csv --format html --output 告知书.html
      scorecard explain rules/callback_specialist.card examples/callback_specialists.csv > 说明.txt

    { help-exit-codes }
help-explain-arg-employee = 只说明这位员工（按编号或姓名）；有多个期间或步骤时，每一个都说明
help-explain-arg-format = `text` 在终端上显示，或 `html`：考核结果告知书，每位员工一页 A4，可打印后发放（说明、工资、申诉说明和签字栏）
help-explain-arg-output = 写入此文件（整体替换，全部完成后才写入），而不是标准输出

## diff
help-diff-about = 用同一份数据比较两版规则：谁的分数变了、变了多少，考核表改了什么
help-diff-after =
    OLD 和 NEW 是考核表或规则目录。`diff rules/ rules-new/ DATA` 在两个目录中分别按每行自己的考核表计算；`diff rules/ CHANGED.card DATA` 用 CHANGED.card 替换目录中同名的考核表（连同继承它的品牌和门店考核表）。两边各按自己的输入读取数据；只有一边能计算的行会被列出，而不是丢掉。有行无法比较时，退出码为 1。

    示例：
      scorecard diff rules/ tests/cards/diff/callback_specialist_2026h2.card examples/callback_specialists_by_brand.csv
      scorecard diff rules/callback_specialist.card 新方案.card examples/callback_specialists.csv
      scorecard diff rules/ 新规则/ 十月.csv --format md > 变更说明.md

    { help-exit-codes }
help-diff-arg-old = 现行的规则：一张考核表，或一个规则目录
help-diff-arg-new = 拟改的规则：一张考核表，或一个规则目录；OLD 是规则目录而 NEW 是考核表时，用它替换 OLD 中同名的考核表
help-diff-arg-data = 两边都用来计算的数据：一个文件，或按员工编号合并的几个文件（.csv、.xlsx、.json、.jsonl 或 .toml；`-` 从标准输入读取，此时须给出 --input-format）
help-diff-arg-sheet = 读取 Excel 工作簿中的哪个工作表（默认第一个）
help-diff-arg-role = 用规则目录时：没有“岗位”列的行所属的岗位
help-diff-arg-rollup = 先把月度数据汇总到各考核表的周期
help-diff-arg-lenient = 对看似拼错的表头、规则中没有的品牌或门店从宽处理（在报告中注明）
help-diff-arg-format = 输出格式

## fmt
help-fmt-about = 把考核表排成统一的标准格式，保留所有注释
help-fmt-after =
    文件就地改写（原子替换）。无法解析的考核表保持原样。

    示例：
      scorecard fmt rules/
      scorecard fmt --check rules/        # 用于 CI：列出格式不规范的考核表，退出码 1
      scorecard fmt - < a.card > b.card
help-fmt-arg-paths = 考核表文件，或要在其中查找 `*.card` 文件的文件夹（`-` 把标准输入排好后写到标准输出）
help-fmt-arg-check = 不做任何修改：列出格式不规范的考核表，有则退出码为 1

## test
help-test-about = 运行考核表旁的测试用例：核对预期的总分、考核项、等级和输出项，并统计分档覆盖情况
help-test-after =
    测试用例文件 `NAME.cases.toml` 放在 `NAME.card` 旁边。可给出测试用例文件、考核表或文件夹（在其中查找 *.cases.toml）；默认是当前文件夹。

    示例：
      scorecard test rules/
      scorecard test rules/callback_specialist.card
      scorecard test --snapshot rules/             # 同时把每个用例的完整结果与 NAME.cases.snap 比较
      scorecard test --snapshot --accept rules/    # 把当前结果记录为快照
help-test-arg-paths = 测试用例文件、考核表（即其 NAME.cases.toml）或要查找的文件夹
help-test-arg-snapshot = 同时把每个用例的完整结果（考核项、计算过程、输出项）与记录的快照比较
help-test-arg-accept = 与 --snapshot 一起用：把当前结果记录为快照

## template
help-template-about = 为一张考核表或一个规则目录（每个岗位一个工作表）生成填报模板：每个输入一列，带名称、类型、取值范围和 Excel 数据验证规则
help-template-after =
    规则目录的工作簿每个岗位一个工作表（以岗位命名），列出该岗位各考核表要读取的列；`eval rules/ 模板.xlsx` 可读回它，每个工作表的行归入对应岗位。

    示例：
      scorecard template rules/ --output 十月考核模板.xlsx
      scorecard template rules/callback_specialist.card --output 回访专员模板.xlsx
      scorecard template rules/ --role 回访专员 --format csv --bom > 回访专员模板.csv

    { help-exit-codes }
help-template-arg-card = 考核表文件，或一个规则目录（或其中的 scorecard.toml）
help-template-arg-format = `xlsx`（带数据验证规则和批注的工作簿）或 `csv`（以 `#` 开头的行说明每一列）
help-template-arg-role = 用规则目录时：只生成这个岗位的工作表（csv 格式必须给出）

## show
help-show-about = 显示展开后的考核表：套用其基础考核表，每一处覆盖新增或修改的行都加注说明
help-show-after =
    输出的是考核表原文：检查和计算结果与原考核表完全相同。
    展开后的考核表有错误时仍会输出，错误写到标准错误，退出码为 3。

    用 --assumptions 时，改为列出考核表标为我方假定的数字（`assume "…"`），按说明逐条列出，
    并注明所在行：这些是人力资源部应与管理层确认的内容。给出文件夹时列出其中的每张考核表。

    示例：
      scorecard show rules/brands/君威/回访专员.card
      scorecard show rules/brands/君威/一店/回访专员.card > resolved.card
      scorecard show --assumptions rules/technician.card
      scorecard show --assumptions rules/
help-show-arg-card = 考核表文件（`-` 从标准输入读取，此时从当前工作目录查找其基础考核表）；用 --assumptions 时也可以是文件夹
help-show-arg-assumptions = 列出考核表假定的数字（以及未标明的数字），而不是显示考核表

## clap 在参数说明后附加的内容，以及用法中的占位词
help-default = 默认：{ $value }
help-possible = 可选：{ $values }
help-command-placeholder = 命令
