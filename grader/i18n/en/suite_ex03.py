"""The checks' messages for ex03_linear_regression: suite.ex03_linear_regression.<check or constant>."""
MESSAGES = {
    "suite.ex03_linear_regression.squared_loss.vector_predictions":
        "the loss is shaped like y_hat: reshape y to y_hat's shape, not to a column",
    "suite.ex03_linear_regression.train_linreg.initial_parameters":
        "with lr = 0 the parameters must come back as drawn: w ~ N(0, 0.01) and b = 0, got w with std {std} and mean {mean}, b = {b}",
    "suite.ex03_linear_regression.squared_loss.matches_formula":
        "a [7, 7] result means y was not reshaped to y_hat's shape",
    "suite.ex03_linear_regression.squared_loss.same_shapes_not_reduced":
        "one loss per example: do not sum or average",
    "suite.ex03_linear_regression.sgd.updates_parameters_in_place":
        "p -= lr * p.grad / batch_size, in place",
    "suite.ex03_linear_regression.y_reshaped":
        "y (reshape it to [n, 1])",
    "suite.ex03_linear_regression.after_the_step":
        "{name} after the step",
    "suite.ex03_linear_regression.synthetic_data.not_standard_normal":
        "X should be N(0, 1): column means {means}, standard deviations {stds}",
    "suite.ex03_linear_regression.synthetic_data.correlated_columns":
        "the columns of X are correlated: draw every entry independently",
    "suite.ex03_linear_regression.synthetic_data.noise_mean":
        "y - (X @ w + b) should average 0, got {value}: is b added (once)?",
    "suite.ex03_linear_regression.synthetic_data.noise_std":
        "the noise should have standard deviation 0.01, got {value}",
    "suite.ex03_linear_regression.synthetic_data.same_samples":
        "two calls returned the same X: draw new random numbers each call",
    "suite.ex03_linear_regression.data_iter.batch_sizes":
        "batch sizes {sizes}, expected {expected} (the last batch may be smaller)",
    "suite.ex03_linear_regression.data_iter.not_every_example_once":
        "one pass should yield every example exactly once",
    "suite.ex03_linear_regression.data_iter.features_with_other_labels":
        "a batch pairs features with the labels of other examples: index both with the same indices",
    "suite.ex03_linear_regression.data_iter.same_order":
        "the examples come in the same order every pass: shuffle the indices each time",
    "suite.ex03_linear_regression.data_iter.a_feature_batch":
        "a feature batch",
    "suite.ex03_linear_regression.data_iter.a_label_batch":
        "a label batch",
    "suite.ex03_linear_regression.sgd.grad_not_zeroed":
        "{name}.grad is not zero after the step: call p.grad.zero_() so that the next backward starts fresh",
    "suite.ex03_linear_regression.sgd.returns_something":
        "sgd updates in place and returns None",
    "suite.ex03_linear_regression.sgd.no_longer_requires_grad":
        "the parameters no longer require grad after the step",
    "suite.ex03_linear_regression.train_linreg.far_from_true_parameters":
        "after 3 epochs w = {w}, b = {b}; expected about {true_w}, [{true_b}]",
    "suite.ex03_linear_regression.train_linreg.not_detached":
        "return w.detach(), b.detach(): the trained values, without their autograd history",
    "suite.ex03_linear_regression.train_linreg.not_reproducible":
        "two runs with the same generator gave different parameters: draw every random number from `generator`",
    "suite.ex03_linear_regression.normal_equation.for_vector_labels":
        "{name} for y of shape [n]",
}
