"""Mutants and alternatives for ex07_conv (convolution by loops and unfold, pooling).

Each body is appended to a copy of solutions/ex07_conv.py, so it sees that module's
imports (torch) and functions (pad2d, ...). The solution names the number of filters
``F``, so torch.nn.functional is imported as ``TF`` inside the bodies.
"""
import torch
import torch.nn.functional as TF  # noqa: F401  (the bodies import it themselves)

from . import alternative, mutant

# -- pad2d ------------------------------------------------------------------------------


@mutant("pad2d", kills=["matches_f_pad"])
def pad2d_f_pad(x, padding):
    import torch.nn.functional as TF
    return TF.pad(x, (padding, padding, padding, padding))


@mutant("pad2d", kills=["non_contiguous_input"])
def pad2d_rows_by_view(x, padding):
    *lead, H, W = x.shape
    p = padding
    rows = x.view(-1, W)  # every image row: view needs a contiguous x
    z = rows.new_zeros(rows.shape[0], p)
    x = torch.cat([z, rows, z], dim=1).view(*lead, H, W + 2 * p)
    z = x.new_zeros(*lead, p, W + 2 * p)
    return torch.cat([z, x, z], dim=-2)


@mutant("pad2d", kills=["input_unchanged"])
def pad2d_transposes_input_in_place(x, padding):
    p = padding
    x.transpose_(-1, -2)  # pad the rows as columns (but this transposes the caller's x)
    z = x.new_zeros(*x.shape[:-1], p)
    x = torch.cat([z, x, z], dim=-1)
    x.transpose_(-1, -2)
    z = x.new_zeros(*x.shape[:-1], p)
    return torch.cat([z, x, z], dim=-1)


@alternative("pad2d")
def pad2d_cat(x, padding):
    p = padding
    *lead, H, W = x.shape
    side = x.new_zeros(*lead, H, p)
    x = torch.cat([side, x, side], dim=-1)
    top = x.new_zeros(*lead, p, W + 2 * p)
    return torch.cat([top, x, top], dim=-2)


# -- conv2d_loops -----------------------------------------------------------------------


@mutant("conv2d_loops", kills=["matches_f_conv2d", "bias_by_keyword_defaults",
                               "one_by_one_kernel"])
def conv2d_loops_bias_added_twice(x, weight, bias=None, stride=1, padding=0):
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
            if bias is not None:
                out[:, :, i, j] += bias
    if bias is not None:
        out += bias.view(1, F, 1, 1)
    return out


@mutant("conv2d_loops", kills=["non_contiguous_input"])
def conv2d_loops_views_weight(x, weight, bias=None, stride=1, padding=0):
    N, C, H, W = x.shape
    F, _, KH, KW = weight.shape
    s = stride
    OH = (H + 2 * padding - KH) // s + 1
    OW = (W + 2 * padding - KW) // s + 1
    xp = pad2d(x, padding)
    w_rows = weight.view(F, C * KH * KW)  # view needs a contiguous weight
    out = x.new_zeros((N, F, OH, OW))
    for i in range(OH):
        for j in range(OW):
            patch = xp[:, :, i * s: i * s + KH, j * s: j * s + KW].reshape(N, -1)
            out[:, :, i, j] = patch @ w_rows.T
    if bias is not None:
        out += bias.view(1, F, 1, 1)
    return out


@mutant("conv2d_loops", kills=["inputs_unchanged"])
def conv2d_loops_unsqueezes_bias_in_place(x, weight, bias=None, stride=1, padding=0):
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
    if bias is not None:
        out += bias.unsqueeze_(-1).unsqueeze_(-1)  # [F] -> [F, 1, 1], in the caller's bias too
    return out


@mutant("conv2d_loops", kills=["matches_f_conv2d"])
def conv2d_loops_f_conv2d(x, weight, bias=None, stride=1, padding=0):
    import torch.nn.functional as TF
    return TF.conv2d(x, weight, bias, stride=stride, padding=padding)


@alternative("conv2d_loops")
def conv2d_loops_every_output_element(x, weight, bias=None, stride=1, padding=0):
    N, C, H, W = x.shape
    F, _, KH, KW = weight.shape
    s = stride
    OH = (H + 2 * padding - KH) // s + 1
    OW = (W + 2 * padding - KW) // s + 1
    xp = pad2d(x, padding)
    out = torch.zeros(N, F, OH, OW, dtype=x.dtype, device=x.device)
    for n in range(N):
        for f in range(F):
            for i in range(OH):
                for j in range(OW):
                    patch = xp[n, :, i * s: i * s + KH, j * s: j * s + KW]
                    out[n, f, i, j] = (patch * weight[f]).sum()
                    if bias is not None:
                        out[n, f, i, j] += bias[f]
    return out



# -- conv2d_unfold ----------------------------------------------------------------------


@mutant("conv2d_unfold", kills=["bias_none"])
def conv2d_unfold_bias_always_added(x, weight, bias=None, stride=1, padding=0):
    N, C, H, W = x.shape
    F, _, KH, KW = weight.shape
    OH = (H + 2 * padding - KH) // stride + 1
    OW = (W + 2 * padding - KW) // stride + 1
    patches = pad2d(x, padding).unfold(2, KH, stride).unfold(3, KW, stride)
    cols = patches.permute(0, 1, 4, 5, 2, 3).reshape(N, C * KH * KW, OH * OW)
    out = weight.reshape(F, C * KH * KW) @ cols + bias.view(1, F, 1)
    return out.view(N, F, OH, OW)


@mutant("conv2d_unfold", kills=["matches_f_conv2d", "bias_none",
                                "batch_of_one_kernel_covers_padded_input",
                                "non_contiguous_input", "differentiable"])
def conv2d_unfold_pads_one_side(x, weight, bias=None, stride=1, padding=0):
    N, C, H, W = x.shape
    F, _, KH, KW = weight.shape
    p = padding
    OH = (H + 2 * p - KH) // stride + 1
    OW = (W + 2 * p - KW) // stride + 1
    xp = x.new_zeros((N, C, H + 2 * p, W + 2 * p))
    xp[:, :, :H, :W] = x  # zeros only below and to the right
    patches = xp.unfold(2, KH, stride).unfold(3, KW, stride)
    cols = patches.permute(0, 1, 4, 5, 2, 3).reshape(N, C * KH * KW, OH * OW)
    out = weight.reshape(F, C * KH * KW) @ cols
    if bias is not None:
        out = out + bias.view(1, F, 1)
    return out.view(N, F, OH, OW)


@mutant("conv2d_unfold", kills=["non_contiguous_input"])
def conv2d_unfold_views_weight(x, weight, bias=None, stride=1, padding=0):
    N, C, H, W = x.shape
    F, _, KH, KW = weight.shape
    OH = (H + 2 * padding - KH) // stride + 1
    OW = (W + 2 * padding - KW) // stride + 1
    patches = pad2d(x, padding).unfold(2, KH, stride).unfold(3, KW, stride)
    cols = patches.permute(0, 1, 4, 5, 2, 3).reshape(N, C * KH * KW, OH * OW)
    out = weight.view(F, -1) @ cols  # view needs a contiguous weight
    if bias is not None:
        out = out + bias.view(1, F, 1)
    return out.view(N, F, OH, OW)


@mutant("conv2d_unfold", kills=["non_contiguous_input"])
def conv2d_unfold_as_strided_contiguous_strides(x, weight, bias=None, stride=1, padding=0):
    N, C, H, W = x.shape
    F, _, KH, KW = weight.shape
    s = stride
    OH = (H + 2 * padding - KH) // s + 1
    OW = (W + 2 * padding - KW) // s + 1
    w = weight.as_strided((F, C * KH * KW), (C * KH * KW, 1))  # assumes a contiguous weight
    xp = pad2d(x, padding)
    Hp, Wp = xp.shape[2:]
    patches = xp.as_strided((N, C, KH, KW, OH, OW),
                            (C * Hp * Wp, Hp * Wp, Wp, 1, s * Wp, s))
    out = w @ patches.reshape(N, C * KH * KW, OH * OW)
    if bias is not None:
        out = out + bias.view(1, F, 1)
    return out.view(N, F, OH, OW)


@mutant("conv2d_unfold", kills=["inputs_unchanged"])
def conv2d_unfold_unsqueezes_bias_in_place(x, weight, bias=None, stride=1, padding=0):
    N, C, H, W = x.shape
    F, _, KH, KW = weight.shape
    OH = (H + 2 * padding - KH) // stride + 1
    OW = (W + 2 * padding - KW) // stride + 1
    patches = pad2d(x, padding).unfold(2, KH, stride).unfold(3, KW, stride)
    cols = patches.permute(0, 1, 4, 5, 2, 3).reshape(N, C * KH * KW, OH * OW)
    out = weight.reshape(F, C * KH * KW) @ cols
    if bias is not None:
        out = out + bias.unsqueeze_(-1)  # [F] -> [F, 1], in the caller's bias too
    return out.view(N, F, OH, OW)


@mutant("conv2d_unfold", kills=["vectorised"])
def conv2d_unfold_loops_over_positions(x, weight, bias=None, stride=1, padding=0):
    N, C, H, W = x.shape
    F, _, KH, KW = weight.shape
    s = stride
    OH = (H + 2 * padding - KH) // s + 1
    OW = (W + 2 * padding - KW) // s + 1
    xp = pad2d(x, padding)
    columns = []
    for i in range(OH):  # im2col by hand, one patch at a time
        for j in range(OW):
            columns.append(xp[:, :, i * s: i * s + KH, j * s: j * s + KW].reshape(N, -1))
    cols = torch.stack(columns, dim=2)  # (N, C*KH*KW, OH*OW)
    out = weight.reshape(F, -1) @ cols
    if bias is not None:
        out = out + bias.view(1, F, 1)
    return out.view(N, F, OH, OW)


@mutant("conv2d_unfold", kills=["differentiable"])
def conv2d_unfold_through_numpy(x, weight, bias=None, stride=1, padding=0):
    import numpy as np
    N, C, H, W = x.shape
    F, _, KH, KW = weight.shape
    s = stride
    OH = (H + 2 * padding - KH) // s + 1
    OW = (W + 2 * padding - KW) // s + 1
    xp = pad2d(x, padding).detach().cpu().numpy()
    windows = np.lib.stride_tricks.sliding_window_view(xp, (KH, KW), axis=(2, 3))
    windows = windows[:, :, ::s, ::s]  # (N, C, OH, OW, KH, KW)
    cols = windows.transpose(0, 1, 4, 5, 2, 3).reshape(N, C * KH * KW, OH * OW)
    cols = torch.from_numpy(np.ascontiguousarray(cols)).to(x.device)
    out = weight.reshape(F, -1) @ cols
    if bias is not None:
        out = out + bias.view(1, F, 1)
    return out.view(N, F, OH, OW)


@mutant("conv2d_unfold", kills=["differentiable"])
def conv2d_unfold_under_no_grad(x, weight, bias=None, stride=1, padding=0):
    N, C, H, W = x.shape
    F, _, KH, KW = weight.shape
    OH = (H + 2 * padding - KH) // stride + 1
    OW = (W + 2 * padding - KW) // stride + 1
    with torch.no_grad():  # "the forward pass needs no gradients"
        patches = pad2d(x, padding).unfold(2, KH, stride).unfold(3, KW, stride)
        cols = patches.permute(0, 1, 4, 5, 2, 3).reshape(N, C * KH * KW, OH * OW)
        out = weight.reshape(F, C * KH * KW) @ cols
        if bias is not None:
            out = out + bias.view(1, F, 1)
    return out.view(N, F, OH, OW).requires_grad_()


@mutant("conv2d_unfold", kills=["matches_f_conv2d"])
def conv2d_unfold_f_conv2d(x, weight, bias=None, stride=1, padding=0):
    import torch.nn.functional as TF
    return TF.conv2d(x, weight, bias, stride=stride, padding=padding)


@alternative("conv2d_unfold")
def conv2d_unfold_f_unfold(x, weight, bias=None, stride=1, padding=0):
    import torch.nn.functional as TF
    N, C, H, W = x.shape
    F, _, KH, KW = weight.shape
    OH = (H + 2 * padding - KH) // stride + 1
    OW = (W + 2 * padding - KW) // stride + 1
    cols = TF.unfold(x, (KH, KW), padding=padding, stride=stride)  # (N, C*KH*KW, L)
    out = weight.reshape(F, -1) @ cols
    if bias is not None:
        out = out + bias[None, :, None]
    return out.reshape(N, F, OH, OW)


@alternative("conv2d_unfold")
def conv2d_unfold_einsum(x, weight, bias=None, stride=1, padding=0):
    patches = pad2d(x, padding).unfold(2, weight.shape[2], stride) \
        .unfold(3, weight.shape[3], stride)  # (N, C, OH, OW, KH, KW)
    out = torch.einsum("nchwuv,fcuv->nfhw", patches, weight)
    if bias is not None:
        out = out + bias.reshape(1, -1, 1, 1)
    return out


@alternative("conv2d_unfold")
def conv2d_unfold_as_strided_tensordot(x, weight, bias=None, stride=1, padding=0):
    N, C, H, W = x.shape
    F, _, KH, KW = weight.shape
    s = stride
    OH = (H + 2 * padding - KH) // s + 1
    OW = (W + 2 * padding - KW) // s + 1
    xp = pad2d(x, padding)
    sn, sc, sh, sw = xp.stride()
    patches = xp.as_strided((N, C, OH, OW, KH, KW), (sn, sc, sh * s, sw * s, sh, sw))
    out = torch.tensordot(patches, weight, dims=([1, 4, 5], [1, 2, 3]))  # (N, OH, OW, F)
    out = out.permute(0, 3, 1, 2).contiguous()
    if bias is not None:
        out += bias.view(1, F, 1, 1)
    return out


# -- max_pool2d -------------------------------------------------------------------------


@mutant("max_pool2d", kills=["stride_defaults_to_kernel_size", "all_negative_input",
                             "input_unchanged", "vectorised"])
def max_pool2d_stride_none_passed_on(x, kernel_size, stride=None):
    k = kernel_size
    return x.unfold(2, k, stride).unfold(3, k, stride).amax(dim=(-2, -1))


@mutant("max_pool2d", kills=["matches_f_max_pool2d", "non_contiguous_input"])
def max_pool2d_reshape_assumes_stride_k(x, kernel_size, stride=None):
    k = kernel_size
    N, C, H, W = x.shape
    OH, OW = H // k, W // k
    x = x[:, :, : OH * k, : OW * k]  # drop the border windows that do not fit
    return x.reshape(N, C, OH, k, OW, k).amax(dim=(3, 5))  # non-overlapping windows only


@mutant("max_pool2d", kills=["non_contiguous_input"])
def max_pool2d_as_strided_contiguous_strides(x, kernel_size, stride=None):
    k = kernel_size
    s = k if stride is None else stride
    N, C, H, W = x.shape
    OH, OW = (H - k) // s + 1, (W - k) // s + 1
    windows = x.as_strided((N, C, OH, OW, k, k), (C * H * W, H * W, s * W, s, W, 1))
    return windows.amax(dim=(-2, -1))


@mutant("max_pool2d", kills=["input_unchanged"])
def max_pool2d_max_into_input(x, kernel_size, stride=None):
    k = kernel_size
    s = k if stride is None else stride
    N, C, H, W = x.shape
    OH, OW = (H - k) // s + 1, (W - k) // s + 1
    out = x[:, :, : s * (OH - 1) + 1: s, : s * (OW - 1) + 1: s]  # a view of x ...
    for u in range(k):
        for v in range(k):
            torch.maximum(out, x[:, :, u: u + s * (OH - 1) + 1: s, v: v + s * (OW - 1) + 1: s],
                          out=out)  # ... written in place
    return out


@mutant("max_pool2d", kills=["vectorised"])
def max_pool2d_loops_over_positions(x, kernel_size, stride=None):
    k = kernel_size
    s = k if stride is None else stride
    N, C, H, W = x.shape
    OH, OW = (H - k) // s + 1, (W - k) // s + 1
    out = x.new_empty((N, C, OH, OW))
    for i in range(OH):
        for j in range(OW):
            out[:, :, i, j] = x[:, :, i * s: i * s + k, j * s: j * s + k].amax(dim=(2, 3))
    return out


@mutant("max_pool2d", kills=["matches_f_max_pool2d"])
def max_pool2d_f_max_pool2d(x, kernel_size, stride=None):
    import torch.nn.functional as TF
    return TF.max_pool2d(x, kernel_size, stride)


@alternative("max_pool2d")
def max_pool2d_f_unfold_amax(x, kernel_size, stride=None):
    import torch.nn.functional as TF
    k = kernel_size
    s = stride or k
    N, C, H, W = x.shape
    cols = TF.unfold(x.reshape(N * C, 1, H, W), k, stride=s)  # (N*C, k*k, L)
    return cols.amax(dim=1).reshape(N, C, (H - k) // s + 1, (W - k) // s + 1)


@alternative("max_pool2d")
def max_pool2d_offset_slices(x, kernel_size, stride=None):
    """Reshape/slice trick: one strided slice per kernel offset, stacked, then max."""
    k = kernel_size
    s = k if stride is None else stride
    N, C, H, W = x.shape
    OH, OW = (H - k) // s + 1, (W - k) // s + 1
    slices = [x[:, :, u: u + s * (OH - 1) + 1: s, v: v + s * (OW - 1) + 1: s]
              for u in range(k) for v in range(k)]
    return torch.stack(slices).max(dim=0).values


@alternative("max_pool2d")
def max_pool2d_as_strided(x, kernel_size, stride=None):
    k = kernel_size
    s = k if stride is None else stride
    N, C, H, W = x.shape
    OH, OW = (H - k) // s + 1, (W - k) // s + 1
    sn, sc, sh, sw = x.stride()
    windows = x.as_strided((N, C, OH, OW, k, k), (sn, sc, sh * s, sw * s, sh, sw))
    return windows.reshape(N, C, OH, OW, k * k).max(dim=-1).values


@mutant("pad2d", kills=["zero_padding_keeps_values"])
def pad2d_negative_slice_end(x, padding):
    *lead, H, W = x.shape
    p = padding
    out = x.new_zeros((*lead, H + 2 * p, W + 2 * p))
    out[..., p:-p, p:-p] = x  # p = 0 makes the slice p:-0, which is empty
    return out


@mutant("conv2d_loops", kills=["bias_none"])
def conv2d_loops_bias_always_added(x, weight, bias=None, stride=1, padding=0):
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
    return out + bias.view(1, F, 1, 1)


@mutant("conv2d_unfold", kills=["matches_f_conv2d", "differentiable"])
def conv2d_unfold_output_size_off_by_one(x, weight, bias=None, stride=1, padding=0):
    N, C, H, W = x.shape
    F, _, KH, KW = weight.shape
    OH = (H + 2 * padding - KH + 1) // stride  # right only for stride 1
    OW = (W + 2 * padding - KW + 1) // stride
    patches = pad2d(x, padding).unfold(2, KH, stride).unfold(3, KW, stride)
    cols = patches.permute(0, 1, 4, 5, 2, 3).reshape(N, C * KH * KW, -1)
    out = weight.reshape(F, C * KH * KW) @ cols
    if bias is not None:
        out = out + bias.view(1, F, 1)
    return out.view(N, F, OH, OW)


@mutant("conv2d_unfold", kills=["matches_f_conv2d", "batch_of_one_kernel_covers_padded_input"])
def conv2d_unfold_size_forgets_padding(x, weight, bias=None, stride=1, padding=0):
    N, C, H, W = x.shape
    F, _, KH, KW = weight.shape
    OH = (H - KH) // stride + 1
    OW = (W - KW) // stride + 1
    patches = pad2d(x, padding).unfold(2, KH, stride).unfold(3, KW, stride)
    cols = patches.permute(0, 1, 4, 5, 2, 3).reshape(N, C * KH * KW, -1)
    out = weight.reshape(F, C * KH * KW) @ cols
    if bias is not None:
        out = out + bias.view(1, F, 1)
    return out.view(N, F, OH, OW)


@mutant("pad2d", kills=["matches_f_pad"])
def pad2d_zeros_in_the_default_dtype(x, padding):
    N, C, H, W = x.shape
    out = torch.zeros(N, C, H + 2 * padding, W + 2 * padding, device=x.device)  # float32 always
    out[:, :, padding: padding + H, padding: padding + W] = x
    return out
