"""ex04_activations 公开检查的提示: suite.ex04_activations.public.<检查或常量>。"""
MESSAGES = {
    "suite.ex04_activations.public.compare_with_torch":
        "和 torch.{function} 在相同输入上的结果对比",
    "suite.ex04_activations.public.local_derivative":
        "grad_in = grad_out * (局部导数)",
}
