"""The checks' messages for ex06_mlp: suite.ex06_mlp.<check or constant>."""
MESSAGES = {
    "suite.ex06_mlp.mlp_forward.matches_reference":
        "scores = relu(X @ W1 + b1) @ W2 + b2: the ReLU on the hidden layer only, after adding b1",
    "suite.ex06_mlp.mlp_forward.batch_of_one":
        "one example still gives scores of shape [1, C]: do not squeeze",
    "suite.ex06_mlp.mlp_loss_and_grads.loss_matches_cross_entropy":
        "the mean over the batch of -log softmax(scores)[y], as a 0-dim tensor (no .item())",
    "suite.ex06_mlp.mlp_loss_and_grads.grads_match_autograd":
        "dscores = (softmax(scores) - one_hot(y)) / N, divided by N once (the loss is a mean), then mlp_backward",
    "suite.ex06_mlp.mlp_loss_and_grads.large_scores_stable":
        "exp overflows: subtract each row's max score before exp",
    "suite.ex06_mlp.train_mlp.gradient_descent_steps":
        "start from init_mlp(D, hidden, C, generator, X.dtype, X.device), then each epoch: params -= lr * grads of the whole batch",
    "suite.ex06_mlp.grad_hint.W1":
        "dW1 = X^T @ da, da = (dscores @ W2^T) masked where the pre-activation was <= 0",
    "suite.ex06_mlp.grad_hint.b1":
        "db1 has shape [H]: sum da over the batch (dim 0), do not average it",
    "suite.ex06_mlp.grad_hint.W2":
        "dW2 = h^T @ dscores, h the hidden activations after the ReLU",
    "suite.ex06_mlp.grad_hint.b2":
        "db2 has shape [C]: sum dscores over the batch (dim 0), do not average it",
    "suite.ex06_mlp.the_gradients":
        "the gradients",
    "suite.ex06_mlp.result_of":
        "{function}'s result",
    "suite.ex06_mlp.not_a_param_dict":
        "{what} should be a dict with keys W1, b1, W2, b2 (like params), got {got}",
    "suite.ex06_mlp.forward_pair":
        "mlp_forward should return the pair (scores, cache)",
    "suite.ex06_mlp.forward_pair_for_backward":
        "mlp_forward should return the pair (scores, cache); mlp_backward is graded through it",
    "suite.ex06_mlp.forward_scores_wrong":
        "mlp_backward is graded through your mlp_forward, whose scores are wrong; fix mlp_forward first.\n{error}",
    "suite.ex06_mlp.init_mlp.he_scale":
        "{name} has standard deviation {std}, expected sqrt(2 / fan_in) = sqrt(2 / {fan_in}) = {want} (He): fan_in is the layer's number of inputs, {name}.shape[0]; sqrt(2 / (fan_in + fan_out)) is Xavier's scale, not He's",
    "suite.ex06_mlp.init_mlp.weights_centred":
        "{name} has mean {mean}; the weights should be centred on 0: N(0, 1) (torch.randn), not U(0, 1) (torch.rand)",
    "suite.ex06_mlp.init_mlp.weights_normal":
        "the entries of W1 do not look normally distributed (kurtosis {kurtosis}, a normal distribution has 3): draw them with torch.randn and scale by sqrt(2 / fan_in), not from a uniform distribution",
    "suite.ex06_mlp.init_mlp.biases_zero":
        "{name} should be all zeros (torch.zeros), got {got}",
    "suite.ex06_mlp.init_mlp.same_seed_differs":
        "two calls with the same generator seed gave different {name} (device={device}, then 'cpu'): draw every weight on the CPU with torch.randn(..., generator=generator), then move it to `device`",
    "suite.ex06_mlp.init_mlp.other_seed_same":
        "generators with different seeds gave the same {name}: draw the weights with `generator`, do not reseed torch",
    "suite.ex06_mlp.mlp_backward.gradient_shape":
        "d{name} should have shape {shape}",
    "suite.ex06_mlp.loss_and_grads_pair":
        "mlp_loss_and_grads should return the pair (loss, grads)",
    "suite.ex06_mlp.the_loss":
        "the loss",
    "suite.ex06_mlp.the_loss_at_large_scores":
        "the loss at scores of about 1e3",
    "suite.ex06_mlp.train_mlp.fits_the_spiral":
        "the trained network classifies {right} of the 300 spiral points correctly, expected at least 285 with the defaults (hidden=64, lr=1.0, epochs=1000): every epoch should be one full-batch step params -= lr * grads",
    "suite.ex06_mlp.after_two_epochs":
        "{name} after 2 epochs",
    "suite.ex06_mlp.train_mlp.same_generator_differs":
        "two runs with the same generator gave different {name}: pass `generator` on to init_mlp",
}
