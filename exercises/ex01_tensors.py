# Generated from solutions/ by `make stubs`: fill in every NotImplementedError.
"""Exercise 1: tensors -- shapes, broadcasting, indexing.

A tensor is an n-dimensional array plus a shape, a dtype and a device. Almost every
bug in deep-learning code is a shape bug, so this first set of exercises is about
moving data between shapes without loops:

* ``reshape`` reads the elements in row-major order (last axis fastest) and lays
  them out again in a new shape;
* broadcasting lines shapes up from the right and stretches axes of size 1, so a
  ``[C, 1, 1]`` tensor adds one number per channel to a ``[B, C, H, W]`` batch;
* comparisons produce boolean masks, and summing a mask counts the ``True`` entries.

The last three functions turn labels into one-hot targets and score a classifier's
logits, which are the tensors you will meet again in softmax regression and the MLP.
Read d2l.ai, chapter "Data Manipulation" (2.1), and CS231n's "Python/NumPy
tutorial" section on broadcasting, before you start.
"""
import torch


def flatten_images(x: torch.Tensor) -> torch.Tensor:
    """Flatten every image of a batch into one row vector.

    out[b, (c * H + h) * W + w] = x[b, c, h, w]   (row-major order, like x.reshape(B, -1))

    Args:
        x: images, shape [B, C, H, W], any dtype, any device; may be non-contiguous.

    Returns:
        Shape [B, C*H*W], same dtype and device as x (a view when x's memory allows it,
        a copy otherwise; x is never modified).

    Example:
        >>> flatten_images(torch.arange(8).reshape(2, 1, 2, 2))
        tensor([[0, 1, 2, 3],
                [4, 5, 6, 7]])

    Forbidden: nothing.
    """
    raise NotImplementedError("flatten_images: read its docstring in exercises/ex01_tensors.py")


def add_channel_bias(x: torch.Tensor, bias: torch.Tensor) -> torch.Tensor:
    """Add one bias value per channel to every pixel of that channel.

    out[b, c, h, w] = x[b, c, h, w] + bias[c]

    Args:
        x: images, shape [B, C, H, W], float32 or float64.
        bias: shape [C], same dtype and device as x.

    Returns:
        A new tensor of shape [B, C, H, W] on x's device; its dtype follows PyTorch's
        type promotion, i.e. x's dtype when bias has the same dtype.

    Example:
        >>> x = torch.zeros(1, 2, 2, 2)
        >>> add_channel_bias(x, torch.tensor([1., -1.]))[0]
        tensor([[[ 1.,  1.],
                 [ 1.,  1.]],
        <BLANKLINE>
                [[-1., -1.],
                 [-1., -1.]]])

    Forbidden: nothing.
    """
    raise NotImplementedError("add_channel_bias: read its docstring in exercises/ex01_tensors.py")


def one_hot(labels: torch.Tensor, num_classes: int) -> torch.Tensor:
    """Encode integer class labels as one-hot rows.

    out[n, j] = 1 if labels[n] == j else 0

    Args:
        labels: class indices, shape [N], dtype torch.long, each in [0, num_classes).
            Like F.one_hot, any shape [*] works and gives [*, num_classes].
        num_classes: number of classes C (a Python int, at least 1).

    Returns:
        Shape [N, num_classes], dtype torch.float32, on labels' device.

    Raises:
        ValueError: if any label is < 0 or >= num_classes.

    Example:
        >>> one_hot(torch.tensor([0, 2, 1]), 3)
        tensor([[1., 0., 0.],
                [0., 0., 1.],
                [0., 1., 0.]])

    Forbidden: F.one_hot (torch.nn.functional.one_hot, aten::one_hot).
    Also forbidden here, where the point is torch: leaving it for NumPy, SciPy or raw
    memory (.numpy(), np.asarray(x), data_ptr).
    """
    raise NotImplementedError("one_hot: read its docstring in exercises/ex01_tensors.py")


def accuracy(logits: torch.Tensor, labels: torch.Tensor) -> float:
    """Fraction of rows whose highest logit is at the true label.

    accuracy = (1 / N) * #{n : argmax_j logits[n, j] == labels[n]}

    Ties between equal logits go to the lowest index (torch.argmax's rule), so a row
    whose label only shares the maximum with a lower class does not count.

    Args:
        logits: scores, shape [N, C], float32 or float64.
        labels: true classes, shape [N], dtype torch.long, on logits' device.

    Returns:
        A Python float in [0, 1].

    Example:
        >>> logits = torch.tensor([[0.1, 0.9], [0.8, 0.2], [0.3, 0.7]])
        >>> accuracy(logits, torch.tensor([1, 0, 0]))
        0.6666666666666666

    Forbidden: nothing.
    """
    raise NotImplementedError("accuracy: read its docstring in exercises/ex01_tensors.py")


def topk_accuracy(logits: torch.Tensor, labels: torch.Tensor, k: int) -> float:
    """Fraction of rows whose true label is among the k largest logits.

    A row n counts when #{j : logits[n, j] > logits[n, labels[n]]} < k, i.e. fewer
    than k classes score strictly higher than the true one. With ties this is the
    generous reading: a label tied with others at the k-th place counts. With k = 1 it
    can therefore exceed accuracy(), which breaks ties by index.

    Args:
        logits: scores, shape [N, C], float32 or float64.
        labels: true classes, shape [N], dtype torch.long, on logits' device.
        k: how many top classes to accept (a Python int >= 1; k >= C accepts every row).

    Returns:
        A Python float in [0, 1].

    Example:
        >>> logits = torch.tensor([[0.1, 0.5, 0.4], [0.2, 0.2, 0.6]])
        >>> labels = torch.tensor([2, 0])
        >>> topk_accuracy(logits, labels, 1), topk_accuracy(logits, labels, 2)
        (0.0, 1.0)

    Forbidden: nothing.
    """
    raise NotImplementedError("topk_accuracy: read its docstring in exercises/ex01_tensors.py")
