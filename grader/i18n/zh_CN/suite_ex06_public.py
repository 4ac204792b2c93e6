"""ex06_mlp 公开检查的提示: suite.ex06_mlp.public.<检查或常量>。"""
MESSAGES = {
    "suite.ex06_mlp.public.gradients_dict":
        "梯度应该是键为 W1、b1、W2、b2 的字典",
    "suite.ex06_mlp.public.returns_dict":
        "{function} 应该返回键为 W1、b1、W2、b2 的字典",
    "suite.ex06_mlp.public.all_zeros":
        "{name} 应该全为 0，实际是 {got}",
    "suite.ex06_mlp.public.forward_pair":
        "mlp_forward 应该返回二元组 (scores, cache)",
    "suite.ex06_mlp.public.forward_pair_for_backward":
        "mlp_forward 应该返回二元组 (scores, cache)；mlp_backward 通过它来检查",
    "suite.ex06_mlp.public.loss_and_grads_pair":
        "mlp_loss_and_grads 应该返回二元组 (loss, grads)",
    "suite.ex06_mlp.public.the_loss":
        "损失",
    "suite.ex06_mlp.public.mean_loss":
        "F.cross_entropy 的平均损失，是一个 0 维张量",
    "suite.ex06_mlp.public.after_two_epochs":
        "2 个 epoch 之后的 {name}",
    "suite.ex06_mlp.public.two_epochs":
        "从 init_mlp(D, hidden, C, generator) 开始，然后每个 epoch：params -= lr * 整个批量上的梯度",
}
