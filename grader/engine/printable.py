"""Text from a submission made safe to print and to store: terminal control sequences
(an exception message that clears the screen and draws a full-marks table) are shown
escaped, and lone surrogates (which no UTF-8 file or terminal accepts) too."""
import re

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text):
    text = str(text).encode("utf-8", "backslashreplace").decode("utf-8")
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)
