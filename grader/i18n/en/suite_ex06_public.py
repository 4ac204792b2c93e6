"""The checks' messages for ex06_mlp: suite.ex06_mlp.public.<check or constant>."""
MESSAGES = {
    "suite.ex06_mlp.public.gradients_dict":
        "the gradients should be a dict with keys W1, b1, W2, b2",
    "suite.ex06_mlp.public.returns_dict":
        "{function} should return a dict with keys W1, b1, W2, b2",
    "suite.ex06_mlp.public.all_zeros":
        "{name} should be all zeros, got {got}",
    "suite.ex06_mlp.public.forward_pair":
        "mlp_forward should return the pair (scores, cache)",
    "suite.ex06_mlp.public.forward_pair_for_backward":
        "mlp_forward should return the pair (scores, cache); mlp_backward is checked through it",
    "suite.ex06_mlp.public.loss_and_grads_pair":
        "mlp_loss_and_grads should return the pair (loss, grads)",
    "suite.ex06_mlp.public.the_loss":
        "the loss",
    "suite.ex06_mlp.public.mean_loss":
        "F.cross_entropy's mean loss, as a 0-dim tensor",
    "suite.ex06_mlp.public.after_two_epochs":
        "{name} after 2 epochs",
    "suite.ex06_mlp.public.two_epochs":
        "start from init_mlp(D, hidden, C, generator), then each epoch: params -= lr * grads of the whole batch",
}
