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
}
