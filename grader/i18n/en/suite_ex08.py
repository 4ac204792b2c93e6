"""The checks' messages for ex08_knn: suite.ex08_knn.<check or constant>."""
MESSAGES = {
    "suite.ex08_knn.pairwise_distances.matches_cdist":
        "D[m, n] = sqrt(||x_m||^2 + ||y_n||^2 - 2 x_m . y_n): shape [M, N]",
    "suite.ex08_knn.pairwise_distances.identical_points_not_nan":
        "clamp ||x||^2 + ||y||^2 - 2 x . y at 0 before the square root (rounding makes it slightly negative)",
    "suite.ex08_knn.pairwise_distances.exact_on_small_integer_points":
        "equal points are at distance exactly 0: clamp at 0, do not add an epsilon under the square root",
    "suite.ex08_knn.knn_vote.majority":
        "one label per row: the most frequent one, as a long tensor of shape [M]",
    "suite.ex08_knn.knn_vote.ties_go_to_the_smallest_label":
        "equal counts: the smallest label wins (argmax of the counts returns the first maximum), not the one seen first in the row",
    "suite.ex08_knn.knn_predict.matches_brute_force":
        "the k smallest distances of each test row (sort or topk along dim 1), then a majority vote of their labels",
    "suite.ex08_knn.knn_predict.equal_distances_lower_index_nearer":
        "at equal distances the lower training index is nearer: sort with stable=True (topk and the default sort may reorder ties)",
    "suite.ex08_knn.knn_predict.k1_on_the_training_set_returns_its_labels":
        "every training point is its own nearest neighbour (distance 0: clamp the squared distance at 0, a nan sorts last)",
    "suite.ex08_knn.knn_predict.num_classes_defaults_to_max_label_plus_one":
        "num_classes = y_train.max() + 1 (labels need not all occur)",
    "suite.ex08_knn.knn_regress.matches_brute_force":
        "the mean target of the k nearest points",
    "suite.ex08_knn.knn_regress.integer_targets_give_float32":
        "integer targets give a float32 mean (not an integer division, not X's dtype)",
    "suite.ex08_knn.knn_regress.several_targets_per_point":
        "average over the neighbours (dim 1), keep the targets: [M, T]",
    "suite.ex08_knn.knn_regress.equal_distances_lower_index_nearer":
        "at equal distances the lower training index is nearer: sort with stable=True",
    "suite.ex08_knn.the_predictions_k_n":
        "the predictions with k equal to the number of training points",
    "suite.ex08_knn.k_equal_n_hint":
        "k may be as large as the number of training points (every point votes): only k > N raises",
    "suite.ex08_knn.k_below_one":
        "k below 1 (k = 0)",
    "suite.ex08_knn.the_predictions_tied_votes":
        "the predictions where the k nearest labels tie",
    "suite.ex08_knn.knn_predict.tied_vote_goes_to_the_smallest_label":
        "a tied vote goes to the smallest label, not to the nearest neighbour's (use knn_vote; Counter.most_common keeps the first label it met)",
    "suite.ex08_knn.k_too_large":
        "k larger than the number of training points",
    "suite.ex08_knn.k_too_large_hint":
        "check k yourself and raise ValueError (slicing [:, :k] silently takes fewer neighbours, topk raises a RuntimeError)",
    "suite.ex08_knn.distances":
        "distances",
    "suite.ex08_knn.distances_duplicated_rows":
        "distances between duplicated rows",
    "suite.ex08_knn.distances_integer_points":
        "distances between integer points",
    "suite.ex08_knn.the_votes":
        "the votes",
    "suite.ex08_knn.the_votes_tied_rows":
        "the votes of tied rows",
    "suite.ex08_knn.the_predictions":
        "the predictions",
    "suite.ex08_knn.the_predictions_equally_distant":
        "the predictions with equally distant training points",
    "suite.ex08_knn.the_k1_predictions_training":
        "the k = 1 predictions on the training points",
    "suite.ex08_knn.the_predictions_labels_1_4":
        "the predictions with labels {labels} and num_classes=None",
    "suite.ex08_knn.the_predictions_integer_targets":
        "the predictions for integer (long) targets",
    "suite.ex08_knn.the_predictions_targets_n3":
        "the predictions for targets of shape [N, 3]",
}
