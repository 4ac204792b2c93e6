"""Classic mistakes in ex07_conv (see grader/diagnosis/__init__.py)."""
import itertools  # noqa: F401  (bodies run in the solution's namespace)

import numpy as np  # noqa: F401
import torch

from . import mistake


@mistake("pad2d", kills=["matches_f_pad", "non_contiguous_input", "example_one_image"])
def pad2d_one_side_only(x, padding):
    *lead, H, W = x.shape
    p = padding
    out = x.new_zeros((*lead, H + 2 * p, W + 2 * p))
    out[..., :H, :W] = x  # all the zeros end up at the bottom and the right
    return out


@mistake("pad2d", kills=["matches_f_pad"])
def pad2d_wrong_dims(x, padding):
    p = padding
    z = x.new_zeros(x.shape[0], p, *x.shape[2:])
    x = torch.cat([z, x, z], dim=1)  # pads channels (dim 1) ...
    z = x.new_zeros(*x.shape[:2], p, x.shape[3])
    return torch.cat([z, x, z], dim=2)  # ... and rows, never the columns
@mistake("conv2d_loops", kills=["matches_f_conv2d", "bias_by_keyword_defaults",
                               "one_by_one_kernel", "batch_of_one_kernel_covers_padded_input",
                               "non_contiguous_input", "example_small_image"])
def conv2d_loops_ignores_bias(x, weight, bias=None, stride=1, padding=0):
    N, C, H, W = x.shape
    F, _, KH, KW = weight.shape
    s = stride
    OH = (H + 2 * padding - KH) // s + 1
    OW = (W + 2 * padding - KW) // s + 1
    xp = pad2d(x, padding)
    out = x.new_zeros((N, F, OH, OW))
    for i in range(OH):
        for j in range(OW):
            patch = xp[:, :, i * s: i * s + KH, j * s: j * s + KW]
            out[:, :, i, j] = (patch.unsqueeze(1) * weight).sum(dim=(2, 3, 4))
    return out
@mistake("conv2d_loops", kills=["matches_f_conv2d", "bias_none", "bias_by_keyword_defaults",
                               "batch_of_one_kernel_covers_padded_input",
                               "non_contiguous_input"])
def conv2d_loops_flips_kernel(x, weight, bias=None, stride=1, padding=0):
    N, C, H, W = x.shape
    F, _, KH, KW = weight.shape
    s = stride
    OH = (H + 2 * padding - KH) // s + 1
    OW = (W + 2 * padding - KW) // s + 1
    xp = pad2d(x, padding)
    kernel = weight.flip(dims=(2, 3))  # true convolution, not cross-correlation
    out = x.new_zeros((N, F, OH, OW))
    for i in range(OH):
        for j in range(OW):
            patch = xp[:, :, i * s: i * s + KH, j * s: j * s + KW]
            out[:, :, i, j] = (patch.unsqueeze(1) * kernel).sum(dim=(2, 3, 4))
    if bias is not None:
        out += bias.view(1, F, 1, 1)
    return out


@mistake("conv2d_loops", kills=["matches_f_conv2d"])
def conv2d_loops_output_size_off_by_one(x, weight, bias=None, stride=1, padding=0):
    N, C, H, W = x.shape
    F, _, KH, KW = weight.shape
    s = stride
    OH = (H + 2 * padding - KH + 1) // s  # right only for stride 1
    OW = (W + 2 * padding - KW + 1) // s
    xp = pad2d(x, padding)
    out = x.new_zeros((N, F, OH, OW))
    for i in range(OH):
        for j in range(OW):
            patch = xp[:, :, i * s: i * s + KH, j * s: j * s + KW]
            out[:, :, i, j] = (patch.unsqueeze(1) * weight).sum(dim=(2, 3, 4))
    if bias is not None:
        out += bias.view(1, F, 1, 1)
    return out


@mistake("conv2d_loops", kills=["matches_f_conv2d", "batch_of_one_kernel_covers_padded_input"])
def conv2d_loops_size_forgets_padding(x, weight, bias=None, stride=1, padding=0):
    N, C, H, W = x.shape
    F, _, KH, KW = weight.shape
    s = stride
    OH = (H - KH) // s + 1
    OW = (W - KW) // s + 1
    xp = pad2d(x, padding)
    out = x.new_zeros((N, F, OH, OW))
    for i in range(OH):
        for j in range(OW):
            patch = xp[:, :, i * s: i * s + KH, j * s: j * s + KW]
            out[:, :, i, j] = (patch.unsqueeze(1) * weight).sum(dim=(2, 3, 4))
    if bias is not None:
        out += bias.view(1, F, 1, 1)
    return out


@mistake("conv2d_loops", kills=["matches_f_conv2d", "bias_none", "one_by_one_kernel"])
def conv2d_loops_ignores_stride(x, weight, bias=None, stride=1, padding=0):
    N, C, H, W = x.shape
    F, _, KH, KW = weight.shape
    OH = H + 2 * padding - KH + 1
    OW = W + 2 * padding - KW + 1
    xp = pad2d(x, padding)
    out = x.new_zeros((N, F, OH, OW))
    for i in range(OH):
        for j in range(OW):
            patch = xp[:, :, i: i + KH, j: j + KW]
            out[:, :, i, j] = (patch.unsqueeze(1) * weight).sum(dim=(2, 3, 4))
    if bias is not None:
        out += bias.view(1, F, 1, 1)
    return out


@mistake("conv2d_loops", kills=["matches_f_conv2d", "bias_none",
                               "batch_of_one_kernel_covers_padded_input",
                               "non_contiguous_input"])
def conv2d_loops_pads_one_side(x, weight, bias=None, stride=1, padding=0):
    N, C, H, W = x.shape
    F, _, KH, KW = weight.shape
    s, p = stride, padding
    OH = (H + 2 * p - KH) // s + 1
    OW = (W + 2 * p - KW) // s + 1
    xp = x.new_zeros((N, C, H + 2 * p, W + 2 * p))
    xp[:, :, :H, :W] = x  # zeros only below and to the right
    out = x.new_zeros((N, F, OH, OW))
    for i in range(OH):
        for j in range(OW):
            patch = xp[:, :, i * s: i * s + KH, j * s: j * s + KW]
            out[:, :, i, j] = (patch.unsqueeze(1) * weight).sum(dim=(2, 3, 4))
    if bias is not None:
        out += bias.view(1, F, 1, 1)
    return out


@mistake("conv2d_loops", kills=["matches_f_conv2d", "bias_none",
                               "batch_of_one_kernel_covers_padded_input",
                               "non_contiguous_input"])
def conv2d_loops_pads_twice(x, weight, bias=None, stride=1, padding=0):
    N, C, H, W = x.shape
    F, _, KH, KW = weight.shape
    s, p = stride, padding
    OH = (H + 2 * p - KH) // s + 1
    OW = (W + 2 * p - KW) // s + 1
    xp = pad2d(x, 2 * p)  # "2p" from the size formula, but pad2d already pads both sides
    out = x.new_zeros((N, F, OH, OW))
    for i in range(OH):
        for j in range(OW):
            patch = xp[:, :, i * s: i * s + KH, j * s: j * s + KW]
            out[:, :, i, j] = (patch.unsqueeze(1) * weight).sum(dim=(2, 3, 4))
    if bias is not None:
        out += bias.view(1, F, 1, 1)
    return out


@mistake("conv2d_loops", kills=["matches_f_conv2d", "bias_none", "bias_by_keyword_defaults",
                               "batch_of_one_kernel_covers_padded_input",
                               "non_contiguous_input"])
def conv2d_loops_swaps_kh_kw(x, weight, bias=None, stride=1, padding=0):
    N, C, H, W = x.shape
    F, _, KW, KH = weight.shape  # the kernel is [F, C, KH, KW]
    s = stride
    OH = (H + 2 * padding - KH) // s + 1
    OW = (W + 2 * padding - KW) // s + 1
    xp = pad2d(x, padding)
    out = x.new_zeros((N, F, OH, OW))
    for i in range(OH):
        for j in range(OW):
            patch = xp[:, :, i * s: i * s + KH, j * s: j * s + KW]
            out[:, :, i, j] = (patch.unsqueeze(1) * weight).sum(dim=(2, 3, 4))
    if bias is not None:
        out += bias.view(1, F, 1, 1)
    return out


@mistake("conv2d_unfold", kills=["matches_f_conv2d", "bias_by_keyword_defaults",
                                "one_by_one_kernel", "batch_of_one_kernel_covers_padded_input",
                                "non_contiguous_input", "differentiable", "example_small_image"])
def conv2d_unfold_ignores_bias(x, weight, bias=None, stride=1, padding=0):
    N, C, H, W = x.shape
    F, _, KH, KW = weight.shape
    OH = (H + 2 * padding - KH) // stride + 1
    OW = (W + 2 * padding - KW) // stride + 1
    patches = pad2d(x, padding).unfold(2, KH, stride).unfold(3, KW, stride)
    cols = patches.permute(0, 1, 4, 5, 2, 3).reshape(N, C * KH * KW, OH * OW)
    return (weight.reshape(F, C * KH * KW) @ cols).view(N, F, OH, OW)


@mistake("conv2d_unfold", kills=["matches_f_conv2d", "bias_none", "bias_by_keyword_defaults",
                                "batch_of_one_kernel_covers_padded_input",
                                "non_contiguous_input", "differentiable"])
def conv2d_unfold_flips_kernel(x, weight, bias=None, stride=1, padding=0):
    N, C, H, W = x.shape
    F, _, KH, KW = weight.shape
    OH = (H + 2 * padding - KH) // stride + 1
    OW = (W + 2 * padding - KW) // stride + 1
    patches = pad2d(x, padding).unfold(2, KH, stride).unfold(3, KW, stride)
    cols = patches.permute(0, 1, 4, 5, 2, 3).reshape(N, C * KH * KW, OH * OW)
    kernel = weight.flip(2, 3)  # true convolution
    out = kernel.reshape(F, C * KH * KW) @ cols
    if bias is not None:
        out = out + bias.view(1, F, 1)
    return out.view(N, F, OH, OW)
@mistake("conv2d_unfold", kills=["matches_f_conv2d", "bias_none", "one_by_one_kernel",
                                "differentiable"])
def conv2d_unfold_ignores_stride(x, weight, bias=None, stride=1, padding=0):
    N, C, H, W = x.shape
    F, _, KH, KW = weight.shape
    OH = (H + 2 * padding - KH) // stride + 1
    OW = (W + 2 * padding - KW) // stride + 1
    patches = pad2d(x, padding).unfold(2, KH, 1).unfold(3, KW, 1)
    cols = patches.permute(0, 1, 4, 5, 2, 3).reshape(N, C * KH * KW, -1)
    out = weight.reshape(F, C * KH * KW) @ cols
    if bias is not None:
        out = out + bias.view(1, F, 1)
    return out.reshape(N, F, -1)[:, :, : OH * OW].reshape(N, F, OH, OW)


@mistake("conv2d_unfold", kills=["matches_f_conv2d", "bias_none",
                                "batch_of_one_kernel_covers_padded_input",
                                "non_contiguous_input", "differentiable"])
def conv2d_unfold_pads_twice(x, weight, bias=None, stride=1, padding=0):
    import torch.nn.functional as TF
    N, C, H, W = x.shape
    F, _, KH, KW = weight.shape
    p = padding
    OH = (H + 2 * p - KH) // stride + 1
    OW = (W + 2 * p - KW) // stride + 1
    cols = TF.unfold(pad2d(x, p), (KH, KW), padding=p, stride=stride)  # pads again
    out = weight.reshape(F, C * KH * KW) @ cols[:, :, : OH * OW]
    if bias is not None:
        out = out + bias.view(1, F, 1)
    return out.view(N, F, OH, OW)


@mistake("conv2d_unfold", kills=["matches_f_conv2d", "bias_none", "bias_by_keyword_defaults",
                                "batch_of_one_kernel_covers_padded_input",
                                "non_contiguous_input", "differentiable"])
def conv2d_unfold_swaps_kh_kw(x, weight, bias=None, stride=1, padding=0):
    N, C, H, W = x.shape
    F, _, KW, KH = weight.shape  # the kernel is [F, C, KH, KW]
    OH = (H + 2 * padding - KH) // stride + 1
    OW = (W + 2 * padding - KW) // stride + 1
    patches = pad2d(x, padding).unfold(2, KH, stride).unfold(3, KW, stride)
    cols = patches.permute(0, 1, 4, 5, 2, 3).reshape(N, C * KH * KW, OH * OW)
    out = weight.reshape(F, C * KH * KW) @ cols
    if bias is not None:
        out = out + bias.view(1, F, 1)
    return out.view(N, F, OH, OW)


@mistake("max_pool2d", kills=["all_negative_input"])
def max_pool2d_starts_from_zero(x, kernel_size, stride=None):
    k = kernel_size
    s = k if stride is None else stride
    N, C, H, W = x.shape
    OH, OW = (H - k) // s + 1, (W - k) // s + 1
    out = x.new_zeros((N, C, OH, OW))  # 0 beats every negative window
    for u in range(k):  # k * k offsets: the same number of calls for any input size
        for v in range(k):
            out = torch.maximum(out, x[:, :, u: u + s * (OH - 1) + 1: s,
                                       v: v + s * (OW - 1) + 1: s])
    return out


@mistake("max_pool2d", kills=["stride_defaults_to_kernel_size", "example_scrambled_values"])
def max_pool2d_stride_defaults_to_one(x, kernel_size, stride=None):
    k = kernel_size
    s = stride if stride else 1
    return x.unfold(2, k, s).unfold(3, k, s).amax(dim=(-2, -1))


@mistake("max_pool2d", kills=["matches_f_max_pool2d"])
def max_pool2d_ignores_stride(x, kernel_size, stride=None):
    k = kernel_size
    return x.unfold(2, k, k).unfold(3, k, k).amax(dim=(-2, -1))
