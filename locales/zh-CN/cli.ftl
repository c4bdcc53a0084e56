# 命令行的提示（src/cli/）：错误、进度、汇总。
cli-note = 注意
cli-list-separator = 、

## 读写文件
cli-stdin-card = 无法从标准输入读取考核表：{ $message }
cli-no-data = 没有给出数据文件：请在考核表或规则目录之后写上当月的数据文件
cli-stdin-needs-format = 从标准输入读取数据时须给出 --input-format csv|xlsx|json|jsonl|toml
cli-sheet-not-xlsx = --sheet 只适用于 Excel 工作簿（.xlsx）
cli-cannot-read = 无法读取 `{ $path }`：{ $error }
cli-cannot-read-stdin = 无法读取标准输入：{ $error }
cli-cut-short = `{ $path }` 在一个字符中间结束：文件似乎不完整
cli-not-utf8 = `{ $path }` 不是 UTF-8 文本；请另存为 UTF-8 编码后再试
cli-io-not-found = 文件或文件夹不存在
cli-io-permission-denied = 没有访问权限
cli-io-is-a-directory = 这是一个文件夹
cli-does-not-exist = `{ $path }` 不存在
cli-cannot-list = 无法列出 `{ $path }` 的内容：{ $error }
cli-cannot-write-file = 无法写入 `{ $path }`：{ $error }
cli-cannot-write-report = 无法写出报告：{ $error }
cli-cannot-write-results = 无法写出结果：{ $error }
cli-cannot-write-explanation = 无法写出说明：{ $error }
cli-cannot-write-stdout = 无法写到标准输出：{ $error }
cli-cannot-make-temporary = 无法为结果创建临时文件：{ $error }
cli-cannot-build-workbook = 无法生成工作簿：{ $error }
cli-output-is-input = 本次运行要读取 `{ $path }`（它是数据、考核表、钩子脚本或规则清单）；把报告写在它上面会毁掉它：请给 --output 另一个文件
cli-binary-on-terminal = 这种格式是二进制的，而标准输出是终端；请给出 --output 文件（或重定向到文件）
cli-dangling-link = 它是一个链接，指向的文件无法访问（{ $error }）
cli-not-a-regular-file = 它不是普通文件（而是设备、管道或文件夹）；请给出要写入的文件路径
cli-interrupted = 已中断：没有写出报告，原有的文件保持不变
cli-sync-thread-failed = 同步报告文件的线程出错
cli-not-a-language = `{ $text }` 不是可用的语言：请用 zh 或 en

## eval、explain：计算
cli-progress-scoring = 计算中
cli-progress-rows = 行
cli-rows-left-out = 略过 { $rows } 行有错的数据；已计算 { $scored } 行
cli-nothing-scored = { $data } 中有 { $problems } 个问题，没有计算任何分数。请改正这些问题，或加上 --keep-going 计算其余的行。
cli-no-employee = { $data } 中没有员工 `{ $who }`（其中的员工编号有：{ $ids }）

## check
cli-check-ok = 通过：{ $path } — { $name }（{ $sections } 个考核板块，{ $items } 个考核项，{ $inputs } 个输入）· { $stamp }
cli-check-ok-directory = 通过：{ $manifest } — { $entries } 个条目，分派到 { $cards } 张考核表，步骤：{ $steps }，岗位：{ $roles }
cli-check-unrouted = { $path }：{ $manifest } 中没有任何条目把数据行分派给这张考核表，因此它不会计算任何分数
cli-check-unrouted-help = 在 { $manifest } 中为它加一个 [[card]]，或把它移出规则目录

## diff
cli-diff-not-compared = 有 { $count } 行（或问题）无法比较；见“未能比较”部分
cli-diff-directory-first = 请把规则目录写在前面：`diff { $old } { $new } …` 是拿一张考核表与整个目录比较；要看改动后的考核表对当月的影响，请运行 `diff { $new } { $old } …`

## fmt
cli-fmt-unformatted = 有 { $count } 张考核表不是标准格式；请对它们运行 `scorecard fmt`
cli-formatted = 已排版 { $path }

## template
cli-template-role-of-card = --role 用于选取规则目录中某个岗位的工作表；而 `{ $card }` 是一张考核表
cli-template-no-role = { $manifest } 中没有岗位 `{ $role }` 的考核表；其中的岗位有：{ $roles }
cli-template-csv-one-sheet = 一个 CSV 文件只能放一个工作表，而 { $manifest } 每个岗位一个工作表；请给出 --role 岗位，或改用 --format xlsx

## test
cli-test-no-case-files = { $paths } 下没有测试用例文件（*.cases.toml）
cli-test-no-cases = `{ $path }` 没有测试用例：请写在 `{ $cases }` 中
cli-test-card-unusable = { $path }：无法使用考核表 `{ $card }`
cli-test-result = 测试结果：{ $verdict }。{ $passed } 个通过；{ $failed } 个未通过
cli-test-ok = 通过
cli-test-failed = 未通过
cli-test-running = 运行 { $path } 中的 { $count } 个测试用例
cli-test-expected-vs-actual = 预期（手工算出）与实际（考核表算出）：
cli-test-broken = 无法核对这个用例：
cli-test-moved = 结果与快照不同（- 为记录的，+ 为现在的）：
cli-test-case-ok = 用例 { $name } ... 通过
cli-test-case-failed = 用例 { $name } ... 未通过
cli-test-failures = 未通过的用例：
cli-test-stale = 快照中有测试用例文件里已没有的用例：{ $cases }（请用 --snapshot --accept 重新记录）
cli-test-coverage = { $card } 的覆盖情况：{ $summary }
cli-test-not-reached = 没有任何用例走到的规则：
cli-test-missed-point = 第 { $line } 行 { $owner }  `{ $rule }`
cli-test-recorded = 已记录快照 { $path }
cli-test-new-case = （新用例：尚无记录）
cli-test-pending = 新结果在 { $path } 中：请核对，然后运行 `scorecard test --snapshot --accept` 记录下来

## 命令行写错时 clap 的错误（中文；英文时照印 clap 原文）
clap-value-missing = `{ $arg }` 需要一个值，但没有给出
clap-invalid-value = `{ $value }` 不是 `{ $arg }` 可以取的值（可取：`{ $valid }`）
clap-value-validation = `{ $value }` 不是 `{ $arg }` 可以取的值：{ $why }
clap-unknown-argument = 无法识别的参数 `{ $arg }`
clap-dash-value = 如果 `{ $arg }` 是一个值而不是选项，请写成 `-- { $arg }`
clap-unknown-subcommand = 没有子命令 `{ $name }`
clap-did-you-mean = 是否想写 `{ $name }`？
clap-missing-argument = 缺少必须给出的参数：`{ $arg }`
clap-missing-subcommand = 需要一个子命令，但没有给出
clap-conflict = 参数 `{ $arg }` 不能与 `{ $prior }` 一起使用
clap-no-equals = 给 `{ $arg }` 赋值时需要用等号（=）
clap-too-many-values = `{ $arg }` 不需要更多的值，多出了 `{ $value }`
clap-wrong-number-of-values = `{ $arg }` 需要 { $expected } 个值，实际给了 { $actual } 个
clap-invalid-utf8 = 参数中有无效的 UTF-8 文本
clap-other = 命令行写错了（以下是 clap 的英文原文）：
clap-more-help = 更多信息请运行 `--help`。
