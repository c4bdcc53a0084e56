# 渲染诊断信息时的固定用语（src/diagnostic/render.rs）。
diag-error = 错误
diag-warning = 警告
diag-help = 提示
diag-summary-errors = { $errors } 个错误
diag-summary-warnings = { $warnings } 个警告
diag-summary-both = { $errors } 个错误，{ $warnings } 个警告
diag-summary-in-file = { $file } 中有 { $counts }
diag-summary-in-files = { $files } 个文件中共有 { $counts }
diag-left-out = 中间省略 { $count } 个字
