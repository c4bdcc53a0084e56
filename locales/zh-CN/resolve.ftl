# 组合考核表（extends、override、remove）时的问题（src/resolve/）。

extended-here = 在这里引用基础考核表
missing-base = 找不到基础考核表：{ $why }
missing-base-help = 路径相对于本考核表所在的文件夹，例如 `../callback_specialist.card`
extends-cycle = `{ $name }` 通过它的基础考核表又引用了自己
extends-cycle-help = 引用链是 { $chain }；其中必须有一张考核表不引用任何基础考核表
extends-too-deep = 互相引用（extends）的考核表超过了 { $most } 张
extends-too-deep-help = 是不是在某处形成了循环？集团 → 品牌 → 门店只需要三张
removed-here = 在这里删除
removed-still-used = 这里仍在使用 `{ $name }`，但引用本考核表的考核表把它删除了；请把这条规则也删除或改写（override）
no-base-extends = `override` 和 `remove` 用于修改基础考核表，但本考核表没有引用（extends）任何基础考核表
the-base-cards = 基础考核表中的声明
base-already-has = 基础考核表里已经有{ $what }
base-already-has-help = 要修改它，请写 `override { $kind } …`
already-in-base = `{ $name }` 已在基础考核表中声明为{ $what }
already-in-base-help = 要修改它，请写 `override { $kind } { $name } …`；要新增内容，请换一个名称
base-has-no = 基础考核表里没有可以 `{ $verb }` 的{ $what }
not-in-base = 基础考核表里没有
base-has-no-help-override = 要新增，请去掉 `override`：`{ $kind } …`
nothing-to-remove = 没有可删除的内容；请删掉这一行
wrong-kind-in-base = `{ $name }` 在基础考核表里是{ $found }，不是{ $what }
wrong-kind-not = 不是{ $what }
wrong-kind-here = { $what }在这里
write-remove = 请写 `remove { $kind } { $name }`
write-verb = 请写 `{ $verb } { $kind } { $name } …`
base-has-no-named = 基础考核表里没有可以 `{ $verb }` 的{ $what } `{ $name }`
override-adds-nothing = `override` 只能修改基础考核表里已有的声明；要新增{ $kind }，请写 `{ $kind } { $name } …`，不加 `override`

## 声明的种类
kind-role = 角色
kind-period = 考核周期
kind-total = 总分
kind-version = 版本
kind-effective = 生效日期范围
kind-input = 输入
kind-param = 参数
kind-section = 考核板块
kind-item = 考核项
kind-bonus = 加分块
kind-penalty = 扣分块
kind-grade = 等级表
kind-band = 等级划分
kind-output = 输出项
kind-hooks = 钩子声明
kind-rater = 评分人
kind-rank = 排名
kind-limit = 等级名额限制
kind-partial = 不足整期的规则
kind-round = 取整规则
kind-main = 主要输出
kind-require = 数据要求
kind-ignore = 忽略的数据列

## 读取考核表和钩子脚本文件（loader.rs、confine.rs）
card-given-as-text = 考核表是以文字形式给出的，没有文件夹可以查找它的基础考核表
file-cut-short = `{ $name }` 在一个字符的中间结束了：文件似乎不完整
file-not-utf8 = `{ $name }` 不是 UTF-8 文本；请另存为 UTF-8 后再试
no-such-card = 没有考核表 `{ $name }`
outside-rules-root = `{ $written }` 在规则文件夹 `{ $root }` 之外；考核表只能引用该文件夹里的文件
rules-root-unreadable = 无法读取规则文件夹 `{ $root }`
file-kind-card = 考核表
file-kind-hook = 钩子脚本
wrong-file-kind = `{ $written }` 不是{ $what }：这里只能引用 `{ $extension }` 文件
not-a-regular-file = `{ $name }` 不是普通文件（文件夹、设备或管道不能当作考核表读取）
file-too-large = `{ $name }` 超过了 { $kb } KB，这是考核表或钩子脚本的上限
no-such-file = 没有文件 `{ $name }`
cannot-read-file = 无法读取 `{ $name }`：{ $why }
