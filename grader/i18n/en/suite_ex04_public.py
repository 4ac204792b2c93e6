"""The public checks' messages for ex04_activations: suite.ex04_activations.public.<check or constant>."""
MESSAGES = {
    "suite.ex04_activations.public.compare_with_torch":
        "compare with torch.{function} on the same values",
    "suite.ex04_activations.public.local_derivative":
        "grad_in = grad_out * (the local derivative)",
}
