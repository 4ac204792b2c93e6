"""The checks' messages for ex05_softmax: suite.ex05_softmax.public.<check or constant>."""
MESSAGES = {
    "suite.ex05_softmax.public.slice_sums_to_one":
        "each slice along dim={dim} sums to 1",
    "suite.ex05_softmax.public.log_softmax_along":
        "log softmax along dim={dim}: (x - m) - log(sum(exp(x - m)))",
    "suite.ex05_softmax.public.the_jacobian":
        "the Jacobian",
    "suite.ex05_softmax.public.the_loss":
        "the loss",
    "suite.ex05_softmax.public.mean_over_rows":
        "a 0-dim tensor: the mean over the rows of -log softmax(o_n)[y_n]",
    "suite.ex05_softmax.public.numpy_loss":
        "the loss is {got}, expected the Python float {expected} (F.cross_entropy on the same numbers)",
    "suite.ex05_softmax.public.softmax_vjp":
        "dL/do = p * (g - sum(g * p, dim, keepdim=True))",
}
