"""Safe extraction of a zipped submission: only the exercise files, flattened."""
import re
import zipfile
import zlib
from pathlib import PurePosixPath

MAX_ENTRIES = 2000
MAX_BYTES = 64 << 20          # total uncompressed size, declared and actually written
KEPT = re.compile(r"ex\d\d_\w+\.(py|ipynb)")


class BadZip(Exception):
    """The archive is refused; the message says why (one line)."""


def extract(archive, dest):
    """Extract the exNN_*.py / exNN_*.ipynb files of ``archive`` into ``dest`` (flat).

    They may sit at the top of the archive or inside one top-level folder. Hidden
    folders (``.ipynb_checkpoints``, ``__MACOSX``) and every other file are skipped.
    """
    try:
        with zipfile.ZipFile(archive) as z:
            members = _kept_members(z.infolist())
            dest.mkdir(parents=True, exist_ok=True)
            budget = MAX_BYTES
            for info, name in members:
                budget = _copy(z, info, dest / name, budget)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError,
            OSError, ValueError) as e:
        raise BadZip(f"bad zip: {type(e).__name__}: {e}".splitlines()[0]) from None


def _kept_members(infos):
    if len(infos) > MAX_ENTRIES:
        raise BadZip(f"bad zip: more than {MAX_ENTRIES} entries")
    if sum(i.file_size for i in infos) > MAX_BYTES:
        raise BadZip(f"bad zip: more than {MAX_BYTES >> 20} MiB uncompressed")
    kept = []
    for info in infos:
        path = PurePosixPath(info.filename.replace("\\", "/"))
        if path.is_absolute() or ".." in path.parts or re.match(r"[A-Za-z]:", info.filename):
            raise BadZip(f"bad zip: unsafe path {info.filename!r}")
        hidden = any(p.startswith((".", "__MACOSX")) for p in path.parts[:-1])
        if not info.is_dir() and not hidden and KEPT.fullmatch(path.name):
            kept.append((info, path))
    if not kept:
        raise BadZip("not a submission: the zip holds no exNN_*.py or exNN_*.ipynb file")
    folders = {path.parent for _, path in kept}
    if len(folders) > 1 or len(next(iter(folders)).parts) > 1:
        raise BadZip("not a submission: the exercise files must be at the top of the zip "
                     "or inside one folder, found " + ", ".join(sorted(map(str, folders))))
    return [(info, path.name) for info, path in kept]


def _copy(z, info, target, budget):
    """Copy one member, counting the bytes actually written against ``budget``."""
    with z.open(info) as src, open(target, "wb") as out:
        while chunk := src.read(1 << 16):
            budget -= len(chunk)
            if budget < 0:
                raise BadZip(f"bad zip: more than {MAX_BYTES >> 20} MiB uncompressed")
            out.write(chunk)
    return budget
