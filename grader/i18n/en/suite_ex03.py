"""The checks' messages for ex03_linear_regression: suite.ex03_linear_regression.<check or constant>."""
MESSAGES = {
    "suite.ex03_linear_regression.squared_loss.matches_formula":
        "a [7, 7] result means y was not reshaped to y_hat's shape",
    "suite.ex03_linear_regression.squared_loss.same_shapes_not_reduced":
        "one loss per example: do not sum or average",
    "suite.ex03_linear_regression.sgd.updates_parameters_in_place":
        "p -= lr * p.grad / batch_size, in place",
}
