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
    "session.sandbox_failed": "评分器无法为工作进程建立沙箱（{why}）；这不是作业的问题。工作进程日志的末尾：\n{log}",
    "session.module_missing": "作业里没有 {module}.py",
    "session.worker_failed": "评分器的工作进程启动失败：{log}",
    "session.importing": "导入 {module}",
    "session.the_call": "这次调用",
    "session.timed_out": "超时：{what}用了超过 {seconds} 秒的 CPU 时间，超出了限制（死循环，还是太慢了？）",
    "session.wall_timed_out": "超时：{what}在 {seconds} 秒（墙上时间）后仍未结束，却没有用完它的 CPU 时间（是在 sleep，还是在等待输入或锁？）",
    "session.not_run": "未运行：{function} 在本次评分中已经超时或崩溃 {count} 次",
    "session.refused_reply": "回复被拒绝（{error}）；工作进程已停止",
    "session.over_budget": "未运行：{function} 的调用在本次评分中已用了 {seconds} 秒墙上时间，超过了 {budget} 秒的上限（调用在 sleep 或等待）",
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
    "forbidden.tampering": "关闭评分器的追踪，或在它看不到的地方计算（另一个进程）",

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

    # -- watch.py -------------------------------------------------------------------
    "watch.bad_interval": "--interval 必须是正的秒数，而不是 {interval}",
    "watch.watching": "正在监视 {name}/：保存一个模块就会重新评分；按 Ctrl-C 停止。",
    "watch.public_only": "只有公开检查：隐藏检查在老师评分时运行。",
    "watch.missing": "! {module}.py 不见了：在文件恢复之前保留它上一次的结果。",
    "watch.changed": "{time}  {modules} 有改动：已重新评分",
    "watch.stopped": "已停止监视 {name}/。",

    # -- cli.py: a student release ----------------------------------------------------
    "cli.public_only": "只有公开检查：隐藏检查在老师评分时运行，所以这里满分不保证那里也满分。",

    # -- engine/notebook.py -----------------------------------------------------------
    "notebook.needs_nbformat": "{name}：评分 notebook 需要 nbformat（pip install nbformat）",
    "notebook.too_large": "大于 {size} MB（请清除它的输出）",
    "notebook.cells_not_a_list": "它的 cells 不是由单元格组成的列表",
    "notebook.unreadable": "{name} 不是评分器能读取的 notebook：{reason}",

    # -- batch/ -----------------------------------------------------------------------
    "batch.jobs": "--jobs 至少为 1，而不是 {jobs}",
    "batch.submission_timeout": "--submission-timeout 必须是正数",
    "batch.timeout_scale": "--timeout-scale 必须是正数",
    "batch.out_inside": "--out {out} 在 {submissions} 里面：它会被当成一个学生来评分",
    "batch.out_not_a_directory": "--out {out} 不是目录",
    "batch.no_submissions": "{submissions} 里没有作业（每个学生应有一个文件夹或 .zip）",
    "batch.cannot_create": "无法创建 {path}：{error}",
    "batch.ignored": "已忽略（不是文件夹或 .zip，或名字重复）：{names}",
    "batch.progress": "[{done}/{total}] {student} {score}  {status}  （{seconds} 秒）",
    "batch.interrupted": "已中断",
    "batch.wrote": "已写入 {gradebook}、{checks} 和 {reports}/",
    "batch.graded": "已评分 {total} 份作业中的 {graded} 份，用时 {seconds} 秒。",
    "batch.not_graded": "未评分：{student}：{status}",
    "batch.scores": "分数（未评分按 0 计）：平均 {mean}，中位数 {median}，最低 {min}，最高 {max}",
    "batch.worst_functions": "得分最差的函数（平均得分比例）：",
    "batch.worst_checks": "通过率最低的检查（通过的学生数 / 运行了该检查的学生数）：",
    "batch.all_passed": "每个已评分的学生都通过了所有检查。",
}
