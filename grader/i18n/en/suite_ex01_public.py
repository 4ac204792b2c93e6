"""The public checks' messages for ex01_tensors: suite.ex01_tensors.public.<check or constant>."""
MESSAGES = {
    "suite.ex01_tensors.public.one_row_per_image":
        "one row per image, values in the order x.reshape(B, -1) gives",
    "suite.ex01_tensors.public.bias_per_channel":
        "bias[c] is added to every pixel of channel c",
    "suite.ex01_tensors.public.float32_one_hot":
        "a float32 tensor [N, num_classes]",
    "suite.ex01_tensors.public.topk_with_k":
        "topk_accuracy with k={k}",
}
