"""The checks' messages for ex02_gradient_descent: suite.ex02_gradient_descent.<check or constant>."""
MESSAGES = {
    "suite.ex02_gradient_descent.central_hint":
        "use central differences (f(x + eps e_i) - f(x - eps e_i)) / (2 eps), nudging one element at a time (every index of every axis)",
    "suite.ex02_gradient_descent.step_hint":
        "each step is x <- x - lr * df/dx(x); with .backward(), zero x.grad after every step (gradients add up) and update x in place under torch.no_grad()",
    "suite.ex02_gradient_descent.himmelblau_hint":
        "f = (x0^2 + x1 - 11)^2 + (x0 + x1^2 - 7)^2 with x0 = x[..., 0], x1 = x[..., 1]",
    "suite.ex02_gradient_descent.numerical_gradient.uses_eps":
        "use the eps argument (not a fixed 1e-6) and divide by 2 * eps",
    "suite.ex02_gradient_descent.numerical_gradient.non_contiguous_x":
        "x.reshape(-1) is a copy, not a view, when x is not contiguous: nudging it does not nudge x; index x itself with a tuple",
    "suite.ex02_gradient_descent.numerical_gradient.f_returning_a_view":
        "f may return a view of its input: turn f(x) into a number (float(...)) before you nudge the same tensor again",
    "suite.ex02_gradient_descent.numerical_gradient.f_returning_python_float":
        "f may return a Python float: float(f(x)) works for floats and one-element tensors, f(x).item() does not",
    "suite.ex02_gradient_descent.gradient_descent.zero_steps_return_x0":
        "steps=0 makes no update: range(steps)",
    "suite.ex02_gradient_descent.gradient_descent.other_function":
        "take the gradient of the f you are given, with autograd",
    "suite.ex02_gradient_descent.gradient_descent.x0_requiring_grad":
        "x0.clone() is not a leaf when x0 requires grad, so its .grad stays None: start from x0.detach().clone()",
    "suite.ex02_gradient_descent.himmelblau.batch_shapes":
        "index the last axis (x[..., 0]), whatever comes before it; a [2] input gives a 0-dim result",
    "suite.ex02_gradient_descent.himmelblau.non_contiguous_input":
        "view() needs a contiguous tensor; index with x[..., 0] instead",
    "suite.ex02_gradient_descent.the_result":
        "the result",
    "suite.ex02_gradient_descent.still_requires_grad":
        "the result still requires grad: return x.detach()",
    "suite.ex02_gradient_descent.numerical_gradient.what":
        "the numerical gradient",
    "suite.ex02_gradient_descent.numerical_gradient.uses_eps.what":
        "the numerical gradient with eps=1e-2",
    "suite.ex02_gradient_descent.numerical_gradient.non_contiguous_x.what":
        "the numerical gradient of a non-contiguous x",
    "suite.ex02_gradient_descent.numerical_gradient.f_returning_a_view.what":
        "the numerical gradient of f(x) = x[1, 2]",
    "suite.ex02_gradient_descent.numerical_gradient.f_returning_python_float.what":
        "the numerical gradient of a function returning a float",
    "suite.ex02_gradient_descent.gradient_descent.matches_closed_form.what":
        "x after 7 steps of lr=0.1 on f(x) = (x ** 2).sum()",
    "suite.ex02_gradient_descent.gradient_descent.zero_steps_return_x0.what":
        "x after 0 steps",
    "suite.ex02_gradient_descent.gradient_descent.other_function.what":
        "x after 5 steps on another f",
    "suite.ex02_gradient_descent.gradient_descent.x0_requiring_grad.what":
        "x after 3 steps from an x0 that requires grad",
    "suite.ex02_gradient_descent.himmelblau.known_values.what":
        "himmelblau at (3, 2), (0, 0), (-1, 1)",
    "suite.ex02_gradient_descent.find_minima.not_at_a_minimum":
        "from {bad} of {total} starts the result is not within 1e-2 of a minimum; e.g. from {start} it ends at {end} ({distance} away)\ndescend (x - lr * grad) with the gradient clipped per start, and stop only when every start has f < 1e-8",
    "suite.ex02_gradient_descent.find_minima.not_the_nearby_minimum":
        "from {bad} of {total} starts {radius} away from a minimum the result is not that minimum; e.g. from {start} it ends at {end}, not at {nearby}\nminimise from each start: the same answer for every start is not a descent",
}
