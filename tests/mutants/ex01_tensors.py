"""Mutants and alternatives for ex01_tensors (reshape, broadcasting, one-hot, accuracy).

Each body is appended to a copy of solutions/ex01_tensors.py, so it sees that module's
imports (torch) and functions.
"""
import torch

from . import alternative, mutant

# -- flatten_images ---------------------------------------------------------------------


@mutant("flatten_images", kills=["non_contiguous_input"])
def flatten_images_view(x):
    return x.view(x.shape[0], -1)  # view() refuses a non-contiguous x


@mutant("flatten_images", kills=["matches_reshape"])
def flatten_images_float32(x):
    return x.reshape(x.shape[0], -1).to(torch.float32)  # float64 images come back float32


@mutant("flatten_images", kills=["input_unchanged"])
def flatten_images_resize_in_place(x):
    B = x.shape[0]
    return x.resize_(B, x[0].numel())  # right values, but reshapes the caller's tensor


@alternative("flatten_images")
def flatten_images_flatten(x):
    return torch.flatten(x, start_dim=1)


@alternative("flatten_images")
def flatten_images_stack_rows(x):
    return torch.stack([image.reshape(-1) for image in x])


@alternative("flatten_images")
def flatten_images_contiguous_view(x):
    B, C, H, W = x.shape
    return x.contiguous().view(B, C * H * W)


# -- add_channel_bias -----------------------------------------------------------------------


@mutant("add_channel_bias", kills=["non_contiguous_inputs"])
def add_channel_bias_views(x, bias):
    B, C, H, W = x.shape
    out = x.view(B, C, H * W) + bias.view(1, C, 1)  # view() needs contiguous tensors
    return out.view(B, C, H, W)


@mutant("add_channel_bias", kills=["inputs_unchanged"])
def add_channel_bias_in_place(x, bias):
    x += bias[:, None, None]  # adds into the caller's tensor
    return x


@alternative("add_channel_bias")
def add_channel_bias_loop(x, bias):
    out = x.clone()
    for c in range(x.shape[1]):
        out[:, c] += bias[c]
    return out


@alternative("add_channel_bias")
def add_channel_bias_indexing(x, bias):
    return bias[None, :, None, None] + x


@alternative("add_channel_bias")
def add_channel_bias_expand(x, bias):
    return torch.add(x, bias.view(1, -1, 1, 1).expand_as(x))


# -- one_hot ----------------------------------------------------------------------------------


@mutant("one_hot", kills=["negative_label_raises_value_error"])
def one_hot_upper_bound_only(labels, num_classes):
    if labels.max() >= num_classes:
        raise ValueError("label out of range")
    out = torch.zeros(len(labels), num_classes, device=labels.device)
    out[torch.arange(len(labels)), labels] = 1  # -1 sets the last column
    return out


@mutant("one_hot", kills=["negative_label_raises_value_error",
                          "too_large_label_raises_value_error"])
def one_hot_assert(labels, num_classes):
    assert ((labels >= 0) & (labels < num_classes)).all(), "label out of range"
    classes = torch.arange(num_classes, device=labels.device)
    return (labels[:, None] == classes).float()


@mutant("one_hot", kills=["matches_identity_rows", "single_class"])
def one_hot_f_one_hot(labels, num_classes):
    import torch.nn.functional as F
    if ((labels < 0) | (labels >= num_classes)).any():
        raise ValueError("label out of range")
    return F.one_hot(labels, num_classes).float()


@mutant("one_hot", kills=["labels_unchanged"])
def one_hot_unsqueeze_in_place(labels, num_classes):
    if ((labels < 0) | (labels >= num_classes)).any():
        raise ValueError("label out of range")
    labels.unsqueeze_(1)  # [N] -> [N, 1] for broadcasting, but it is the caller's tensor
    return (labels == torch.arange(num_classes, device=labels.device)).float()


@alternative("one_hot")
def one_hot_scatter(labels, num_classes):
    if labels.min() < 0 or labels.max() >= num_classes:
        raise ValueError(f"labels must be in [0, {num_classes})")
    out = torch.zeros(labels.shape[0], num_classes, device=labels.device)
    return out.scatter_(1, labels.unsqueeze(1), 1.0)


@alternative("one_hot")
def one_hot_index_put(labels, num_classes):
    bad = (labels < 0) | (labels >= num_classes)
    if bad.any():
        raise ValueError(f"label {labels[bad][0].item()} is not in [0, {num_classes})")
    out = torch.zeros((len(labels), num_classes), dtype=torch.float32, device=labels.device)
    out[torch.arange(len(labels), device=labels.device), labels] = 1
    return out


@alternative("one_hot")
def one_hot_python_loop(labels, num_classes):
    rows = []
    for label in labels.tolist():
        if not 0 <= label < num_classes:
            raise ValueError(f"label {label} out of range")
        rows.append([1.0 if j == label else 0.0 for j in range(num_classes)])
    return torch.tensor(rows, dtype=torch.float32, device=labels.device).reshape(-1, num_classes)


# -- accuracy ------------------------------------------------------------------------------------


@mutant("accuracy", kills=["matches_argmax_count", "all_right_or_all_wrong"])
def accuracy_argmin(logits, labels):
    return (logits.argmin(1) == labels).float().mean().item()  # smallest score wins


@mutant("accuracy", kills=["returns_python_float"])
def accuracy_numpy(logits, labels):
    return (logits.argmax(1) == labels).cpu().numpy().mean()  # a NumPy scalar


@mutant("accuracy", kills=["ties_go_to_the_lowest_index"])
def accuracy_ties_count(logits, labels):
    true = logits.gather(1, labels[:, None]).squeeze(1)
    return (true >= logits.max(1).values).float().mean().item()  # any tie for the top counts


@mutant("accuracy", kills=["inputs_unchanged"])
def accuracy_normalises_in_place(logits, labels):
    logits -= logits.max(dim=1, keepdim=True).values  # "stable", but edits the caller's logits
    return (logits.argmax(1) == labels).sum().item() / len(labels)


@alternative("accuracy")
def accuracy_d2l(logits, labels):
    y_hat = logits.argmax(axis=1)
    cmp = y_hat.type(labels.dtype) == labels
    return float(cmp.type(labels.dtype).sum()) / len(labels)


@alternative("accuracy")
def accuracy_float_mean(logits, labels):
    return (logits.argmax(dim=-1) == labels).float().mean().item()


@alternative("accuracy")
def accuracy_python_loop(logits, labels):
    hits = 0
    for row, label in zip(logits.tolist(), labels.tolist()):
        hits += row.index(max(row)) == label
    return hits / len(labels)


# -- topk_accuracy -------------------------------------------------------------------------------


@mutant("topk_accuracy", kills=["ties_count_generously"])
def topk_accuracy_argsort(logits, labels, k):
    order = logits.argsort(dim=1, descending=True, stable=True)[:, :k]  # ties by index
    return (order == labels[:, None]).any(1).sum().item() / len(labels)


@mutant("topk_accuracy", kills=["inputs_unchanged"])
def topk_accuracy_masks_in_place(logits, labels, k):
    true = logits.gather(1, labels[:, None])
    logits.scatter_(1, labels[:, None], float("-inf"))  # hide the label... in the caller's logits
    return ((logits > true).sum(1) < k).sum().item() / len(labels)


@alternative("topk_accuracy")
def topk_accuracy_sorted_threshold(logits, labels, k):
    C = logits.shape[1]
    if k >= C:
        return 1.0
    kth = logits.sort(dim=1, descending=True).values[:, k - 1]  # the k-th largest score
    true = logits[torch.arange(len(labels), device=labels.device), labels]
    return (true >= kth).float().mean().item()


@alternative("topk_accuracy")
def topk_accuracy_python_loop(logits, labels, k):
    hits = 0
    for row, label in zip(logits.tolist(), labels.tolist()):
        hits += sum(v > row[label] for v in row) < k
    return hits / len(labels)


@mutant("add_channel_bias", kills=["matches_broadcast", "zero_images_give_the_bias",
                                   "non_contiguous_inputs", "example_bias_per_channel"])
def add_channel_bias_plain_broadcast(x, bias):
    return x + bias  # lines bias up with the width W, not the channels


@mutant("add_channel_bias", kills=["matches_broadcast"])
def add_channel_bias_rows(x, bias):
    return x + bias.reshape(-1, 1)  # [C, 1] meets [H, W]: lines up with the rows


@mutant("accuracy", kills=["matches_argmax_count", "example_three_of_four"])
def accuracy_argmax_dim0(logits, labels):
    y_hat = logits.argmax(dim=0)  # the best row of each class: shape [C]
    return (y_hat == labels).float().mean().item()
