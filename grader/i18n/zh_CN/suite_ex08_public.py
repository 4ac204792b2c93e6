"""ex08_knn 公开检查的提示: suite.ex08_knn.public.<检查或常量>。"""
MESSAGES = {
    "suite.ex08_knn.public.distances":
        "距离",
    "suite.ex08_knn.public.the_votes":
        "投票结果",
    "suite.ex08_knn.public.the_predictions_with_k":
        "k={k} 时的预测结果",
    "suite.ex08_knn.public.pairwise_distances.example_integer_points":
        "D[m, n] = ||x_m - y_n||，形状 [M, N]",
    "suite.ex08_knn.public.knn_vote.example_three_rows":
        "每行出现最多的标签，结果是形状 [M] 的 long 张量",
    "suite.ex08_knn.public.knn_predict.example_clusters":
        "取最近的 k 个训练点的标签，再做多数投票",
    "suite.ex08_knn.public.knn_regress.example_cluster_means":
        "最近的 k 个点的目标值的平均",
}
