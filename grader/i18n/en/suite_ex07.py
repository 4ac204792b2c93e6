"""The checks' messages for ex07_conv: suite.ex07_conv.<check or constant>."""
MESSAGES = {
    "suite.ex07_conv.size_hint":
        "output size is (H + 2p - KH) // s + 1 by (W + 2p - KW) // s + 1",
    "suite.ex07_conv.pad2d.matches_f_pad":
        "all four sides (top, bottom, left, right) get `padding` zeros",
    "suite.ex07_conv.conv.bias_by_keyword_defaults":
        "stride defaults to 1 and padding to 0",
    "suite.ex07_conv.max_pool2d.matches_f_max_pool2d":
        "windows that do not fit at the border are dropped (no padding)",
    "suite.ex07_conv.max_pool2d.all_negative_input":
        "a maximum of negative numbers is negative: do not start from 0",
    "suite.ex07_conv.conv2d_unfold.no_gradient":
        "no gradient reached {name}: keep every step in torch ops (no .detach(), .numpy() or torch.no_grad())",
    "suite.ex07_conv.conv2d_unfold.the_gradient_of":
        "the gradient of {name}",
}
