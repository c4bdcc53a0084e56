# 值的写法（src/value.rs）。

value-yes = 是
value-no = 否
value-missing = （空白）
