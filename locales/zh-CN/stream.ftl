# 逐行（或逐组）读取并计分（src/stream/、src/link.rs）。

stream-needs-every-row = 这张考核表要排名或限制等级比例，需要先读完所有行
stream-needs-every-month = 这张考核表要按月汇总，需要先读完每个人的所有月份
stream-file-changed = 读取过程中文件被修改了：第{ $line }行属于一个在文件前面已经结束的分组
stream-file-changed-help = 请等文件保存完毕、不再变化后重新运行
link-usage = `{ $text }` 的写法应为 输入=考核表:结果,数据文件，例如 月度考核分数=rules/callback_specialist.card:total,s1.csv
