"""Hints, three per function: 1 a nudge, 2 the key idea, 3 nearly the solution."""
MESSAGES = {
    # -- hint command -------------------------------------------------------------
    "hint.header": "Hint {level}/{levels} for {name}:",
    "hint.ask_again": "(run it again for the next hint: {command})",
    "hint.no_more": "No more hints for {name}: here is the last one again.",
    "hint.unknown_function": "no such function in the curriculum: {name} "
                             "(try ex05.softmax, or `python -m grader hint` for the list)",
    "hint.usage": "Next hint of a function: python -m grader hint ex05.softmax "
                  "(--reset starts over)",
    "hint.reset_one": "Hints of {name} reset: the next one is hint 1.",
    "hint.reset_all": "All hints reset.",
    "hint.cannot_save": "could not save the hints seen to {path} ({error})",

    # -- ex01_tensors -------------------------------------------------------------
    "hint.ex01_tensors.flatten_images.1":
        "Every image keeps its own row: only the dimensions after the batch are merged.",
    "hint.ex01_tensors.flatten_images.2":
        "reshape (unlike view) also works on a non-contiguous tensor; -1 lets torch "
        "compute one dimension for you.",
    "hint.ex01_tensors.flatten_images.3":
        "[B, C, H, W] -> [B, C*H*W]: keep x.shape[0] and pass -1 for the rest.",
    "hint.ex01_tensors.add_channel_bias.1":
        "Broadcasting lines shapes up from the right: which dimension does bias [C] "
        "land on if you just write x + bias?",
    "hint.ex01_tensors.add_channel_bias.2":
        "bias must line up with dimension 1 (channels), so give it two trailing "
        "dimensions of size 1.",
    "hint.ex01_tensors.add_channel_bias.3":
        "bias [C] -> [C, 1, 1]; then [B, C, H, W] + [C, 1, 1] broadcasts over B, H and W.",
    "hint.ex01_tensors.one_hot.1":
        "Row n has a single 1, in column labels[n]. Check the labels first: out of "
        "range must raise ValueError.",
    "hint.ex01_tensors.one_hot.2":
        "Compare every label with every class index at once: a column of labels "
        "against a row arange(C) broadcasts to [N, C] booleans.",
    "hint.ex01_tensors.one_hot.3":
        "labels [N] -> [N, 1]; == arange(num_classes) [C] gives [N, C]; convert to "
        "float32. Put arange on the labels' device.",
    "hint.ex01_tensors.accuracy.1":
        "The predicted class of a row is the index of its largest logit.",
    "hint.ex01_tensors.accuracy.2":
        "argmax along dim=1, compare with labels, count the matches, divide by N. "
        "The result is a Python float.",
    "hint.ex01_tensors.accuracy.3":
        "argmax(dim=1) -> [N] predictions; == labels -> [N] booleans; .sum().item() "
        "counts them as an integer; divide by N in Python.",
    "hint.ex01_tensors.topk_accuracy.1":
        "A row counts when the true label is among the k best scores. With ties, the "
        "docstring's rule is generous: count the classes STRICTLY above the label.",
    "hint.ex01_tensors.topk_accuracy.2":
        "Take each row's score of its true label, then count how many scores in the "
        "row are larger: the row counts when that number is < k.",
    "hint.ex01_tensors.topk_accuracy.3":
        "true = logits.gather(1, labels[:, None]) -> [N, 1]; above = (logits > true)"
        ".sum(1) -> [N]; fraction of rows with above < k.",

    # -- ex02_gradient_descent ----------------------------------------------------
    "hint.ex02_gradient_descent.numerical_gradient.1":
        "Nudge one entry of x at a time, keep the others fixed, and watch how f changes.",
    "hint.ex02_gradient_descent.numerical_gradient.2":
        "Central difference: df/dx_i ~ (f(x + eps e_i) - f(x - eps e_i)) / (2 eps). "
        "Work on a private copy of x and put each entry back afterwards.",
    "hint.ex02_gradient_descent.numerical_gradient.3":
        "Loop over every index tuple of x (itertools.product of ranges, works for any "
        "shape); read f(...) into a Python float before the next nudge changes x.",
    "hint.ex02_gradient_descent.gradient_descent.1":
        "Repeat `steps` times: compute the gradient at the current point, step against it.",
    "hint.ex02_gradient_descent.gradient_descent.2":
        "Start from a copy of x0 that requires grad; torch.autograd.grad(f(x), x) gives "
        "df/dx. The update itself must not be recorded by autograd.",
    "hint.ex02_gradient_descent.gradient_descent.3":
        "Each step: (g,) = torch.autograd.grad(f(x), x); then inside torch.no_grad(): "
        "x -= lr * g. Return x detached.",
    "hint.ex02_gradient_descent.himmelblau.1":
        "The two coordinates are the last dimension: x[..., 0] and x[..., 1].",
    "hint.ex02_gradient_descent.himmelblau.2":
        "f = (x0^2 + x1 - 11)^2 + (x0 + x1^2 - 7)^2, computed elementwise so any "
        "leading batch shape works.",
    "hint.ex02_gradient_descent.himmelblau.3":
        "x0, x1 = x[..., 0], x[..., 1]; the result has shape x.shape[:-1] (one value "
        "per point).",
    "hint.ex02_gradient_descent.find_minima.1":
        "Descend from every start at the same time: the starts are the rows of one "
        "[S, 2] tensor.",
    "hint.ex02_gradient_descent.find_minima.2":
        "Far from a minimum the gradient is in the hundreds and a fixed lr overshoots: "
        "clip each row's gradient to norm at most 1 before the step.",
    "hint.ex02_gradient_descent.find_minima.3":
        "g = grad of himmelblau(x).sum() w.r.t. x -> [S, 2] (each row its own "
        "gradient); x -= lr * g / max(1, ||g|| per row, keepdim).",

    # -- ex03_linear_regression ---------------------------------------------------
    "hint.ex03_linear_regression.synthetic_data.1":
        "Draw X from N(0, 1), compute y = Xw + b, add small noise (std 0.01).",
    "hint.ex03_linear_regression.synthetic_data.2":
        "Use the generator for every draw, with w's dtype and device; draw on the "
        "generator's device, then move.",
    "hint.ex03_linear_regression.synthetic_data.3":
        "X: [n, d]; y = X @ w + b + 0.01 * noise; return X and y reshaped to [n, 1].",
    "hint.ex03_linear_regression.data_iter.1":
        "A generator function: shuffle the example indices once, then yield slices.",
    "hint.ex03_linear_regression.data_iter.2":
        "torch.randperm(n, generator=...) gives a random order; step through it "
        "batch_size at a time; the last batch may be smaller.",
    "hint.ex03_linear_regression.data_iter.3":
        "for i in range(0, n, batch_size): idx = perm[i:i + batch_size]; "
        "yield features[idx], labels[idx].",
    "hint.ex03_linear_regression.linreg.1":
        "One matrix product and one addition.",
    "hint.ex03_linear_regression.linreg.2":
        "[n, d] @ [d, 1] = [n, 1]; the bias [1] broadcasts over the rows.",
    "hint.ex03_linear_regression.linreg.3":
        "Shapes: X [n, d] @ w [d, 1] gives [n, 1]; b of shape [1] broadcasts to every "
        "row. Do not flatten w.",
    "hint.ex03_linear_regression.squared_loss.1":
        "One loss per example, not a mean; watch the shapes of y_hat and y.",
    "hint.ex03_linear_regression.squared_loss.2":
        "y may be [n] while y_hat is [n, 1]: [n, 1] - [n] broadcasts to [n, n]. "
        "Reshape y to y_hat's shape first.",
    "hint.ex03_linear_regression.squared_loss.3":
        "Reshape y to y_hat's shape, subtract, square, halve: [n, 1], one loss per "
        "example.",
    "hint.ex03_linear_regression.sgd.1":
        "Update each parameter in place, then clear its gradient.",
    "hint.ex03_linear_regression.sgd.2":
        "Inside torch.no_grad(): p -= lr * p.grad / batch_size. The loss was a sum, so "
        "dividing by batch_size gives the mean's gradient.",
    "hint.ex03_linear_regression.sgd.3":
        "Loop over params; inside torch.no_grad() subtract lr * grad / batch_size in "
        "place (-=), then zero the grad in place. p = p - ... makes a new tensor and "
        "leaves the parameter unchanged.",
    "hint.ex03_linear_regression.train_linreg.1":
        "Put your four pieces together: data_iter, linreg, squared_loss, sgd.",
    "hint.ex03_linear_regression.train_linreg.2":
        "w starts as 0.01 * N(0, 1) of shape [d, 1] and b as zeros [1], both with "
        "requires_grad; draw w with the generator, and pass the generator to data_iter.",
    "hint.ex03_linear_regression.train_linreg.3":
        "for each epoch, for X, y in data_iter(...): l = squared_loss(linreg(X, w, b), y); "
        "l.sum().backward(); sgd([w, b], lr, batch_size). Return w and b detached.",
    "hint.ex03_linear_regression.normal_equation.1":
        "Fold the bias into the weights: add a column of ones to X.",
    "hint.ex03_linear_regression.normal_equation.2":
        "Least squares on A = [X, 1]: theta minimises ||A theta - y||^2. Solve it with "
        "torch.linalg.lstsq instead of inverting A^T A (inv is forbidden and loses digits).",
    "hint.ex03_linear_regression.normal_equation.3":
        "A: [n, d+1]; theta = lstsq(A, y as [n, 1]).solution -> [d+1, 1]; "
        "w = theta[:d] ([d, 1]), b = theta[d] ([1]).",

    # -- ex04_activations -----------------------------------------------------------
    "hint.ex04_activations.sigmoid.1":
        "exp(1000) overflows to inf: arrange the formula so exp only sees numbers <= 0.",
    "hint.ex04_activations.sigmoid.2":
        "Use 1 / (1 + exp(-x)) where x >= 0 and exp(x) / (1 + exp(x)) where x < 0; both "
        "only need exp(-|x|).",
    "hint.ex04_activations.sigmoid.3":
        "e = exp(-|x|) in (0, 1]; torch.where(x >= 0, 1 / (1 + e), e / (1 + e)).",
    "hint.ex04_activations.sigmoid_backward.1":
        "You get the forward output, not x: write the derivative in terms of it.",
    "hint.ex04_activations.sigmoid_backward.2":
        "d sigmoid / dx = sigmoid(x) (1 - sigmoid(x)); chain rule: multiply by grad_out.",
    "hint.ex04_activations.sigmoid_backward.3":
        "Elementwise: grad_out times out times (1 - out); the same shape as grad_out.",
    "hint.ex04_activations.tanh.1":
        "tanh is odd: compute it for |x| and put the sign back.",
    "hint.ex04_activations.tanh.2":
        "tanh(|x|) = (1 - exp(-2|x|)) / (1 + exp(-2|x|)) never overflows. For tiny |x|, "
        "expm1 keeps the digits that 1 - exp(...) loses.",
    "hint.ex04_activations.tanh.3":
        "m = expm1(-2|x|); t = -m / (2 + m) is tanh(|x|); return t where x >= 0, -t where x < 0.",
    "hint.ex04_activations.tanh_backward.1":
        "As for sigmoid: the derivative written with the output.",
    "hint.ex04_activations.tanh_backward.2":
        "d tanh / dx = 1 - tanh(x)^2.",
    "hint.ex04_activations.tanh_backward.3":
        "Elementwise: grad_out times (1 - out squared). Do not apply tanh again: out "
        "already is tanh(x).",
    "hint.ex04_activations.relu.1":
        "Negative values become 0, the rest stay as they are.",
    "hint.ex04_activations.relu.2":
        "clamp with a minimum of 0 does it in one call (and keeps nan as nan).",
    "hint.ex04_activations.relu.3":
        "clamp has a `min` argument; the result keeps x's shape, dtype and device, "
        "and nan stays nan.",
    "hint.ex04_activations.relu_backward.1":
        "The gradient passes where x > 0 and is 0 elsewhere (x = 0 included).",
    "hint.ex04_activations.relu_backward.2":
        "Select, do not multiply: grad_out * mask turns an inf in grad_out into nan "
        "where the mask is 0.",
    "hint.ex04_activations.relu_backward.3":
        "torch.where(condition, a, b) takes a where the condition holds and b "
        "elsewhere: the condition is x > 0, a is grad_out, b is 0.",

    # -- ex05_softmax ------------------------------------------------------------------
    "hint.ex05_softmax.softmax.1":
        "exp(1e4) is inf. What can you subtract from every logit without changing "
        "the softmax?",
    "hint.ex05_softmax.softmax.2":
        "softmax(o)_i = exp(o_i - m) / sum_j exp(o_j - m), m = max along `dim`: every "
        "exponent is <= 0, so nothing overflows.",
    "hint.ex05_softmax.softmax.3":
        "z = logits - max over dim (keepdim=True); e = exp(z); e / sum of e over dim "
        "(keepdim=True). keepdim keeps [..., 1] so it broadcasts back.",
    "hint.ex05_softmax.log_softmax.1":
        "Do not take log(softmax(x)): a probability that underflows to 0 gives -inf.",
    "hint.ex05_softmax.log_softmax.2":
        "log softmax(o)_i = (o_i - m) - log sum_j exp(o_j - m), m = max along `dim`.",
    "hint.ex05_softmax.log_softmax.3":
        "z = logits - max over dim (keepdim=True); z - log(sum(exp(z)) over dim, "
        "keepdim=True). The sum is >= 1, so the log is safe.",
    "hint.ex05_softmax.softmax_jacobian.1":
        "You already have the softmax output p: do not apply softmax again.",
    "hint.ex05_softmax.softmax_jacobian.2":
        "J[i, j] = p_i (delta_ij - p_j): p_i (1 - p_i) on the diagonal, -p_i p_j off it.",
    "hint.ex05_softmax.softmax_jacobian.3":
        "J = diag(p) - outer(p, p); for a batch [..., C] use diag_embed and "
        "p[..., :, None] * p[..., None, :].",
    "hint.ex05_softmax.softmax_backward.1":
        "No need to build the C x C Jacobian: J^T g simplifies to one dot product per slice.",
    "hint.ex05_softmax.softmax_backward.2":
        "dL/do = p * (g - sum_j g_j p_j), with the sum along `dim`.",
    "hint.ex05_softmax.softmax_backward.3":
        "dot = sum of grad_out * probs along dim, keepdim=True -> [..., 1]; the "
        "answer is probs times (grad_out - dot).",
    "hint.ex05_softmax.cross_entropy.1":
        "The loss of a row is minus the log-probability of its true class; average "
        "over the rows.",
    "hint.ex05_softmax.cross_entropy.2":
        "Use your stable log_softmax along dim 1, then pick one entry per row, the one "
        "at the label.",
    "hint.ex05_softmax.cross_entropy.3":
        "logp [N, C] -> logp.gather(1, labels[:, None]) [N, 1] (or logp[arange(N), "
        "labels]); the loss is minus its mean, a 0-dim tensor.",
    "hint.ex05_softmax.cross_entropy_backward.1":
        "The softmax Jacobian and the derivative of -log p_y cancel into something short.",
    "hint.ex05_softmax.cross_entropy_backward.2":
        "dL/do = (softmax(o) - one_hot(y)) / N; the 1/N comes from the mean.",
    "hint.ex05_softmax.cross_entropy_backward.3":
        "p = softmax(logits, dim=1) [N, C]; subtract 1 at [arange(N), labels]; "
        "divide everything by N.",
    "hint.ex05_softmax.cross_entropy_numpy.1":
        "The same stable formula as cross_entropy, in NumPy: axis= instead of dim=, "
        "keepdims= instead of keepdim=.",
    "hint.ex05_softmax.cross_entropy_numpy.2":
        "Subtract each row's max, then log-sum-exp; pick logp[np.arange(N), labels]; "
        "do not modify the input array in place.",
    "hint.ex05_softmax.cross_entropy_numpy.3":
        "z = logits - logits.max(axis=1, keepdims=True); logp = z - log(exp(z).sum(axis=1, "
        "keepdims=True)); return float(minus the mean of the picked entries).",

    # -- ex06_mlp --------------------------------------------------------------------
    "hint.ex06_mlp.init_mlp.1":
        "Four tensors in a dict: W1, b1, W2, b2; weights random, biases zero.",
    "hint.ex06_mlp.init_mlp.2":
        "He initialisation for ReLU: N(0, 1) scaled by sqrt(2 / fan_in), fan_in being "
        "the number of inputs of that layer. Draw W1, then W2, with the generator.",
    "hint.ex06_mlp.init_mlp.3":
        "W1: randn(in, hidden) * sqrt(2 / in); W2: randn(hidden, out) * sqrt(2 / hidden); "
        "b1 zeros [hidden], b2 zeros [out]; then the dtype and device asked for.",
    "hint.ex06_mlp.mlp_forward.1":
        "Linear, ReLU, linear; keep what the backward pass will need.",
    "hint.ex06_mlp.mlp_forward.2":
        "h = relu(X @ W1 + b1), scores = h @ W2 + b2; return (scores, cache).",
    "hint.ex06_mlp.mlp_forward.3":
        "X [N, D] @ W1 [D, H] + b1 [H] -> [N, H]; clamp at 0; @ W2 [H, C] + b2 -> [N, C]; "
        "cache = (X, h).",
    "hint.ex06_mlp.mlp_backward.1":
        "Walk the forward pass backwards, one chain-rule step per line; every "
        "gradient has the shape of what it is the gradient of.",
    "hint.ex06_mlp.mlp_backward.2":
        "dW2 = h^T dscores, db2 = sum over the batch, dh = dscores W2^T, da = dh where "
        "h > 0, then the same for W1 and b1 with X.",
    "hint.ex06_mlp.mlp_backward.3":
        "Shapes: dW2 [H, C] = h.T [H, N] @ dscores [N, C]; db2 [C] = dscores.sum(0) "
        "(not [N, C]); dW1 [D, H] = X.T @ da; db1 = da.sum(0).",
    "hint.ex06_mlp.mlp_loss_and_grads.1":
        "Forward, the loss, then its gradient with respect to the scores, then your "
        "mlp_backward.",
    "hint.ex06_mlp.mlp_loss_and_grads.2":
        "Mean cross-entropy of the scores (stable: subtract each row's max); "
        "dscores = (softmax(scores) - one_hot(y)) / N.",
    "hint.ex06_mlp.mlp_loss_and_grads.3":
        "z = scores - row max; loss = mean over rows of log sum exp(z) - z[n, y_n]; "
        "dscores = exp(z) / sum, minus 1 at [arange(N), y], / N; return loss, "
        "mlp_backward(dscores, cache, params).",
    "hint.ex06_mlp.train_mlp.1":
        "Full-batch gradient descent on the whole data set, `epochs` times.",
    "hint.ex06_mlp.train_mlp.2":
        "C = y.max() + 1 classes; init_mlp with the generator, X's dtype and device; "
        "each epoch: grads from mlp_loss_and_grads, then p -= lr * grad for every parameter.",
    "hint.ex06_mlp.train_mlp.3":
        "params = init_mlp(D, hidden, C, generator=..., dtype=X.dtype, device=X.device); "
        "for each epoch: _, grads = mlp_loss_and_grads(X, y, params); "
        "update each params[name] by grads[name].",

    # -- ex07_conv -------------------------------------------------------------------
    "hint.ex07_conv.pad2d.1":
        "Make a bigger tensor of zeros and copy x into its middle.",
    "hint.ex07_conv.pad2d.2":
        "Only the last two dimensions grow, by 2p each; x.new_zeros keeps the dtype "
        "and device.",
    "hint.ex07_conv.pad2d.3":
        "out = zeros(..., H + 2p, W + 2p); out[..., p:p + H, p:p + W] = x.",
    "hint.ex07_conv.conv2d_loops.1":
        "Pad once, then loop over the output positions (i, j); handle the whole batch "
        "and every filter at each position.",
    "hint.ex07_conv.conv2d_loops.2":
        "OH = (H + 2p - KH) // s + 1 (same for OW). Output (i, j) reads the window "
        "starting at row i*s, column j*s.",
    "hint.ex07_conv.conv2d_loops.3":
        "patch = xp[:, :, i*s:i*s+KH, j*s:j*s+KW] [N, C, KH, KW]; "
        "patch[:, None] * weight [F, C, KH, KW] summed over (2, 3, 4) -> out[:, :, i, j] "
        "[N, F]; add bias as [1, F, 1, 1].",
    "hint.ex07_conv.conv2d_unfold.1":
        "Turn the convolution into one matrix product: gather every window into a column.",
    "hint.ex07_conv.conv2d_unfold.2":
        "Tensor.unfold(dim, size, step) views sliding windows; a flattened filter "
        "(C*KH*KW) times a flattened window is one output value.",
    "hint.ex07_conv.conv2d_unfold.3":
        "padded.unfold(2, KH, s).unfold(3, KW, s) -> [N, C, OH, OW, KH, KW]; permute and "
        "reshape to [N, C*KH*KW, OH*OW]; weight.reshape(F, -1) @ cols -> [N, F, OH*OW]; "
        "add bias, view as [N, F, OH, OW].",
    "hint.ex07_conv.max_pool2d.1":
        "Each output is the max of one k x k window; stride defaults to k.",
    "hint.ex07_conv.max_pool2d.2":
        "Tensor.unfold on dimensions 2 and 3 gives every window without a copy and "
        "without Python loops.",
    "hint.ex07_conv.max_pool2d.3":
        "x.unfold(2, k, s).unfold(3, k, s) -> [N, C, OH, OW, k, k]; take the max over "
        "the last two dimensions.",

    # -- ex08_knn --------------------------------------------------------------------
    "hint.ex08_knn.pairwise_distances.1":
        "No loops: expand ||x - y||^2 into pieces that are each cheap for whole matrices.",
    "hint.ex08_knn.pairwise_distances.2":
        "||x - y||^2 = ||x||^2 + ||y||^2 - 2 x.y; the cross term for every pair is one "
        "matrix product. Rounding can make it slightly negative: clamp at 0 before sqrt.",
    "hint.ex08_knn.pairwise_distances.3":
        "X2 [M, 1] + Y2 [N] - 2 X @ Y.T [M, N] -> clamp(min=0) -> sqrt, giving [M, N].",
    "hint.ex08_knn.knn_vote.1":
        "Count how often each label appears in a row, then take the most frequent.",
    "hint.ex08_knn.knn_vote.2":
        "Build an [M, num_classes] table of counts; argmax returns the first maximum, "
        "i.e. the smallest label on a tie.",
    "hint.ex08_knn.knn_vote.3":
        "counts: zeros [M, C] (long); scatter_add_ along dim 1 adds 1 at each "
        "neighbour's label; then argmax over dim 1.",
    "hint.ex08_knn.knn_predict.1":
        "Distances, the k nearest training points, their labels, a vote: reuse your "
        "other functions.",
    "hint.ex08_knn.knn_predict.2":
        "Sort each test row of distances; at equal distances the lower training index "
        "is nearer, which a stable sort keeps (topk does not promise it). k outside "
        "[1, N] raises ValueError.",
    "hint.ex08_knn.knn_predict.3":
        "D = pairwise_distances(X_test, X_train) [M, N]; idx = D.sort(dim=1, stable=True)"
        ".indices[:, :k] [M, k]; knn_vote(y_train[idx], C), C = y_train.max() + 1 if not given.",
    "hint.ex08_knn.knn_regress.1":
        "The same neighbours as knn_predict, but average their targets instead of voting.",
    "hint.ex08_knn.knn_regress.2":
        "Same tie rule and same ValueError for a bad k; integer targets become float "
        "before the mean.",
    "hint.ex08_knn.knn_regress.3":
        "idx [M, k] as in knn_predict; y_train[idx] is [M, k] (or [M, k, T]); mean over "
        "dim 1.",
}
