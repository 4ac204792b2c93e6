"""评分器的通用消息：命令行、终端、会话、禁用操作、结果比较。"""
MESSAGES = {
    "lang.unknown": "未知语言 {lang!r}：请从 {choices} 中选择",

    # -- cli.py ---------------------------------------------------------------------
    "cli.no_such_directory": "目录不存在：{path}",
    "cli.not_a_directory": "不是目录：{path}",
    "cli.not_a_submission": "不是作业目录：{path} 里没有任何一个练习模块（{modules}）",
    "cli.unknown_selection": "--only {selection}：课程中没有这个模块或函数",

    # -- engine/terminal.py ---------------------------------------------------------
    "status.passed": "通过",
    "status.failed": "未通过",
    "status.error": "出错",
    "status.skipped": "跳过",
    "term.ok": "完成",
    "term.no_checks_ran": "没有运行任何检查",
    "term.not_implemented": "尚未实现",
    "term.checks_failed": "{ran} 项检查中有 {failed} 项未通过",
    "term.forbidden": "禁止：调用了 {op}",
    "term.import_failed": "! 无法导入 {module}：{message}",
    "term.failure_summary": "--- {name}：{count} 项检查未通过，例如 {check}：{message}",
    "term.only_first_failure": "（只完整显示第一个失败：--all-failures 显示全部）",
    "term.progress": "已完成 {done}/{total} 个函数，{score} / {max_score} 分   （{seconds} 秒）",
    "term.next": "下一步：{name} — 打开 {path}",
    "term.printed": "你的代码输出了：",
    "term.printed_more": "……（还有 {count} 个字符未显示）",
    "term.also": "同样{status}：{check}：{message}",

    # -- engine/session.py ----------------------------------------------------------
    "session.worker_failed": "评分器的工作进程启动失败：{log}",
    "session.importing": "导入 {module}",
    "session.the_call": "这次调用",
    "session.timed_out": "超时：{what}超过了 {seconds} 秒（死循环，还是太慢了？）",
    "session.not_run": "未运行：{function} 在本次评分中已经超时 {count} 次",
    "session.missing": "{module} 中没有函数 {function}：是不是改了名字或删掉了？",
    "session.not_implemented": "尚未实现（{function} 抛出了 NotImplementedError）",
    "session.out_of_memory": "在{where}时内存不足（{error}）",
    "session.while_importing": "在导入 {module} 时",
    "session.during_call": "在调用过程中",
    "session.stopped": "工作进程{where}停止了（{error}）",
    "session.crashed": "进程{where}崩溃：{signal}",
    "session.exited": "进程{where}退出，状态码 {status}（作业里调用了 sys.exit / os._exit？）",
    "signal.SIGSEGV": "段错误",
    "signal.SIGKILL": "被杀死，通常是内存不足",
    "signal.SIGXCPU": "超出 CPU 时间限制",
    "signal.SIGABRT": "异常中止",

    # -- engine/forbidden.py --------------------------------------------------------
    "forbidden.message": "{function} 调用了 {op}，本练习禁止使用它（{label}）：目的就是自己实现",
    "forbidden.numpy_only": "torch（这个函数只能用 NumPy）",
    "forbidden.escapes": "离开 torch（NumPy、SciPy、原始内存）",
    "forbidden.tampering": "关闭评分器的追踪",

    # -- suites/common.py -----------------------------------------------------------
    "cmp.output": "输出",
    "cmp.a_tensor": "形状为 {shape}、{dtype}、位于 {device} 的张量",
    "cmp.not_a_tensor": "{what}：应该是 torch.Tensor，实际是 {got}",
    "cmp.shape": "{what}：形状是 {got}，应为 {expected}",
    "cmp.dtype": "{what}：dtype 是 {got}，应为 {expected}",
    "cmp.device": "{what}：位于 {got}，应位于 {expected}（输入所在的设备）",
    "cmp.not_finite": "{what}：在 {index}{more} 处是 {kind}，而期望值是有限数",
    "cmp.and_more": "（另有 {count} 处）",
    "cmp.worst": "{what}：{total} 个元素中有 {off} 个不同；差得最多的在 {index}："
                 "得到 {got}，应为 {expected}（允许误差 {allowed}）",
    "cmp.not_a_float": "{what}：应该是 Python float，实际是 {got}",
    "cmp.use_item": "（用 .item()）",
    "cmp.float_differs": "{what}：得到 {got}，应为 {expected}",
    "cmp.modified_input": "这次调用原地修改了输入 {name}；请在副本上操作（x.clone()）或新建张量",
    "cmp.not_vectorised": "{what}：在小输入上调用了 {small} 次 torch，在大输入上调用了 {large} 次："
                          "它在 Python 里逐个位置循环；请改成向量化写法",
    "cmp.raised_instead": "{what}：抛出了 {got}；应抛出 {exception}",
    "cmp.returned_instead": "{what}：返回了 {got}，而不是抛出 {exception}",
}
