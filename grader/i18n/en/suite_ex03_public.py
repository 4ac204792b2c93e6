"""The public checks' messages for ex03_linear_regression: suite.ex03_linear_regression.public.<check or constant>."""
MESSAGES = {
    "suite.ex03_linear_regression.public.y_reshaped":
        "y (reshape it to [n, 1])",
    "suite.ex03_linear_regression.public.noise":
        "y - (X @ w + b) has mean {mean} and standard deviation {std}; expected about 0 and 0.01",
    "suite.ex03_linear_regression.public.batch_sizes":
        "batch sizes {sizes}, expected {expected}",
    "suite.ex03_linear_regression.public.features_with_other_labels":
        "a batch pairs features with the labels of other examples",
    "suite.ex03_linear_regression.public.each_example_once":
        "one pass should yield every example exactly once",
    "suite.ex03_linear_regression.public.linreg_formula":
        "X @ w + b, shape [n, 1]",
    "suite.ex03_linear_regression.public.squared_loss_formula":
        "(y_hat - y.reshape(y_hat.shape)) ** 2 / 2, one loss per example",
    "suite.ex03_linear_regression.public.after_the_step":
        "{name} after the step",
    "suite.ex03_linear_regression.public.sgd_step":
        "p -= lr * p.grad / batch_size, in place",
    "suite.ex03_linear_regression.public.after_three_epochs":
        "{name} after 3 epochs",
}
