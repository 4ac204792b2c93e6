"""The public checks' messages for ex07_conv: suite.ex07_conv.public.<check>."""
MESSAGES = {
    "suite.ex07_conv.public.pad2d.example_one_image":
        "`padding` zeros on all four sides",
    "suite.ex07_conv.public.conv.example_small_image":
        "compare with F.conv2d on the same arguments",
    "suite.ex07_conv.public.max_pool2d.example_scrambled_values":
        "the maximum of each 2 x 2 window, windows 2 apart",
}
