"""The checks' messages for ex04_activations: suite.ex04_activations.<check or constant>."""
MESSAGES = {
    "suite.ex04_activations.layout_hint":
        "the same values as in the other checks, stored transposed in memory: if only this check fails, the code depends on the layout (.view(), as_strided)",
    "suite.ex04_activations.relu_backward.zero_input_gives_zero_gradient":
        "at x = 0 the gradient is 0, as in PyTorch: select where x > 0, not x >= 0",
}
