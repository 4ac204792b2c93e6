"""Exercise 7: convolution by loops vs by unfold, and max pooling.

A convolutional layer slides F filters of shape [C, KH, KW] over the image
and, at every position, takes the dot product of the filter with the patch
under it (deep learning's "convolution" is really cross-correlation: the
filter is not flipped). For input x [N, C, H, W], stride s and zero padding p:

    out[n, f, i, j] = b[f] + sum_{c, u, v} x_pad[n, c, i*s + u, j*s + v] * w[f, c, u, v]
    OH = (H + 2p - KH) // s + 1,   OW = (W + 2p - KW) // s + 1

Written with loops this is easy to read and slow. The trick every fast
implementation starts from is im2col (CS231n, "Convolutional Networks";
d2l.ai, "Convolutions for Images"): copy every patch into a column of a
matrix, after which the whole layer is a single matrix product with the
filters laid out as rows, which BLAS runs at full speed. Max pooling uses the
same patch view and replaces the dot product by a max.
"""

import torch


def pad2d(x: torch.Tensor, padding: int) -> torch.Tensor:
    """Zero-pad the last two (spatial) dimensions by ``padding`` on each side.

    out[..., i + p, j + p] = x[..., i, j], zeros elsewhere;
    [N, C, H, W] -> [N, C, H + 2p, W + 2p].

    Allocates a zero tensor and copies ``x`` into its centre, so the result is
    always a new tensor (also for padding 0) and gradients flow back to ``x``.

    Args:
        x: float tensor [N, C, H, W] (any leading dimensions work).
        padding: p >= 0, the number of zero rows/columns added on every side.

    Returns:
        Tensor [N, C, H + 2p, W + 2p], same dtype and device as ``x``.

    Write it without Python loops: conv2d_unfold pads through it, and conv2d_unfold's
    number of torch calls must not grow with the input.

    Example:
        >>> pad2d(torch.tensor([[[[1.0, 2.0]]]]), 1)
        tensor([[[[0., 0., 0., 0.],
                  [0., 1., 2., 0.],
                  [0., 0., 0., 0.]]]])

    Forbidden: F.pad (and aten constant_pad_nd).
    Also forbidden here, where the point is torch: leaving it for NumPy, SciPy or raw
    memory (.numpy(), np.asarray(x), data_ptr).
    """
    # BEGIN SOLUTION
    *lead, H, W = x.shape
    p = padding
    out = x.new_zeros((*lead, H + 2 * p, W + 2 * p))  # (N, C, H+2p, W+2p)
    out[..., p : p + H, p : p + W] = x
    return out
    # END SOLUTION


def conv2d_loops(
    x: torch.Tensor,
    weight: torch.Tensor,
    bias: torch.Tensor | None = None,
    stride: int = 1,
    padding: int = 0,
) -> torch.Tensor:
    """2-D cross-correlation with explicit loops over output positions.

    out[n, f, i, j] = b[f] + sum_{c, u, v} x_pad[n, c, i*s + u, j*s + v] * w[f, c, u, v]

    Same result as ``F.conv2d(x, weight, bias, stride, padding)``. The two
    Python loops visit every output position (i, j); the body handles the
    whole batch and all filters at once.

    Args:
        x: float tensor [N, C, H, W] (float32 or float64).
        weight: tensor [F, C, KH, KW], same dtype and device as ``x``.
        bias: tensor [F] or None.
        stride: s >= 1, the step between neighbouring patches.
        padding: p >= 0, zeros added on every spatial side (via ``pad2d``).

    Returns:
        Tensor [N, F, OH, OW] with OH = (H + 2p - KH) // s + 1 and
        OW = (W + 2p - KW) // s + 1, same dtype and device as ``x``.

    Example:
        >>> x = torch.arange(9.0).reshape(1, 1, 3, 3)
        >>> conv2d_loops(x, torch.ones(1, 1, 2, 2), torch.tensor([0.5]))
        tensor([[[[ 8.5000, 12.5000],
                  [20.5000, 24.5000]]]])

    Forbidden: conv* (F.conv2d, nn.Conv2d, aten convolution), unfold / im2col,
    as_strided, einsum.
    Also forbidden here, where the point is torch: leaving it for NumPy, SciPy or raw
    memory (.numpy(), np.asarray(x), data_ptr).
    """
    # BEGIN SOLUTION
    N, C, H, W = x.shape
    F, _, KH, KW = weight.shape
    s = stride
    OH = (H + 2 * padding - KH) // s + 1
    OW = (W + 2 * padding - KW) // s + 1
    xp = pad2d(x, padding)  # (N, C, H+2p, W+2p)
    out = x.new_zeros((N, F, OH, OW))  # (N, F, OH, OW)
    for i in range(OH):
        for j in range(OW):
            patch = xp[:, :, i * s : i * s + KH, j * s : j * s + KW]  # (N, C, KH, KW)
            # (N, 1, C, KH, KW) * (F, C, KH, KW) -> sum over C, KH, KW
            out[:, :, i, j] = (patch.unsqueeze(1) * weight).sum(dim=(2, 3, 4))  # (N, F)
    if bias is not None:
        out += bias.view(1, F, 1, 1)  # (N, F, OH, OW)
    return out
    # END SOLUTION


def conv2d_unfold(
    x: torch.Tensor,
    weight: torch.Tensor,
    bias: torch.Tensor | None = None,
    stride: int = 1,
    padding: int = 0,
) -> torch.Tensor:
    """2-D cross-correlation as im2col followed by one matrix product.

    cols[n, (c, u, v), (i, j)] = x_pad[n, c, i*s + u, j*s + v]   # (N, C*KH*KW, OH*OW)
    out[n] = weight.reshape(F, C*KH*KW) @ cols[n] + b              # (N, F, OH*OW)

    Same result as ``F.conv2d(x, weight, bias, stride, padding)``, differentiable
    by autograd, and the number of torch calls does not depend on the input size.
    The patches come from ``Tensor.unfold`` on the padded input: a view with no
    copy, which ``reshape`` then gathers into the column matrix.

    Args:
        x: float tensor [N, C, H, W] (float32 or float64).
        weight: tensor [F, C, KH, KW], same dtype and device as ``x``.
        bias: tensor [F] or None.
        stride: s >= 1, the step between neighbouring patches.
        padding: p >= 0, zeros added on every spatial side (via ``pad2d``).

    Returns:
        Contiguous tensor [N, F, OH, OW] with OH = (H + 2p - KH) // s + 1 and
        OW = (W + 2p - KW) // s + 1, same dtype and device as ``x``.

    Example:
        >>> x = torch.arange(9.0).reshape(1, 1, 3, 3)
        >>> conv2d_unfold(x, torch.ones(1, 1, 2, 2), torch.tensor([0.5]))
        tensor([[[[ 8.5000, 12.5000],
                  [20.5000, 24.5000]]]])

    Grading: being vectorised is the point of this exercise: a version whose number
    of torch calls grows with the input (Python loops over positions) earns at
    most half its points, whatever else passes.

    Forbidden: conv* (F.conv2d, nn.Conv2d, aten convolution).
    Also forbidden here, where the point is torch: leaving it for NumPy, SciPy or raw
    memory (.numpy(), np.asarray(x), data_ptr).
    """
    # BEGIN SOLUTION
    N, C, H, W = x.shape
    F, _, KH, KW = weight.shape
    OH = (H + 2 * padding - KH) // stride + 1
    OW = (W + 2 * padding - KW) // stride + 1
    patches = pad2d(x, padding).unfold(2, KH, stride).unfold(3, KW, stride)  # (N, C, OH, OW, KH, KW), a view
    # reshape copies; this is ~5x faster than F.unfold's im2col on CPU
    cols = patches.permute(0, 1, 4, 5, 2, 3).reshape(N, C * KH * KW, OH * OW)  # (N, C*KH*KW, L)
    out = weight.reshape(F, C * KH * KW) @ cols  # (N, F, L), the one matrix product
    if bias is not None:
        out = out + bias.view(1, F, 1)  # (N, F, L)
    return out.view(N, F, OH, OW)
    # END SOLUTION


def max_pool2d(x: torch.Tensor, kernel_size: int, stride: int | None = None) -> torch.Tensor:
    """2-D max pooling without padding, like ``F.max_pool2d(x, kernel_size, stride)``.

    out[n, c, i, j] = max_{u, v < k} x[n, c, i*s + u, j*s + v]
    OH = (H - k) // s + 1,   OW = (W - k) // s + 1

    Vectorised: ``Tensor.unfold`` views every k x k window (no copy) and one
    reduction takes their maxima, so the number of torch calls does not depend
    on the input size. Works for all-negative inputs (no zero padding is ever
    mixed in) and propagates nan like torch.

    Args:
        x: float tensor [N, C, H, W] (float32 or float64).
        kernel_size: k >= 1, the side of the square window.
        stride: s >= 1; None means s = k (non-overlapping windows).

    Returns:
        Tensor [N, C, OH, OW], same dtype and device as ``x``.

    Example:
        >>> x = torch.arange(16.0).reshape(1, 1, 4, 4) - 20  # all negative
        >>> max_pool2d(x, 2)
        tensor([[[[-15., -13.],
                  [ -7.,  -5.]]]])

    Grading: being vectorised is the point of this exercise: a version whose number
    of torch calls grows with the input (Python loops over positions) earns at
    most half its points, whatever else passes.

    Forbidden: max_pool*, adaptive_max_pool* (functions, nn modules, aten ops).
    Also forbidden here, where the point is torch: leaving it for NumPy, SciPy or raw
    memory (.numpy(), np.asarray(x), data_ptr).
    """
    # BEGIN SOLUTION
    k = kernel_size
    s = k if stride is None else stride
    windows = x.unfold(2, k, s).unfold(3, k, s)  # (N, C, OH, OW, k, k), a view
    return windows.amax(dim=(-2, -1))  # (N, C, OH, OW)
    # END SOLUTION
