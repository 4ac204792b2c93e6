"""The checks' messages for ex04_activations: suite.ex04_activations.<check or constant>."""
MESSAGES = {
    "suite.ex04_activations.layout_hint":
        "the same values as in the other checks, stored transposed in memory: if only this check fails, the code depends on the layout (.view(), as_strided)",
    "suite.ex04_activations.relu_backward.zero_input_gives_zero_gradient":
        "at x = 0 the gradient is 0, as in PyTorch: select where x > 0, not x >= 0",
    "suite.ex04_activations.overflow_hint.sigmoid":
        "exp of a large x is inf and inf / inf is nan: only ever take exp(-|x|) (1 / (1 + e) for x >= 0, e / (1 + e) for x < 0, with e = exp(-|x|))",
    "suite.ex04_activations.overflow_hint.tanh":
        "exp of a large |x| is inf and inf / inf is nan: compute tanh(|x|) from exp(-2|x|) <= 1 and restore the sign",
    "suite.ex04_activations.not_finite":
        "{function}({x}) gave {value} ({count} of {total} outputs are nan or inf)",
    "suite.ex04_activations.backward_hint.sigmoid":
        "grad_in = grad_out * out * (1 - out), where out = sigmoid(x) is what you are given (not x)",
    "suite.ex04_activations.backward_hint.tanh":
        "grad_in = grad_out * (1 - out ** 2), where out = tanh(x) is what you are given (not x)",
    "suite.ex04_activations.backward_hint.relu":
        "grad_in = grad_out where x > 0, else 0 (x is the forward input)",
}
