"""Classic mistakes in ex01_tensors (see grader/diagnosis/__init__.py)."""
import itertools  # noqa: F401  (bodies run in the solution's namespace)

import numpy as np  # noqa: F401
import torch

from . import mistake


@mistake("flatten_images", kills=["matches_reshape", "example_arange_images"])
def flatten_images_channels_last(x):
    B = x.shape[0]
    return x.permute(0, 2, 3, 1).reshape(B, -1)  # pixel by pixel, channels innermost


@mistake("flatten_images", kills=["matches_reshape", "integer_images"])
def flatten_images_per_channel(x):
    B, C, H, W = x.shape
    return x.reshape(-1, H * W)  # one row per channel image: [B*C, H*W]


@mistake("flatten_images", kills=["integer_images"])
def flatten_images_to_float(x):
    return x.reshape(x.shape[0], -1).float()  # "images are floats": int images change dtype
@mistake("one_hot", kills=["negative_label_raises_value_error",
                          "too_large_label_raises_value_error"])
def one_hot_eye_no_check(labels, num_classes):
    return torch.eye(num_classes, device=labels.device)[labels]  # -1 wraps to the last row


@mistake("one_hot", kills=["too_large_label_raises_value_error"])
def one_hot_off_by_one_check(labels, num_classes):
    if (labels < 0).any() or (labels > num_classes).any():  # lets label == num_classes through
        raise ValueError("label out of range")
    classes = torch.arange(num_classes, device=labels.device)
    return (labels[:, None] == classes).float()


@mistake("one_hot", kills=["float32_on_labels_device", "example_four_classes"])
def one_hot_long(labels, num_classes):
    if ((labels < 0) | (labels >= num_classes)).any():
        raise ValueError("label out of range")
    classes = torch.arange(num_classes, device=labels.device)
    return (labels[:, None] == classes).long()  # the comparison's integers, not float32


@mistake("one_hot", kills=["matches_identity_rows", "example_four_classes"])
def one_hot_width_from_labels(labels, num_classes):
    if ((labels < 0) | (labels >= num_classes)).any():
        raise ValueError("label out of range")
    classes = torch.arange(int(labels.max()) + 1, device=labels.device)  # ignores num_classes
    return (labels[:, None] == classes).float()
@mistake("accuracy", kills=["matches_argmax_count", "all_right_or_all_wrong"])
def accuracy_divides_by_classes(logits, labels):
    return (logits.argmax(1) == labels).sum().item() / logits.shape[1]  # C instead of N


@mistake("accuracy", kills=["returns_python_float"])
def accuracy_tensor(logits, labels):
    return (logits.argmax(1) == labels).float().mean()  # a 0-dim tensor, not a float


@mistake("accuracy", kills=["ties_go_to_the_lowest_index"])
def accuracy_last_index(logits, labels):
    C = logits.shape[1]
    y_hat = C - 1 - logits.flip(1).argmax(1)  # the last of equal maxima
    return (y_hat == labels).sum().item() / len(labels)


@mistake("topk_accuracy", kills=["ties_count_generously", "k_at_least_classes_accepts_all"])
def topk_accuracy_topk_indices(logits, labels, k):
    top = logits.topk(k, dim=1).indices  # picks one of the tied classes; k > C fails
    return (top == labels[:, None]).any(1).float().mean().item()


@mistake("topk_accuracy", kills=["matches_rank_count", "example_top_k"])
def topk_accuracy_counts_itself(logits, labels, k):
    true = logits.gather(1, labels[:, None])
    n_at_least = (logits >= true).sum(dim=1)  # includes the label itself
    return (n_at_least < k).sum().item() / len(labels)


@mistake("topk_accuracy", kills=["returns_python_float"])
def topk_accuracy_tensor(logits, labels, k):
    true = logits.gather(1, labels[:, None])
    return ((logits > true).sum(1) < k).float().mean()  # a tensor


@mistake("topk_accuracy", kills=["matches_rank_count", "ties_count_generously",
                                "k_at_least_classes_accepts_all"])
def topk_accuracy_no_dim(logits, labels, k):
    true = logits.gather(1, labels[:, None])
    n_above = (logits > true).sum()  # one total over the whole batch
    return float(n_above < k)


@mistake("add_channel_bias", kills=["matches_broadcast"])
def add_channel_bias_first_channel_only(x, bias):
    out = x.clone()
    for c in range(x.shape[1]):
        out[:, c] = x[:, c] + bias[0]  # always bias[0]
    return out
