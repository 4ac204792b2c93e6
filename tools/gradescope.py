"""make gradescope: dist/autograder.zip, the autograder of a Gradescope programming assignment.

The zip holds at its root, as Gradescope requires: setup.sh and run_autograder
(templates/gradescope/), the grader package with its hidden suites, and seed.txt,
the seed of the hidden checks' inputs. Upload the zip as the assignment's autograder.

    python tools/gradescope.py [--out dist/autograder.zip] [--seed N]
"""
import argparse
import os
import secrets
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "templates" / "gradescope"
FIXED_TIME = (1980, 1, 1, 0, 0, 0)   # same content, same zip


def package_files():
    """(path on disk, name in the zip) for everything the autograder needs."""
    yield TEMPLATES / "setup.sh", "setup.sh"
    yield TEMPLATES / "run_autograder", "run_autograder"
    for path in sorted((ROOT / "grader").rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            yield path, path.relative_to(ROOT).as_posix()


def add(zf, name, data, executable=False):
    info = zipfile.ZipInfo(name, FIXED_TIME)
    info.external_attr = (0o100755 if executable else 0o100644) << 16
    info.compress_type = zipfile.ZIP_DEFLATED
    zf.writestr(info, data)


def build(out, seed):
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    with zipfile.ZipFile(tmp, "w") as zf:
        for path, name in package_files():
            add(zf, name, path.read_bytes(), executable=name in ("setup.sh", "run_autograder"))
        add(zf, "seed.txt", f"{seed}\n")
    os.replace(tmp, out)


def main(argv=None):
    p = argparse.ArgumentParser(prog="python tools/gradescope.py", description=__doc__.split("\n")[0])
    p.add_argument("--out", type=Path, default=ROOT / "dist" / "autograder.zip")
    p.add_argument("--seed", type=int, default=os.environ.get("GRADER_SEED"),
                   help="seed of the hidden inputs (env GRADER_SEED; default: a random one)")
    args = p.parse_args(argv)
    seed = args.seed if args.seed is not None else secrets.randbelow(2**31)
    build(args.out, int(seed))
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KB); hidden inputs use seed {seed}: "
          f"keep it secret, and grade locally with --seed {seed} to reproduce a Gradescope grade")
    return 0


if __name__ == "__main__":
    sys.exit(main())
