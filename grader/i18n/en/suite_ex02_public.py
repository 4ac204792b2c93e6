"""The public checks' messages for ex02_gradient_descent: suite.ex02_gradient_descent.public.<check or constant>."""
MESSAGES = {
    "suite.ex02_gradient_descent.public.sum_of_cubes":
        "the numerical gradient of sum(x ** 3)",
    "suite.ex02_gradient_descent.public.central_differences":
        "central differences, one element at a time: the gradient is 3 x^2",
    "suite.ex02_gradient_descent.public.five_steps":
        "x after 5 steps of lr=0.1 on sum(x ** 2)",
    "suite.ex02_gradient_descent.public.each_step":
        "each step is x <- x - lr * df/dx(x)",
    "suite.ex02_gradient_descent.public.himmelblau_three_points":
        "himmelblau at (1, 1), (2, -1), (-3, 3)",
    "suite.ex02_gradient_descent.public.not_at_a_minimum":
        "find_minima ended at {end}, which is not within 1e-2 of a minimum of himmelblau (distances {distances})",
}
