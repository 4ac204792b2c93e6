"""The checks' messages for ex01_tensors: suite.ex01_tensors.<check or constant>."""
MESSAGES = {
    "suite.ex01_tensors.flatten_images.matches_reshape":
        "row-major order: channel, then row, then column (x.reshape(B, -1)); do not move the channel axis",
    "suite.ex01_tensors.flatten_images.integer_images":
        "keep the input's dtype: do not convert to float",
    "suite.ex01_tensors.flatten_images.non_contiguous_input":
        "x.view fails on a non-contiguous tensor; x.reshape copies when it has to",
    "suite.ex01_tensors.add_channel_bias.matches_broadcast":
        "broadcasting lines shapes up from the right: reshape bias to [C, 1, 1] so it meets the channel axis, not the width",
    "suite.ex01_tensors.add_channel_bias.zero_images_give_the_bias":
        "out[b, c, h, w] should be bias[c] for every b, h, w",
    "suite.ex01_tensors.add_channel_bias.non_contiguous_inputs":
        "view() needs a contiguous tensor; reshape() or indexing (bias[:, None, None]) work on any layout",
    "suite.ex01_tensors.one_hot.matches_identity_rows":
        "row n is all zeros except a 1 at column labels[n]; the width is num_classes, even for classes that never occur",
    "suite.ex01_tensors.one_hot.single_class":
        "num_classes = 1 gives an [N, 1] column of ones",
    "suite.ex01_tensors.accuracy.matches_argmax_count":
        "take the argmax over the classes (dim=1) and divide the number of hits by the number of rows N",
    "suite.ex01_tensors.accuracy.ties_go_to_the_lowest_index":
        "a label that only shares the maximum with a lower class does not count: the prediction is logits.argmax(dim=1)",
    "suite.ex01_tensors.topk_accuracy.matches_rank_count":
        "a row counts when fewer than k classes score strictly higher than its label (sort or count along dim=1)",
    "suite.ex01_tensors.topk_accuracy.ties_count_generously":
        "a label tied with others at the k-th place counts; topk() and sort() pick one of the tied classes, the lower index first",
    "suite.ex01_tensors.topk_accuracy.k_at_least_classes_accepts_all":
        "k >= C accepts every row (logits.topk(k) fails for k > C)",
    "suite.ex01_tensors.not_a_number":
        "{what} should be a single number, got {got}",
    "suite.ex01_tensors.fraction_differs":
        "{what} is {got}, expected {expected}",
    "suite.ex01_tensors.value_error_hint":
        "check that every label lies in [0, num_classes), both ends, and `raise ValueError(...)` before indexing with them",
    "suite.ex01_tensors.one_hot.the_one_hot_tensor":
        "the one-hot tensor",
    "suite.ex01_tensors.topk_with_k":
        "topk_accuracy with k={k}",
    "suite.ex01_tensors.topk_with_k_and_classes":
        "topk_accuracy with k={k} and {classes} classes",
}
