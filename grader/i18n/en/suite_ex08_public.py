"""The public checks' messages for ex08_knn: suite.ex08_knn.public.<check or constant>."""
MESSAGES = {
    "suite.ex08_knn.public.distances":
        "distances",
    "suite.ex08_knn.public.the_votes":
        "the votes",
    "suite.ex08_knn.public.the_predictions_with_k":
        "the predictions with k={k}",
    "suite.ex08_knn.public.pairwise_distances.example_integer_points":
        "D[m, n] = ||x_m - y_n||, shape [M, N]",
    "suite.ex08_knn.public.knn_vote.example_three_rows":
        "the most frequent label of each row, a long tensor of shape [M]",
    "suite.ex08_knn.public.knn_predict.example_clusters":
        "the labels of the k nearest training points, then a majority vote",
    "suite.ex08_knn.public.knn_regress.example_cluster_means":
        "the mean target of the k nearest points",
}
