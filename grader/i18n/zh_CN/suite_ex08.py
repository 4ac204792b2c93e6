"""ex08_knn 各项检查的提示: suite.ex08_knn.<检查或常量>。"""
MESSAGES = {
    "suite.ex08_knn.pairwise_distances.matches_cdist":
        "D[m, n] = sqrt(||x_m||^2 + ||y_n||^2 - 2 x_m . y_n)：形状 [M, N]",
    "suite.ex08_knn.pairwise_distances.identical_points_not_nan":
        "开方前把 ||x||^2 + ||y||^2 - 2 x . y 截断到 0（舍入误差会让它略小于 0）",
    "suite.ex08_knn.pairwise_distances.exact_on_small_integer_points":
        "相同的点距离恰好是 0：截断到 0，不要在根号里加 epsilon",
    "suite.ex08_knn.knn_vote.majority":
        "每行一个标签：出现最多的那个，结果是形状 [M] 的 long 张量",
    "suite.ex08_knn.knn_vote.ties_go_to_the_smallest_label":
        "计数相同时最小的标签获胜（计数的 argmax 返回第一个最大值），而不是行中最先出现的那个",
    "suite.ex08_knn.knn_predict.matches_brute_force":
        "每个测试点取最小的 k 个距离（沿第 1 维 sort 或 topk），再对它们的标签做多数投票",
    "suite.ex08_knn.knn_predict.equal_distances_lower_index_nearer":
        "距离相等时训练下标小的更近：用 stable=True 排序（topk 和默认的 sort 可能打乱并列项的顺序）",
    "suite.ex08_knn.knn_predict.k1_on_the_training_set_returns_its_labels":
        "每个训练点都是它自己的最近邻（距离为 0：把距离的平方截断到 0，nan 会排到最后）",
    "suite.ex08_knn.knn_predict.num_classes_defaults_to_max_label_plus_one":
        "num_classes = y_train.max() + 1（标签不一定全部出现）",
    "suite.ex08_knn.knn_regress.matches_brute_force":
        "最近的 k 个点的目标值的平均",
    "suite.ex08_knn.knn_regress.integer_targets_give_float32":
        "整数目标值得到 float32 的平均值（不是整数除法，也不是 X 的 dtype）",
    "suite.ex08_knn.knn_regress.several_targets_per_point":
        "对邻居求平均（第 1 维），保留目标维：[M, T]",
    "suite.ex08_knn.knn_regress.equal_distances_lower_index_nearer":
        "距离相等时训练下标小的更近：用 stable=True 排序",
    "suite.ex08_knn.the_predictions_k_n":
        "k 等于训练点个数时的预测",
    "suite.ex08_knn.k_equal_n_hint":
        "k 可以等于训练点个数（每个点都投票）：只有 k > N 才抛出异常",
    "suite.ex08_knn.k_below_one":
        "k 小于 1（k = 0）时",
    "suite.ex08_knn.the_predictions_tied_votes":
        "最近的 k 个标签票数相同时的预测",
    "suite.ex08_knn.knn_predict.tied_vote_goes_to_the_smallest_label":
        "票数相同时取最小的标签，而不是最近的邻居的标签（用 knn_vote；Counter.most_common 保留它先遇到的标签）",
    "suite.ex08_knn.k_too_large":
        "k 大于训练点个数时",
    "suite.ex08_knn.k_too_large_hint":
        "自己检查 k 并抛出 ValueError（切片 [:, :k] 会悄悄取到更少的邻居，topk 抛出的是 RuntimeError）",
    "suite.ex08_knn.distances":
        "距离",
    "suite.ex08_knn.distances_duplicated_rows":
        "重复行之间的距离",
    "suite.ex08_knn.distances_integer_points":
        "整数点之间的距离",
    "suite.ex08_knn.the_votes":
        "投票结果",
    "suite.ex08_knn.the_votes_tied_rows":
        "票数并列的行的投票结果",
    "suite.ex08_knn.the_predictions":
        "预测结果",
    "suite.ex08_knn.the_predictions_equally_distant":
        "训练点距离相等时的预测结果",
    "suite.ex08_knn.the_k1_predictions_training":
        "在训练点上 k = 1 的预测结果",
    "suite.ex08_knn.the_predictions_labels_1_4":
        "标签为 {labels}、num_classes=None 时的预测结果",
    "suite.ex08_knn.the_predictions_integer_targets":
        "整数（long）目标值的预测结果",
    "suite.ex08_knn.the_predictions_targets_n3":
        "目标值形状为 [N, 3] 时的预测结果",
}
